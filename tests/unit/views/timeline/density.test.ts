import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { densityOf, densityPixels, LaneMemo, over } from '../../../../src/lib/views/timeline/density';
import { fuzzMs } from '../../../../src/lib/views/timeline/geometry';
import { DENSE_MARKS, layoutFrame } from '../../../../src/lib/views/timeline/frame';
import { categoryLanes } from '../../../../src/lib/views/timeline/lanes';
import { allRows, at, columnsOf } from './helpers';

const CATEGORIES = ['a', 'b', 'c', 'd'].map((id, i) => ({
  id,
  label: id.toUpperCase(),
  color: `#${String(i).repeat(6)}`,
}));
// 40,000 events over October–November 2020 (above DENSE_MARKS in view), some as month-precision
// or approximate, in four categories of different sizes.
const n = 40_000;
const columns = columnsOf(
  Array.from({ length: n }, (_, i) => {
    const day = 1 + Math.floor((i * 60) / n);
    const date =
      day <= 31
        ? `2020-10-${String(day).padStart(2, '0')}`
        : `2020-11-${String(Math.min(30, day - 31)).padStart(2, '0')}`;
    return {
      date: i % 97 === 0 ? date.slice(0, 7) : date,
      approximate: i % 13 === 0,
      category: i % 7 === 0 ? 3 : i % 3,
    };
  }),
);
const view = { start: at('2020-09-20'), end: at('2020-12-10') };
const rowsOf = (shown: Set<number>) =>
  Uint32Array.from({ length: n }, (_, row) => row).filter((row) => shown.has(columns.category[row]!));
const frameOf = (shown: Set<number>, keyed?: { memo: LaneMemo; parts: unknown[] }) =>
  layoutFrame(
    {
      columns,
      layout: categoryLanes(CATEGORIES, columns.category, rowsOf(shown)),
      view,
      width: 800,
      height: 120,
      maxDuration: 31 * 86_400_000,
      visibleMask: new Uint8Array(n).fill(1),
    },
    keyed,
  );

describe('density remembered per category lane', () => {
  it('gives the same weights as a fresh layout through any sequence of category toggles', () => {
    const memo = new LaneMemo();
    const parts = ['same filters'];
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.subarray([0, 1, 2, 3], { minLength: 1 }), { minLength: 1, maxLength: 6 }), (steps) => {
        for (const step of steps) {
          const shown = new Set(step);
          const fresh = frameOf(shown);
          const kept = frameOf(shown, { memo, parts });
          expect(kept.density === null).toBe(fresh.density === null);
          if (fresh.density) {
            checked++;
            expect(kept.density!.lanes).toBe(fresh.density.lanes);
            expect([...kept.density!.weight]).toEqual([...fresh.density.weight]);
          } else expect(kept.count).toBe(fresh.count);
        }
      }),
      { numRuns: 25 },
    );
    expect(checked).toBeGreaterThan(0);
  }, 60_000);

  it('forgets the lanes when another filter, the view or the width changes', () => {
    const memo = new LaneMemo();
    const all = new Set([0, 1, 2, 3]);
    frameOf(all, { memo, parts: ['x'] });
    expect(memo.lanes.size).toBe(4);
    memo.check(['y'], view, view, 800);
    expect(memo.lanes.size).toBe(0);
    frameOf(all, { memo, parts: ['y'] });
    memo.check(['y'], view, { ...view, end: view.end + 1 }, 800);
    expect(memo.lanes.size).toBe(0);
  });

  it('draws marks, not density, when the shown lanes hold DENSE_MARKS or fewer in view', () => {
    const memo = new LaneMemo();
    frameOf(new Set([0, 1, 2, 3]), { memo, parts: [] });
    // Category d alone: every seventh event, 5,715 of them.
    const few = frameOf(new Set([3]), { memo, parts: [] });
    expect(few.density).toBeNull();
    expect(few.count).toBeLessThanOrEqual(DENSE_MARKS);
    expect(few.count).toBe(rowsOf(new Set([3])).length);
  });
});

