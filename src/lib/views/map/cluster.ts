/**
 * Grid clustering of projected rows, pure and allocation-light so 100k rows fit in a frame.
 * Cells are aligned to the world pixel grid (not the screen) so a cluster does not change its
 * members while the map pans; zooming in doubles the world size and clusters come apart.
 */

export interface ClusterInput {
  /** Normalised Web Mercator per row (see projection.ts); NaN when unlocated. */
  x: Float64Array;
  y: Float64Array;
  /** Rows to cluster (the visible ones). */
  rows: ArrayLike<number>;
  /** Category per row: a cluster whose members share one gets its colour. */
  category?: ArrayLike<number>;
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
  /** Largest of the members' x and y spans, normalised: 0 when they all sit on one spot. */
  readonly spread: Float64Array;
  /** Rows grouped by cluster: cluster i owns members[offset[i]] .. members[offset[i + 1] - 1]. */
  readonly members: Uint32Array;
  readonly offset: Uint32Array;
}

/** The rows of cluster i; for a single marker, its one exact row. */
export function membersOf(c: Clusters, i: number): Uint32Array {
  return c.members.subarray(c.offset[i]!, c.offset[i + 1]!);
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
function mergeNeighbours(perCell: Uint32Array, sumX: Float64Array, sumY: Float64Array, cols: number, rows: number, merge: number): Int32Array {
  const parent = new Int32Array(perCell.length);
  for (let c = 0; c < parent.length; c++) parent[c] = c;
  if (merge <= 0) return parent;
  const limit = merge * merge;
  for (let c = 0; c < perCell.length; c++) {
    if (!perCell[c]) continue;
    const col = c % cols;
    const ax = sumX[c]! / perCell[c]!;
    const ay = sumY[c]! / perCell[c]!;
    // Right, below-left, below, below-right: every adjacent pair is looked at once.
    for (const [dc, dr] of NEIGHBOURS) {
      if (col + dc < 0 || col + dc >= cols || Math.floor(c / cols) + dr >= rows) continue;
      const d = c + dr * cols + dc;
      if (!perCell[d]) continue;
      const dx = sumX[d]! / perCell[d]! - ax;
      const dy = sumY[d]! / perCell[d]! - ay;
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
  return c.spread[i]! * 256 * 2 ** maxZoom < 1;
}

/**
 * Moves a world-pixel x into the world copy nearest the view's centre, so a view across the
 * antimeridian sees lon 179.9 and lon -179.9 side by side, and a view wider than the world
 * (low zoom on a wide screen) keeps every point on the one copy of the basemap it shows.
 */
export function wrapX(px: number, centre: number, worldSize: number): number {
  return px + worldSize * Math.round((centre - px) / worldSize);
}

export function cluster(input: ClusterInput): Clusters {
  const { x, y, rows, category, worldSize, left, top, width, height, cell, merge = 0 } = input;
  const col0 = Math.floor(left / cell);
  const row0 = Math.floor(top / cell);
  const cols = Math.floor((left + width) / cell) - col0 + 1;
  const cellRows = Math.floor((top + height) / cell) - row0 + 1;
  const cells = cols * cellRows;
  const n = rows.length;
  // Pass 1: the cell of every row (-1 = not drawn), and each cell's count and centroid sums.
  const cellOf = new Int32Array(n);
  const perCell = new Uint32Array(cells);
  const cellX = new Float64Array(cells);
  const cellY = new Float64Array(cells);
  // A view inside one world copy sees only the canonical positions: no wrapping needed.
  const wraps = left < 0 || left + width > worldSize;
  const centre = left + width / 2;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    let px = x[row]! * worldSize;
    const py = y[row]! * worldSize;
    cellOf[i] = -1;
    if (px !== px || py < top || py >= top + height) continue; // px !== px: NaN, unlocated
    if (wraps) px = wrapX(px, centre, worldSize);
    if (px < left || px >= left + width) continue;
    const c = (Math.floor(py / cell) - row0) * cols + (Math.floor(px / cell) - col0);
    cellOf[i] = c;
    perCell[c]!++;
    cellX[c]! += px;
    cellY[c]! += py;
  }
  const parent = mergeNeighbours(perCell, cellX, cellY, cols, cellRows, merge);
  // Number the groups in grid order (by their first cell), and lay out their member ranges.
  const clusterOfCell = new Int32Array(cells).fill(-1);
  const counts: number[] = [];
  for (let c = 0; c < cells; c++) {
    if (!perCell[c]) continue;
    const root = find(parent, c);
    if (clusterOfCell[root] === -1) clusterOfCell[root] = counts.push(0) - 1;
    clusterOfCell[c] = clusterOfCell[root]!;
    counts[clusterOfCell[c]!]! += perCell[c]!;
  }
  const length = counts.length;
  const count = Uint32Array.from(counts);
  const offset = new Uint32Array(length + 1);
  for (let k = 0; k < length; k++) offset[k + 1] = offset[k]! + count[k]!;
  // Pass 2: fill members and accumulate centroids, spans and categories.
  const members = new Uint32Array(offset[length]!);
  const fill = offset.slice(0, length);
  const sx = new Float64Array(length);
  const sy = new Float64Array(length);
  const minX = new Float64Array(length).fill(Infinity);
  const maxX = new Float64Array(length).fill(-Infinity);
  const minY = new Float64Array(length).fill(Infinity);
  const maxY = new Float64Array(length).fill(-Infinity);
  const cat = new Int32Array(length).fill(-2); // -2: not seen yet
  for (let i = 0; i < n; i++) {
    const c = cellOf[i]!;
    if (c < 0) continue;
    const k = clusterOfCell[c]!;
    const row = rows[i]!;
    members[fill[k]!++] = row;
    const px = wraps ? wrapX(x[row]! * worldSize, centre, worldSize) : x[row]! * worldSize;
    const py = y[row]! * worldSize;
    sx[k]! += px;
    sy[k]! += py;
    if (px < minX[k]!) minX[k] = px;
    if (px > maxX[k]!) maxX[k] = px;
    if (py < minY[k]!) minY[k] = py;
    if (py > maxY[k]!) maxY[k] = py;
    if (category) {
      const rc = category[row]!;
      cat[k] = cat[k] === -2 || cat[k] === rc ? rc : -1;
    }
  }
  const spread = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    sx[k]! /= count[k]!;
    sy[k]! /= count[k]!;
    spread[k] = Math.max(maxX[k]! - minX[k]!, maxY[k]! - minY[k]!) / worldSize;
    if (cat[k] === -2) cat[k] = -1;
  }
  return { length, x: sx, y: sy, count, category: cat, spread, members, offset };
}
