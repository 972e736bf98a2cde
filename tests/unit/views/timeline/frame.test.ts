import { describe, expect, it } from 'vitest';
import {
  DENSE_MARKS,
  frameServes,
  keeps,
  layoutFrame,
  hitTest,
  marksAttribute,
  originOf,
  previews,
  sameScale,
  sheetHolds,
  shownWidth,
  withWindow,
  type FrameInput,
} from '../../../../src/lib/views/timeline/frame';
import { LaneMemo } from '../../../../src/lib/views/timeline/density';
import { SHAPES } from '../../../../src/lib/views/timeline/geometry';
import { categoryLanes } from '../../../../src/lib/views/timeline/lanes';
import { allRows, at, columnsOf } from './helpers';

const CATEGORIES = [
  { id: 'a', label: 'A', color: '#111111' },
  { id: 'b', label: 'B', color: '#222222' },
];
const columns = columnsOf([
  { date: '2020-09-27', end: '2020-11-10', category: 0 }, // 0: a range
  { date: '2020-10', category: 1 }, // 1: known to the month
  { date: '2020-10-09', category: 0 }, // 2: a day, on top of the range
  { date: '2020-10-15', approximate: true, category: 1 }, // 3: c. 15 Oct
  { date: '2021-06-01', category: 0 }, // 4: out of view
]);
const layout = categoryLanes(CATEGORIES, columns.category, allRows(5));
// 1 Sep – 30 Nov 2020 is 91 days across 910 px: 10 px a day.
const view = { start: at('2020-09-01'), end: at('2020-12-01') };
const px = (iso: string) => (at(iso) - view.start) / 8_640_000;

function frameOf(patch: Partial<FrameInput> = {}) {
  return layoutFrame({
    columns,
    layout,
    view,
    width: 910,
    height: 100,
    maxDuration: 45 * 86_400_000,
    visibleMask: Uint8Array.of(1, 1, 0, 1, 1),
    ...patch,
  });
}
const itemOf = (f: ReturnType<typeof frameOf>, row: number) => [...f.row].indexOf(row);

describe('layoutFrame', () => {
  const f = frameOf();

  it('keeps only items that overlap the view', () => {
    expect([...f.row]).toEqual([0, 1, 2, 3]);
  });

  it('draws a month-precision event across its whole month', () => {
    const j = itemOf(f, 1);
    expect(SHAPES[f.shape[j]!]).toBe('extent');
    expect(f.x0[j]).toBeCloseTo(px('2020-10-01'));
    expect(f.x1[j]).toBeCloseTo(px('2020-11-01'));
  });

  it('draws a range from its start to the end of its last day', () => {
    const j = itemOf(f, 0);
    expect(SHAPES[f.shape[j]!]).toBe('range');
    expect(f.x0[j]).toBeCloseTo(px('2020-09-27'));
    expect(f.x1[j]).toBeCloseTo(px('2020-11-11'));
  });

  it('draws a day as a point at the middle of its day', () => {
    const j = itemOf(f, 2);
    expect(SHAPES[f.shape[j]!]).toBe('point');
    expect((f.x0[j]! + f.x1[j]!) / 2).toBeCloseTo(px('2020-10-09') + 5);
  });

  it('gives an approximate date whiskers of a day each side (10 px here)', () => {
    const j = itemOf(f, 3);
    expect(f.x0[j]! - f.fx0[j]!).toBeCloseTo(10);
    expect(f.fx1[j]! - f.x1[j]!).toBeCloseTo(10);
    const exact = itemOf(f, 2);
    expect(f.fx0[exact]).toBe(f.x0[exact]);
  });

  it('marks rows outside the filters as faint', () => {
    expect([...f.faint]).toEqual([0, 0, 1, 0]);
  });

  it('stacks the point under the range it overlaps when the lane has room', () => {
    // Two lanes of 50 px: four sub-rows each.
    const range = itemOf(f, 0);
    const point = itemOf(f, 2);
    expect(f.lane[range]).toBe(0);
    expect(f.lane[point]).toBe(0);
    expect(f.y[point]!).toBeGreaterThan(f.y[range]! + f.h[range]!);
    expect(f.overlap[point]).toBe(0);
    for (let j = 0; j < f.count; j++) {
      expect(f.y[j]!).toBeGreaterThanOrEqual(f.lane[j]! * 50);
      expect(f.y[j]! + f.h[j]!).toBeLessThanOrEqual((f.lane[j]! + 1) * 50);
    }
  });

  it('overlaps (flagged for transparency) when the lane is too short to stack', () => {
    const short = frameOf({ height: 24 });
    expect(short.overlap[itemOf(short, 2)]).toBe(1);
    expect(short.y[itemOf(short, 2)]! + short.h[itemOf(short, 2)]! / 2).toBeCloseTo(6, 0);
  });
});

