import { civilFromAxis, formatRange, parseIsoDate } from './dates';
import type { EventRecord, LocationPrecision } from './types';

/** "3 Feb 2021", "Feb 2021", "27 Sep – 10 Nov 2020", "c. 2021": the date as precisely as it is known. */
export function eventDateLabel(event: Pick<EventRecord, 'date' | 'end' | 'approximate'>): string {
  const start = parseIsoDate(event.date);
  if (!start.ok) return event.date;
  const end = event.end ? parseIsoDate(event.end) : undefined;
  return formatRange(start.value, end?.ok ? end.value : undefined, { approximate: event.approximate === true });
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An axis position as a day ("3 Feb 2021"), with the time when it is not midnight. */
export function axisLabel(ms: number): string {
  const c = civilFromAxis(ms);
  const day = `${c.day} ${MONTHS[c.month - 1]} ${c.year}`;
  return c.hour || c.minute
    ? `${day} ${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')} UTC`
    : day;
}

/** A time window [start, end) as the days it covers: the end shown is the last day included. */
export function windowLabel(window: { start: number; end: number }): string {
  const endsAtMidnight = civilFromAxis(window.end).hour === 0 && civilFromAxis(window.end).minute === 0;
  const from = axisLabel(window.start);
  const to = axisLabel(endsAtMidnight ? window.end - 1 : window.end).replace(/ 23:59 UTC$/, '');
  // One whole day is that day, not "28 Sep 2020 – 28 Sep 2020".
  return from === to ? from : `${from} – ${to}`;
}
