import { describe, expect, it } from 'vitest';
import { DensityBins, DensityGrids, type WorldArea } from '../../../../src/lib/views/map/density-bins';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Positions in [0, 1): clustered, some exactly on bin edges at the test's zoom, some without a place. */
function places(n: number, seed: number, worldSize: number): { x: Float64Array; y: Float64Array } {
  const next = random(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i % 13 === 0) {
      x[i] = y[i] = NaN;
    } else if (i % 7 === 0) {
      // On a bin's corner: the floor must put it in the bin that starts there.
      x[i] = (Math.floor(next() * (worldSize / 16)) * 16) / worldSize;
      y[i] = (Math.floor(next() * (worldSize / 16)) * 16) / worldSize;
    } else {
      x[i] = 0.3 + 0.4 * next() * next();
      y[i] = 0.35 + 0.3 * next();
    }
  }
  return { x, y };
}

/** Counts as the grid defines them, one Math.floor per axis: what the fast loop must equal. */
function reference(bins: DensityBins, x: Float64Array, y: Float64Array, rows: Iterable<number>): Uint32Array {
  const out = new Uint32Array(bins.counts.length);
  const k = bins.worldSize / bins.cell;
  for (const r of rows) {
    const cx = Math.floor(x[r]! * k) - bins.col0;
    const cy = Math.floor(y[r]! * k) - bins.row0;
    if (cx >= 0 && cx < bins.cols && cy >= 0 && cy < bins.rows) out[cy * bins.cols + cx]! += 1;
  }
  return out;
}

const ascending = (set: Set<number>): Uint32Array => Uint32Array.from([...set].sort((a, b) => a - b));

describe('density bins counted and kept by row deltas', () => {
  const worldSize = 256 * 2 ** 3.25;
  // Views at the world's left and top edges (the grid overhangs them) and inside.
  const areas: WorldArea[] = [
    { worldSize, left: 0, top: 0, width: 900, height: 600 },
    { worldSize, left: worldSize * 0.3, top: worldSize * 0.35, width: 700, height: 500 },
  ];

  it('counts every row in its bin, as floor(position / cell) says, and skips rows without a place', () => {
    const n = 5000;
    const { x, y } = places(n, 1, worldSize);
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    for (const area of areas) {
      const bins = new DensityBins(worldSize, area);
      bins.add(x, y, rows);
      expect([...bins.counts]).toEqual([...reference(bins, x, y, rows)]);
      expect(bins.counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
  });

  it('equals a count from scratch after any sequence of rows added and taken away', () => {
    for (const seed of [2, 3, 4, 5]) {
      const next = random(seed * 101);
      const n = 3000;
      const { x, y } = places(n, seed, worldSize);
      const shown = new Set<number>();
      for (let i = 0; i < n; i++) if (next() < 0.5) shown.add(i);
      const grids = new DensityGrids();
      const area = areas[seed % 2]!;
      grids.covering(area, x, y, ascending(shown));
      for (let step = 0; step < 40; step++) {
        const entered: number[] = [];
        const left: number[] = [];
        for (let j = 0; j < 60; j++) {
          const r = Math.floor(next() * n);
          if (shown.has(r)) {
            if (!left.includes(r)) left.push(r);
          } else if (!entered.includes(r)) entered.push(r);
        }
        for (const r of left) shown.delete(r);
        for (const r of entered) shown.add(r);
        grids.follow(x, y, { entered: Uint32Array.from(entered), left: Uint32Array.from(left) });
        const kept = grids.covering(area, x, y, ascending(shown));
        const fresh = new DensityBins(worldSize, area);
        fresh.add(x, y, ascending(shown));
        expect([...kept.counts]).toEqual([...fresh.counts]);
      }
    }
  });

  it('keeps the grids of recent zooms, so a zoom back counts nothing, until the rows change', () => {
    const n = 2000;
    const { x, y } = places(n, 9, worldSize);
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    const grids = new DensityGrids();
    const out = areas[1]!;
    const deeper: WorldArea = {
      worldSize: worldSize * 2,
      left: out.left * 2 + 350,
      top: out.top * 2 + 250,
      width: 700,
      height: 500,
    };
    const first = grids.covering(out, x, y, rows);
    const zoomedIn = grids.covering(deeper, x, y, rows);
    expect(zoomedIn).not.toBe(first);
    expect(grids.covering(out, x, y, rows)).toBe(first);
    expect(grids.covering(deeper, x, y, rows)).toBe(zoomedIn);
    expect(grids.current).toBe(zoomedIn);

    // A delta moves the grid drawn; the other zoom's grid is let go and counted again from the rows it is given.
    grids.follow(x, y, { entered: new Uint32Array(0), left: Uint32Array.from([1, 2, 3]) });
    const after = rows.filter((r) => r > 3);
    const again = grids.covering(out, x, y, after);
    expect(again).not.toBe(first);
    expect([...again.counts]).toEqual([...reference(again, x, y, after)]);
    expect([...grids.covering(deeper, x, y, after).counts]).toEqual([...reference(zoomedIn, x, y, after)]);
  });
});
