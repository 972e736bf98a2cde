/**
 * Counts of rows per square bin of the map, in world pixels at one zoom: the density mode's data.
 * Bins are fixed to the world (a pan moves which of them show, not their edges) and a grid covers
 * its view and half the view again beyond each edge, so a pan that ends inside counts nothing
 * again. A brush step adds and takes away the rows that crossed the window's edges. Pure.
 */
import { classOf, countClasses, type CountClass } from './count-classes';

/** Bin edge in CSS pixels. */
export const DENSITY_CELL = 16;

/** The grid spans its view and this share of the view's size beyond each edge. */
const MARGIN = 0.5;

/** An area of the world at one zoom, in world pixels. */
export interface WorldArea {
  worldSize: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export class DensityBins {
  readonly counts: Uint32Array;
  /** Bin index of the grid's first column and row (bin i spans world px [i, i + 1) × cell). */
  readonly col0: number;
  readonly row0: number;
  readonly cols: number;
  readonly rows: number;

  constructor(
    readonly worldSize: number,
    area: WorldArea,
    readonly cell = DENSITY_CELL,
  ) {
    const mx = area.width * MARGIN;
    const my = area.height * MARGIN;
    this.col0 = Math.floor((area.left - mx) / cell);
    this.row0 = Math.max(0, Math.floor((area.top - my) / cell));
    this.cols = Math.ceil((area.left + area.width + mx) / cell) - this.col0;
    this.rows = Math.min(Math.ceil(worldSize / cell), Math.ceil((area.top + area.height + my) / cell)) - this.row0;
    this.counts = new Uint32Array(Math.max(0, this.cols * this.rows));
  }

  /** True when the grid was made at this zoom and holds every bin of the area. */
  covers(area: WorldArea): boolean {
    if (area.worldSize !== this.worldSize) return false;
    const c = this.cell;
    return (
      Math.floor(area.left / c) >= this.col0 &&
      Math.floor(area.top / c) >= this.row0 &&
      Math.ceil((area.left + area.width) / c) <= this.col0 + this.cols &&
      Math.ceil(Math.min(area.top + area.height, this.worldSize) / c) <= this.row0 + this.rows
    );
  }

  /** Adds (sign 1) or takes away (-1) rows; rows without a place or outside the grid are skipped. */
  add(x: Float64Array, y: Float64Array, rows: ArrayLike<number>, sign: 1 | -1 = 1): void {
    const k = this.worldSize / this.cell;
    const { col0, row0, cols, counts } = this;
    const nr = this.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      // NaN (no place) fails both comparisons.
      const cx = Math.floor(x[r]! * k) - col0;
      if (!(cx >= 0 && cx < cols)) continue;
      const cy = Math.floor(y[r]! * k) - row0;
      if (!(cy >= 0 && cy < nr)) continue;
      counts[cy * cols + cx]! += sign;
    }
  }

  /** The count of the bin under a world pixel (0 outside the grid). */
  countAt(wx: number, wy: number): number {
    const cx = Math.floor(wx / this.cell) - this.col0;
    const cy = Math.floor(wy / this.cell) - this.row0;
    return cx >= 0 && cx < this.cols && cy >= 0 && cy < this.rows ? this.counts[cy * this.cols + cx]! : 0;
  }

  /** Calls `each` for every non-empty bin touching the area, with its world-pixel corner. */
  forEach(area: WorldArea, each: (wx: number, wy: number, count: number) => void): void {
    const c = this.cell;
    const x0 = Math.max(0, Math.floor(area.left / c) - this.col0);
    const y0 = Math.max(0, Math.floor(area.top / c) - this.row0);
    const x1 = Math.min(this.cols, Math.ceil((area.left + area.width) / c) - this.col0);
    const y1 = Math.min(this.rows, Math.ceil((area.top + area.height) / c) - this.row0);
    for (let cy = y0; cy < y1; cy++)
      for (let cx = x0; cx < x1; cx++) {
        const n = this.counts[cy * this.cols + cx]!;
        if (n > 0) each((cx + this.col0) * c, (cy + this.row0) * c, n);
      }
  }

  /** The largest count among the bins touching the area. */
  maxIn(area: WorldArea): number {
    let max = 0;
    this.forEach(area, (_x, _y, n) => {
      if (n > max) max = n;
    });
    return max;
  }
}

/** Classes for the bins in view, and each bin's class. */
export function binClasses(
  bins: DensityBins,
  area: WorldArea,
): { classes: CountClass[]; classOf: (n: number) => number } {
  const classes = countClasses(bins.maxIn(area));
  return { classes, classOf: (n) => classOf(classes, n) };
}
