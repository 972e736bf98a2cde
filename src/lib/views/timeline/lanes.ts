/**
 * Lanes and stacking. A lane layout turns rows into "items" (row, lane): one per row by
 * category, or one per row and top actor by actor, so an event between two leading actors
 * appears in both of their lanes. Items stay in row (= time) order, which the stacking and
 * the frame's binary search rely on.
 */
import type { MultiColumn } from '../../query/query-index';

export interface Lane {
  key: string;
  label: string;
  /** The category colour; null for actor lanes (marks keep their category colour there). */
  color: string | null;
  /** Rows in the lane. */
  count: number;
}

export interface LaneLayout {
  lanes: Lane[];
  itemRow: Uint32Array;
  itemLane: Uint16Array;
}

export const OTHER_LANE = 'Other actors';

/** One lane per category that has rows, in the dataset's category order. */
export function categoryLanes(
  categories: readonly { id: string; label: string; color: string }[],
  category: Uint16Array,
  rows: Uint32Array,
): LaneLayout {
  const counts = new Uint32Array(categories.length);
  for (let i = 0; i < rows.length; i++) counts[category[rows[i]!]!]!++;
  const laneOf = new Int32Array(categories.length).fill(-1);
  const lanes: Lane[] = [];
  categories.forEach((c, i) => {
    if (counts[i]! === 0) return;
    laneOf[i] = lanes.length;
    lanes.push({ key: c.id, label: c.label, color: c.color, count: counts[i]! });
  });
  // Row lists from the filters are never written to, so the layout can share the array. Each
  // item's lane is listed when first asked for: a view resampled from the lanes' bins (most
  // category clicks at 1M) never asks, and listing a million lanes took a pass and 2 MB.
  let itemLane: Uint16Array | null = null;
  return {
    lanes,
    itemRow: rows,
    get itemLane(): Uint16Array {
      if (!itemLane) {
        itemLane = new Uint16Array(rows.length);
        for (let i = 0; i < rows.length; i++) itemLane[i] = laneOf[category[rows[i]!]!]!;
      }
      return itemLane;
    },
  };
}

/**
 * The `maxLanes - 1` most frequent actors (ties by name), plus "Other actors" for rows with
 * none of them. When every actor fits, no Other lane is needed.
 */
export function actorLanes(column: MultiColumn, rows: Uint32Array, maxLanes: number): LaneLayout {
  const { values: actors, offsets, codes } = column;
  const counts = new Uint32Array(actors.length);
  let withoutActors = 0;
  for (const row of rows) {
    if (offsets[row] === offsets[row + 1]) withoutActors++;
    for (let k = offsets[row]!; k < offsets[row + 1]!; k++) counts[codes[k]!]!++;
  }
  const ranked = [...counts.keys()].filter((a) => counts[a]! > 0);
  ranked.sort((a, b) => counts[b]! - counts[a]! || (actors[a]! < actors[b]! ? -1 : 1));
  const fitsAll = ranked.length <= maxLanes && withoutActors === 0;
  const top = ranked.slice(0, fitsAll ? maxLanes : Math.max(0, maxLanes - 1));
  const laneOf = new Int32Array(actors.length).fill(-1);
  const lanes: Lane[] = top.map((a, i) => {
    laneOf[a] = i;
    return { key: `actor:${actors[a]!}`, label: actors[a]!, color: null, count: counts[a]! };
  });
  const other = lanes.length;
  const itemRow: number[] = [];
  const itemLane: number[] = [];
  let otherCount = 0;
  for (const row of rows) {
    let placed = false;
    for (let k = offsets[row]!; k < offsets[row + 1]!; k++) {
      const a = codes[k]!;
      if (laneOf[a]! < 0) continue;
      itemRow.push(row);
      itemLane.push(laneOf[a]!);
      placed = true;
    }
    if (!placed) {
      itemRow.push(row);
      itemLane.push(other);
      otherCount++;
    }
  }
  if (otherCount > 0) lanes.push({ key: 'actor:*', label: OTHER_LANE, color: null, count: otherCount });
  return { lanes, itemRow: Uint32Array.from(itemRow), itemLane: Uint16Array.from(itemLane) };
}

/**
 * Greedy interval stacking in pixel space: each item goes to the first sub-row of its lane
 * that is free at its left edge (plus a gap). When all `maxSub` sub-rows are taken it shares
 * the one that frees up soonest and is flagged as overlapping, to be drawn translucent.
 * Items must come in ascending x0 within each lane.
 */
export function stackItems(
  x0: ArrayLike<number>,
  x1: ArrayLike<number>,
  lane: ArrayLike<number>,
  count: number,
  laneCount: number,
  maxSub: number,
  gap = 2,
): { sub: Uint8Array; overlap: Uint8Array; used: Uint8Array } {
  const ends = new Float64Array(laneCount * maxSub).fill(-Infinity);
  const sub = new Uint8Array(count);
  const overlap = new Uint8Array(count);
  const used = new Uint8Array(laneCount);
  for (let i = 0; i < count; i++) {
    const base = lane[i]! * maxSub;
    let chosen = -1;
    let soonest = 0;
    for (let s = 0; s < maxSub; s++) {
      if (ends[base + s]! + gap <= x0[i]!) {
        chosen = s;
        break;
      }
      if (ends[base + s]! < ends[base + soonest]!) soonest = s;
    }
    if (chosen < 0) {
      chosen = soonest;
      overlap[i] = 1;
    }
    sub[i] = chosen;
    ends[base + chosen] = Math.max(ends[base + chosen]!, x1[i]!);
    used[lane[i]!] = Math.max(used[lane[i]!]!, chosen + 1);
  }
  return { sub, overlap, used };
}