describe('hitTest', () => {
  const f = frameOf({ height: 24, visibleMask: Uint8Array.of(1, 1, 1, 1, 1) });
  const centre = (row: number) => {
    const j = itemOf(f, row);
    return [(f.x0[j]! + f.x1[j]!) / 2, f.y[j]! + f.h[j]! / 2] as const;
  };

  it('finds a point on top of the range bar beneath it', () => {
    expect(f.row[hitTest(f, ...centre(2))]).toBe(2);
  });

  it('finds the bar away from the point', () => {
    const [, y] = centre(0);
    expect(f.row[hitTest(f, px('2020-11-05'), y)]).toBe(0);
  });

  it('misses empty space', () => {
    expect(hitTest(f, 5, 5)).toBe(-1);
  });

  it('prefers visible rows over faint ones at the same place', () => {
    const faint = frameOf({ height: 24, visibleMask: Uint8Array.of(1, 1, 0, 1, 1) });
    const j = itemOf(faint, 2);
    const hit = hitTest(faint, (faint.x0[j]! + faint.x1[j]!) / 2, faint.y[j]! + faint.h[j]! / 2);
    expect(faint.row[hit]).toBe(0);
  });

  it('with no mask (lanes of passing rows only), draws no mark faint', () => {
    const all = frameOf({ visibleMask: null });
    expect([...all.row]).toEqual([0, 1, 2, 3]);
    expect([...all.faint]).toEqual([0, 0, 0, 0]);
    expect([...frameOf().faint]).toEqual([0, 0, 1, 0]);
  });
});

describe('marksAttribute', () => {
  it('lists the visible marks with ids and boxes clipped to the plot', () => {
    const f = frameOf();
    const marks = JSON.parse(marksAttribute(f, (row) => `e${row}`, 910)) as { id: string; x: number; w: number }[];
    expect(marks.map((m) => m.id)).toEqual(['e0', 'e1', 'e3']); // e2 is faint
    const month = marks.find((m) => m.id === 'e1')!;
    expect(month.x).toBeCloseTo(px('2020-10-01'), 0);
    expect(month.w).toBeCloseTo(310, 0);
  });
});

