import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS } from '../../../src/lib/model/dates';
import {
  binCount,
  binOf,
  binStart,
  ceilTo,
  floorTo,
  roundTo,
  snapWindow,
  TIME_UNITS,
  unitFor,
  type TimeUnit,
} from '../../../src/lib/model/time-units';

/** Axis ms of a UTC wall-clock time (month 1-12), through Date's UTC setters: years 0-99 and below stay as written. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, 0, 0);
  return date.getTime();
}

/** Axis instants from about 9999 BCE to 9999 CE, the range dates.ts can write. */
const instant = fc.integer({ min: utc(-9999, 1, 1), max: utc(9999, 12, 31) });
const unit = fc.constantFrom<TimeUnit>(...TIME_UNITS);

describe('binOf and binStart', () => {
  it.each<[string, number, TimeUnit, number]>([
    ['the epoch, by day', utc(1970, 1, 1), 'day', utc(1970, 1, 1)],
    ['the last minute of a day', utc(1970, 1, 1, 23, 59), 'day', utc(1970, 1, 1)],
    ['the day before the epoch', utc(1969, 12, 31, 12), 'day', utc(1969, 12, 31)],
    ['a leap day', utc(2020, 2, 29, 6), 'day', utc(2020, 2, 29)],
    // 1970-01-01 was a Thursday: its ISO week began on Monday 29 December 1969.
    ['the epoch, by week', utc(1970, 1, 1), 'week', utc(1969, 12, 29)],
    ['a Sunday ends its week', utc(2020, 10, 4, 23, 59), 'week', utc(2020, 9, 28)],
    ['a Monday starts its week', utc(2020, 10, 5), 'week', utc(2020, 10, 5)],
    ['a week across the new year', utc(2021, 1, 2), 'week', utc(2020, 12, 28)],
    ['a week in 1066', utc(1066, 10, 14), 'week', utc(1066, 10, 8)],
    ['a month', utc(2020, 9, 27, 13), 'month', utc(2020, 9, 1)],
    ['the last minute of December', utc(2020, 12, 31, 23, 59), 'month', utc(2020, 12, 1)],
    ['February of a leap year', utc(2020, 2, 29), 'month', utc(2020, 2, 1)],
    ['a month before the epoch', utc(1969, 12, 15), 'month', utc(1969, 12, 1)],
    ['a month of year 0', utc(0, 3, 15), 'month', utc(0, 3, 1)],
    ['a month of a negative year', utc(-44, 3, 15), 'month', utc(-44, 3, 1)],
    ['a year', utc(2020, 12, 31, 23, 59), 'year', utc(2020, 1, 1)],
    ['the year before the epoch', utc(1969, 6, 1), 'year', utc(1969, 1, 1)],
    ['year 0', utc(0, 7, 1), 'year', utc(0, 1, 1)],
    ['a negative year', utc(-1, 12, 31, 23), 'year', utc(-1, 1, 1)],
  ])('%s: the bin holding it starts where it should', (_, t, u, start) => {
    expect(binStart(binOf(t, u), u)).toBe(start);
    expect(floorTo(t, u)).toBe(start);
  });

  it.each<[string, number, TimeUnit, number]>([
    ['day 0 is 1 Jan 1970', utc(1970, 1, 1, 5), 'day', 0],
    ['day -1 is 31 Dec 1969', utc(1969, 12, 31, 5), 'day', -1],
    ['week 0 holds the epoch', utc(1970, 1, 4), 'week', 0],
    ['week -1 is the week before', utc(1969, 12, 28), 'week', -1],
    ['months count from year 0', utc(1970, 1, 1), 'month', 1970 * 12],
    ['March 2 BCE (year -1) is bin -10', utc(-1, 3, 1), 'month', -12 + 2],
    ['a year is its own number', utc(2020, 5, 5), 'year', 2020],
    ['negative years too', utc(-753, 4, 21), 'year', -753],
  ])('%s', (_, t, u, bin) => {
    expect(binOf(t, u)).toBe(bin);
  });

  it('bins follow each other without gap or overlap, whatever the unit and the era', () => {
    fc.assert(
      fc.property(instant, unit, (t, u) => {
        const bin = binOf(t, u);
        const start = binStart(bin, u);
        const next = binStart(bin + 1, u);
        // t lies in its bin, the next bin starts where this one ends, and both start at midnight.
        expect(start).toBeLessThanOrEqual(t);
        expect(next).toBeGreaterThan(t);
        expect(binOf(start, u)).toBe(bin);
        expect(binOf(next - 1, u)).toBe(bin);
        expect(binOf(next, u)).toBe(bin + 1);
        expect(((start % DAY_MS) + DAY_MS) % DAY_MS).toBe(0);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('weeks start on Mondays, months on the 1st and years on 1 January, as Date counts them', () => {
    fc.assert(
      fc.property(instant, (t) => {
        expect(new Date(binStart(binOf(t, 'week'), 'week')).getUTCDay()).toBe(1);
        const month = new Date(binStart(binOf(t, 'month'), 'month'));
        expect(month.getUTCDate()).toBe(1);
        expect(month.getUTCMonth()).toBe(new Date(t).getUTCMonth());
        const year = new Date(binStart(binOf(t, 'year'), 'year'));
        expect([year.getUTCFullYear(), year.getUTCMonth(), year.getUTCDate()]).toEqual([
          new Date(t).getUTCFullYear(),
          0,
          1,
        ]);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('roundTo and ceilTo', () => {
  it.each<[string, number, TimeUnit, number]>([
    ['before noon rounds down to the day', utc(2020, 9, 27, 11, 59), 'day', utc(2020, 9, 27)],
    ['noon, the midpoint, rounds up', utc(2020, 9, 27, 12), 'day', utc(2020, 9, 28)],
    ['a boundary stays', utc(2020, 9, 27), 'day', utc(2020, 9, 27)],
    ['24 Jun 00:50 rounds to 1 Jul by month', utc(2020, 6, 24, 0, 50), 'month', utc(2020, 7, 1)],
    ['1 Mar 15:09 rounds to 1 Mar by month', utc(2021, 3, 1, 15, 9), 'month', utc(2021, 3, 1)],
    ['Thursday noon rounds to the next Monday', utc(2020, 10, 1, 12), 'week', utc(2020, 10, 5)],
    ['Thursday 11:59 rounds to the Monday before', utc(2020, 10, 1, 11, 59), 'week', utc(2020, 9, 28)],
    ['July rounds up to the next year', utc(2020, 7, 3), 'year', utc(2021, 1, 1)],
    ['June rounds down', utc(2020, 6, 30), 'year', utc(2020, 1, 1)],
    ['a negative year rounds like any other', utc(-44, 3, 15), 'year', utc(-44, 1, 1)],
  ])('roundTo: %s', (_, t, u, expected) => {
    expect(roundTo(t, u)).toBe(expected);
  });

  it.each<[string, number, TimeUnit, number]>([
    ['a boundary stays', utc(2020, 10, 1), 'month', utc(2020, 10, 1)],
    ['a minute past goes to the next', utc(2020, 10, 1, 0, 1), 'month', utc(2020, 11, 1)],
    ['December goes to the next year', utc(2020, 12, 31), 'month', utc(2021, 1, 1)],
    ['a day before the epoch', utc(1969, 12, 31, 1), 'day', utc(1970, 1, 1)],
    ['a week', utc(2020, 10, 6), 'week', utc(2020, 10, 12)],
  ])('ceilTo: %s', (_, t, u, expected) => {
    expect(ceilTo(t, u)).toBe(expected);
  });

  it('both land on a boundary next to the instant', () => {
    fc.assert(
      fc.property(instant, unit, (t, u) => {
        const floor = floorTo(t, u);
        const next = binStart(binOf(t, u) + 1, u);
        expect([floor, next]).toContain(roundTo(t, u));
        expect(ceilTo(t, u)).toBe(floor === t ? t : next);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe('unitFor and binCount', () => {
  it.each<[string, number, number, TimeUnit]>([
    ['a fortnight in 30 bins: days', 14 * DAY_MS, 30, 'day'],
    ['45 days in 12 bins: weeks', 45 * DAY_MS, 12, 'week'],
    ['a year in 12 bins: months', 365 * DAY_MS, 12, 'month'],
    ['16 years in 40 bins: years', 16 * 365 * DAY_MS, 40, 'year'],
    ['ten thousand years in 10 bins: still years, the coarsest', 1e4 * 365 * DAY_MS, 10, 'year'],
  ])('%s', (_, span, bins, expected) => {
    expect(unitFor(span, bins)).toBe(expected);
  });

  it.each<[string, number, number, TimeUnit, number]>([
    ['an empty span', utc(2020, 1, 1), utc(2020, 1, 1), 'day', 0],
    ['a backwards span', utc(2020, 2, 1), utc(2020, 1, 1), 'day', 0],
    ['one whole day', utc(2020, 1, 1), utc(2020, 1, 2), 'day', 1],
    ['a minute of a day', utc(2020, 1, 1, 10), utc(2020, 1, 1, 10, 1), 'day', 1],
    ['27 Sep - 10 Nov 2020 (end exclusive) touches 3 months', utc(2020, 9, 27), utc(2020, 11, 11), 'month', 3],
    ['the same, in ISO weeks', utc(2020, 9, 27), utc(2020, 11, 11), 'week', 8],
    ['across year 0', utc(-1, 6, 1), utc(1, 6, 1), 'year', 3],
  ])('binCount: %s', (_, start, end, u, expected) => {
    expect(binCount(start, end, u)).toBe(expected);
  });
});

describe('snapWindow', () => {
  it.each<[string, [number, number], TimeUnit, [number, number]]>([
    [
      'the reported brush, by day',
      [utc(2020, 6, 24, 0, 50), utc(2021, 3, 1, 15, 9)],
      'day',
      [utc(2020, 6, 24), utc(2021, 3, 2)],
    ],
    [
      'the reported brush, by month',
      [utc(2020, 6, 24, 0, 50), utc(2021, 3, 1, 15, 9)],
      'month',
      [utc(2020, 7, 1), utc(2021, 3, 1)],
    ],
    [
      'whole days stay as they are',
      [utc(2020, 9, 27), utc(2020, 11, 11)],
      'day',
      [utc(2020, 9, 27), utc(2020, 11, 11)],
    ],
    // Both edges round to 1 Oct: the window becomes the month it starts in, never nothing.
    ['a sliver of a month', [utc(2020, 9, 28), utc(2020, 10, 3)], 'month', [utc(2020, 9, 1), utc(2020, 10, 1)]],
    ['a sliver of a day', [utc(2020, 9, 28, 10), utc(2020, 9, 28, 11)], 'day', [utc(2020, 9, 28), utc(2020, 9, 29)]],
    ['a sliver of a negative year', [utc(-44, 3, 1), utc(-44, 3, 20)], 'year', [utc(-44, 1, 1), utc(-43, 1, 1)]],
    ['weeks snap to Mondays', [utc(2020, 9, 27), utc(2020, 11, 11)], 'week', [utc(2020, 9, 28), utc(2020, 11, 9)]],
  ])('%s', (_, [start, end], u, [wantStart, wantEnd]) => {
    expect(snapWindow({ start, end }, u)).toEqual({ start: wantStart, end: wantEnd });
  });

  it('is never empty, lies on boundaries, and is stable once snapped', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 365 * DAY_MS }), unit, (start, length, u) => {
        const snapped = snapWindow({ start, end: start + length }, u);
        expect(snapped.end).toBeGreaterThan(snapped.start);
        expect(floorTo(snapped.start, u)).toBe(snapped.start);
        expect(floorTo(snapped.end, u)).toBe(snapped.end);
        expect(snapWindow(snapped, u)).toEqual(snapped);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
