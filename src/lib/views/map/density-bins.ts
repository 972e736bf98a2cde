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

  /**
   * Adds (sign 1) or takes away (-1) rows; rows without a place or outside the grid are skipped.
   * A new zoom counts every visible row here (1M at the benchmark's largest size), so the loop
   * compares the position in bins with the grid's edges before flooring it, and floors by a
   * truncation where the position is not negative: half the time of two Math.floor per row.
   */
  add(x: Float64Array, y: Float64Array, rows: ArrayLike<number>, sign: 1 | -1 = 1): void {
    const k = this.worldSize / this.cell;
    const { col0, row0, cols, counts } = this;
    // Edges are whole bins, so floor(v) ∈ [col0, col1) exactly when v ∈ [col0, col1).
    const col1 = col0 + cols;
    const row1 = row0 + this.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      // NaN (no place) fails both comparisons.
      const vx = x[r]! * k;
      if (!(vx >= col0 && vx < col1)) continue;
      const vy = y[r]! * k;
      if (!(vy >= row0 && vy < row1)) continue;
      // Below 2^31 bins (zoom 27), v | 0 is floor(v) for v ≥ 0.
      const cx = (vx >= 0 ? vx | 0 : Math.floor(vx)) - col0;
      const cy = (vy >= 0 ? vy | 0 : Math.floor(vy)) - row0;
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

/** Grids kept besides the one drawn: a zoom back to one of these levels counts nothing. */
const GRIDS_KEPT = 4;

/**
 * The grids of the last few views, the one drawn last first. Zooming in and back out (a wheel's
 * steps to and fro) counts the visible rows only at a level not seen since the rows last
 * changed: each new zoom is a pass over every visible row. A brush step moves the drawn grid by
 * its delta and lets the others go, so no brush frame pays for grids it does not show.
 */
export class DensityGrids {
  #grids: DensityBins[] = [];

  /** The grid drawn last (null before any). */
  get current(): DensityBins | null {
    return this.#grids[0] ?? null;
  }

  /** A grid that covers the area: a kept one, else one counted from the rows (and kept). */
  covering(area: WorldArea, x: Float64Array, y: Float64Array, rows: ArrayLike<number>): DensityBins {
    const at = this.#grids.findIndex((g) => g.covers(area));
    let grid: DensityBins;
    if (at >= 0) grid = this.#grids.splice(at, 1)[0]!;
    else {
      grid = new DensityBins(area.worldSize, area);
      grid.add(x, y, rows);
    }
    this.#grids.unshift(grid);
    if (this.#grids.length > GRIDS_KEPT) this.#grids.length = GRIDS_KEPT;
    return grid;
  }

  /** The rows changed by a delta: the drawn grid follows it, the others are let go. */
  follow(x: Float64Array, y: Float64Array, delta: { entered: ArrayLike<number>; left: ArrayLike<number> }): void {
    const grid = this.current;
    this.#grids = grid ? [grid] : [];
    grid?.add(x, y, delta.left, -1);
    grid?.add(x, y, delta.entered, 1);
  }

  /** New rows that no delta describes: every grid is counted again when next needed. */
  clear(): void {
    this.#grids = [];
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
