import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cluster, membersOf, type Clusters } from '../../../../src/lib/views/map/cluster';
import { GridCache, WHEEL_NOTCH, type GridSource, type ZoomView } from '../../../../src/lib/views/map/grid-cache';
import { worldSize } from '../../../../src/lib/views/map/projection';

const CELL = 48;
const MERGE = 28;

/** n points spread over Europe-sized part of the world (normalised), three categories. */
function sourceOf(n: number, seed = 1): GridSource & { rows: Uint32Array } {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const x = Float64Array.from({ length: n }, () => 0.45 + 0.15 * rnd());
  const y = Float64Array.from({ length: n }, () => 0.25 + 0.1 * rnd());
  return {
    x,
    y,
    category: Uint16Array.from({ length: n }, (_, i) => i % 3),
    categories: 3,
    cell: CELL,
    merge: MERGE,
    rows: Uint32Array.from({ length: n }, (_, i) => i),
  };
}

/** The map's canvas at `zoom` centred on normalised (cx, cy). */
function viewAt(zoom: number, cx: number, cy: number, width = 900, height = 600): ZoomView {
  const ws = worldSize(zoom);
  return {
    zoom,
    minZoom: 1,
    maxZoom: 12,
    worldSize: ws,
    left: cx * ws - width / 2,
    top: cy * ws - height / 2,
    width,
    height,
  };
}

/** Leaflet's view after zooming to `zoom` around a point of `from` (container px from its corner). */
function zoomedAround(from: ZoomView, zoom: number, px: number, py: number): ZoomView {
  const s = worldSize(zoom) / from.worldSize;
  const wx = from.left + px;
  const wy = from.top + py;
  return { ...from, zoom, worldSize: worldSize(zoom), left: wx * s - px, top: wy * s - py };
}

function summary(c: Clusters): [number, number, number, number[]][] {
  return Array.from({ length: c.length }, (_, i) => [
    Math.round(c.x[i]! * 1e6) / 1e6,
    Math.round(c.y[i]! * 1e6) / 1e6,
    c.count[i]!,
    Array.from(membersOf(c, i)),
  ]);
}

function fresh(src: GridSource, rows: Uint32Array, view: ZoomView): Clusters {
  return cluster({ ...src, rows, ...view });
}

function ready(src: ReturnType<typeof sourceOf>, view: ZoomView): GridCache {
  const cache = new GridCache();
  cache.reset(src, src.rows);
  cache.gridFor(view);
  cache.plan(view);
  while (cache.work(() => true));
  return cache;
}

describe('GridCache', () => {
  const src = sourceOf(5000);
  const start = viewAt(4.5, 0.52, 0.3);

  it('sums every row for a new zoom, and not again for a pan inside the margin', () => {
    const cache = new GridCache();
    cache.reset(src, src.rows);
    const grid = cache.gridFor(start)!;
    expect(cache.builtOnDemand).toBe(1);
    const panned = { ...start, left: start.left + 300, top: start.top - 200 };
    expect(cache.gridFor(panned)).toBe(grid);
    expect(cache.builtOnDemand).toBe(1);
    expect(summary(grid.clusters(src.rows, panned))).toEqual(summary(fresh(src, src.rows, panned)));
  });

  it('builds ahead every zoom a wheel notch or a button press away, wherever the wheel zooms around', () => {
    const targets = [
      start.zoom + WHEEL_NOTCH,
      start.zoom - WHEEL_NOTCH,
      Math.floor(start.zoom) + 1,
      Math.ceil(start.zoom) - 1,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 600 }),
        (zoom, px, py) => {
          const cache = ready(src, start);
          const next = zoomedAround(start, zoom, px, py);
          const grid = cache.gridFor(next)!;
          expect(cache.builtOnDemand).toBe(1);
          expect(summary(grid.clusters(src.rows, next))).toEqual(summary(fresh(src, src.rows, next)));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('keeps to the zooms the map allows', () => {
    const cache = new GridCache();
    cache.reset(src, src.rows);
    const top = viewAt(12, 0.52, 0.3);
    cache.gridFor(top);
    cache.plan(top);
    while (cache.work(() => true));
    // At the deepest zoom, only the ways out are built: zooming in is impossible.
    cache.gridFor(zoomedAround(top, 12 - WHEEL_NOTCH, 450, 300));
    cache.gridFor(zoomedAround(top, 11, 450, 300));
    expect(cache.builtOnDemand).toBe(1);
  });

  it('works in slices: one slice of a large set leaves the rest for later', () => {
    const big = sourceOf(200_000, 7);
    const cache = new GridCache();
    cache.reset(big, big.rows);
    cache.gridFor(start);
    cache.plan(start);
    expect(cache.work(() => false)).toBe(true);
    let slices = 1;
    for (let more = true; more; slices++) more = cache.work(() => false);
    // Four zooms ahead, each summing 200,000 rows in slices of 32,768.
    expect(slices).toBe(4 * Math.ceil(200_000 / 32_768));
  });

  it('drops what it built ahead when the rows change, and sums the new rows for the next zoom', () => {
    const cache = ready(src, start);
    const rows = src.rows.filter((r) => r % 2 === 0);
    const delta = { from: src.rows, entered: new Uint32Array(0), left: src.rows.filter((r) => r % 2 === 1) };
    expect(cache.update(delta, rows)).toBe(true);
    expect(summary(cache.gridFor(start)!.clusters(rows, start))).toEqual(summary(fresh(src, rows, start)));
    const next = zoomedAround(start, start.zoom + WHEEL_NOTCH, 450, 300);
    expect(summary(cache.gridFor(next)!.clusters(rows, next))).toEqual(summary(fresh(src, rows, next)));
    expect(cache.builtOnDemand).toBe(2);
  });

  it('refuses a delta from rows it does not hold', () => {
    const cache = ready(src, start);
    expect(
      cache.update({ from: new Uint32Array(3), entered: new Uint32Array(0), left: new Uint32Array(0) }, src.rows),
    ).toBe(false);
  });
});