describe('density in place of marks', () => {
  // 30,000 day events over 30 days in two lanes: more than DENSE_MARKS in view.
  const n = 30_000;
  const rows = Array.from({ length: n }, (_, i) => ({
    date: `2020-10-${String(1 + Math.floor((i * 30) / n)).padStart(2, '0')}`,
    category: i % 3 === 0 ? 1 : 0,
  }));
  const dense = columnsOf(rows);
  const denseLayout = categoryLanes(CATEGORIES, dense.category, allRows(n));
  const f = layoutFrame({
    columns: dense,
    layout: denseLayout,
    view,
    width: 910,
    height: 100,
    maxDuration: 86_400_000,
    visibleMask: new Uint8Array(n).fill(1),
  });

  it('switches to density past DENSE_MARKS and lists no marks', () => {
    expect(n).toBeGreaterThan(DENSE_MARKS);
    expect(f.count).toBe(0);
    expect(f.density).not.toBeNull();
    expect(hitTest(f, 400, 20)).toBe(-1);
  });

  it('keeps every event once: the weights of a lane sum to its events', () => {
    const d = f.density!;
    const sum = (lane: number) => d.weight.slice(lane * d.columns, (lane + 1) * d.columns).reduce((a, b) => a + b, 0);
    expect(sum(0)).toBeCloseTo(20_000, 0);
    expect(sum(1)).toBeCloseTo(10_000, 0);
  });

  it('puts the weight where the days are: nothing before 1 Oct or after 31 Oct', () => {
    const d = f.density!;
    const first = Math.floor(px('2020-10-01'));
    const last = Math.ceil(px('2020-10-31'));
    for (let c = 0; c < d.columns; c++) if (c < first || c > last) expect(d.weight[c]).toBe(0);
    expect(d.weight[first + 2]).toBeGreaterThan(0);
  });

  it("bins over the sheet when given a margin: the view's columns as the view alone bins them, the rest kept for a pan", () => {
    const input = {
      columns: dense,
      layout: denseLayout,
      view,
      width: 910,
      height: 100,
      maxDuration: 86_400_000,
      visibleMask: null,
    };
    const sheet = layoutFrame(input, undefined, 0.5);
    const d = sheet.density!;
    expect(d).not.toBeNull();
    expect(sheet.width).toBe(1820);
    expect(d.columns).toBe(1820);
    const origin = originOf(sheet, view);
    expect(origin).toBeCloseTo(455);
    // Every event lies inside the view, so the sheet holds each one's weight where the view puts it.
    const own = f.density!;
    const inViewOf = (w: Float32Array, cols: number, from: number, lane: number) => [
      ...w.slice(lane * cols + from, lane * cols + from + 910),
    ];
    for (const lane of [0, 1]) {
      const a = inViewOf(d.weight, d.columns, 455, lane);
      const b = inViewOf(own.weight, own.columns, 0, lane);
      expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(
        b.reduce((x, y) => x + y, 0),
        0,
      );
      a.forEach((w, c) => expect(w).toBeCloseTo(b[c]!, 3));
    }
    expect(frameServes(sheet, { start: view.start + 30 * 86_400_000, end: view.end + 30 * 86_400_000 }, 910)).toBe(
      true,
    );
  });

  it('bins the same sheet with category lanes remembered as without', () => {
    const input = {
      columns: dense,
      layout: denseLayout,
      view,
      width: 910,
      height: 100,
      maxDuration: 86_400_000,
      visibleMask: null,
    };
    const memo = new LaneMemo();
    const kept = layoutFrame(input, { memo, parts: [] }, 0.5);
    const plain = layoutFrame(input, undefined, 0.5);
    expect(kept.domain).toEqual(plain.domain);
    expect(kept.width).toBe(plain.width);
    expect([...kept.density!.weight]).toEqual([...plain.density!.weight]);
  });

  it('draws marks over a sheet when the view holds few enough, even if the sheet holds more', () => {
    // 20,000 events in view and 10,000 each side: marks for the view alone, not density.
    const n = 40_000;
    const first = at('1950-01-01');
    const wide = columnsOf(
      Array.from({ length: n }, (_, i) => ({
        date: new Date(first + i * 86_400_000).toISOString().slice(0, 10),
        category: i % 2,
      })),
    );
    const wideLayout = categoryLanes(CATEGORIES, wide.category, allRows(n));
    const middle = { start: first + 10_000 * 86_400_000, end: first + 30_000 * 86_400_000 };
    const g = layoutFrame(
      {
        columns: wide,
        layout: wideLayout,
        view: middle,
        width: 1000,
        height: 100,
        maxDuration: 86_400_000,
        visibleMask: null,
      },
      { memo: new LaneMemo(), parts: [] },
      0.5,
    );
    expect(g.density).toBeNull();
    expect(g.domain).toEqual(middle);
    expect(g.count).toBe(20_000);
  }, 60_000);

  it('previews a zoom by scaling density it covers, never marks, a pan or a view past its edges', () => {
    const input = {
      columns: dense,
      layout: denseLayout,
      view,
      width: 910,
      height: 100,
      maxDuration: 86_400_000,
      visibleMask: null,
    };
    const sheet = layoutFrame(input, undefined, 0.5);
    const day = 86_400_000;
    const zoomIn = { start: view.start + 10 * day, end: view.end - 10 * day };
    const zoomOut = { start: view.start - 20 * day, end: view.end + 20 * day };
    expect(previews(sheet, zoomIn, 910)).toBe(true);
    expect(previews(sheet, zoomOut, 910)).toBe(true);
    expect(previews(sheet, { start: view.start - 50 * day, end: view.end + 50 * day }, 910)).toBe(false);
    expect(previews(sheet, { start: view.start + day, end: view.end + day }, 910)).toBe(false);
    expect(previews(frameOf(), zoomIn, 910)).toBe(false);
    // The view's share of the sheet, in the sheet's px: its width at the same scale, more or less when zoomed.
    expect(shownWidth(sheet, view)).toBeCloseTo(910);
    expect(shownWidth(sheet, zoomIn)).toBeCloseTo(710);
    expect(shownWidth(sheet, zoomOut)).toBeCloseTo(1310);
  });

  it('keeps the frame on screen for a pan it holds or a zoom it previews, and only a sheet once the view has settled', () => {
    const input = {
      columns: dense,
      layout: denseLayout,
      view,
      width: 910,
      height: 100,
      maxDuration: 86_400_000,
      visibleMask: null,
    };
    const sheet = layoutFrame(input, undefined, 0.5);
    const day = 86_400_000;
    const zoomIn = { start: view.start + 10 * day, end: view.end - 10 * day };
    expect(keeps(sheet, { start: view.start + day, end: view.end + day }, 910, false)).toBe(true);
    expect(keeps(sheet, zoomIn, 910, false)).toBe(true);
    expect(keeps(sheet, zoomIn, 910, true)).toBe(false);
    expect(keeps(sheet, view, 910, true)).toBe(true);
    expect(keeps(f, view, 910, false)).toBe(true);
    expect(keeps(f, view, 910, true)).toBe(false);
  });

  it('draws marks again below the threshold', () => {
    const few = layoutFrame({
      columns,
      layout,
      view,
      width: 910,
      height: 100,
      maxDuration: 45 * 86_400_000,
      visibleMask: new Uint8Array(5).fill(1),
    });
    expect(few.density).toBeNull();
    expect(few.count).toBe(4);
  });
});

