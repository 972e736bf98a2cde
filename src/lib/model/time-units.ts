/**
 * Calendar units an analyst counts in (days, ISO weeks, months, years) on the axis-ms line.
 * A unit's bins are numbered from the epoch, so a bin number means the same span whatever the
 * window: the summary keeps its counts per bin number and the brush snaps to bin edges.
 * Integer calendar arithmetic only (dates.ts): nothing reads the machine's timezone.
 */
import { civilFromDays, DAY_MS, daysFromCivil } from './dates';

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

/** Finest first. */
export const TIME_UNITS: readonly TimeUnit[] = ['day', 'week', 'month', 'year'];

/** 1970-01-01 was a Thursday; ISO weeks start on Monday, three days later in the week's count. */
const WEEK_SHIFT = 3;

/** The number of the bin holding instant `t`. */
export function binOf(t: number, unit: TimeUnit): number {
  const days = Math.floor(t / DAY_MS);
  switch (unit) {
    case 'day':
      return days;
    case 'week':
      return Math.floor((days + WEEK_SHIFT) / 7);
  }
  const { year, month } = civilFromDays(days);
  return unit === 'month' ? year * 12 + month - 1 : year;
}

/** Where bin `bin` starts, in axis ms. */
export function binStart(bin: number, unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return bin * DAY_MS;
    case 'week':
      return (bin * 7 - WEEK_SHIFT) * DAY_MS;
    case 'month': {
      const year = Math.floor(bin / 12);
      return daysFromCivil(year, bin - year * 12 + 1, 1) * DAY_MS;
    }
    case 'year':
      return daysFromCivil(bin, 1, 1) * DAY_MS;
  }
}

/** The start of the unit holding `t`. */
export function floorTo(t: number, unit: TimeUnit): number {
  return binStart(binOf(t, unit), unit);
}

/** The first unit boundary at or after `t`: where a span ending at `t` is covered in whole units. */
export function ceilTo(t: number, unit: TimeUnit): number {
  const start = floorTo(t, unit);
  return start === t ? t : binStart(binOf(t, unit) + 1, unit);
}

/** The nearest unit boundary to `t`. */
export function roundTo(t: number, unit: TimeUnit): number {
  const bin = binOf(t, unit);
  const a = binStart(bin, unit);
  const b = binStart(bin + 1, unit);
  return t - a < b - t ? a : b;
}

/** Rough length of a unit, for choosing one; never for arithmetic on dates. */
const NOMINAL_MS: Record<TimeUnit, number> = {
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30.44 * DAY_MS,
  year: 365.25 * DAY_MS,
};

/** The finest unit that cuts `spanMs` into at most `maxBins` bins (years when none does). */
export function unitFor(spanMs: number, maxBins: number): TimeUnit {
  return TIME_UNITS.find((u) => spanMs / NOMINAL_MS[u] <= maxBins) ?? 'year';
}

/** How many bins of `unit` the span [start, end) touches. */
export function binCount(start: number, end: number, unit: TimeUnit): number {
  return end <= start ? 0 : binOf(end - 1, unit) - binOf(start, unit) + 1;
}

/**
 * A window with both edges on unit boundaries (the nearest ones), never narrower than one unit:
 * what a brush at that scale means, and what the URL and the labels can say in whole units.
 */
export function snapWindow(w: { start: number; end: number }, unit: TimeUnit): { start: number; end: number } {
  let start = roundTo(w.start, unit);
  let end = roundTo(w.end, unit);
  if (end <= start) {
    start = floorTo(w.start, unit);
    end = binStart(binOf(start, unit) + 1, unit);
  }
  return { start, end };
}
