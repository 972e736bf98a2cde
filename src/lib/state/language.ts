/**
 * Which language the interface starts in and how a choice is kept: `lang=` in the URL (a link or
 * the embed snippet), then the reader's earlier choice (storage, where the page may keep one;
 * embeds never read it: their language is the snippet's or the browser's), then the browser's
 * languages, then English. A choice from the menu is remembered and replaces a `lang=` already in
 * the address, so a reload shows what the reader chose; nothing reloads.
 */
import { chooseLocale } from '../i18n/choose';
import { i18n } from '../i18n/i18n.svelte';
import { readStored, writeStored } from '../io/storage';

const STORAGE_KEY = 'faultline:lang';

export function initialLocale(search: string, embed: boolean): string {
  return chooseLocale({
    url: new URLSearchParams(search).get('lang'),
    stored: embed ? null : readStored(STORAGE_KEY),
    browser: typeof navigator === 'undefined' ? [] : navigator.languages,
  });
}

/** Starts the page in its language (English at once; another once its catalogue has loaded). */
export function startLanguage(search: string, embed: boolean): Promise<boolean> {
  return i18n.setLocale(initialLocale(search, embed));
}

/** The reader's choice from the menu: shown, remembered, and written over any `lang=` in the address. */
export async function chooseLanguage(code: string): Promise<boolean> {
  const shown = await i18n.setLocale(code);
  if (!shown) return false;
  writeStored(STORAGE_KEY, code);
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', code);
    history.replaceState(history.state, '', url);
  }
  return true;
}
