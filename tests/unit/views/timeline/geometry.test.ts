import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../src/lib/model/dates';
import {
  HOUR_MS,
  MIN_DOMAIN_MS,
  binDensity,
  clampDomain,
  dataSpan,
  domainFor,
  followWindow,
  fuzzMs,
  histogramPath,
  maxCount,
  markSpan,
  panToInclude,
  shapeOf,
  transformFor,
  zoomDomain,
} from '../../../../src/lib/views/timeline/geometry';
import { allRows, at, columnsOf, span } from './helpers';

const PRECISION = { year: 0, month: 1, day: 2, minute: 3, second: 4 } as const;
const YEAR_SPAN = { start: at('2010'), end: at('2030') };

describe('dataSpan', () => {
  it('runs from the first start to the last end, with a margin', () => {
    const columns = columnsOf([
      { date: '2020-01-01' },
      { date: '2020-02-01', end: '2021-01-31' },
      { date: '2020-06-01' },
    ]);
    const s = dataSpan(columns, 0.1);
    const length = at('2021-02-01') - at('2020-01-01');
    expect(s.start).toBe(at('2020-01-01') - length * 0.1);
    expect(s.end).toBe(at('2021-02-01') + length * 0.1);
  });
  it('gives a single event at least a day either side', () => {
    const s = dataSpan(columnsOf([{ date: '2020-01-01T10:00Z' }]));
    expect(s.end - s.start).toBeGreaterThanOrEqual(2 * DAY_MS);
  });
});

describe('domains', () => {
  it.each([
    ['inside the span is kept as is', { start: at('2015'), end: at('2016') }, { start: at('2015'), end: at('2016') }],
    ['past the start is shifted in', { start: at('2009'), end: at('2011') }, { start: at('2010'), end: at('2012') }],
    ['wider than the span becomes the span', { start: at('2000'), end: at('2040') }, YEAR_SPAN],
  ])('clampDomain: %s', (_, input, expected) => {
    expect(clampDomain(input, YEAR_SPAN)).toEqual(expected);
  });

  it('clampDomain never goes below an hour, keeping the centre', () => {
    const centre = at('2020-06-01') + 12 * HOUR_MS;
    const d = clampDomain({ start: centre - 60_000, end: centre + 60_000 }, YEAR_SPAN);
    expect(d.end - d.start).toBe(MIN_DOMAIN_MS);
    expect((d.start + d.end) / 2).toBe(centre);
  });

  it('zoomDomain zooms around a point and keeps it fixed', () => {
    const d = { start: at('2020'), end: at('2022') };
    const pivot = at('2020-07-01');
    const z = zoomDomain(d, 2, YEAR_SPAN, pivot);
    expect(z.end - z.start).toBeCloseTo((d.end - d.start) / 2);
    expect((pivot - z.start) / (z.end - z.start)).toBeCloseTo((pivot - d.start) / (d.end - d.start));
    expect(zoomDomain(z, 0.5, YEAR_SPAN, pivot).start).toBeCloseTo(d.start);
  });

  it.each([
    ['in view: the same object', at('2020-03-01'), at('2020-03-02'), 'same'],
    ['off screen: centred on it', at('2024-06-01'), at('2024-06-02'), 'centred'],
    ['longer than the view and overlapping it: unchanged', at('2019'), at('2025'), 'same'],
  ])('panToInclude: %s', (_, start, end, expected) => {
    const view = { start: at('2020'), end: at('2021') };
    const next = panToInclude(view, start, end, YEAR_SPAN);
    if (expected === 'same') expect(next).toBe(view);
    else {
      expect(next.end - next.start).toBe(view.end - view.start);
      expect((next.start + next.end) / 2).toBe((start + end) / 2);
    }
  });

  it.each<[string, string, string, 'same' | number]>([
    ['a window in view: the same object', '2020-03-01', '2020-04-01', 'same'],
    ['a window past the view: centred on it', '2021-03-01', '2021-05-01', 0.5],
    // A cumulative window (from the data's start) grows past the view: the view follows its end,
    // which then sits three quarters of the way across (the leading half-view centred).
    ['a growing window past the view: its end three quarters across', '2010-01-01', '2021-06-01', 0.75],
    ['a growing window whose end is in view: the same object', '2010-01-01', '2020-09-01', 'same'],
  ])('followWindow: %s', (_, from, to, expected) => {
    const view = { start: at('2020-01-01'), end: at('2021-01-01') };
    const w = { start: at(from), end: at(to) };
    const next = followWindow(view, w, YEAR_SPAN);
    if (expected === 'same') expect(next).toBe(view);
    else {
      expect(next.end - next.start).toBe(view.end - view.start);
      const length = next.end - next.start;
      const pinned = expected === 0.5 ? (w.start + w.end) / 2 : w.end;
      expect((pinned - next.start) / length).toBeCloseTo(expected, 9);
    }
  });

  it('transformFor and domainFor are inverses', () => {
    const view = { start: at('2020-03-01'), end: at('2020-09-01') };
    const t = transformFor(view, YEAR_SPAN, 800);
    expect(t.k).toBeCloseTo((YEAR_SPAN.end - YEAR_SPAN.start) / (view.end - view.start));
    const back = domainFor(t, YEAR_SPAN, 800);
    expect(back.start).toBeCloseTo(view.start, -1);
    expect(back.end).toBeCloseTo(view.end, -1);
    expect(transformFor(YEAR_SPAN, YEAR_SPAN, 800)).toEqual({ k: 1, x: -0 });
  });
});

