/**
 * Words for a time bin ("27 Sep 2020", "28 Sep – 4 Oct 2020", "Sep 2020", "2020"), written by
 * the same formatter as event dates, so the summary and the list never disagree on a date.
 */
import { civilFromAxis, DAY_MS, parseIsoDate } from './dates';
import {
  dayMonthText,
  ENGLISH_DATE_WORDS,
  formatDate,
  formatRange,
  monthText,
  yearText,
  type DateWords,
} from './date-text';
import { binStart, type TimeUnit } from './time-units';

/** The calendar day holding `t` as ISO text ("2020-09-27"), years padded to four digits. */
export function isoDayOf(t: number): string {
  const c = civilFromAxis(t);
  const year = c.year < 0 ? `-${String(-c.year).padStart(6, '0')}` : String(c.year).padStart(4, '0');
  return `${year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

/** The ISO text of a bin at its unit's precision: "2020-09-27", "2020-09", "2020". */
export function binIso(bin: number, unit: TimeUnit): string {
  const day = isoDayOf(binStart(bin, unit));
  return unit === 'year' ? day.slice(0, -6) : unit === 'month' ? day.slice(0, -3) : day;
}

export function binLabel(bin: number, unit: TimeUnit, words: DateWords = ENGLISH_DATE_WORDS): string {
  const first = parseIsoDate(binIso(bin, unit));
  if (!first.ok) return binIso(bin, unit);
  if (unit !== 'week') return formatDate(first.value, { words });
  const last = parseIsoDate(isoDayOf(binStart(bin + 1, unit) - DAY_MS));
  return last.ok ? formatRange(first.value, last.value, { words }) : formatDate(first.value, { words });
}

/** A short tick label: "27 Sep" for days and weeks (the week's Monday), "Sep" for months, "2020" for years. */
export function binTick(bin: number, unit: TimeUnit, words: DateWords = ENGLISH_DATE_WORDS): string {
  const c = civilFromAxis(binStart(bin, unit));
  if (unit === 'year') return yearText(c.year, words);
  return unit === 'month' ? monthText(c.month, words) : dayMonthText(c.day, c.month, words);
}

/** The year a bin lies in, for the ticks' context. */
export function binYear(bin: number, unit: TimeUnit): number {
  return civilFromAxis(binStart(bin, unit)).year;
}