describe('densityOf', () => {
  // The plain definition: each item's weight 1 shared evenly by every column its widened span
  // covers (on screen or not), added column by column.
  function reference(
    rows: { start: number; end: number; precision: number; approximate: boolean; lane: number }[],
    lanes: number,
    domain: { start: number; end: number },
    width: number,
  ): number[] {
    const cols = Math.ceil(width);
    const out = new Array<number>(lanes * cols).fill(0);
    const pxPerMs = width / (domain.end - domain.start);
    for (const r of rows) {
      const fuzz = fuzzMs(r.precision, r.approximate);
      const a = Math.floor((r.start - fuzz - domain.start) * pxPerMs);
      const b = Math.max(a, Math.floor((r.end + fuzz - domain.start) * pxPerMs));
      for (let c = Math.max(0, a); c <= Math.min(cols - 1, b); c++) out[r.lane * cols + c]! += 1 / (b - a + 1);
    }
    return out;
  }

  it('matches adding each share column by column, for any dates, precisions and view', () => {
    const dates = ['2020-10-03', '2020-10', '2020', '2020-10-20', '2020-11-15', '2021-02', '2019-12-31'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            date: fc.constantFrom(...dates),
            end: fc.option(fc.constantFrom('2021-03-01', '2021-06'), { nil: undefined }),
            approximate: fc.boolean(),
            category: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: 5, max: 400 }),
        fc.integer({ min: 10, max: 900 }),
        (rows, offsetDays, days, width) => {
          const sorted = [...rows].sort((a, b) => at(a.date) - at(b.date));
          const cols = columnsOf(sorted);
          const layout = categoryLanes(CATEGORIES.slice(0, 3), cols.category, allRows(sorted.length));
          const domain = {
            start: at('2020-10-01') + offsetDays * 86_400_000,
            end: at('2020-10-01') + (offsetDays + days) * 86_400_000,
          };
          const d = densityOf(cols, layout, allRows(sorted.length), layout.lanes.length, domain, width);
          const expected = reference(
            [...layout.itemRow].map((row, i) => ({
              start: cols.start[row]!,
              end: cols.end[row]!,
              precision: cols.precision[row]!,
              approximate: cols.approximate[row] === 1,
              lane: layout.itemLane[i]!,
            })),
            layout.lanes.length,
            domain,
            width,
          );
          expect(d.weight.length).toBe(expected.length);
          expected.forEach((w, k) => {
            expect(d.weight[k]).toBeCloseTo(w, 5);
            // An empty column stays exactly empty: no bar from rounding.
            if (w === 0) expect(d.weight[k]).toBe(0);
          });
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('densityPixels', () => {
  // Two lanes of 20 px, four columns; dpr 1.
  const d = { columns: 4, lanes: 2, weight: Float32Array.of(0, 9, 2, 0, 5, 0, 0, 5) };
  const red = [200, 0, 0, 1] as const;
  const blue = [0, 0, 200, 1] as const;
  const stripe = [0, 0, 0, 0.1] as const;
  const px = densityPixels(d, 20, [red, blue], stripe, 4, 40, 1);
  const at = (x: number, y: number) => [...px.subarray((y * 4 + x) * 4, (y * 4 + x) * 4 + 4)];

  it('leaves empty columns of a plain lane transparent and stripes every other lane', () => {
    expect(at(0, 10)).toEqual([0, 0, 0, 0]);
    expect(at(1, 25)).toEqual([0, 0, 0, Math.round(0.1 * 255)]);
  });

  it('draws the fullest column from the lane floor (2 px up) to 4 px below its top, in the lane colour at 85 %', () => {
    // Lane 0: bottom at y = 18, the full bar 16 px tall: rows 2..17.
    expect(at(1, 17)).toEqual([200, 0, 0, Math.round(0.85 * 255)]);
    expect(at(1, 2)).toEqual([200, 0, 0, Math.round(0.85 * 255)]);
    expect(at(1, 1)[3]).toBe(0);
    expect(at(1, 18)[3]).toBe(0);
  });

  it('scales the other columns by the log of their weight, shorter than the fullest', () => {
    const height = (x: number) => [...Array(20).keys()].filter((y) => at(x, y)[3]! > 0).length;
    expect(height(2)).toBe(Math.ceil((Math.log1p(2) / Math.log1p(9)) * 16));
    expect(height(2)).toBeLessThan(height(1));
  });

  it('paints exactly what blending every covered pixel one by one would, at any size, weights and pixel ratio', () => {
    type Color = readonly [number, number, number, number];
    // The reference: each pixel's word from the lane stripe, then each bar's coverage of that pixel.
    function reference(
      d: { columns: number; lanes: number; weight: Float32Array },
      laneHeight: number,
      colors: readonly Color[],
      width: number,
      height: number,
      dpr: number,
    ): Uint32Array {
      const out = new Uint32Array(width * height);
      const laneTop = (lane: number) => Math.min(height, Math.round(lane * laneHeight * dpr));
      for (let y = 0; y < height; y++) {
        for (let lane = 1; lane < d.lanes; lane += 2)
          if (y >= laneTop(lane) && y < laneTop(lane + 1))
            out.fill(over(stripe, stripe[3], [0, 0, 0, 0]), y * width, (y + 1) * width);
      }
      for (let lane = 0; lane < d.lanes; lane++) {
        const weights = [...d.weight.subarray(lane * d.columns, (lane + 1) * d.columns)];
        const max = Math.max(...weights);
        if (max === 0) continue;
        const bg: Color = lane % 2 === 1 ? stripe : [0, 0, 0, 0];
        const alpha = colors[lane]![3] * 0.85;
        const bottom = ((lane + 1) * laneHeight - 2) * dpr;
        const scale = (laneHeight - 4) / Math.log1p(max);
        weights.forEach((w, c) => {
          if (w <= 0) return;
          const top = bottom - Math.max(1, Math.log1p(w) * scale) * dpr;
          for (let x = Math.floor(c * dpr); x < Math.min(width, Math.floor((c + 1) * dpr)); x++) {
            for (let y = Math.max(0, Math.floor(top)); y < Math.min(height, Math.ceil(bottom)); y++) {
              const cover = Math.min(1, Math.min(y + 1, bottom) - Math.max(y, top));
              if (cover > 0) out[y * width + x] = over(colors[lane]!, alpha * Math.min(1, cover), bg);
            }
          }
        });
      }
      return out;
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 6, max: 30 }),
        fc.constantFrom(1, 1.25, 1.5, 2),
        fc.array(fc.constantFrom(0, 0, 1, 2, 7, 40, 1000), { minLength: 36, maxLength: 36 }),
        (columns, lanes, laneHeight, dpr, pool) => {
          const d = { columns, lanes, weight: Float32Array.from({ length: columns * lanes }, (_, i) => pool[i]!) };
          const width = Math.floor(columns * dpr);
          const height = Math.ceil(lanes * laneHeight * dpr);
          const colors: Color[] = [red, blue, [0, 120, 0, 0.5]];
          const fast = new Uint32Array(densityPixels(d, laneHeight, colors, stripe, width, height, dpr).buffer);
          expect([...fast]).toEqual([...reference(d, laneHeight, colors, width, height, dpr)]);
          // A buffer from an earlier paint, full of its pixels, is written over as if it were new.
          const used = new Uint8ClampedArray(width * height * 4).fill(0xab);
          const again = densityPixels(d, laneHeight, colors, stripe, width, height, dpr, used);
          expect(again).toBe(used);
          expect([...new Uint32Array(again.buffer)]).toEqual([...fast]);
        },
      ),
    );
  }, 60_000);

  it('blends a bar over the stripe', () => {
    const [r, g, b, a] = at(0, 37);
    expect(b).toBeGreaterThan(150);
    expect(r! + g!).toBe(0);
    expect(a).toBeGreaterThan(Math.round(0.85 * 255));
  });
});
