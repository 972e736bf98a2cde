/**
 * The timeline's density mode: events per lane and pixel column, for when too many are in view
 * to draw one by one. Lanes by category are remembered one by one: a category's rows depend on
 * the other filters only, so ticking a category off reuses every other lane, and ticking it on
 * computes that one lane. At a million events that is the difference between a full pass over
 * every row and a cheap scan of the lane codes.
 */
import type { EventColumns } from '../../model/columns';
import { fuzzMs, type Domain } from './geometry';
import type { LaneLayout } from './lanes';

/**
 * Events per lane and pixel column. Each event's weight (1) is spread evenly over the columns
 * its span (and uncertainty) covers, so a year-precision event does not pile up on one day.
 */
export interface Density {
  columns: number;
  lanes: number;
  /** lane * columns + column. */
  weight: Float32Array;
}

type DensityColumns = Pick<EventColumns, 'start' | 'end' | 'precision' | 'approximate'>;

interface LaneEntry {
  /** Items of the lane in view. */
  inView: number;
  weight: Float32Array;
}

/**
 * Per-lane densities for one view, width and row set per lane. `parts` names what decides a
 * lane's rows besides its key (the dataset and every filter but the categories and the time
 * window): when any part changes identity, nothing is reused.
 */
export class LaneMemo {
  #parts: readonly unknown[] = [];
  #view: Domain | null = null;
  #columns = 0;
  readonly lanes = new Map<string, LaneEntry>();

  /** Forgets everything unless parts, view and width are what the remembered lanes were made for. */
  check(parts: readonly unknown[], view: Domain, columns: number): this {
    const same =
      this.#view !== null && this.#view.start === view.start && this.#view.end === view.end && this.#columns === columns &&
      parts.length === this.#parts.length && parts.every((p, i) => p === this.#parts[i]);
    if (!same) {
      this.lanes.clear();
      this.#parts = parts;
      this.#view = view;
      this.#columns = columns;
    }
    return this;
  }
}

/** Adds one item's weight to a lane's columns (its row's span and uncertainty, spread evenly). */
function spread(weight: Float32Array, base: number, cols: number, columns: DensityColumns, row: number, view: Domain, pxPerMs: number): void {
  const fuzz = fuzzMs(columns.precision[row]!, columns.approximate[row] === 1);
  const a = Math.floor((columns.start[row]! - fuzz - view.start) * pxPerMs);
  const b = Math.floor((columns.end[row]! + fuzz - view.start) * pxPerMs);
  const from = Math.max(0, a);
  const to = Math.min(cols - 1, Math.max(a, b));
  if (to < from) return;
  const share = 1 / (Math.max(a, b) - a + 1);
  for (let c = from; c <= to; c++) weight[base + c]! += share;
}

/** The density of items (indices into the layout) already known to be in view. */
export function densityOf(columns: DensityColumns, layout: LaneLayout, items: Uint32Array, laneCount: number, view: Domain, width: number): Density {
  const cols = Math.max(1, Math.ceil(width));
  const weight = new Float32Array(laneCount * cols);
  const pxPerMs = width / (view.end - view.start);
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    spread(weight, layout.itemLane[i]! * cols, cols, columns, layout.itemRow[i]!, view, pxPerMs);
  }
  return { columns: cols, lanes: laneCount, weight };
}

/** Whether a row's span, widened by its uncertainty, reaches into the view: the test marks and density share. */
export function inView(columns: DensityColumns, row: number, view: Domain): boolean {
  const fuzz = fuzzMs(columns.precision[row]!, columns.approximate[row] === 1);
  return columns.end[row]! + fuzz > view.start && columns.start[row]! - fuzz < view.end;
}

/**
 * The density of the items from `first` on (items starting at or after `stopAt` are past the
 * view), with the lanes the memo holds reused, or null when `limit` or fewer items are in view:
 * then the caller lays out marks.
 */
