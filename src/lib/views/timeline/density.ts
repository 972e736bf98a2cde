/**
 * The timeline's density mode: events per lane and pixel column, for when too many are in view
 * to draw one by one. Lanes by category are remembered one by one: a category's rows depend on
 * the other filters only, so ticking a category off reuses every other lane, and ticking it on
 * computes that one lane. At a million events that is the difference between a full pass over
 * every row and a cheap scan of the lane codes. Once a sheet holds many items (worthBinning), each
 * lane is binned once over the whole span instead (fine-bins.ts), and any view wide enough is
 * resampled from it.
 */
import type { EventColumns } from '../../model/columns';
import { firstIndex } from '../../model/bisect';
import { binLanes, binsServe, resample, startingIn, worthBinning } from './fine-bins';
import { fuzzMs, sameDomain, type Domain } from './geometry';
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
  /** Items of the lane in the view (the weights may cover a sheet wider than it). */
  inView: number;
  weight: Float32Array;
}

/**
 * Per-lane densities for one sheet, view, width and row set per lane, and per-lane bins over the
 * whole span (fine-bins.ts) for any view. `parts` names what decides a lane's rows besides its
 * key (the dataset and every filter but the categories and the time window): when any part
 * changes identity, nothing is reused.
 */
export class LaneMemo {
  #parts: readonly unknown[] = [];
  #sheet: Domain | null = null;
  #view: Domain | null = null;
  #columns = 0;
  #span: Domain | null = null;
  readonly lanes = new Map<string, LaneEntry>();
  /** Running totals of each lane's weights over `span`, kept whatever the view; lanes ticked off keep theirs. */
  readonly bins = new Map<string, Float64Array>();

  /** The span the bins cover; null: no bins (the caller gave no span). */
  get span(): Domain | null {
    return this.#span;
  }

