/**
 * Grid clustering of projected rows. Cells are aligned to the world pixel grid (not the screen)
 * so a cluster does not change its members while the map pans; zooming in doubles the world size
 * and clusters come apart. The world's width holds a whole number of cells, so the cells repeat
 * in every world copy and the antimeridian is a cell edge (cells on either side of it merge
 * like any neighbours).
 *
 * A ClusterGrid keeps per-cell sums (count, offsets from the cell's corner, row ids, categories),
 * which are additive: a brush step adds the rows that entered the window and subtracts those that
 * left, so it costs the rows that changed, not the million that did not. What only interaction
 * needs (a cluster's member list, its spread) is computed when first asked for.
 */

import { ClusterGrid } from './cluster-grid';
import type { ClusterInput, Clusters } from './cluster-types';

export { ClusterGrid };

export type { ClusterInput, Clusters } from './cluster-types';

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

/** True when zooming in to maxZoom would still not separate the members by a pixel. */
export function isOneSpot(c: Clusters, i: number, maxZoom: number): boolean {
  return c.spread(i) * 256 * 2 ** maxZoom < 1;
}

/** Clusters `input.rows` in one go. */
export function cluster(input: ClusterInput): Clusters {
  const grid = new ClusterGrid(input);
  grid.add(input.rows, 1);
  return grid.clusters(input.rows, input);
}
