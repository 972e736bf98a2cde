import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BINS_PER_COLUMN,
  binLanes,
  binsServe,
  FINE_BINS,
  PREBIN_ITEMS,
  resample,
  startingIn,
  worthBinning,
} from '../../../../src/lib/views/timeline/fine-bins';
import { densityOf, LaneMemo } from '../../../../src/lib/views/timeline/density';
import { layoutFrame } from '../../../../src/lib/views/timeline/frame';
import { fuzzMs } from '../../../../src/lib/views/timeline/geometry';
import { actorLanes, categoryLanes } from '../../../../src/lib/views/timeline/lanes';
import { allRows, at, columnsOf } from './helpers';

const CATEGORIES = ['a', 'b', 'c'].map((id, i) => ({ id, label: id.toUpperCase(), color: `#${String(i).repeat(6)}` }));
const DAY = 86_400_000;

describe('density resampled from fine bins', () => {
  // The plain definition: each item's weight 1 shared evenly by the bins its widened span
  // [lo, hi) reaches into, each bin's weight taken as even across it, a column getting the part
  // of every bin it overlaps. No running totals, no interpolation.
  function reference(
    cols: ReturnType<typeof columnsOf>,
    layout: ReturnType<typeof categoryLanes>,
    span: { start: number; end: number },
    domain: { start: number; end: number },
    width: number,
  ): number[] {
    const lanes = layout.lanes.length;
    const perMs = FINE_BINS / (span.end - span.start);
    const bins = Array.from({ length: lanes }, () => new Float64Array(FINE_BINS));
    layout.itemRow.forEach((row, i) => {
      const fuzz = fuzzMs(cols.precision[row]!, cols.approximate[row] === 1);
      const a = Math.floor((cols.start[row]! - fuzz - span.start) * perMs);
      const b = Math.max(a, Math.ceil((cols.end[row]! + fuzz - span.start) * perMs) - 1);
      for (let k = Math.max(0, a); k <= Math.min(FINE_BINS - 1, b); k++)
        bins[layout.itemLane[i]!]![k]! += 1 / (b - a + 1);
    });
    const columns = Math.ceil(width);
    const out: number[] = [];
    const u = (c: number) => (domain.start - span.start) * perMs + c * ((domain.end - domain.start) / width) * perMs;
    for (let lane = 0; lane < lanes; lane++) {
      for (let c = 0; c < columns; c++) {
        const [u0, u1] = [u(c), u(c + 1)];
        let w = 0;
        for (let k = Math.max(0, Math.floor(u0)); k < Math.min(FINE_BINS, Math.ceil(u1)); k++)
          w += bins[lane]![k]! * (Math.min(k + 1, u1) - Math.max(k, u0));
        out.push(w);
      }
    }
    return out;
  }

  it('matches sharing each item over its bins and each bin over the columns it meets, for any dates, precisions and view', () => {
    const dates = [
      '2020-10-03',
      '2020-10',
      '2020',
      '2020-10-20',
      '2020-11-15T13:45Z',
      '2021-02',
      '2019-12-31',
      '2021-12-31',
    ];
    const span = { start: at('2019-01-01'), end: at('2022-01-01') };
    const spanDays = (span.end - span.start) / DAY;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            date: fc.constantFrom(...dates),
            end: fc.option(fc.constantFrom('2021-03-01', '2021-06'), { nil: undefined }),
            approximate: fc.boolean(),
            category: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.integer({ min: 0, max: spanDays - 1 }),
        fc.integer({ min: 1, max: spanDays }),
        fc.integer({ min: 10, max: 300 }),
        (rows, offsetDays, days, width) => {
          const domain = {
            start: span.start + offsetDays * DAY,
            end: span.start + Math.min(spanDays, offsetDays + days) * DAY,
          };
          fc.pre(binsServe(span, domain, width));
          const sorted = [...rows].sort((a, b) => at(a.date) - at(b.date));
          const cols = columnsOf(sorted);
          const layout = categoryLanes(CATEGORIES, cols.category, allRows(sorted.length));
          const totals = binLanes(
            cols,
            layout,
            layout.lanes.map(() => true),
            span,
          );
          const columns = Math.ceil(width);
          const weight = new Float32Array(layout.lanes.length * columns);
          layout.lanes.forEach((_, lane) =>
            resample(totals.get(lane)!, span, domain, width, columns, weight, lane * columns),
          );
          const expected = reference(cols, layout, span, domain, width);
          expected.forEach((w, k) => {
            expect(weight[k]).toBeCloseTo(w, 5);
            // A column no item reaches stays exactly empty: no bar from rounding.
            if (w === 0) expect(weight[k]).toBe(0);
          });
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('counts every item once over the whole span', () => {
    const rows = [
      { date: '2020-03-04', category: 0 },
      { date: '2020-07', category: 0, approximate: true },
      { date: '2020', category: 1 },
      { date: '2020-11-15T13:45Z', category: 1 },
      { date: '2020-12-31', end: '2021-06', category: 2 },
    ];
    const span = { start: at('2019-01-01'), end: at('2022-01-01') };
    const cols = columnsOf(rows);
    const layout = categoryLanes(CATEGORIES, cols.category, allRows(rows.length));
    const totals = binLanes(cols, layout, [true, true, true], span);
    expect([0, 1, 2].map((lane) => totals.get(lane)![FINE_BINS])).toEqual([
      expect.closeTo(2, 9),
      expect.closeTo(2, 9),
      expect.closeTo(1, 9),
    ]);
    const out = new Float32Array(900);
    resample(totals.get(0)!, span, span, 900, 900, out, 0);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 5);
  });

  it('leaves a gap between items exactly empty, whatever rounding the shares leave', () => {
    // Shares of 1/3, 1/7, 1/31… summed and taken away again rarely come back to exactly zero.
    const dates = ['2020-02-03', '2020-03', '2020-04-17T08:30Z', '2020-05', '2020-06-09'];
    const rows = Array.from({ length: 60 }, (_, i) => ({ date: dates[i % 5]!, approximate: i % 2 === 0 })).sort(
      (a, b) => at(a.date) - at(b.date),
    );
    rows.push({ date: '2021-12-30', approximate: false });
    const span = { start: at('2019-01-01'), end: at('2022-01-01') };
    const cols = columnsOf(rows);
    const layout = categoryLanes(CATEGORIES, cols.category, allRows(rows.length));
    const totals = binLanes(cols, layout, [true], span).get(0)!;
    const gap = { start: at('2020-09-01'), end: at('2021-11-01') };
    const out = new Float32Array(400);
    resample(totals, span, gap, 400, 400, out, 0);
    expect([...out].filter((w) => w !== 0)).toEqual([]);
    const all = new Float32Array(1000);
    resample(totals, span, span, 1000, 1000, all, 0);
    expect(all.reduce((a, b) => a + b, 0)).toBeCloseTo(61, 4);
  });

  it('serves columns at least BINS_PER_COLUMN bins wide only', () => {
    const span = { start: 0, end: FINE_BINS * 1000 };
    expect(binsServe(span, { start: 0, end: 1000 * BINS_PER_COLUMN * 800 }, 800)).toBe(true);
    expect(binsServe(span, { start: 0, end: 1000 * BINS_PER_COLUMN * 800 - 1 }, 800)).toBe(false);
  });

  it('builds bins for a sheet of PREBIN_ITEMS or more items that holds half of them or more', () => {
    expect(worthBinning(PREBIN_ITEMS - 1, PREBIN_ITEMS)).toBe(false);
    expect(worthBinning(PREBIN_ITEMS, PREBIN_ITEMS * 2)).toBe(true);
    expect(worthBinning(PREBIN_ITEMS, PREBIN_ITEMS * 2 + 2)).toBe(false);
    expect(worthBinning(500_000, 1_000_000)).toBe(true);
  });

  it('bounds the items in a view from below by those starting inside it', () => {
    const rows = ['2020-01-01', '2020-01-05', '2020-01-05', '2020-02-01', '2021'].map((date) => ({ date }));
    const cols = columnsOf(rows);
    const layout = categoryLanes(CATEGORIES, cols.category, allRows(rows.length));
    // Starting strictly after the view's start and before its end: the two 5 January events.
    expect(startingIn(cols, layout, { start: at('2020-01-01'), end: at('2020-02-01') })).toBe(2);
    expect(startingIn(cols, layout, { start: at('2019-01-01'), end: at('2022-01-01') })).toBe(5);
    expect(startingIn(cols, layout, { start: at('2022-01-01'), end: at('2023-01-01') })).toBe(0);
  });
});

describe('the frame with fine bins', () => {
  // More items than PREBIN_ITEMS, one a day from 2000 on in three categories, so the whole span
  // in view is density resampled from bins.
  const n = PREBIN_ITEMS + 20_000;
  const cols = columnsOf(
    Array.from({ length: n }, (_, i) => ({
      date: new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 40) * DAY).toISOString().slice(0, 10),
      category: i % 3,
    })),
  );
  const span = { start: cols.start[0]!, end: cols.end[n - 1]! };
  const rowsOf = (shown: number[]) => allRows(n).filter((row) => shown.includes(cols.category[row]!));
  const frameOf = (
    shown: number[],
    memo: LaneMemo,
    parts: unknown[],
    view = span,
    bounds: typeof span | null = span,
    width = 1000,
  ) =>
    layoutFrame(
      {
        columns: cols,
        layout: categoryLanes(CATEGORIES, cols.category, rowsOf(shown)),
        view,
        width,
        height: 90,
        maxDuration: DAY,
        visibleMask: null,
      },
      { memo, parts },
      0,
      bounds ?? undefined,
    );

  it('bins each lane once and resamples it for every view wide enough, close to binning the events', () => {
    const memo = new LaneMemo();
    const whole = frameOf([0, 1, 2], memo, ['p']);
    expect(memo.bins.size).toBe(3);
    const first = [...memo.bins.values()];
    const exact = densityOf(cols, categoryLanes(CATEGORIES, cols.category, allRows(n)), allRows(n), 3, span, 1000);
    // Every event counts once. (Binning the events loses half of the last day's, whose end is
    // the span's end: its last column is taken as one past the edge.)
    for (let lane = 0; lane < 3; lane++)
      expect(whole.density!.weight.subarray(lane * 1000, (lane + 1) * 1000).reduce((a, b) => a + b, 0)).toBeCloseTo(
        n / 3,
        1,
      );
    // Both place a day's events in the columns that day meets, so no column differs by more than a
    // day of its lane (40 events a day over three lanes).
    const dayOfLane = 40 / 3;
    let worst = 0;
    for (let c = 0; c < 3000; c++) worst = Math.max(worst, Math.abs(whole.density!.weight[c]! - exact.weight[c]!));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(dayOfLane);
    // A zoom to another wide view resamples the same bins.
    const zoomed = frameOf([0, 1, 2], memo, ['p'], {
      start: span.start + (span.end - span.start) / 4,
      end: span.end - (span.end - span.start) / 4,
    });
    expect(zoomed.density).not.toBeNull();
    expect([...memo.bins.values()]).toEqual(first);
    expect([...memo.bins.values()].every((b, i) => b === first[i])).toBe(true);
  }, 60_000);

  it("keeps every lane's bins through category toggles, and forgets them when another filter or the span changes", () => {
    const memo = new LaneMemo();
    frameOf([0, 1, 2], memo, ['p']);
    const kept = memo.bins.get('b');
    const without = frameOf([0, 2], memo, ['p']);
    expect(without.density!.lanes).toBe(2);
    const back = frameOf([0, 1, 2], memo, ['p']);
    expect(memo.bins.get('b')).toBe(kept);
    expect(back.density!.lanes).toBe(3);
    frameOf([0, 1, 2], memo, ['q']);
    expect(memo.bins.get('b')).not.toBe(kept);
    const rebuilt = memo.bins.get('b');
    frameOf([0, 1, 2], memo, ['q'], span, { start: span.start - DAY, end: span.end });
    expect(memo.bins.get('b')).not.toBe(rebuilt);
  }, 60_000);

  it('bins the events themselves when columns are narrower than the bins allow, or no span is given', () => {
    const memo = new LaneMemo();
    // A quarter of the span (30,000 events, density) over 5,000 columns: about 3.3 bins a column.
    const narrow = { start: span.start, end: span.start + (span.end - span.start) / 4 };
    expect(binsServe(span, narrow, 5000)).toBe(false);
    const f = frameOf([0, 1, 2], memo, ['p'], narrow, span, 5000);
    expect(memo.bins.size).toBe(0);
    expect(f.density).not.toBeNull();
    frameOf([0, 1, 2], memo, ['p'], span, null);
    expect(memo.bins.size).toBe(0);
  });
});

