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
// The interface language first (English is built in; another is one small chunk), so the first
// frame, and any notice made while starting, is already in it (state/language.ts).
void startLanguage(location.search, embedded).then(() => mount(App, { target }));
