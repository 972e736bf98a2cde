import { describe, expect, it } from 'vitest';
import { packShapes, shapesIn, tileBox, TILE_SIZE } from '../../../../src/lib/views/map/world-shapes';
import { mercatorY } from '../../../../src/lib/views/map/projection';

describe('world shapes for basemap tiles', () => {
  // A square around Paris-ish, a line along the equator, a one-point line (dropped).
  const set = packShapes([
    [
      [0, 45],
      [10, 45],
      [10, 50],
      [0, 50],
    ],
    [
      [-170, 0],
      [170, 0],
    ],
    [[5, 5]],
  ]);

  it('projects into world units (the world is 256 px wide at zoom 0) and keeps every point', () => {
    expect([...set.starts]).toEqual([0, 4, 6]);
    expect(set.points[0]).toBeCloseTo(128, 4);
    expect(set.points[1]).toBeCloseTo(mercatorY(45) * TILE_SIZE, 4);
    expect(set.points[8]).toBeCloseTo(((-170 + 180) / 360) * 256, 4);
  });

  it('boxes each shape', () => {
    const [minX, minY, maxX, maxY] = [...set.boxes.subarray(0, 4)];
    expect(minX).toBeCloseTo(128, 4);
    expect(maxX).toBeCloseTo((190 / 360) * 256, 4);
    expect(minY).toBeCloseTo(mercatorY(50) * 256, 4);
    expect(maxY).toBeCloseTo(mercatorY(45) * 256, 4);
  });

  const cases: { name: string; tile: [number, number, number]; expected: number[] }[] = [
    { name: 'the whole world at zoom 0 holds both', tile: [0, 0, 0], expected: [0, 1] },
    {
      name: 'the north-east quarter at zoom 1 holds the square and the equator line',
      tile: [1, 0, 1],
      expected: [0, 1],
    },
    { name: 'the south-west quarter holds only the equator line', tile: [0, 1, 1], expected: [1] },
    { name: 'a tile over the Pacific at zoom 3 holds neither', tile: [0, 2, 3], expected: [] },
    { name: 'quarter zooms: the tile grid at 2.25 still finds the square', tile: [2, 1, 2.25], expected: [0] },
  ];
  for (const c of cases) {
    it(c.name, () => expect(shapesIn(set, tileBox(...c.tile))).toEqual(c.expected));
  }

  it('widens the search by a margin, for line widths that reach over a tile edge', () => {
    // The tile just north of the equator line at zoom 2: the line lies on its edge.
    const box = tileBox(0, 1, 2);
    expect(box[3]).toBeCloseTo(128, 6);
    expect(shapesIn(set, [box[0], box[1], box[2], box[3] - 0.01])).toEqual([]);
    expect(shapesIn(set, [box[0], box[1], box[2], box[3] - 0.01], 0.02)).toEqual([1]);
  });
});
