import { describe, expect, it } from 'vitest';
import { classColor, classOf, countClasses, CLASS_COLORS } from '../../../../src/lib/views/map/count-classes';
import { DensityBins } from '../../../../src/lib/views/map/density-bins';
import { separatingZoom } from '../../../../src/lib/views/map/reveal-zoom';
import { CLUSTER_CELL } from '../../../../src/lib/views/map/symbols';
import { decodeUrlState, DEFAULT_URL_STATE, encodeUrlState } from '../../../../src/lib/state/url';

describe('count classes', () => {
  it.each([
    [0, []],
    [1, [[1, 1]]],
    [
      3,
      [
        [1, 1],
        [2, 3],
      ],
    ],
    [
      12,
      [
        [1, 1],
        [2, 4],
        [5, 12],
      ],
    ],
    [
      1000,
      [
        [1, 1],
        [2, 9],
        [10, 49],
        [50, 199],
        [200, 1000],
      ],
    ],
  ])('max %d gives 1-2-5 classes from 1 to the max', (max, expected) => {
    expect(countClasses(max).map((c) => [c.from, c.to])).toEqual(expected);
  });

  it('finds the class of a count', () => {
    const classes = countClasses(1000);
    expect([0, 1, 2, 9, 10, 199, 200, 5000].map((n) => classOf(classes, n))).toEqual([-1, 0, 1, 1, 2, 3, 4, 4]);
  });

  it('spreads the scale over fewer classes, ending at the strongest colour', () => {
    expect(classColor('light', 0, 1)).toBe(CLASS_COLORS.light.at(-1));
    expect(classColor('dark', 1, 2)).toBe(CLASS_COLORS.dark.at(-1));
    expect(classColor('dark', 0, 2)).toBe(CLASS_COLORS.dark[0]);
  });
});

describe('density bins', () => {
  // Four rows: two in one bin, one in the next, one without a place.
  const size = 1024;
  const x = Float64Array.from([10 / size, 12 / size, 40 / size, NaN]);
  const y = Float64Array.from([10 / size, 14 / size, 10 / size, NaN]);
  const view = { worldSize: size, left: 0, top: 0, width: 200, height: 100 };

  it('counts rows per square and skips rows without a place', () => {
    const bins = new DensityBins(size, view, 16);
    bins.add(x, y, [0, 1, 2, 3]);
    expect(bins.countAt(10, 10)).toBe(2);
    expect(bins.countAt(40, 10)).toBe(1);
    expect(bins.countAt(100, 50)).toBe(0);
    expect(bins.maxIn(view)).toBe(2);
  });

  it('follows a delta: rows that left are taken away, rows that entered added', () => {
    const bins = new DensityBins(size, view, 16);
    bins.add(x, y, [0, 1]);
    bins.add(x, y, [1], -1);
    bins.add(x, y, [2], 1);
    const seen: [number, number, number][] = [];
    bins.forEach(view, (wx, wy, n) => seen.push([wx, wy, n]));
    expect(seen).toEqual([
      [0, 0, 1],
      [32, 0, 1],
    ]);
  });

  it('covers a view panned within its margin, not one at another zoom or far away', () => {
    const bins = new DensityBins(size, { ...view, left: 300, top: 300 }, 16);
    expect(bins.covers({ ...view, left: 340, top: 320 })).toBe(true);
    expect(bins.covers({ ...view, left: 800, top: 300 })).toBe(false);
    expect(bins.covers({ ...view, worldSize: 2048, left: 300, top: 300 })).toBe(false);
  });
});

describe('separating zoom', () => {
  it('zooms until the nearest other place is two cluster cells away', () => {
    const x = Float64Array.from([0.5, 0.5 + 1 / 4096, 0.5, 0.9]);
    const y = Float64Array.from([0.5, 0.5, 0.5, 0.9]);
    const zoom = separatingZoom(x, y, [0, 1, 2, 3], 0);
    // The neighbour is 1/4096 of the world away: 2 cells at 256·2^z·(1/4096) px.
    expect(256 * 2 ** zoom * (1 / 4096)).toBeGreaterThanOrEqual(2 * CLUSTER_CELL);
    expect(256 * 2 ** (zoom - 0.25) * (1 / 4096)).toBeLessThan(2 * CLUSTER_CELL);
  });

  it('ignores rows at the very same spot and rows without a place', () => {
    const x = Float64Array.from([0.5, 0.5, NaN]);
    const y = Float64Array.from([0.5, 0.5, NaN]);
    expect(separatingZoom(x, y, [0, 1, 2], 0)).toBe(-Infinity);
  });
});

describe('map mode in the URL', () => {
  it('writes mapmode= and mapby= only away from the defaults, and reads them back', () => {
    expect(encodeUrlState({ ...DEFAULT_URL_STATE, mapMode: 'clusters' })).toBe('');
    const url = encodeUrlState({ ...DEFAULT_URL_STATE, mapMode: 'regions', mapBy: 'fatalities' });
    expect(url).toBe('mapmode=regions&mapby=fatalities');
    const { state, notices } = decodeUrlState(url);
    expect(notices).toEqual([]);
    expect([state.mapMode, state.mapBy]).toEqual(['regions', 'fatalities']);
  });

  it('ignores an unknown mode with a notice', () => {
    const { state, notices } = decodeUrlState('mapmode=heat&mapby=deaths');
    expect(state.mapMode).toBe('clusters');
    expect(state.mapBy).toBe('events');
    expect(notices.join(' ')).toContain('Ignored mapmode="heat"');
    expect(notices.join(' ')).toContain('Ignored mapby="deaths"');
  });
});
