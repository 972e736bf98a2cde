/**
 * How deep the map must zoom for the clusters to draw one row on its own: the grid (cells of
 * CLUSTER_CELL px, neighbouring cells merged) cannot join two points that are two cells apart or
 * more on either axis, so the zoom at which the row's nearest neighbour lies that far suffices.
 * Rows at the very same spot never separate and are left out. One pass over the visible rows,
 * run only when a selection asks for it. Pure.
 */
import { CLUSTER_CELL } from './symbols';
import { worldSize } from './projection';

/** Two cells apart: neither the cells nor their merging can join the two points. */
const GAP_PX = 2 * CLUSTER_CELL;

/**
 * The least zoom (to a quarter level, Leaflet's zoomSnap) at which `row` is drawn alone among
 * `rows`; -Infinity when no other row has a place apart from it.
 */
export function separatingZoom(x: Float64Array, y: Float64Array, rows: ArrayLike<number>, row: number): number {
  const ax = x[row]!;
  const ay = y[row]!;
  if (Number.isNaN(ax)) return -Infinity;
  let nearest = Infinity;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const d = Math.max(Math.abs(x[r]! - ax), Math.abs(y[r]! - ay));
    // d is NaN for rows without a place (the comparison fails) and 0 for the same spot.
    if (d > 0 && d < nearest) nearest = d;
  }
  if (nearest === Infinity) return -Infinity;
  const zoom = Math.log2(GAP_PX / (worldSize(0) * nearest));
  return Math.ceil(zoom * 4) / 4;
}
