import { mount } from 'svelte';
import App from './App.svelte';
import { readEmbedConfig } from './lib/embed/config';
import { startLanguage } from './lib/state/language';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');
const embedded = readEmbedConfig(
  location.search,
  /(^|\/)embed\.html$/.test(location.pathname) ? 'embed' : 'app',
).enabled;
// The interface language first (every catalogue, English too, is a small chunk of its own), so the
// first frame, and any notice made while starting, is already in it (state/language.ts). Should even
// English fail to load, the app still mounts, its messages showing their keys.
void startLanguage(location.search, embedded).then(() => mount(App, { target }));
