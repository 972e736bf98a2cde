/**
 * Cuts the basemap's layers into asset tiles: a quadtree whose tiles are split while they hold
 * more than a size, so each file stays small wherever the data is dense and sparse areas take
 * one file. Lines are cut by segment: a segment goes to every tile its box meets, and
 * consecutive segments in one tile stay one line, so a tile holds every segment that crosses it.
 */
import type { Point } from './simplify';

/** A square of the map's tile pyramid: zoom z, column x, row y. */
export interface Square {
  z: number;
  x: number;
  y: number;
}

/**
 * Leaves of the quadtree over `items`: `encode` writes a tile's file, `within` keeps the items
 * that belong to a child square. A tile is split while its file is over `splitBytes`, down to
 * zoom `maxGrid`; squares with nothing in them are left out.
 */
export function quadtree<T>(
  items: T[],
  encode: (items: T[], at: Square) => string,
  within: (items: T[], at: Square) => T[],
  maxGrid: number,
  splitBytes: number,
): Map<Square, string> {
  const leaves = new Map<Square, string>();
  const visit = (at: Square, here: T[]): void => {
    if (here.length === 0) return;
    const text = encode(here, at);
    if (text.length <= splitBytes || at.z >= maxGrid) {
      leaves.set(at, text);
      return;
    }
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const) {
      const child = { z: at.z + 1, x: 2 * at.x + dx, y: 2 * at.y + dy };
      visit(child, within(here, child));
    }
  };
  visit({ z: 0, x: 0, y: 0 }, items);
  return leaves;
}

/** The runs of `lines` whose segments meet a box [x0, y0, x1, y1] (edges included). */
export function cutToBox(lines: readonly Point[][], box: readonly number[]): Point[][] {
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const out: Point[][] = [];
  for (const line of lines) {
    let run: Point[] | null = null;
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const meets =
        Math.min(a[0], b[0]) <= x1 &&
        Math.max(a[0], b[0]) >= x0 &&
        Math.min(a[1], b[1]) <= y1 &&
        Math.max(a[1], b[1]) >= y0;
      if (!meets) run = null;
      else if (run) run.push(b);
      else out.push((run = [a, b]));
    }
  }
  return out;
}