describe('actor lanes with a memo for their layout', () => {
  // One event a day per 40 rows, each with one or two of five actors: an event between two
  // leading actors is an item in both of their lanes.
  const build = (n: number) => {
    const cols = columnsOf(
      Array.from({ length: n }, (_, i) => ({
        date: new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 40) * DAY).toISOString().slice(0, 10),
      })),
    );
    const offsets = new Uint32Array(n + 1);
    const codes: number[] = [];
    for (let i = 0; i < n; i++) {
      codes.push(i % 5);
      if (i % 3 === 0) codes.push((i + 2) % 5);
      offsets[i + 1] = codes.length;
    }
    const layout = actorLanes(
      { values: ['a', 'b', 'c', 'd', 'e'], offsets, codes: Uint32Array.from(codes) },
      allRows(n),
      4,
    );
    return { cols, layout, span: { start: cols.start[0]!, end: cols.end[n - 1]! } };
  };
  const frameOf = (b: ReturnType<typeof build>, keyed?: { memo: LaneMemo; parts: unknown[] }, view = b.span) =>
    layoutFrame(
      { columns: b.cols, layout: b.layout, view, width: 1000, height: 90, maxDuration: DAY, visibleMask: null },
      keyed,
      0,
      b.span,
    );

  it('bins nothing below PREBIN_ITEMS and gives the density of a layout without a memo', () => {
    const small = build(40_000);
    const memo = new LaneMemo();
    const kept = frameOf(small, { memo, parts: [small.layout] });
    const fresh = frameOf(small);
    expect(memo.bins.size).toBe(0);
    expect(kept.density).not.toBeNull();
    expect([...kept.density!.weight]).toEqual([...fresh.density!.weight]);
  }, 60_000);

  it('resamples each lane from its bins past PREBIN_ITEMS, every item counted once per lane it is in', () => {
    const big = build(PREBIN_ITEMS + 20_000);
    const memo = new LaneMemo();
    const f = frameOf(big, { memo, parts: [big.layout] });
    expect(memo.bins.size).toBe(big.layout.lanes.length);
    big.layout.lanes.forEach((lane, l) => {
      const sum = f.density!.weight.subarray(l * 1000, (l + 1) * 1000).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(lane.count, 0);
    });
    const bins = [...memo.bins.values()];
    frameOf(big, { memo, parts: [big.layout] }, { start: big.span.start, end: (big.span.start + big.span.end) / 2 });
    expect([...memo.bins.values()].every((b, i) => b === bins[i])).toBe(true);
  }, 60_000);
});
