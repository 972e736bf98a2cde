/**
 * Grid clustering of projected rows. Cells are aligned to the world pixel grid (not the screen)
 * so a cluster does not change its members while the map pans; zooming in doubles the world size
 * and clusters come apart.
 *
 * A ClusterGrid keeps per-cell sums (count, offsets from the cell's corner, row ids, categories),
 * which are additive: a brush step adds the rows that entered the window and subtracts those that
 * left, so it costs the rows that changed, not the million that did not. What only interaction
 * needs (a cluster's member list, its spread) is computed when first asked for.
 */

export interface ClusterInput {
  /** Normalised Web Mercator per row (see projection.ts); NaN when unlocated. */
  x: Float64Array;
  y: Float64Array;
  /** Rows to cluster (the visible ones), ascending: clusterOf() finds a row by binary search. */
  rows: ArrayLike<number>;
  /** Category per row: a cluster whose members share one gets its colour. */
  category?: ArrayLike<number>;
  /** How many categories there are (every category value is below it); found from the rows when absent. */
  categories?: number;
  /** 256 * 2^zoom. */
  worldSize: number;
  /** The area to cluster, in world pixels; rows outside it are skipped. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Cell edge in pixels. */
  cell: number;
  /** Neighbouring cells whose centroids are closer than this (px) become one cluster; 0: off. */
  merge?: number;
}

export interface Clusters {
  /** Number of clusters; a cluster of one is a plain marker. */
  readonly length: number;
  /** Position in world pixels: the exact point for one row, the members' centroid otherwise. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly count: Uint32Array;
  /** Members' category when they all share one, else -1. */
  readonly category: Int32Array;
  /** The one row of a cluster of one; -1 for larger clusters. */
  readonly single: Int32Array;
  /** The cluster a clustered row belongs to, or -1 when the row is not drawn. */
  clusterOf(row: number): number;
  /** The rows of cluster i, in the order they were given (built on first use). */
  members(i: number): Uint32Array;
  /** Largest of cluster i's x and y spans, normalised: 0 when the members all sit on one spot. */
  spread(i: number): number;
}

/** The rows of cluster i; for a single marker, its one exact row. */
export function membersOf(c: Clusters, i: number): Uint32Array {
  return c.members(i);
}

