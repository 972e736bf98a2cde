import { civilFromAxis, parseIsoDate } from './dates';
import { dayText, ENGLISH_DATE_WORDS, formatRange, rangeOf, type DateTextOptions, type DateWords } from './date-text';
import type { EventRecord, LocationPrecision } from './types';

/** "3 Feb 2021", "Feb 2021", "27 Sep – 10 Nov 2020", "c. 2021": the date as precisely as it is known. */
export function eventDateLabel(
  event: Pick<EventRecord, 'date' | 'end' | 'approximate'>,
  opts: Omit<DateTextOptions, 'approximate'> = {},
): string {
  const start = parseIsoDate(event.date);
  if (!start.ok) return event.date;
  const end = event.end ? parseIsoDate(event.end) : undefined;
  return formatRange(start.value, end?.ok ? end.value : undefined, {
    ...opts,
    approximate: event.approximate === true,
  });
}

const PRECISION_WORDS: Record<LocationPrecision, string> = {
  site: 'exact site',
  city: 'city',
  region: 'region',
  country: 'country',
};

export function locationPrecisionLabel(precision: LocationPrecision): string {
  return PRECISION_WORDS[precision];
}

/** One formatter for every count: toLocaleString builds a new one per call (~10 µs, several per brush frame). */
const COUNT = new Intl.NumberFormat('en-GB');

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * An axis position as a day ("3 Feb 2021"), with the time when it is not midnight. The axis is
 * UTC whatever zone instants are shown in, so its times say so.
 */
export function axisLabel(ms: number, words: DateWords = ENGLISH_DATE_WORDS): string {
  const c = civilFromAxis(ms);
  const day = dayText(c.year, c.month, c.day, words);
  return c.hour || c.minute ? `${day} ${timeOfDay(c)} UTC` : day;
}

/** A time window [start, end) as the days it covers: the end shown is the last day included. */
export function windowLabel(window: { start: number; end: number }, words: DateWords = ENGLISH_DATE_WORDS): string {
  const end = civilFromAxis(window.end);
  const endsAtMidnight = end.hour === 0 && end.minute === 0;
  const from = axisLabel(window.start, words);
  const last = civilFromAxis(endsAtMidnight ? window.end - 1 : window.end);
  // A window ending at midnight ends with the day before; one ending at 23:59 with that day.
  const to =
    endsAtMidnight || (last.hour === 23 && last.minute === 59)
      ? dayText(last.year, last.month, last.day, words)
      : axisLabel(window.end, words);
  // One whole day is that day, not "28 Sep 2020 – 28 Sep 2020".
  return from === to ? from : rangeOf(from, to, words);
}

function timeOfDay(c: { hour: number; minute: number }): string {
  return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
}