  /** Forgets the lanes unless parts, sheet, view and width are what they were made for, and the bins unless parts and span are. */
  check(parts: readonly unknown[], sheet: Domain, view: Domain, columns: number, span: Domain | null = null): this {
    const sameParts = parts.length === this.#parts.length && parts.every((p, i) => p === this.#parts[i]);
    const same =
      sameParts &&
      this.#sheet !== null &&
      sameDomain(this.#sheet, sheet) &&
      this.#view !== null &&
      sameDomain(this.#view, view) &&
      this.#columns === columns;
    if (!same) {
      this.lanes.clear();
      this.#sheet = sheet;
      this.#view = view;
      this.#columns = columns;
    }
    if (!sameParts || this.#span === null || span === null || !sameDomain(this.#span, span)) this.bins.clear();
    this.#parts = parts;
    this.#span = span;
    return this;
  }
}

/**
 * The density of `sheet` resampled from the lanes' bins, building those of lanes that have none;
 * undefined when bins do not serve: columns too narrow, marks possible in the view, or lanes
 * without bins while the sheet holds too few items to be worth a pass over every item
 * (worthBinning).
 */
function fromBins(
  columns: DensityColumns,
  layout: LaneLayout,
  first: number,
  stopAt: number,
  sheet: Domain,
  view: Domain,
  width: number,
  memo: LaneMemo,
  limit: number,
): Density | undefined {
  const span = memo.span;
  if (!span || !binsServe(span, sheet, width) || startingIn(columns, layout, view) <= limit) return undefined;
  const wanted = layout.lanes.map((lane) => !memo.bins.has(lane.key));
  if (wanted.includes(true)) {
    const { itemRow } = layout;
    const stop = firstIndex(itemRow.length, (i) => columns.start[itemRow[i]!]! < stopAt);
    if (!worthBinning(stop - first, itemRow.length)) return undefined;
    for (const [lane, totals] of binLanes(columns, layout, wanted, span))
      memo.bins.set(layout.lanes[lane]!.key, totals);
  }
  const laneCount = Math.max(1, layout.lanes.length);
  const cols = Math.max(1, Math.ceil(width));
  const weight = new Float32Array(laneCount * cols);
  layout.lanes.forEach((lane, l) => resample(memo.bins.get(lane.key)!, span, sheet, width, cols, weight, l * cols));
  return { columns: cols, lanes: laneCount, weight };
}

/**
 * Adds one item's weight, spread evenly over the columns of [lo, hi] (its span and uncertainty),
 * to a lane's difference array (`cols + 1` entries from `base`): two writes however many columns
 * it covers. At the widest zoom a year-precision event covers ~40 columns, and a loop over them
 * was most of a pan step's time at a million events.
 */
function spread(
  diff: Float64Array,
  base: number,
  cols: number,
  lo: number,
  hi: number,
  origin: number,
  pxPerMs: number,
): void {
  const a = Math.floor((lo - origin) * pxPerMs);
  const b = Math.max(a, Math.floor((hi - origin) * pxPerMs));
  const from = Math.max(0, a);
  const to = Math.min(cols - 1, b);
  if (to < from) return;
  const share = 1 / (b - a + 1);
  diff[base + from]! += share;
  diff[base + to + 1]! -= share;
}

/**
 * A lane's weights from its difference array: the running sum, with what is left of rounding
 * where no item lies taken as none (the smallest real weight, one item over millions of columns,
 * is far above it), so an empty column never gets a bar.
 */
function settle(diff: Float64Array, base: number, cols: number, out: Float32Array, at: number): void {
  let run = 0;
  for (let c = 0; c < cols; c++) {
    run += diff[base + c]!;
    out[at + c] = run > 1e-10 ? run : 0;
  }
}

/** The density over `domain`, `width` px wide, of items (indices into the layout) known to reach it. */
export function densityOf(
  columns: DensityColumns,
  layout: LaneLayout,
  items: Uint32Array,
  laneCount: number,
  domain: Domain,
  width: number,
): Density {
  const cols = Math.max(1, Math.ceil(width));
  const diff = new Float64Array(laneCount * (cols + 1));
  const pxPerMs = width / (domain.end - domain.start);
  const { itemRow, itemLane } = layout;
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    const row = itemRow[i]!;
    const fuzz = fuzzMs(columns.precision[row]!, columns.approximate[row] === 1);
    spread(
      diff,
      itemLane[i]! * (cols + 1),
      cols,
      columns.start[row]! - fuzz,
      columns.end[row]! + fuzz,
      domain.start,
      pxPerMs,
    );
  }
  const weight = new Float32Array(laneCount * cols);
  for (let lane = 0; lane < laneCount; lane++) settle(diff, lane * (cols + 1), cols, weight, lane * cols);
  return { columns: cols, lanes: laneCount, weight };
}

/** Whether a row's span, widened by its uncertainty, reaches into the view: the test marks and density share. */
export function inView(columns: DensityColumns, row: number, view: Domain): boolean {
  const fuzz = fuzzMs(columns.precision[row]!, columns.approximate[row] === 1);
  return columns.end[row]! + fuzz > view.start && columns.start[row]! - fuzz < view.end;
}

/**
 * The density over `sheet` (`width` px wide; the view or wider, see frame.ts) of the items from
 * `first` on (items starting at or after `stopAt` are past the sheet), resampled from the lanes'
 * bins where they serve, else with the lanes the memo holds for this sheet reused; or null when
 * `limit` or fewer items are in the view: then the caller lays out marks.
 */
export function densityByLane(
  columns: DensityColumns,
  layout: LaneLayout,
  first: number,
  stopAt: number,
  sheet: Domain,
  view: Domain,
  width: number,
  memo: LaneMemo,
  limit: number,
): Density | null {
  const binned = fromBins(columns, layout, first, stopAt, sheet, view, width, memo, limit);
  if (binned) return binned;
  const laneCount = Math.max(1, layout.lanes.length);
  const cols = Math.max(1, Math.ceil(width));
  const pxPerMs = width / (sheet.end - sheet.start);
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
    const { start, end, precision, approximate } = columns;
    const diff = new Float64Array(laneCount * (cols + 1));
    for (let i = first; i < itemRow.length; i++) {
      const row = itemRow[i]!;
      if (start[row]! >= stopAt) break;
      const lane = itemLane[i]!;
      if (fresh[lane] === 0) continue;
      const fuzz = fuzzMs(precision[row]!, approximate[row] === 1);
      const lo = start[row]! - fuzz;
      const hi = end[row]! + fuzz;
      if (hi <= sheet.start || lo >= sheet.end) continue;
      if (hi > view.start && lo < view.end) entries[lane]!.inView++;
      spread(diff, lane * (cols + 1), cols, lo, hi, sheet.start, pxPerMs);
    }
    for (let l = 0; l < laneCount; l++) if (fresh[l] === 1) settle(diff, l * (cols + 1), cols, entries[l]!.weight, 0);
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

/** One pixel row of a bar that covers it only partly (its top or bottom row), blended by coverage. */
function blendRow(
  words: Uint32Array,
  width: number,
  y: number,
  x0: number,
  x1: number,
  top: number,
  bottom: number,
  color: Rgba,
  alpha: number,
  bg: Rgba,
): void {
  const cover = Math.min(1, Math.min(y + 1, bottom) - Math.max(y, top));
  if (cover <= 0) return;
  const value = over(color, alpha * cover, bg);
  if (x1 - x0 === 1) words[y * width + x0] = value;
  else words.fill(value, y * width + x0, y * width + x1);
}

/**
 * The density as pixels (device pixels, RGBA, not premultiplied), to hand to putImageData:
 * alternate lanes striped, each column a bar whose height grows with the log of its weight,
 * the top and bottom pixels partly covered so the bars stay smooth. A canvas path of a thousand
 * rects per lane cost ~9 ms to rasterise on the CPU at every category toggle; here a lane's
 * fully covered pixels all get one precomputed colour, written four bytes at a time.
 *
 * `into`, when it is the right size, is cleared and written instead of new memory: on the
 * benchmark's machine the first write to fresh memory costs ~4 ms per MB, and a timeline's
 * pixels are about a megabyte at every category click and zoom.
 */
export function densityPixels(
  d: Density,
  laneHeight: number,
  laneColors: readonly Rgba[],
  stripe: Rgba,
  width: number,
  height: number,
  dpr: number,
  into?: Uint8ClampedArray<ArrayBuffer>,
): Uint8ClampedArray<ArrayBuffer> {
  const reuse = into !== undefined && into.length === width * height * 4;
  const px = reuse ? into.fill(0) : new Uint8ClampedArray(width * height * 4);
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
      // Pixel rows wholly inside the bar, [full0, full1), get the solid word; the rows it only
      // partly covers (at most its top and its bottom) are blended by their coverage.
      const full0 = Math.max(first, Math.ceil(top));
      const full1 = Math.min(floor, Math.floor(bottom));
      for (let y = first; y < Math.min(full0, floor); y++)
        blendRow(words, width, y, x0, x1, top, bottom, color, alpha, bg);
      if (x1 - x0 === 1) for (let at = full0 * width + x0; at < full1 * width; at += width) words[at] = solid;
      else for (let y = full0; y < full1; y++) words.fill(solid, y * width + x0, y * width + x1);
      for (let y = Math.max(full1, full0, first); y < floor; y++)
        blendRow(words, width, y, x0, x1, top, bottom, color, alpha, bg);
    }
  }
  return px;
}
