/**
 * The cluster sums of one zoom (see cluster.ts for what a cluster is). Kept apart from the
 * clusters' types because it is the hot part: a brush step and a new zoom run its add().
 */
import type { ClusterInput, Clusters } from './cluster-types';
import { find, mergeNeighbours } from './cluster-merge';

interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The cluster sums of one zoom over an area of the world. Cells are a whole fraction of the
 * world's width (`cell` rounded so that the world holds a whole number of them), so the cells
 * repeat exactly in every world copy: a row has one cell whichever copy a view shows it in.
 * An area at least as wide as the world holds every cell (a low zoom: no pan ever needs another
 * grid); a narrower one holds a band of columns, and `covers` tells whether a view fits in it.
 */
export class ClusterGrid {
  readonly #x: Float64Array;
  readonly #y: Float64Array;
  readonly #category: ArrayLike<number> | null;
  readonly #categories: number;
  readonly #worldSize: number;
  readonly #merge: number;
  /** Cells across the world, and the width of one. */
  readonly #n: number;
  readonly #cell: number;
  /** The columns held: `#cols` of them from world column `#col0` on, wrapping past the last. */
  readonly #col0: number;
  readonly #cols: number;
  /** The lines held (no wrapping: the world has one copy north to south). */
  readonly #line0: number;
  readonly #lines: number;
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
    const { x, y, category, worldSize, left, top, width, height, merge = 0 } = spec;
    this.#x = x;
    this.#y = y;
    this.#category = category ?? null;
    this.#categories = category ? (spec.categories ?? categoriesIn(category, spec.rows ?? [])) : 0;
    this.#worldSize = worldSize;
    this.#merge = merge;
    const n = Math.max(1, Math.round(worldSize / spec.cell));
    const cell = worldSize / n;
    this.#n = n;
    this.#cell = cell;
    const first = Math.floor(left / cell);
    const span = Math.ceil((left + width) / cell) - first;
    this.#col0 = span >= n ? 0 : mod(first, n);
    this.#cols = Math.min(span, n);
    // Holding every column, hold every line too: the whole world, for any pan at this zoom.
    this.#line0 = span >= n ? 0 : clamp(Math.floor(top / cell), 0, n);
    this.#lines = span >= n ? n : clamp(Math.ceil((top + height) / cell), 0, n) - this.#line0;
    const cells = this.#cols * this.#lines;
    this.#count = new Int32Array(cells);
    this.#dx = new Float64Array(cells);
    this.#dy = new Float64Array(cells);
    this.#rowSum = new Float64Array(cells);
    this.#perCategory = this.#categories > 0 ? new Int32Array(cells * this.#categories) : null;
  }

  /** 256 * 2^zoom: the zoom this grid is for. */
  get worldSize(): number {
    return this.#worldSize;
  }

  /** The row's cell, or -1 when it is unlocated or outside the area. */
  cellOf(row: number): number {
    const px = this.#x[row]! * this.#worldSize;
    const py = this.#y[row]! * this.#worldSize;
    let col = Math.min(Math.floor(px / this.#cell), this.#n - 1) - this.#col0;
    if (col < 0) col += this.#n;
    const line = Math.floor(py / this.#cell) - this.#line0;
    // Written so that NaN (an unlocated row) fails.
    if (!(col < this.#cols && line >= 0 && line < this.#lines)) return -1;
    return line * this.#cols + col;
  }

  /**
   * Adds (by 1) or removes (by -1) rows; a row removed must have been added. This is the loop a
   * new zoom runs over every visible row (a million at 1M), so it reads everything into locals
   * and projects each row once; its arithmetic must stay the same as cellOf's.
   */
  add(rows: ArrayLike<number>, by: 1 | -1): void {
    const xs = this.#x;
    const ys = this.#y;
    const size = this.#worldSize;
    const cell = this.#cell;
    const n = this.#n;
    const col0 = this.#col0;
    const cols = this.#cols;
    const line0 = this.#line0;
    const lines = this.#lines;
    const count = this.#count;
    const dxs = this.#dx;
    const dys = this.#dy;
    const rowSum = this.#rowSum;
    const perCategory = this.#perCategory;
    const category = this.#category;
    const categories = this.#categories;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const px = xs[row]! * size;
      const worldCol = Math.min(Math.floor(px / cell), n - 1);
      let col = worldCol - col0;
      if (col < 0) col += n;
      if (!(col < cols)) continue;
      const py = ys[row]! * size;
      const worldLine = Math.floor(py / cell);
      const line = worldLine - line0;
      if (!(line >= 0 && line < lines)) continue;
      const c = line * cols + col;
      const now = (count[c]! += by);
      if (now === 0) {
        dxs[c] = dys[c] = rowSum[c] = 0;
      } else {
        dxs[c]! += by * (px - worldCol * cell);
        dys[c]! += by * (py - worldLine * cell);
        rowSum[c]! += by * row;
      }
      if (perCategory !== null) {
        const k = category![row]!;
        if (k >= 0 && k < categories) perCategory[c * categories + k]! += by;
      }
    }
  }

  /**
   * The columns (world cells from `from`, `count` of them, any copy) and lines a view spans.
   * A view wider than the world takes each column once, in the copy nearest its centre.
   */
  #span(view: Area): { from: number; count: number; line0: number; line1: number } {
    const cell = this.#cell;
    let from = Math.floor(view.left / cell);
    let to = Math.ceil((view.left + view.width) / cell);
    if (to - from > this.#n) {
      from = Math.ceil((view.left + view.width / 2) / cell - this.#n / 2);
      to = from + this.#n;
    }
    const line0 = clamp(Math.floor(view.top / cell), this.#line0, this.#line0 + this.#lines);
    const line1 = clamp(Math.ceil((view.top + view.height) / cell), line0, this.#line0 + this.#lines);
    return { from, count: to - from, line0, line1 };
  }

  /** Where world column `col` (any copy) is held, or -1. */
  #held(col: number): number {
    const at = mod(col, this.#n) - this.#col0;
    const held = at < 0 ? at + this.#n : at;
    return held < this.#cols ? held : -1;
  }

  /**
   * Whether this grid gives every cell `view` shows (same zoom, every column and line it spans
   * held), so its clusters are those of a grid made for that view.
   */
  covers(view: Area & { worldSize: number }): boolean {
    if (view.worldSize !== this.#worldSize) return false;
    const cell = this.#cell;
    const below = Math.floor(view.top / cell) < this.#line0 && this.#line0 > 0;
    const above =
      Math.ceil((view.top + view.height) / cell) > this.#line0 + this.#lines && this.#line0 + this.#lines < this.#n;
    if (below || above) return false;
    if (this.#cols === this.#n) return true;
    const { from, count } = this.#span(view);
    const at = this.#held(from);
    return at >= 0 && at + count <= this.#cols;
  }

  /**
   * The clusters of the cells `view` spans, from the rows added so far; `rows` (those same rows)
   * gives member lists on demand. A cell at the view's edge keeps all of its members, so a
   * cluster does not change as the view slides over it.
   */
  clusters(rows: ArrayLike<number>, view: Area): Clusters {
    const cell = this.#cell;
    const span = this.#span(view);
    const cols = span.count;
    const lines = span.line1 - span.line0;
    const cells = cols * lines;
    // The view's window of cells, copied from where the grid holds them (-1: not held).
    const source = new Int32Array(cells).fill(-1);
    const count = new Int32Array(cells);
    const cx = new Float64Array(cells);
    const cy = new Float64Array(cells);
    for (let l = 0; l < lines; l++) {
      const line = span.line0 + l - this.#line0;
      for (let k = 0; k < cols; k++) {
        const held = this.#held(span.from + k);
        if (held < 0) continue;
        const s = line * this.#cols + held;
        const c = l * cols + k;
        source[c] = s;
        count[c] = this.#count[s]!;
        if (!count[c]) continue;
        // The centroid, for merging; the corner is recomputed here, never accumulated.
        cx[c] = (span.from + k) * cell + this.#dx[s]! / count[c]!;
        cy[c] = (span.line0 + l) * cell + this.#dy[s]! / count[c]!;
      }
    }
    const parent = mergeNeighbours(count, cx, cy, cols, lines, this.#merge);
    // Number the groups in view order (by their first cell); clusterOfHeld maps the grid's cells.
    const clusterOf = new Int32Array(cells).fill(-1);
    const clusterOfHeld = new Int32Array(this.#count.length).fill(-1);
    let length = 0;
    for (let c = 0; c < cells; c++) {
      if (!count[c]) continue;
      const root = find(parent, c);
      if (clusterOf[root] === -1) clusterOf[root] = length++;
      clusterOf[c] = clusterOf[root]!;
      clusterOfHeld[source[c]!] = clusterOf[c]!;
    }
    const n = new Uint32Array(length);
    const sx = new Float64Array(length);
    const sy = new Float64Array(length);
    const single = new Int32Array(length).fill(-1);
    /** The world copy a cluster is drawn in, as a shift of world pixels. */
    const shift = new Float64Array(length);
    const category = new Int32Array(length).fill(-2); // -2: not seen yet
    for (let c = 0; c < cells; c++) {
      if (!count[c]) continue;
      const k = clusterOf[c]!;
      n[k]! += count[c]!;
      sx[k]! += cx[c]! * count[c]!;
      sy[k]! += cy[c]! * count[c]!;
      if (count[c] === 1) {
        single[k] = this.#rowSum[source[c]!]!;
        const col = span.from + (c % cols);
        shift[k] = (col - mod(col, this.#n)) * cell;
      }
      const cat = this.#cellCategory(source[c]!);
      category[k] = category[k] === -2 || category[k] === cat ? cat : -1;
    }
    for (let k = 0; k < length; k++) {
      if (n[k] === 1) {
        // One row: its exact position, not a centroid rebuilt from offsets.
        const row = single[k]!;
        sx[k] = this.#x[row]! * this.#worldSize + shift[k]!;
        sy[k] = this.#y[row]! * this.#worldSize;
      } else {
        single[k] = -1;
        sx[k]! /= n[k]!;
        sy[k]! /= n[k]!;
      }
      if (category[k] === -2) category[k] = -1;
    }
    let listing: MemberListing | null = null;
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
        return c < 0 || !contains(rows, row) ? -1 : clusterOfHeld[c]!;
      },
      members(i: number): Uint32Array {
        listing ??= new MemberListing(rows, grid, clusterOfHeld, n);
        listing.run(() => true);
        return listing.out.subarray(listing.offset[i]!, listing.offset[i + 1]!);
      },
      listMembers(more: () => boolean): boolean {
        listing ??= new MemberListing(rows, grid, clusterOfHeld, n);
        return listing.run(more);
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

  /** Normalised; x is measured across the antimeridian when that is shorter (a cluster may straddle it). */
  #spread(members: Uint32Array): number {
    if (!members.length) return 0;
    const x0 = this.#x[members[0]!]!;
    let minX = 0;
    let maxX = 0;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const row of members) {
      const dx = this.#x[row]! - x0;
      const x = dx - Math.round(dx);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, this.#y[row]!);
      maxY = Math.max(maxY, this.#y[row]!);
    }
    return Math.max(maxX - minX, maxY - minY);
  }
}

/** Rows per slice of a member listing: about a millisecond. */
const LISTING_SLICE = 65_536;

/**
 * Every cluster's rows in one array, grouped by cluster and in the given order within each,
 * listed a slice at a time so that it can be done in idle time.
 */
class MemberListing {
  readonly offset: Uint32Array;
  readonly out: Uint32Array;
  readonly #fill: Uint32Array;
  #next = 0;

  constructor(
    private readonly rows: ArrayLike<number>,
    private readonly grid: ClusterGrid,
    private readonly clusterOfHeld: Int32Array,
    n: Uint32Array,
  ) {
    this.offset = new Uint32Array(n.length + 1);
    for (let k = 0; k < n.length; k++) this.offset[k + 1] = this.offset[k]! + n[k]!;
    this.out = new Uint32Array(this.offset[n.length]!);
    this.#fill = this.offset.slice(0, n.length);
  }

  /** Lists slices while `more()` allows; true while rows remain. */
  run(more: () => boolean): boolean {
    const { rows, grid, clusterOfHeld, out } = this;
    const fill = this.#fill;
    while (this.#next < rows.length) {
      const end = Math.min(rows.length, this.#next + LISTING_SLICE);
      for (let i = this.#next; i < end; i++) {
        const c = grid.cellOf(rows[i]!);
        if (c >= 0 && clusterOfHeld[c]! >= 0) out[fill[clusterOfHeld[c]!]!++] = rows[i]!;
      }
      this.#next = end;
      if (!more()) break;
    }
    return this.#next < rows.length;
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
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
