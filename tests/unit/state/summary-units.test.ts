import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { daysFromCivil, DAY_MS } from '../../../src/lib/model/dates';
import { TIME_UNITS } from '../../../src/lib/model/time-units';
import { SummaryTally } from '../../../src/lib/query/summary';
import { pickUnit, unitsFor } from '../../../src/lib/state/summary.svelte';
import type { EventRecord } from '../../../src/lib/model/types';
import { meta } from '../query/arbitraries';

const at = (y: number, m = 1, d = 1) => daysFromCivil(y, m, d) * DAY_MS;

function event(id: string, date: string, extra: Partial<EventRecord> = {}): EventRecord {
  return {
    id,
    title: id,
    summary: '',
    date,
    category: 'strike',
    sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
    ...extra,
  };
}

describe('the summary chart’s unit', () => {
  it('a window of one day is one day bar', () => {
    const day = { start: at(2020, 10, 4), end: at(2020, 10, 5) };
    const units = unitsFor(day, TIME_UNITS);
    expect(units).toEqual(TIME_UNITS);
    expect(pickUnit(day, units, 'auto')).toBe('day');
  });

  it('a window of 200 years is counted in years, and days are not offered for it', () => {
    const long = { start: at(1826), end: at(2026) };
    const units = unitsFor(long, TIME_UNITS);
    expect(units).toEqual(['year']);
    expect(pickUnit(long, units, 'auto')).toBe('year');
    // A hand-picked unit that would draw too many bars gives way to one that does not.
    expect(pickUnit(long, units, 'day')).toBe('year');
  });

  it('about 60 bars when automatic, the analyst’s unit when it is offered', () => {
    const war = { start: at(2020, 9, 27), end: at(2020, 11, 11) };
    expect(pickUnit(war, unitsFor(war, TIME_UNITS), 'auto')).toBe('day');
    const decade = { start: at(2010), end: at(2020) };
    expect(pickUnit(decade, unitsFor(decade, TIME_UNITS), 'auto')).toBe('year');
    expect(pickUnit(decade, unitsFor(decade, TIME_UNITS), 'month')).toBe('month');
  });

  it('offers no unit whose bins over the data’s whole span would pass the cell limit', () => {
    // Nine millennia of data: days (3.3 million bins) are refused, years are not.
    const d = buildDataset('t', meta, [event('a', '1000'), event('b', '9999-12-31')]);
    const tally = new SummaryTally(d);
    expect(tally.units).not.toContain('day');
    expect(tally.units).toContain('year');
    tally.update(Uint32Array.from([0, 1]), null);
    const series = tally.series('year', at(1000), at(10000));
    expect(series.counts.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('counts a range spanning the window once, before the window, and a month-dated event in its month’s first day', () => {
    const d = buildDataset('t', meta, [
      event('long', '2010-01-01', { end: '2030-01-01', fatalities: { min: 3, max: 9 } }),
      event('month', '2020-10'),
      event('none', '2020-10-15'),
    ]);
    const tally = new SummaryTally(d);
    tally.update(Uint32Array.from([0, 1, 2]), null);
    const s = tally.series('day', at(2020, 10, 1), at(2020, 11, 1));
    expect(s.before).toEqual({ events: 1, fatalMin: 3, fatalMax: 9 });
    expect(s.counts.flat().reduce((a, b) => a + b, 0)).toBe(2);
    expect(s.counts.map((stack) => stack[0])).toContain(1);
    expect(s.fatalMin.every((v) => v === 0)).toBe(true);
    expect(tally.summary().fatalities).toMatchObject({ events: 1, min: 3, max: 9, unnamed: 1 });
  });
});
