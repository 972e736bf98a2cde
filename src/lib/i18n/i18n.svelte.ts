/**
 * The interface language, live. Messages come from @nanostores/i18n (lazy catalogues, plurals by
 * Intl.PluralRules, `{slot}` parameters; no eval), whose store is mirrored into runes here so any
 * component or `$derived` that called `t` re-renders when the language changes, without a reload.
 * Numbers and lists go through Intl in the same locale. DEVELOPMENT.md, "Interface language".
 *
 * Every catalogue is a chunk of its own, English too (the initial load budget has no room for it):
 * `setLocale` loads English first (every other language falls back to it, key by key), and main.ts
 * mounts the app once the starting language is in, so no view ever renders before its words.
 */
import { atom } from 'nanostores';
import {
  createI18n,
  params,
  strings,
  transform,
  type ComponentsJSON,
  type TranslationJSON,
  type Translations,
} from '@nanostores/i18n';
import { BASE_LOCALE, localeInfo, PSEUDO_LOCALE, type LocaleInfo } from './locales';
import { pseudoCatalogue } from './pseudo';
import type { Catalogue, Params, PluralForms, PluralKey, Text, TextKey } from './types';

const COMPONENT = 'faultline';
const localeStore = atom<string>(BASE_LOCALE);

let english: Catalogue | null = null;
let englishLoading: Promise<Catalogue> | null = null;

function loadEnglish(): Promise<Catalogue> {
  englishLoading ??= import('./en').then(({ en }) => {
    english = en;
    start(en);
    return en;
  });
  return englishLoading;
}

/** The English catalogue once loaded (the pseudo locale's dates are made from it); empty before. */
export function englishCatalogue(): Catalogue {
  return english ?? ({} as Catalogue);
}

async function loadCatalogue(code: string): Promise<Catalogue> {
  const base = await loadEnglish();
  if (code === PSEUDO_LOCALE) return pseudoCatalogue(base);
  const load = localeInfo(code)?.load;
  return load ? load() : base;
}

const catalogues = createI18n(localeStore, {
  baseLocale: BASE_LOCALE,
  get: async (code) => ({ [COMPONENT]: await loadCatalogue(code) }) as unknown as ComponentsJSON,
});

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * @nanostores/i18n's `count` with one Intl.PluralRules per language, not one per call: a brush
 * step renders every facet row's count ("1,234 events"), and making the rules was most of the
 * time `t` took in a brush frame (profile at 1M: 31 of 39 ms over a 41-step drag).
 */
const count = transform((locale: string, translation: TranslationJSON, num: number) => {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const forms = translation as unknown as Record<string, string>;
  let form: string = rules.select(num);
  if (!(form in forms)) form = 'other' in forms ? 'other' : 'many';
  return strings(forms[form]!, (text) => text.replace(/{count}/g, String(num)));
});

/** Every message becomes a function of its parameters (and, for a plural, then of its count). */
function definitions(catalogue: Catalogue): Translations {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue) as [string, string | PluralForms][]) {
    out[key] = typeof value === 'string' ? params(value) : params(count(value as unknown as TranslationJSON));
  }
  return out as Translations;
}

type Rendered = Record<string, ((values: Record<string, string>) => string | ((n: number) => string)) | undefined>;

/** No words until English has loaded: `t` gives the key (main.ts mounts nothing before). */
let current = $state.raw<Rendered>({});
let active = $state(BASE_LOCALE);
let started = false;
/** setLocale calls waiting for their catalogue to show (or for a later choice to overtake them). */
let waiting: { code: string; done: () => void }[] = [];

/** The messages store, made once English is in (its definitions are the base of every language). */
function start(base: Catalogue): void {
  if (started) return;
  started = true;
  const messages = catalogues(COMPONENT, definitions(base));
  // Subscribed for the page's life: the store stays mounted and takes each loaded catalogue.
  messages.subscribe((value) => {
    current = value as unknown as Rendered;
    active = localeStore.get();
    const settled = waiting.filter((w) => w.code === active || w.code !== localeStore.get());
    waiting = waiting.filter((w) => !settled.includes(w));
    for (const w of settled) w.done();
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = options ? `${locale} ${JSON.stringify(options)}` : locale;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(id, format);
  }
  return format;
}

/** A parameter as written into the message: numbers in the locale's digits; `$` kept literal for String.replace. */
function slotValues(values: Params | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!values) return out;
  for (const [name, value] of Object.entries(values)) {
    const text = typeof value === 'number' ? numberFormat(active).format(value) : value;
    out[name] = text.replace(/\$/g, '$$$$');
  }
  return out;
}

/**
 * The message in the current language. A plural key needs `{ count }`; other `{slots}` take
 * `params` (numbers are formatted for the locale; pass a string for a year or an id).
 */
export function t(key: PluralKey, values: Params & { readonly count: number }): string;
export function t(key: TextKey, values?: Params): string;
export function t(key: PluralKey | TextKey, values?: Params): string {
  const message = current[key];
  if (!message) return key;
  const rendered = message(slotValues(values));
  return typeof rendered === 'function' ? rendered(Number(values?.count ?? 0)) : rendered;
}

/** A message value (from state or the model) or data text, rendered. */
export function tm(text: Text): string {
  if ('text' in text) return text.text;
  return t(text.key as TextKey, text.params);
}

/** A number in the current locale (digits, grouping). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(active, options).format(value);
}

/** "a, b and c" in the current locale. */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(active, { style: 'long', type }).format(items);
}

/**
 * A name the data gives per language (a category's `labels`, a region's `names`): the current
 * language's, else its base language's ("pt" for "pt-BR"), else the name as given.
 */
export function localName(name: string, byLanguage?: Readonly<Record<string, string>> | null): string {
  if (!byLanguage) return name;
  return byLanguage[active] ?? byLanguage[active.split('-')[0]!] ?? name;
}

export const i18n = {
  /** The language whose messages are showing (changes once its catalogue has loaded). */
  get locale(): string {
    return active;
  },
  get info(): LocaleInfo {
    return localeInfo(active) ?? { code: active, name: active, dir: 'ltr' };
  },
  get dir(): 'ltr' | 'rtl' {
    return this.info.dir;
  },
  /** Loads the language's catalogue, then shows it; false (and nothing changed) when it cannot load. */
  async setLocale(code: string): Promise<boolean> {
    if (!localeInfo(code)) return false;
    if (started && code === active && localeStore.get() === code) return true;
    try {
      await loadCatalogue(code);
    } catch {
      // English itself could not load (offline after a deploy?): its keys show; any other language keeps the current one.
      return false;
    }
    const shown = new Promise<void>((done) => waiting.push({ code, done }));
    // A quicker earlier choice may still be loading: this one overtakes it, and it settles as not shown.
    for (const w of waiting.filter((w) => w.code !== code)) w.done();
    waiting = waiting.filter((w) => w.code === code);
    localeStore.set(code);
    if (active !== code) await shown;
    return active === code;
  },
};