describe('precision drawing rules', () => {
  const msPerPxDecade = (10 * 365 * DAY_MS) / 1000; // a decade across 1000 px
  const msPerPxHours = (6 * HOUR_MS) / 1000; // six hours across 1000 px
  it.each([
    [
      'a month-precision event spans its whole month',
      '2020-10',
      undefined,
      false,
      msPerPxDecade,
      'extent',
      span('2020-10'),
    ],
    ['a year-precision event spans its whole year', '2019', undefined, false, msPerPxDecade, 'extent', span('2019')],
    [
      'a day is a point when it is narrower than a mark',
      '2020-10-04',
      undefined,
      false,
      msPerPxDecade,
      'point',
      span('2020-10-04'),
    ],
    [
      'a day spans its day once zoomed to hours',
      '2020-10-04',
      undefined,
      false,
      msPerPxHours,
      'extent',
      span('2020-10-04'),
    ],
    [
      'a minute is a point at decade zoom',
      '2020-10-04T14:05Z',
      undefined,
      false,
      msPerPxDecade,
      'point',
      span('2020-10-04T14:05Z'),
    ],
    [
      'an explicit range is a range bar',
      '2020-09-27',
      '2020-11-10',
      true,
      msPerPxDecade,
      'range',
      { start: at('2020-09-27'), end: at('2020-11-11') },
    ],
  ])('%s', (_, date, end, isRange, msPerPx, shape, expected) => {
    const columns = columnsOf([{ date, end }]);
    const m = markSpan(columns.start[0]!, columns.end[0]!, columns.precision[0]!, isRange, false, msPerPx);
    expect(m.shape).toBe(shape);
    expect({ start: m.start, end: m.end }).toEqual(expected);
    expect(m.fuzz).toBe(0);
  });

  it('a month event is centred mid-month, not on the 1st', () => {
    const { start, end } = span('2020-10');
    const m = markSpan(start, end, PRECISION.month, false, false, 1);
    expect(m.centre).toBeGreaterThan(at('2020-10-16'));
    expect(m.centre).toBeLessThan(at('2020-10-17'));
  });

  it.each([
    ['year', PRECISION.year, 365 * DAY_MS, 366 * DAY_MS],
    ['month', PRECISION.month, 28 * DAY_MS, 31 * DAY_MS],
    ['day', PRECISION.day, DAY_MS, DAY_MS],
    ['minute', PRECISION.minute, HOUR_MS, HOUR_MS],
  ])('an approximate %s-precision date has whiskers of one unit each side', (_, precision, min, max) => {
    const fuzz = fuzzMs(precision, true);
    expect(fuzz).toBeGreaterThanOrEqual(min);
    expect(fuzz).toBeLessThanOrEqual(max);
    expect(fuzzMs(precision, false)).toBe(0);
  });

  it('shapeOf: year and month are spans at any zoom; ranges are ranges', () => {
    expect(shapeOf(PRECISION.year, false, 0.5)).toBe('extent');
    expect(shapeOf(PRECISION.month, false, 1)).toBe('extent');
    expect(shapeOf(PRECISION.day, false, 1)).toBe('point');
    expect(shapeOf(PRECISION.day, true, 1)).toBe('range');
  });
});

