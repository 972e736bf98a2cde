import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../src/lib/model/dates';
import { HOUR_MS } from '../../../../src/lib/views/timeline/geometry';
import { chooseTicks, contextLabel, tickLabel, unitOfStep } from '../../../../src/lib/views/timeline/ticks';
import { at } from './helpers';

// These run under TZ=America/Los_Angeles (vite.config.ts): a label that used local time would
// show 17:00 for midnight UTC, or the previous day, and fail.
describe('environment', () => {
  it('runs in a timezone west of UTC', () => {
    expect(new Date(at('2020-10-04')).getTimezoneOffset()).toBeGreaterThan(0);
  });
});

describe('chooseTicks', () => {
  const from = at('2020-10-04T22:00Z');
  it.each([
    ['30 years', 30 * 365 * DAY_MS, 'year'],
    ['10 years', 10 * 365 * DAY_MS, 'year'],
    ['3 years', 3 * 365 * DAY_MS, 'month'],
    ['1 year', 365 * DAY_MS, 'month'],
    ['6 months', 182 * DAY_MS, 'month'],
    ['1 month', 30 * DAY_MS, 'day'],
    ['2 weeks', 14 * DAY_MS, 'day'],
    ['3 days', 3 * DAY_MS, 'hour'],
    ['1 day', DAY_MS, 'hour'],
    ['6 hours', 6 * HOUR_MS, 'minute'],
  ])('a %s view at 1000 px (%d ms) is labelled by %s', (_, length, unit) => {
    const axis = chooseTicks({ start: from, end: from + length }, 1000);
    expect(axis.unit).toBe(unit);
    // About one label per 80 px (d3 may round up to a nicer step): readable, never crowded.
    expect(axis.ticks.length).toBeGreaterThanOrEqual(4);
    expect(1000 / axis.ticks.length).toBeGreaterThanOrEqual(60);
    for (const tick of axis.ticks) expect(tick.t).toBeGreaterThanOrEqual(from);
  });

  it('fewer ticks fit a narrow plot', () => {
    const wide = chooseTicks({ start: at('2010'), end: at('2026') }, 1200);
    const narrow = chooseTicks({ start: at('2010'), end: at('2026') }, 250);
    expect(narrow.ticks.length).toBeLessThan(wide.ticks.length);
    expect(narrow.ticks.length).toBeGreaterThanOrEqual(2);
  });

  it('labels years, then months with the year at January', () => {
    expect(chooseTicks({ start: at('2010'), end: at('2026') }, 800).ticks.map((t) => t.label)).toEqual([
      '2010',
      '2012',
      '2014',
      '2016',
      '2018',
      '2020',
      '2022',
      '2024',
      '2026',
    ]);
    const months = chooseTicks({ start: at('2020-09'), end: at('2021-03') }, 800).ticks;
    expect(months.map((t) => t.label)).toEqual(['Sep', 'Oct', 'Nov', 'Dec', '2021', 'Feb', 'Mar']);
    expect(months.filter((t) => t.major).map((t) => t.label)).toEqual(['2021']);
  });

  it('labels hours in UTC, with the day at midnight UTC', () => {
    const axis = chooseTicks({ start: at('2020-10-04T21:00Z'), end: at('2020-10-05T03:00Z') }, 500);
    expect(axis.unit).toBe('hour');
    expect(axis.ticks.map((t) => t.label)).toEqual(['21:00', '22:00', '23:00', '5 Oct', '01:00', '02:00', '03:00']);
    expect(axis.context).toBe('4 Oct 2020 (UTC)');
  });
});

describe('tickLabel', () => {
  it.each([
    ['2020-01-01', 'year', '2020', false],
    ['2020-10-01', 'month', 'Oct', false],
    ['2021-01-01', 'month', '2021', true],
    ['2020-10-04', 'day', '4 Oct', false],
    ['2020-11-01', 'day', 'Nov', true],
    ['2021-01-01', 'day', '2021', true],
    ['2020-10-04T14:00Z', 'hour', '14:00', false],
    ['2020-10-04T00:00Z', 'hour', '4 Oct', true],
    ['2020-10-04T23:45Z', 'minute', '23:45', false],
    ['1969-12-31T23:00Z', 'hour', '23:00', false],
  ] as const)('%s as %s → %s', (iso, unit, label, major) => {
    expect(tickLabel(at(iso), unit)).toEqual({ label, major });
  });
});

describe('contextLabel', () => {
  it.each([
    ['year', ''],
    ['month', '2020'],
    ['day', 'Oct 2020'],
    ['hour', '4 Oct 2020 (UTC)'],
  ] as const)('%s → %s', (unit, expected) => {
    expect(contextLabel(at('2020-10-04T02:00Z'), unit)).toBe(expected);
  });
});

describe('unitOfStep', () => {
  it.each([
    [5 * 365 * DAY_MS, 'year'],
    [365 * DAY_MS, 'year'],
    [91 * DAY_MS, 'month'],
    [7 * DAY_MS, 'day'],
    [12 * HOUR_MS, 'hour'],
    [15 * 60_000, 'minute'],
  ] as const)('%d ms → %s', (step, unit) => {
    expect(unitOfStep(step)).toBe(unit);
  });
});
