/**
 * Every date a person reads, in the interface's language and the chosen time zone: the one place
 * views (and state, for its messages) turn calendar values, windows and instants into words.
 *
 * Words: month names from dayjs's locale data (date-locales.ts, loaded with the language's
 * catalogue, so both switch in the same frame), patterns from the catalogue's `date.*` messages.
 * Fields: always the integer calendar of model/dates.ts, so a day is the same day in every zone.
 *
 * Zone (`tz=` in the URL, DEVELOPMENT.md "Interface language"): an instant (a value with a time
 * and offset) is shown as written, in its own offset ('event', the default: what the source
 * reported), in UTC, or in the viewer's zone ('local'). A day, month or year has no instant and
 * reads the same in all three. The timeline's axis stays UTC (its ticks say so).
 */
import { civilFromAxis, parseIsoDate, type CalendarValue } from '../model/dates';
import { ENGLISH_DATE_WORDS, formatDate, type DateWords, type InstantZone } from '../model/date-text';
import { eventDateLabel, windowLabel } from '../model/format';
import type { EventRecord } from '../model/types';
import { patternsOf, preparedDateWords } from '../i18n/date-locales';
import { englishCatalogue, i18n, t } from '../i18n/i18n.svelte';
import { PSEUDO_LOCALE } from '../i18n/locales';
import { pseudoCatalogue } from '../i18n/pseudo';
import { readStored, writeStored } from '../io/storage';

/** How instants are shown: `tz=event` (as written, the default), `tz=utc`, `tz=local`. */
export type ZoneSetting = 'event' | 'utc' | 'local';
export const ZONE_SETTINGS: readonly ZoneSetting[] = ['event', 'utc', 'local'];
export const DEFAULT_ZONE: ZoneSetting = 'event';

export function parseZoneSetting(text: string | null | undefined): ZoneSetting | null {
  return ZONE_SETTINGS.find((z) => z === text) ?? null;
}

/** The viewer's offset at an instant: a real instant, so the machine's zone is the right one here. */
const localOffset = (instantMs: number): number => -new Date(instantMs).getTimezoneOffset() || 0;

export function instantZone(setting: ZoneSetting): InstantZone {
  return setting === 'local' ? localOffset : setting;
}

let zoneSetting = $state<ZoneSetting>(DEFAULT_ZONE);
/** The pseudo locale's words: English months in its bracketed patterns, so its dates show as translated. */
let pseudoWords: DateWords | null = null;

function wordsOf(code: string): DateWords {
  if (code === PSEUDO_LOCALE) {
    pseudoWords ??= { ...ENGLISH_DATE_WORDS, patterns: patternsOf(pseudoCatalogue(englishCatalogue())) };
    return pseudoWords;
  }
  return preparedDateWords(code) ?? ENGLISH_DATE_WORDS;
}

/** The dates of the current language and zone; every getter is reactive (reads runes). */
export const dates = {
  get words(): DateWords {
    return wordsOf(i18n.locale);
  },
  get zone(): ZoneSetting {
    return zoneSetting;
  },
  setZone(setting: ZoneSetting): void {
    zoneSetting = setting;
  },

  /** An event's date or range, as precisely as it is known ("c. Feb 2021"). */
  event(event: Pick<EventRecord, 'date' | 'end' | 'approximate'>): string {
    return eventDateLabel(event, { words: this.words, zone: instantZone(zoneSetting) });
  },
  /** A date as the dataset writes it ("2021-02-03"); text that is no date is shown as it is. */
  iso(text: string): string {
    const parsed = parseIsoDate(text);
    return parsed.ok ? this.value(parsed.value) : text;
  },
  value(value: CalendarValue, opts: { approximate?: boolean } = {}): string {
    return formatDate(value, { ...opts, words: this.words, zone: instantZone(zoneSetting) });
  },
  /** A time window [start, end) on the axis, as the days it covers. */
  window(window: { start: number; end: number }): string {
    return windowLabel(window, this.words);
  },
  /** A moment of this session (a draft saved): always the viewer's zone, to the minute. */
  now(ms: number): string {
    const offset = localOffset(ms);
    const c = civilFromAxis(ms + offset * 60_000);
    const value: CalendarValue = {
      text: '',
      precision: 'minute',
      ...c,
      second: 0,
      millisecond: 0,
      offsetMinutes: offset,
    };
    return formatDate(value, { words: this.words });
  },
  /** "known to the month", "time given, approximate": how precise an event's date is. */
  precision(value: CalendarValue, approximate: boolean): string {
    const words =
      value.precision === 'year'
        ? t('date.known.year')
        : value.precision === 'month'
          ? t('date.known.month')
          : value.precision === 'day'
            ? t('date.known.day')
            : t('date.known.time');
    return approximate ? t('date.known.approximate', { precision: words }) : words;
  },
};

const STORAGE_KEY = 'faultline:tz';

/** The zone to start in: `tz=` in the URL, else the reader's earlier choice (not in embeds), else the default. */
export function initialZone(search: string, embed: boolean): ZoneSetting {
  return (
    parseZoneSetting(new URLSearchParams(search).get('tz')) ??
    (embed ? null : parseZoneSetting(readStored(STORAGE_KEY))) ??
    DEFAULT_ZONE
  );
}

/** Starts in the zone to start in; a `tz=` it cannot read gives the notice to show (and is ignored). */
export function startZone(search: string, embed: boolean): string | null {
  dates.setZone(initialZone(search, embed));
  const asked = new URLSearchParams(search).get('tz');
  return asked !== null && !parseZoneSetting(asked) ? t('url.tz', { value: asked.slice(0, 40) }) : null;
}

/**
 * The reader's choice: shown at once, remembered, and in the address (`tz=`, left out for the
 * default) so a reload or a copied address keeps it. Nothing else in the URL changes.
 */
export function chooseZone(setting: ZoneSetting): void {
  dates.setZone(setting);
  writeStored(STORAGE_KEY, setting);
  const url = new URL(location.href);
  if (setting === DEFAULT_ZONE) url.searchParams.delete('tz');
  else url.searchParams.set('tz', setting);
  // Commas stay unescaped, as the URL codec writes them (map=40.1,46.5,6).
  const search = url.searchParams.toString().replace(/%2C/gi, ',');
  const next = `${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
}
