/**
 * Which interface language to start in: `lang=` from the URL (or the embed snippet), else the one
 * the reader chose before (kept in storage), else the first of the browser's languages we have,
 * else English. Pure: the caller reads the URL, storage and navigator.
 */
import { BASE_LOCALE, LOCALES, type LocaleInfo } from './locales';

/** The locale a tag names, exactly or by its language ("ru-RU" → "ru"); hidden ones only exactly. */
export function matchLocale(tag: string | null | undefined, locales: readonly LocaleInfo[] = LOCALES): string | null {
  if (!tag) return null;
  const wanted = tag.trim().toLowerCase();
  if (!wanted || wanted.length > 35) return null;
  const exact = locales.find((l) => l.code.toLowerCase() === wanted);
  if (exact) return exact.code;
  const language = wanted.split(/[-_]/)[0];
  const byLanguage = locales.find((l) => !l.hidden && l.code.toLowerCase() === language);
  return byLanguage?.code ?? null;
}

export interface LocaleSources {
  readonly url?: string | null;
  readonly stored?: string | null;
  readonly browser?: readonly string[];
}

export function chooseLocale(sources: LocaleSources, locales: readonly LocaleInfo[] = LOCALES): string {
  const fromUrl = matchLocale(sources.url, locales);
  if (fromUrl) return fromUrl;
  const fromStore = matchLocale(sources.stored, locales);
  if (fromStore) return fromStore;
  for (const tag of sources.browser ?? []) {
    const found = matchLocale(tag, locales);
    if (found && !locales.find((l) => l.code === found)?.hidden) return found;
  }
  return BASE_LOCALE;
}