export function densityByLane(
  columns: DensityColumns,
  layout: LaneLayout,
  first: number,
  stopAt: number,
  view: Domain,
  width: number,
  memo: LaneMemo,
  limit: number,
): Density | null {
  const laneCount = Math.max(1, layout.lanes.length);
  const cols = Math.max(1, Math.ceil(width));
  const pxPerMs = width / (view.end - view.start);
  const entries: LaneEntry[] = [];
  // Lanes not remembered yet, by lane index.
  const fresh = new Uint8Array(laneCount);
  let missing = 0;
  layout.lanes.forEach((lane, l) => {
    let entry = memo.lanes.get(lane.key);
    if (!entry) {
      entry = { inView: 0, weight: new Float32Array(cols) };
      memo.lanes.set(lane.key, entry);
      fresh[l] = 1;
      missing++;
    }
    entries[l] = entry;
  });
  if (missing > 0) {
    const { itemRow, itemLane } = layout;
    for (let i = first; i < itemRow.length; i++) {
      const row = itemRow[i]!;
      if (columns.start[row]! >= stopAt) break;
      const lane = itemLane[i]!;
      if (fresh[lane] === 0 || !inView(columns, row, view)) continue;
      const entry = entries[lane]!;
      entry.inView++;
      spread(entry.weight, 0, cols, columns, row, view, pxPerMs);
    }
  }
  let total = 0;
  for (const entry of entries) total += entry.inView;
  if (total <= limit) return null;
  const weight = new Float32Array(laneCount * cols);
  entries.forEach((entry, l) => weight.set(entry.weight, l * cols));
  return { columns: cols, lanes: laneCount, weight };
}

/** An RGBA colour, each channel 0–255, alpha 0–1. */
export type Rgba = readonly [number, number, number, number];

/** Opacity of the density bars over the lane stripes. */
const BAR_ALPHA = 0.85;

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Source-over of `c` at `alpha` on a background, both unpremultiplied, as one RGBA pixel word. */
export function over(c: Rgba, alpha: number, bg: Rgba): number {
  const below = bg[3];
  const out = alpha + below * (1 - alpha);
  if (out <= 0) return 0;
  // No closure or array here: a click's repaint calls this for two rows of every bar.
  const under = below * (1 - alpha);
  const r = Math.round((c[0] * alpha + bg[0] * under) / out) & 255;
  const g = Math.round((c[1] * alpha + bg[1] * under) / out) & 255;
  const b = Math.round((c[2] * alpha + bg[2] * under) / out) & 255;
  const a = Math.round(out * 255) & 255;
  // ImageData holds bytes R, G, B, A in memory order, whatever the platform's word order.
  return (LITTLE_ENDIAN ? r | (g << 8) | (b << 16) | (a << 24) : (r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

/**
 * The density as pixels (device pixels, RGBA, not premultiplied), to hand to putImageData:
 * alternate lanes striped, each column a bar whose height grows with the log of its weight,
 * the top and bottom pixels partly covered so the bars stay smooth. A canvas path of a thousand
 * rects per lane cost ~9 ms to rasterise on the CPU at every category toggle; here a lane's
 * fully covered pixels all get one precomputed colour, written four bytes at a time.
 */
export function densityPixels(d: Density, laneHeight: number, laneColors: readonly Rgba[], stripe: Rgba, width: number, height: number, dpr: number): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(width * height * 4);
  const words = new Uint32Array(px.buffer);
  const none: Rgba = [0, 0, 0, 0];
  const laneTop = (lane: number) => Math.min(height, Math.round(lane * laneHeight * dpr));
  // Odd lanes striped: one row filled, then copied down the lane.
  const stripeWord = over(stripe, stripe[3], none);
  for (let lane = 1; lane < d.lanes; lane += 2) {
    const y0 = laneTop(lane);
    const y1 = laneTop(lane + 1);
    if (y1 > y0) words.fill(stripeWord, y0 * width, y1 * width);
  }
  for (let lane = 0; lane < d.lanes; lane++) {
    const base = lane * d.columns;
    let max = 0;
    for (let c = 0; c < d.columns; c++) max = Math.max(max, d.weight[base + c]!);
    if (max === 0) continue;
    const color = laneColors[lane]!;
    const alpha = color[3] * BAR_ALPHA;
    const bg = lane % 2 === 1 ? stripe : none;
    const solid = over(color, alpha, bg);
    const scale = (laneHeight - 4) / Math.log1p(max);
    const bottom = ((lane + 1) * laneHeight - 2) * dpr;
    const floor = Math.min(height, Math.ceil(bottom));
    for (let c = 0; c < d.columns; c++) {
      const w = d.weight[base + c]!;
      if (w <= 0) continue;
      const top = bottom - Math.max(1, Math.log1p(w) * scale) * dpr;
      const x0 = Math.floor(c * dpr);
      const x1 = Math.min(width, Math.floor((c + 1) * dpr));
      if (x1 <= x0) continue;
      const first = Math.max(0, Math.floor(top));
      for (let y = first; y < floor; y++) {
        // How much of this pixel row the bar covers: the top and bottom rows only partly.
        const cover = Math.min(1, Math.min(y + 1, bottom) - Math.max(y, top));
        if (cover <= 0) continue;
        const value = cover >= 1 ? solid : over(color, alpha * cover, bg);
        const at = y * width;
        if (x1 - x0 === 1) words[at + x0] = value;
        else words.fill(value, at + x0, at + x1);
      }
    }
  }
  return px;
}