describe('a sheet wider than the view (margin)', () => {
  // Half a view each side: 16 Jul – 16 Jan, 1,820 px at the same 10 px a day.
  const input = {
    columns,
    layout,
    view,
    width: 910,
    height: 100,
    maxDuration: 45 * 86_400_000,
    visibleMask: Uint8Array.of(1, 1, 0, 1, 1),
  };
  const sheet = layoutFrame(input, undefined, 0.5);
  const plain = layoutFrame(input);
  const origin = originOf(sheet, view);

  it("lays out over the view widened by the margin, at the view's scale", () => {
    expect(sheet.width).toBe(1820);
    expect(sheet.domain.start).toBe(view.start - 45.5 * 86_400_000);
    expect(origin).toBeCloseTo(455);
    expect(originOf(plain, view)).toBe(0);
  });

  it('puts every mark of the view where the view alone puts it, shifted by the origin', () => {
    expect([...sheet.row]).toEqual([...plain.row]);
    for (let j = 0; j < plain.count; j++) {
      expect(sheet.x0[j]! - origin).toBeCloseTo(plain.x0[j]!, 3);
      expect(sheet.x1[j]! - origin).toBeCloseTo(plain.x1[j]!, 3);
      expect(sheet.y[j]).toBe(plain.y[j]);
    }
  });

  it("hit-tests and lists marks in the view's px once the origin is added", () => {
    const point = itemOf(plain, 2);
    const cx = (plain.x0[point]! + plain.x1[point]!) / 2;
    const cy = plain.y[point]! + plain.h[point]! / 2;
    expect(sheet.row[hitTest(sheet, cx + origin, cy)]).toBe(2);
    expect(marksAttribute(sheet, (row) => `e${row}`, 910, origin)).toBe(marksAttribute(plain, (row) => `e${row}`, 910));
  });

  it('holds for any pan that stays inside it, not for a zoom or a pan past its edge', () => {
    const day = 86_400_000;
    const pan = (days: number) => ({ start: view.start + days * day, end: view.end + days * day });
    expect(sheetHolds(sheet, view, 910)).toBe(true);
    expect(sheetHolds(sheet, pan(45), 910)).toBe(true);
    expect(sheetHolds(sheet, pan(-45), 910)).toBe(true);
    expect(sheetHolds(sheet, pan(46), 910)).toBe(false);
    expect(sheetHolds(sheet, { start: view.start, end: view.end - day }, 910)).toBe(false);
    expect(sheetHolds(sheet, view, 900)).toBe(false);
    expect(sheetHolds(plain, view, 910)).toBe(false);
  });

  it('tells a pan (any shift at the same scale, in the sheet or past it) from a zoom', () => {
    const day = 86_400_000;
    expect(sameScale(plain, { start: view.start + 400 * day, end: view.end + 400 * day }, 910)).toBe(true);
    expect(sameScale(sheet, { start: view.start - 3 * day, end: view.end - 3 * day }, 910)).toBe(true);
    expect(sameScale(plain, { start: view.start, end: view.end + day }, 910)).toBe(false);
    expect(sameScale(plain, view, 920)).toBe(false);
  });

  it('a frame serves the same view again (a new object for the same instants) and, as a sheet, a pan', () => {
    const day = 86_400_000;
    expect(frameServes(plain, { ...view }, 910)).toBe(true);
    expect(frameServes(plain, { start: view.start + day, end: view.end + day }, 910)).toBe(false);
    expect(frameServes(sheet, { start: view.start + day, end: view.end + day }, 910)).toBe(true);
  });

  it('shows a pan within it as the same marks at the new origin', () => {
    const moved = { start: view.start + 20 * 86_400_000, end: view.end + 20 * 86_400_000 };
    const fresh = layoutFrame({ ...input, view: moved });
    const shift = originOf(sheet, moved);
    const listed = (f: typeof sheet, o: number) =>
      JSON.parse(marksAttribute(f, (row) => `e${row}`, 910, o)) as { id: string; x: number }[];
    expect(listed(sheet, shift).map((m) => [m.id, Math.round(m.x)])).toEqual(
      listed(fresh, 0).map((m) => [m.id, Math.round(m.x)]),
    );
  });

  it('keeps within the bounds a pan can reach: none at the whole span, only inward at its edge', () => {
    const whole = layoutFrame(input, undefined, 0.5, view);
    expect(whole.domain).toEqual(view);
    expect(whole.width).toBe(910);
    // The view's first 45.5 days beyond its end are reachable; nothing before its start.
    const edge = layoutFrame(input, undefined, 0.5, { start: view.start, end: view.end + 200 * 86_400_000 });
    expect(edge.domain).toEqual({ start: view.start, end: view.end + 45.5 * 86_400_000 });
    expect(edge.width).toBeCloseTo(1365);
    expect(originOf(edge, view)).toBe(0);
    expect(sheetHolds(edge, view, 910)).toBe(true);
  });

  it('is given up for the view alone when the sheet would hold more than DENSE_MARKS marks', () => {
    // 20,000 days in view and 10,000 more on each side (the view itself stays below DENSE_MARKS).
    const n = 40_000;
    const first = at('1950-01-01');
    const wide = columnsOf(
      Array.from({ length: n }, (_, i) => ({ date: new Date(first + i * 86_400_000).toISOString().slice(0, 10) })),
    );
    const wideLayout = categoryLanes(CATEGORIES, wide.category, allRows(n));
    const middle = { start: first + 10_000 * 86_400_000, end: first + 30_000 * 86_400_000 };
    const f = layoutFrame(
      {
        columns: wide,
        layout: wideLayout,
        view: middle,
        width: 1000,
        height: 100,
        maxDuration: 86_400_000,
        visibleMask: null,
      },
      undefined,
      0.5,
    );
    expect(f.density).toBeNull();
    expect(f.domain).toEqual(middle);
    expect(f.width).toBe(1000);
    expect(f.count).toBe(20_000);
  }, 60_000);
});

describe('withWindow', () => {
  const f = frameOf({ visibleMask: new Uint8Array(5).fill(1) });
  const faintRows = (w: { start: number; end: number } | null) => {
    const g = withWindow(f, columns, w);
    return [...g.row].filter((_, j) => g.faint[j] === 1);
  };

  it('fades the marks outside the time window and keeps the geometry', () => {
    // 5–12 Oct: the range (0), the month (1) and 9 Oct (2) overlap it; 15 Oct (3) does not.
    expect(faintRows({ start: at('2020-10-05'), end: at('2020-10-12') })).toEqual([3]);
    expect(withWindow(f, columns, { start: at('2020-10-05'), end: at('2020-10-12') }).x0).toBe(f.x0);
  });

  it('window edges are half-open: an event ending where the window starts is out', () => {
    // 9 Oct ends at 10 Oct 00:00; a window from 10 Oct leaves it out, as the filters do.
    expect(faintRows({ start: at('2020-10-10'), end: at('2020-10-12') })).toContain(2);
  });

  it('no window: nothing is faint', () => {
    expect(faintRows(null)).toEqual([]);
  });
});