/** Same rows in the same order: a new filter result that changes nothing need not redraw. */
export function sameRows(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Joins neighbouring cells whose centroids are closer than `merge` pixels: plain grid cells
 * split a tight group that straddles a cell edge into discs drawn on top of each other.
 * Returns a union-find parent array over cells.
 */
function mergeNeighbours(perCell: Int32Array, cx: Float64Array, cy: Float64Array, cols: number, rows: number, merge: number): Int32Array {
  const parent = new Int32Array(perCell.length);
  for (let c = 0; c < parent.length; c++) parent[c] = c;
  if (merge <= 0) return parent;
  const limit = merge * merge;
  for (let c = 0; c < perCell.length; c++) {
    if (!perCell[c]) continue;
    const col = c % cols;
    const ax = cx[c]!;
    const ay = cy[c]!;
    // Right, below-left, below, below-right: every adjacent pair is looked at once.
    for (const [dc, dr] of NEIGHBOURS) {
      if (col + dc < 0 || col + dc >= cols || Math.floor(c / cols) + dr >= rows) continue;
      const d = c + dr * cols + dc;
      if (!perCell[d]) continue;
      const dx = cx[d]! - ax;
      const dy = cy[d]! - ay;
      if (dx * dx + dy * dy < limit) parent[find(parent, d)] = find(parent, c);
    }
  }
  return parent;
}

const NEIGHBOURS = [[1, 0], [-1, 1], [0, 1], [1, 1]] as const;

function find(parent: Int32Array, c: number): number {
  while (parent[c] !== c) {
    parent[c] = parent[parent[c]!]!; // path halving keeps the trees flat
    c = parent[c]!;
  }
  return c;
}

/** True when zooming in to maxZoom would still not separate the members by a pixel. */
export function isOneSpot(c: Clusters, i: number, maxZoom: number): boolean {
  return c.spread(i) * 256 * 2 ** maxZoom < 1;
}

/**
 * Moves a world-pixel x into the world copy nearest the view's centre, so a view across the
 * antimeridian sees lon 179.9 and lon -179.9 side by side, and a view wider than the world
 * (low zoom on a wide screen) keeps every point on the one copy of the basemap it shows.
 */
export function wrapX(px: number, centre: number, worldSize: number): number {
  return px + worldSize * Math.round((centre - px) / worldSize);
}

/** Clusters `input.rows` in one go. */
export function cluster(input: ClusterInput): Clusters {
  const grid = new ClusterGrid(input);
  grid.add(input.rows, 1);
  return grid.clusters(input.rows);
}

/** The cluster sums of one view (zoom and extent); a new view needs a new grid. */
export class ClusterGrid {
  readonly #x: Float64Array;
  readonly #y: Float64Array;
  readonly #category: ArrayLike<number> | null;
  readonly #categories: number;
  readonly #worldSize: number;
  readonly #left: number;
  readonly #top: number;
  readonly #width: number;
  readonly #height: number;
  readonly #cell: number;
  readonly #merge: number;
  readonly #col0: number;
  readonly #row0: number;
  readonly #cols: number;
  readonly #rows: number;
  /** A view inside one world copy sees only the canonical positions: no wrapping needed. */
  readonly #wraps: boolean;
  readonly #centre: number;
  readonly #count: Int32Array;
  /** Sums of the members' offsets from their cell's corner: small numbers, so adding and
   * subtracting for a whole drag does not drift the way sums of world pixels would. */
  readonly #dx: Float64Array;
  readonly #dy: Float64Array;
  /** Sum of the members' row numbers: the row itself when the cell holds one. */
  readonly #rowSum: Float64Array;
  /** Members per cell and category (cells × categories). */
  readonly #perCategory: Int32Array | null;

  constructor(spec: Omit<ClusterInput, 'rows'> & { rows?: ArrayLike<number> }) {
    const { x, y, category, worldSize, left, top, width, height, cell, merge = 0 } = spec;
    this.#x = x;
    this.#y = y;
    this.#category = category ?? null;
    this.#categories = category ? (spec.categories ?? categoriesIn(category, spec.rows ?? [])) : 0;
    this.#worldSize = worldSize;
    this.#left = left;
    this.#top = top;
    this.#width = width;
    this.#height = height;
    this.#cell = cell;
    this.#merge = merge;
    this.#col0 = Math.floor(left / cell);
    this.#row0 = Math.floor(top / cell);
    this.#cols = Math.floor((left + width) / cell) - this.#col0 + 1;
    this.#rows = Math.floor((top + height) / cell) - this.#row0 + 1;
    this.#wraps = left < 0 || left + width > worldSize;
    this.#centre = left + width / 2;
    const cells = this.#cols * this.#rows;
    this.#count = new Int32Array(cells);
    this.#dx = new Float64Array(cells);
    this.#dy = new Float64Array(cells);
    this.#rowSum = new Float64Array(cells);
    this.#perCategory = this.#categories > 0 ? new Int32Array(cells * this.#categories) : null;
  }

  /** The row's x in world pixels, in the world copy this view shows. */
  #px(row: number): number {
    const px = this.#x[row]! * this.#worldSize;
    return this.#wraps ? wrapX(px, this.#centre, this.#worldSize) : px;
  }

  /** The row's cell, or -1 when it is unlocated or outside the view. */
  cellOf(row: number): number {
    const py = this.#y[row]! * this.#worldSize;
    const px = this.#px(row);
    // px !== px: NaN, unlocated
    if (px !== px || py < this.#top || py >= this.#top + this.#height || px < this.#left || px >= this.#left + this.#width) return -1;
    return (Math.floor(py / this.#cell) - this.#row0) * this.#cols + (Math.floor(px / this.#cell) - this.#col0);
  }

  /** Adds (by 1) or removes (by -1) rows; a row removed must have been added. */
  add(rows: ArrayLike<number>, by: 1 | -1): void {
    const cell = this.#cell;
    const count = this.#count;
    const perCategory = this.#perCategory;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const c = this.cellOf(row);
      if (c < 0) continue;
      const px = this.#px(row);
      const py = this.#y[row]! * this.#worldSize;
      count[c]! += by;
      if (count[c] === 0) {
        this.#dx[c] = this.#dy[c] = this.#rowSum[c] = 0;
      } else {
        this.#dx[c]! += by * (px - Math.floor(px / cell) * cell);
        this.#dy[c]! += by * (py - Math.floor(py / cell) * cell);
        this.#rowSum[c]! += by * row;
      }
      const k = this.#category?.[row] ?? -1;
      if (perCategory && k >= 0 && k < this.#categories) perCategory[c * this.#categories + k]! += by;
    }
  }

  /** The clusters of the rows added so far; `rows` (those same rows) gives member lists on demand. */
  clusters(rows: ArrayLike<number>): Clusters {
    const cols = this.#cols;
    const cell = this.#cell;
    const count = this.#count;
    const cells = count.length;
    // Each cell's centroid, for merging; the corner is recomputed here, never accumulated.
    const cx = new Float64Array(cells);
    const cy = new Float64Array(cells);
    for (let c = 0; c < cells; c++) {
      if (!count[c]) continue;
      cx[c] = (this.#col0 + (c % cols)) * cell + this.#dx[c]! / count[c]!;
      cy[c] = (this.#row0 + Math.floor(c / cols)) * cell + this.#dy[c]! / count[c]!;
    }
    const parent = mergeNeighbours(count, cx, cy, cols, this.#rows, this.#merge);
    // Number the groups in grid order (by their first cell).
    const clusterOfCell = new Int32Array(cells).fill(-1);
    let length = 0;
    for (let c = 0; c < cells; c++) {
      if (!count[c]) continue;
      const root = find(parent, c);
      if (clusterOfCell[root] === -1) clusterOfCell[root] = length++;
      clusterOfCell[c] = clusterOfCell[root]!;
    }
    const n = new Uint32Array(length);
    const sx = new Float64Array(length);
    const sy = new Float64Array(length);
    const single = new Int32Array(length).fill(-1);
    const category = new Int32Array(length).fill(-2); // -2: not seen yet
    for (let c = 0; c < cells; c++) {
      if (!count[c]) continue;
      const k = clusterOfCell[c]!;
      n[k]! += count[c]!;
      sx[k]! += cx[c]! * count[c]!;
      sy[k]! += cy[c]! * count[c]!;
      if (count[c] === 1) single[k] = this.#rowSum[c]!;
      const cat = this.#cellCategory(c);
      category[k] = category[k] === -2 || category[k] === cat ? cat : -1;
    }
    for (let k = 0; k < length; k++) {
      if (n[k] === 1) {
        // One row: its exact position, not a centroid rebuilt from offsets.
        const row = single[k]!;
        sx[k] = this.#px(row);
        sy[k] = this.#y[row]! * this.#worldSize;
      } else {
        single[k] = -1;
        sx[k]! /= n[k]!;
        sy[k]! /= n[k]!;
      }
      if (category[k] === -2) category[k] = -1;
    }
    let members: { rows: Uint32Array; offset: Uint32Array } | null = null;
    const spreads = new Float64Array(length).fill(-1);
    const grid = this;
    return {
      length,
      x: sx,
      y: sy,
      count: n,
      category,
      single,
      clusterOf(row: number): number {
        const c = grid.cellOf(row);
        return c < 0 || !count[c] || !contains(rows, row) ? -1 : clusterOfCell[c]!;
      },
      members(i: number): Uint32Array {
        members ??= grid.#members(rows, clusterOfCell, n);
        return members.rows.subarray(members.offset[i]!, members.offset[i + 1]!);
      },
      spread(i: number): number {
        if (spreads[i]! < 0) spreads[i] = grid.#spread(this.members(i));
        return spreads[i]!;
      },
    };
  }

  /** The cell's one category, or -1 when it mixes several (or none is known). */
  #cellCategory(c: number): number {
    const per = this.#perCategory;
    if (!per) return -1;
    let found = -1;
    for (let k = 0; k < this.#categories; k++) {
      if (per[c * this.#categories + k] === 0) continue;
      if (found >= 0) return -1;
      found = k;
    }
    return found;
  }

  #members(rows: ArrayLike<number>, clusterOfCell: Int32Array, n: Uint32Array): { rows: Uint32Array; offset: Uint32Array } {
    const offset = new Uint32Array(n.length + 1);
    for (let k = 0; k < n.length; k++) offset[k + 1] = offset[k]! + n[k]!;
    const out = new Uint32Array(offset[n.length]!);
    const fill = offset.slice(0, n.length);
    for (let i = 0; i < rows.length; i++) {
      const c = this.cellOf(rows[i]!);
      if (c >= 0) out[fill[clusterOfCell[c]!]!++] = rows[i]!;
    }
    return { rows: out, offset };
  }

  #spread(members: Uint32Array): number {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const row of members) {
      const px = this.#px(row);
      const py = this.#y[row]! * this.#worldSize;
      minX = Math.min(minX, px);
      maxX = Math.max(maxX, px);
      minY = Math.min(minY, py);
      maxY = Math.max(maxY, py);
    }
    return members.length ? Math.max(maxX - minX, maxY - minY) / this.#worldSize : 0;
  }
}

function categoriesIn(category: ArrayLike<number>, rows: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < rows.length; i++) max = Math.max(max, category[rows[i]!]!);
  return max + 1;
}

/** Whether `row` is in `rows`, which ascend (visible rows are row numbers in time order). */
function contains(rows: ArrayLike<number>, row: number): boolean {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.length && rows[lo] === row;
}