describe('binDensity', () => {
  const columns = columnsOf([
    { date: '2020-01-01' },
    { date: '2020-10' }, // a month: counts mid-October
    { date: '2020-12-31' },
    { date: '2021-06-01', end: '2025-01-01' }, // a range: counts at its start
    { date: '2019-06-01' }, // before the bins: clamped into the first
  ]);
  const lo = at('2020');
  const hi = at('2021');

  it('counts sum to the number of rows, whatever the bin count', () => {
    for (const bins of [1, 2, 12, 365, 1000]) {
      expect(binDensity(columns, allRows(5), lo, hi, bins).reduce((a, b) => a + b, 0)).toBe(5);
    }
  });

  it('puts each row in its bin and clamps the edges', () => {
    const counts = binDensity(columns, allRows(5), lo, hi, 12);
    // Jan 2020 holds 1 Jan plus the clamped 2019 event; October the month event; December 31 Dec and the clamped 2021 range.
    expect([...counts]).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2]);
  });

  it("counts every row when no rows are given (the overview's all-events ghost)", () => {
    expect([...binDensity(columns, null, lo, hi, 12)]).toEqual([...binDensity(columns, allRows(5), lo, hi, 12)]);
  });

  it('counts only the given rows', () => {
    const counts = binDensity(columns, Uint32Array.of(1), lo, hi, 12);
    expect(counts[9]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('bins 100k rows in one pass', () => {
    const n = 100_000;
    // Ranges count at their start, so evenly spread starts give (nearly) even bins.
    const big = { start: new Float64Array(n), end: new Float64Array(n), isRange: new Uint8Array(n).fill(1) };
    for (let i = 0; i < n; i++) {
      big.start[i] = lo + ((hi - lo) * i) / n;
      big.end[i] = big.start[i]! + DAY_MS;
    }
    const counts = binDensity(big, allRows(n), lo, hi, 100);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });
});

describe('histogramPath', () => {
  it('is empty without counts and spans the width otherwise', () => {
    expect(histogramPath(new Uint32Array(4), 100, 20)).toBe('');
    const d = histogramPath(Uint32Array.of(0, 4, 1, 0), 100, 20);
    expect(d.startsWith('M0,20')).toBe(true);
    expect(d).toContain('V0.0H50.0'); // the tallest bin reaches the top
    expect(d).toContain('V10.0H75.0'); // sqrt(1/4) of the height
    expect(d.endsWith('H100.0V20Z')).toBe(true);
  });

  it('draws on a shared scale when given the max: filtered bars under the ghost of all events', () => {
    const all = Uint32Array.of(0, 4, 1, 0);
    const filtered = Uint32Array.of(0, 1, 1, 0);
    expect(maxCount(all)).toBe(4);
    // One event of four reaches half-way up (square root), not the top as on its own scale.
    expect(histogramPath(filtered, 100, 20, maxCount(all))).toContain('V10.0H50.0');
    expect(histogramPath(filtered, 100, 20)).toContain('V0.0H50.0');
  });
});
