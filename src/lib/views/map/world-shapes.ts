/**
 * Basemap shapes in world units (Leaflet's pixel grid at zoom 0: the world is 256 × 256),
 * packed in typed arrays so a worker can hand them over without copying, and the queries the
 * tile painter needs: which tile covers what, which shapes meet a tile. Pure, unit-tested.
 */
import { mercatorX, mercatorY } from './projection';

export const TILE_SIZE = 256;

/** Rings or lines: shape i is points[2·starts[i] .. 2·starts[i + 1]), its box boxes[4i .. 4i + 4). */
export interface ShapeSet {
  points: Float32Array;
  starts: Uint32Array;
  /** minX, minY, maxX, maxY per shape. */
  boxes: Float32Array;
}

/** Projects [lon, lat] lines (rings need not repeat their first point) into one ShapeSet. */
export function packShapes(lines: readonly (readonly (readonly number[])[])[]): ShapeSet {
  const kept = lines.filter((line) => line.length > 1);
  const starts = new Uint32Array(kept.length + 1);
  kept.forEach((line, i) => (starts[i + 1] = starts[i]! + line.length));
  const points = new Float32Array(starts[kept.length]! * 2);
  const boxes = new Float32Array(kept.length * 4);
  kept.forEach((line, i) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    line.forEach((p, k) => {
      const x = mercatorX(p[0]!) * TILE_SIZE;
      const y = mercatorY(p[1]!) * TILE_SIZE;
      const at = 2 * (starts[i]! + k);
      points[at] = x;
      points[at + 1] = y;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    });
    boxes.set([minX, minY, maxX, maxY], 4 * i);
  });
  return { points, starts, boxes };
}

/** A tile's box in world units. */
export function tileBox(x: number, y: number, z: number): [number, number, number, number] {
  const size = TILE_SIZE / 2 ** z;
  return [x * size, y * size, (x + 1) * size, (y + 1) * size];
}

/** Indices of the shapes whose box meets `box`, widened by `margin` (half a line's width). */
export function shapesIn(set: ShapeSet, box: readonly number[], margin = 0): number[] {
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const out: number[] = [];
  const b = set.boxes;
  for (let i = 0; i * 4 < b.length; i++) {
    if (
      b[4 * i]! <= x1 + margin &&
      b[4 * i + 2]! >= x0 - margin &&
      b[4 * i + 1]! <= y1 + margin &&
      b[4 * i + 3]! >= y0 - margin
    )
      out.push(i);
  }
  return out;
}
