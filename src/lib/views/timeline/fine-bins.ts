/**
 * Density pre-binned: each lane's weights over the dataset's whole span, once, in FINE_BINS
 * bins, kept as running totals, so the density of any view whose columns are each several bins
 * wide is two lookups per column. Binning every event in view again cost 35–49 ms per wheel
 * step at a million events when a zoom out left the frame on screen behind.
 */
import type { EventColumns } from '../../model/columns';
import { firstIndex } from '../../model/bisect';
import { fuzzMs, type Domain } from './geometry';
import type { LaneLayout } from './lanes';

/** Bins per lane over the span: 512 KB of running totals a lane. */
export const FINE_BINS = 65_536;

/**
 * A bin's weight is taken as spread evenly over it, so a column edge inside a bin may move part
 * of an event to the neighbouring column: with columns at least this many bins wide, by no more
 * than a quarter of a column. Narrower columns are binned from the events themselves.
 */
export const BINS_PER_COLUMN = 4;

/**
 * Building a lane's bins is a pass over every item of the lanes, the whole span's. It pays off
 * once a view would bin this many items itself (below that, binning them directly takes a few ms),
 * and half of all items: a view holding fewer is binned directly, so a filter change while zoomed
 * in never costs more than twice what binning the view would.
 */
export const PREBIN_ITEMS = 100_000;

/** Whether a sheet holding `inSheet` of `total` items is worth building the lanes' bins for. */
export function worthBinning(inSheet: number, total: number): boolean {
  return inSheet >= Math.max(PREBIN_ITEMS, total / 2);
}

type BinColumns = Pick<EventColumns, 'start' | 'end' | 'precision' | 'approximate'>;

/**
 * Running totals of each lane's weights over `span` for the lanes named in `wanted` (lane index
 * → true): FINE_BINS + 1 entries, entry k the weight of bins before k. Each item's weight (1)
 * is shared evenly by the bins its span and uncertainty, [lo, hi), reach into.
 */
export function binLanes(
  columns: BinColumns,
  layout: LaneLayout,
  wanted: readonly boolean[],
  span: Domain,
): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  wanted.forEach((want, lane) => {
    if (want) out.set(lane, new Float64Array(FINE_BINS + 1));
  });
  const diffs = layout.lanes.map((_, lane) => out.get(lane));
  const perMs = FINE_BINS / (span.end - span.start);
  const { itemRow, itemLane } = layout;
  const { start, end, precision, approximate } = columns;
  for (let i = 0; i < itemRow.length; i++) {
    const diff = diffs[itemLane[i]!];
    if (!diff) continue;
    const row = itemRow[i]!;
    const fuzz = fuzzMs(precision[row]!, approximate[row] === 1);
    const a = Math.floor((start[row]! - fuzz - span.start) * perMs);
    const b = Math.max(a, Math.ceil((end[row]! + fuzz - span.start) * perMs) - 1);
    const from = Math.max(0, a);
    const to = Math.min(FINE_BINS - 1, b);
    if (to < from) continue;
    const share = 1 / (b - a + 1);
    diff[from]! += share;
    diff[to + 1]! -= share;
  }
  // In place: the difference array becomes the running totals (each entry is read before it is
  // overwritten). What rounding leaves where no item lies, resample takes as none.
  for (const totals of out.values()) {
    let run = 0;
    let sum = 0;
    for (let k = 0; k < FINE_BINS; k++) {
      run += totals[k]!;
      totals[k] = sum;
      sum += run;
    }
    totals[FINE_BINS] = sum;
  }
  return out;
}

/** The running total at `u` bins from the span's start, the bin it falls in taken as even. */
function totalAt(totals: Float64Array, u: number): number {
  if (u <= 0) return 0;
  if (u >= FINE_BINS) return totals[FINE_BINS]!;
  const k = Math.floor(u);
  return totals[k]! + (u - k) * (totals[k + 1]! - totals[k]!);
}

/**
 * A lane's weights per column of `domain` (`width` px wide, `columns` columns of 1 px) from its
 * running totals, into `out` from `at`. What rounding leaves where no item lies is far below the
 * smallest real weight (one item over every bin, times a sliver of a bin), so it is taken as
 * none: a column with no item in reach gets no bar.
 */
export function resample(
  totals: Float64Array,
  span: Domain,
  domain: Domain,
  width: number,
  columns: number,
  out: Float32Array,
  at: number,
): void {
  const perMs = FINE_BINS / (span.end - span.start);
  const u0 = (domain.start - span.start) * perMs;
  const step = ((domain.end - domain.start) / width) * perMs;
  let before = totalAt(totals, u0);
  for (let c = 0; c < columns; c++) {
    const after = totalAt(totals, u0 + (c + 1) * step);
    const w = after - before;
    out[at + c] = w > 1e-10 ? w : 0;
    before = after;
  }
}

/** Whether `domain`, `width` px wide, has columns wide enough to be resampled from bins over `span`. */
export function binsServe(span: Domain, domain: Domain, width: number): boolean {
  return (domain.end - domain.start) / width >= (BINS_PER_COLUMN * (span.end - span.start)) / FINE_BINS;
}

/**
 * A lower bound on the items reaching `view`, from two binary searches (items are in time
 * order): those starting inside it certainly reach it.
 */
export function startingIn(columns: Pick<EventColumns, 'start'>, layout: LaneLayout, view: Domain): number {
  const { itemRow } = layout;
  const { start } = columns;
  const after = firstIndex(itemRow.length, (i) => start[itemRow[i]!]! <= view.start);
  const before = firstIndex(itemRow.length, (i) => start[itemRow[i]!]! < view.end);
  return Math.max(0, before - after);
}
