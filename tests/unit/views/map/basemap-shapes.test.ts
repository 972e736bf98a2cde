import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { atlasShapes, shapeBuffers, type Atlas } from '../../../../src/lib/views/map/basemap-shapes';
import { mercatorX, mercatorY } from '../../../../src/lib/views/map/projection';
import { shapesIn, tileBox, type ShapeSet } from '../../../../src/lib/views/map/world-shapes';

const atlas = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Atlas;
const shapes = atlasShapes(atlas);

/** Even-odd: is a [lon, lat] point on land, over every ring (holes included)? */
function onLand(set: ShapeSet, lon: number, lat: number): boolean {
  const x = mercatorX(lon) * 256;
  const y = mercatorY(lat) * 256;
  let inside = false;
  for (let s = 0; s + 1 < set.starts.length; s++) {
    for (let i = set.starts[s]!, j = set.starts[s + 1]! - 1; i < set.starts[s + 1]!; j = i++) {
      const [xi, yi, xj, yj] = [set.points[2 * i]!, set.points[2 * i + 1]!, set.points[2 * j]!, set.points[2 * j + 1]!];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

describe('basemap shapes from Natural Earth', () => {
  it('fills land and leaves the sea', () => {
    expect(onLand(shapes.land, 2.35, 48.85)).toBe(true); // Paris
    expect(onLand(shapes.land, 46.36, 40.68)).toBe(true); // Ganja
    expect(onLand(shapes.land, -30, 40)).toBe(false); // mid-Atlantic
    expect(onLand(shapes.land, 35, 43)).toBe(false); // Black Sea
  });

  it('keeps Chukotka, across the antimeridian, on land on both sides of it', () => {
    expect(onLand(shapes.land, 179.5, 66)).toBe(true);
    expect(onLand(shapes.land, -179.5, 66)).toBe(true);
  });

  it('has coastlines and borders near Paris, and none in the open Pacific', () => {
    const near = (lon: number, lat: number, z: number) => {
      const x = Math.floor(mercatorX(lon) * 2 ** z);
      const y = Math.floor(mercatorY(lat) * 2 ** z);
      return shapesIn(shapes.lines, tileBox(x, y, z)).length;
    };
    expect(near(2.35, 48.85, 5)).toBeGreaterThan(0);
    expect(near(-140, -30, 5)).toBe(0);
  });

  it('hands a worker six buffers to transfer, none shared', () => {
    const buffers = shapeBuffers(shapes);
    expect(buffers).toHaveLength(6);
    expect(new Set(buffers).size).toBe(6);
  });
});
