/**
 * The interface languages. Adding one: a catalogue file beside this one (`xx.ts`, default export
 * typed `Catalogue`) and one line here, whose `withDates(code, dayjsLocale, import)` loads the
 * catalogue with dayjs's month names for its dates (date-locales.ts). English is built in; every
 * other catalogue is a chunk of its own, loaded when chosen.
 */
import type { Catalogue } from './types';
import { withDates } from './date-locales';

export interface LocaleInfo {
  /** BCP 47 code, as in `lang=` and the page's `lang` attribute. */
  readonly code: string;
  /** The language's name in itself, as the language menu shows it. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  /** Absent for English (built in) and the pseudo locale (made from English). */
  readonly load?: () => Promise<Catalogue>;
  /** Only by `lang=`: not in the menu, not taken from the browser. */
  readonly hidden?: boolean;
}

export const BASE_LOCALE = 'en';
/** The pseudo locale: English wrapped in ⟦…⟧ with accented letters, to find strings not yet in a catalogue. */
export const PSEUDO_LOCALE = 'en-XA';

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr', load: () => withDates('ru', 'ru', () => import('./ru')) },
  { code: 'uk', name: 'Українська', dir: 'ltr', load: () => withDates('uk', 'uk', () => import('./uk')) },
  { code: 'fr', name: 'Français', dir: 'ltr', load: () => withDates('fr', 'fr', () => import('./fr')) },
  { code: 'ar', name: 'العربية', dir: 'rtl', load: () => withDates('ar', 'ar', () => import('./ar')) },
  { code: 'az', name: 'Azərbaycanca', dir: 'ltr', load: () => withDates('az', 'az', () => import('./az')) },
  { code: 'hy', name: 'Հայերեն', dir: 'ltr', load: () => withDates('hy', 'hy-am', () => import('./hy')) },
  { code: PSEUDO_LOCALE, name: 'Ƥšéûðö', dir: 'ltr', hidden: true },
];

export function localeInfo(code: string): LocaleInfo | undefined {
  return LOCALES.find((l) => l.code === code);
}
