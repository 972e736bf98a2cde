/// <reference types="dayjs/locale" />
/**
 * Month names from dayjs's locale data, loaded when a language is chosen (each locale is its own
 * small chunk, with dayjs's core shared among them; English is built into model/date-text.ts and
 * costs the first load nothing). Only the names are taken: the calendar fields always come from
 * our integer calendar, so dayjs never turns a calendar day into a Date.
 */
import type { DatePatterns, DateWords } from '../model/date-text';
import type { Catalogue } from './types';

/** The dayjs locales a language may name (its catalogue's `dayjs` id). One line per locale. */
const LOADERS = {
  ar: () => import('dayjs/locale/ar'),
  az: () => import('dayjs/locale/az'),
  fr: () => import('dayjs/locale/fr'),
  'hy-am': () => import('dayjs/locale/hy-am'),
  ru: () => import('dayjs/locale/ru'),
  uk: () => import('dayjs/locale/uk'),
} as const;

export type DayjsLocaleId = keyof typeof LOADERS;

/** The locales among them written right to left (their labels on the axis are isolated). */
const RIGHT_TO_LEFT: ReadonlySet<DayjsLocaleId> = new Set(['ar']);

/**
 * A dayjs month list: an array, or (Russian, Ukrainian) a function carrying the forms beside a
 * day (`f`, genitive: "3 февраля") and standing alone (`s`, nominative: "февраль").
 */
type MonthList = readonly string[] | { f?: readonly string[]; s?: readonly string[] };

export interface LocaleMonths {
  months?: MonthList;
  monthsShort?: MonthList;
}

/** The locale's months as DateWords: abbreviated names where it has them, else full ones. */
export function wordsFromLocale(locale: LocaleMonths, patterns: DatePatterns): DateWords {
  const list = locale.monthsShort ?? locale.months;
  const withDay = pick(list, 'f');
  const alone = pick(list, 's');
  if (withDay?.length !== 12 || alone?.length !== 12) throw new Error('dayjs locale without twelve month names');
  return { monthsWithDay: withDay, monthsAlone: alone, patterns };
}

function pick(list: MonthList | undefined, form: 'f' | 's'): readonly string[] | undefined {
  if (!list) return undefined;
  if (Array.isArray(list)) return list as readonly string[];
  const forms = list as { f?: readonly string[]; s?: readonly string[] };
  return forms[form] ?? forms.s ?? forms.f;
}

const cache = new Map<DayjsLocaleId, Promise<LocaleMonths>>();

/** The dayjs locale's month data, fetched once per id. */
export function loadLocaleMonths(id: DayjsLocaleId): Promise<LocaleMonths> {
  let pending = cache.get(id);
  if (!pending) {
    pending = LOADERS[id]().then((module) => {
      // A CommonJS locale arrives as the module's default export (Vite and Node alike).
      const m = module as unknown as { default?: LocaleMonths } & LocaleMonths;
      return m.default ?? m;
    });
    // A failed fetch (offline) may be tried again on the next choice.
    pending.catch(() => cache.delete(id));
    cache.set(id, pending);
  }
  return pending;
}

/** The words of a language whose dates follow dayjs locale `id` and the catalogue's patterns. */
export async function loadDateWords(id: DayjsLocaleId, patterns: DatePatterns): Promise<DateWords> {
  return wordsFromLocale(await loadLocaleMonths(id), patterns);
}

/** The catalogue's date patterns (raw, with their `{slots}`), for DateWords. */
export function patternsOf(catalogue: Pick<Catalogue, `date.pattern.${keyof DatePatterns}`>): DatePatterns {
  return {
    day: catalogue['date.pattern.day'],
    dayMonth: catalogue['date.pattern.dayMonth'],
    month: catalogue['date.pattern.month'],
    daysOfMonth: catalogue['date.pattern.daysOfMonth'],
    range: catalogue['date.pattern.range'],
    approximate: catalogue['date.pattern.approximate'],
    earlyYear: catalogue['date.pattern.earlyYear'],
    time: catalogue['date.pattern.time'],
  };
}

/** Each loaded language's words, by locale code; English (and anything unknown) uses model's built-in words. */
const prepared = new Map<string, DateWords>();

/** The words of a loaded language, or undefined (English, or not loaded yet). */
export function preparedDateWords(code: string): DateWords | undefined {
  return prepared.get(code);
}

/**
 * A language's catalogue loaded with its month names (dayjs locale `dayjsId`), whose words are kept
 * before the catalogue is handed over: when i18n shows the catalogue, its dates follow in the same
 * frame. Each language's line in locales.ts: `load: () => withDates('ru', 'ru', () => import('./ru'))`.
 */
export async function withDates(
  code: string,
  dayjsId: DayjsLocaleId,
  load: () => Promise<{ default: Catalogue }>,
): Promise<Catalogue> {
  const [module, months] = await Promise.all([load(), loadLocaleMonths(dayjsId)]);
  prepared.set(code, { ...wordsFromLocale(months, patternsOf(module.default)), rtl: RIGHT_TO_LEFT.has(dayjsId) });
  return module.default;
}
