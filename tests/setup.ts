import '@testing-library/jest-dom/vitest';
import { i18n } from '../src/lib/i18n/i18n.svelte';
import { setRegionRoot } from '../src/lib/io/region-root';

// No region assets in jsdom (nothing serves them): a test that wants regions hands in its own (useRegionAssets).
setRegionRoot(null);

// The interface's words load as a chunk (as main.ts awaits them before mounting): English for every test.
await i18n.setLocale('en');
