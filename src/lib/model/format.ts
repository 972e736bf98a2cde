import { formatRange, parseIsoDate } from './dates';
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

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
