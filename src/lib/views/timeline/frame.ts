/**
 * One frame of the main timeline in pixels: which items are in view, their shapes, boxes and
 * sub-rows. Pure and columnar (typed arrays, no objects per event), so it can be a $derived
 * that recomputes on every zoom step at 100k rows; draw.ts paints it and hit testing reads it.
 */
import type { EventColumns } from '../../model/columns';
import { densityByLane, densityOf, inView as reachesView, type Density, type LaneMemo } from './density';
export type { Density } from './density';
import { fuzzMs, sameDomain, shapeOf, SHAPES, type Domain } from './geometry';
import { stackItems, type LaneLayout } from './lanes';
import { firstIndex } from '../../model/bisect';
import type { TimeWindow } from '../../query/filters';

export interface FrameInput {
  columns: EventColumns;
  layout: LaneLayout;
  /** 1 for rows that pass every filter; 0 draws the row as faint context. Null: every laid-out row passes (the lanes hold only those). */
  visibleMask: Uint8Array | null;
  view: Domain;
  width: number;
  /** Height of the lane area (the axis sits below it). */
  height: number;
  /** Longest event duration, bounding how far back an item can start and still be in view. */
  maxDuration: number;
}

export interface Frame {
  count: number;
  laneHeight: number;
  /** The time range laid out: the view, or a sheet wider than it (see layoutFrame's margin). */
  domain: Domain;
  /** The px width of `domain`; marks' x are in px from its start. */
  width: number;
  /** Index into layout.itemRow / itemLane. */
  item: Uint32Array;
  row: Uint32Array;
  lane: Uint16Array;
  /** Index into SHAPES. */
  shape: Uint8Array;
  /** The mark's box, CSS px. */
  x0: Float32Array;
  x1: Float32Array;
  y: Float32Array;
  h: Float32Array;
  /** Uncertainty whiskers' outer ends (equal to x0/x1 when the date is exact). */
  fx0: Float32Array;
  fx1: Float32Array;
  faint: Uint8Array;
  overlap: Uint8Array;
  /** Set instead of marks when too many events are in view to draw one by one. */
  density: Density | null;
}

/**
 * Past this many marks in view the timeline draws density instead: a CPU rasteriser paints
 * ~10k marks per frame budget (performance.md §1e), and marks this dense overlap anyway.
 */
export const DENSE_MARKS = 25_000;

const MIN_SUB_ROW_PX = 10;
const MAX_SUB_ROWS = 4;
/** Marks beyond this are off screen; clamping keeps canvas coordinates small. */
const OVERDRAW_PX = 50;
/** The widest approximate-date whisker: a year (see geometry.fuzzMs). */
const MAX_FUZZ_MS = 366 * 86_400_000;
export const MAX_LISTED_MARKS = 500;

/** Density in place of marks: no marks to hit or list. */
function densityFrame(laneHeight: number, density: Density, domain: Domain, width: number): Frame {
  const none = new Uint32Array(0);
  const f32 = new Float32Array(0);
  return {
    count: 0,
    laneHeight,
    domain,
    width,
    item: none,
    row: none,
    lane: new Uint16Array(0),
    shape: new Uint8Array(0),
    x0: f32,
    x1: f32,
    y: f32,
    h: f32,
    fx0: f32,
    fx1: f32,
    faint: new Uint8Array(0),
    overlap: new Uint8Array(0),
    density,
  };
}

/**
 * Lanes whose rows are decided by their key and `parts` alone, remembered in `memo`: category lanes
 * (parts: every filter but the categories and the window), or actor lanes (parts: the layout).
 */
export interface KeyedLanes {
  memo: LaneMemo;
  parts: readonly unknown[];
}

/**
 * The marks in view, or their density past DENSE_MARKS. With keyed lanes, the density reuses
 * the lanes whose rows did not change (density.ts).
 *
 * A margin (a fraction of the view's span, on each side, kept within `bounds`) lays the marks
 * out over a sheet wider than the view: a pan inside the sheet then only shifts the picture,
 * where laying out and rasterising every mark again cost ~16 ms per pan step at 10k. The sheet
 * is dropped (the frame is the view's alone) when it would hold more than DENSE_MARKS marks while
 * the view holds fewer, so it never costs more to paint than the densest view drawn as marks.
 * Density is binned over the sheet too: at a million events a pan no longer bins every event in
 * view at every step. Each lane's bars are then scaled to the sheet's fullest column, which also
 * keeps them from rescaling at every step of a pan.
 */
export function layoutFrame(input: FrameInput, keyed?: KeyedLanes, margin = 0, bounds?: Domain): Frame {
  const { columns, layout, view, width, height } = input;
  const laneCount = Math.max(1, layout.lanes.length);
  const laneHeight = height / laneCount;
  const items = layout.itemRow;
  // First item whose row starts late enough to reach into `d` (items are in time order).
  const firstFor = (d: Domain) => {
    const reach = d.start - input.maxDuration - MAX_FUZZ_MS;
    return firstIndex(items.length, (i) => columns.start[items[i]!]! < reach);
  };
  const span = view.end - view.start;
  // No further than a pan can go (`bounds`): at the widest zoom the sheet is the view itself.
  const start = Math.max(view.start - span * margin, bounds?.start ?? -Infinity);
  const end = Math.min(view.end + span * margin, bounds?.end ?? Infinity);
  const sheet =
    start < view.start || end > view.end ? { start: Math.min(start, view.start), end: Math.max(end, view.end) } : view;
  const sheetWidth = (width * (sheet.end - sheet.start)) / span;
  const from = firstFor(sheet);
  const stopAt = sheet.end + MAX_FUZZ_MS;
  if (keyed) {
    const memo = keyed.memo.check(keyed.parts, sheet, view, Math.ceil(sheetWidth), bounds ?? null);
    const density = densityByLane(columns, layout, from, stopAt, sheet, view, sheetWidth, memo, DENSE_MARKS);
    if (density) return densityFrame(laneHeight, density, sheet, sheetWidth);
  }
  const inSheet = new Uint32Array(items.length - from);
  let count = 0;
  let inView = 0;
  for (let i = from; i < items.length; i++) {
    const row = items[i]!;
    if (columns.start[row]! >= stopAt) break;
    if (!reachesView(columns, row, sheet)) continue;
    inSheet[count++] = i;
    if (sheet !== view && reachesView(columns, row, view)) inView++;
  }
  if (sheet === view) inView = count;
  const all = inSheet.subarray(0, count);
  if (count <= DENSE_MARKS) return marksFrame(input, all, sheet, sheetWidth);
  if (inView > DENSE_MARKS)
    return densityFrame(laneHeight, densityOf(columns, layout, all, laneCount, sheet, sheetWidth), sheet, sheetWidth);
  return marksFrame(
    input,
    all.filter((i) => reachesView(columns, items[i]!, view)),
    view,
    width,
  );
}

/** The marks of `candidates` (items) laid out over `domain`, `width` px wide. */
function marksFrame(input: FrameInput, candidates: Uint32Array, domain: Domain, width: number): Frame {
  const { columns, layout, visibleMask, height } = input;
  const laneCount = Math.max(1, layout.lanes.length);
  const laneHeight = height / laneCount;
  const maxSub = Math.max(1, Math.min(MAX_SUB_ROWS, Math.floor(laneHeight / MIN_SUB_ROW_PX)));
  const subHeight = laneHeight / maxSub;
  const size = Math.max(5, Math.min(10, subHeight - 2));
  const pxPerMs = width / (domain.end - domain.start);
  const px = (t: number) => Math.max(-OVERDRAW_PX, Math.min(width + OVERDRAW_PX, (t - domain.start) * pxPerMs));
  const n = candidates.length;
  const f: Frame = {
    count: n,
    laneHeight,
    domain,
    width,
    density: null,
    item: candidates.slice(),
    row: new Uint32Array(n),
    lane: new Uint16Array(n),
    shape: new Uint8Array(n),
    x0: new Float32Array(n),
    x1: new Float32Array(n),
    y: new Float32Array(n),
    h: new Float32Array(n),
    fx0: new Float32Array(n),
    fx1: new Float32Array(n),
    faint: new Uint8Array(n),
    overlap: new Uint8Array(n),
  };
  const { itemRow, itemLane } = layout;
  for (let j = 0; j < n; j++) {
    const i = candidates[j]!;
    const row = itemRow[i]!;
    const start = columns.start[row]!;
    const end = columns.end[row]!;
    const shape = shapeOf(columns.precision[row]!, columns.isRange[row] === 1, (end - start) * pxPerMs);
    const fuzz = fuzzMs(columns.precision[row]!, columns.approximate[row] === 1);
    f.row[j] = row;
    f.lane[j] = itemLane[i]!;
    f.shape[j] = SHAPES.indexOf(shape);
    f.faint[j] = visibleMask === null || visibleMask[row] === 1 ? 0 : 1;
    if (shape === 'point') {
      const c = px((start + end) / 2);
      f.x0[j] = c - size / 2;
      f.x1[j] = c + size / 2;
    } else {
      f.x0[j] = px(start);
      // A span never shrinks below a visible sliver, so a month at decade zoom still shows.
      f.x1[j] = Math.max(px(end), f.x0[j]! + 3);
    }
    // Whiskers get a minimum length so "approximate" stays visible when zoomed far out.
    const whisker = fuzz > 0 ? Math.max(fuzz * pxPerMs, 6) : 0;
    f.fx0[j] = f.x0[j]! - whisker;
    f.fx1[j] = f.x1[j]! + whisker;
  }

  const stack = stackItems(f.fx0, f.fx1, f.lane, n, laneCount, maxSub);
  f.overlap = stack.overlap;
  for (let j = 0; j < n; j++) {
    const lane = f.lane[j]!;
    const used = stack.used[lane]!;
    // Centre the sub-rows a lane actually uses, so a lane with one row keeps its marks mid-lane.
    const top = lane * laneHeight + (laneHeight - used * subHeight) / 2 + stack.sub[j]! * subHeight;
    const h = SHAPES[f.shape[j]!] === 'point' ? size : Math.max(4, Math.min(subHeight - 3, 9));
    f.y[j] = top + (subHeight - h) / 2;
    f.h[j] = h;
  }
  return f;
}

/**
 * The same frame with the marks outside the time window faint. Geometry is laid out against the
 * rows that pass every filter but the window, so brushing only re-flags, never re-lays out, and
 * needs no per-row mask of a million events to do it.
 */
export function withWindow(f: Frame, columns: Pick<EventColumns, 'start' | 'end'>, window: TimeWindow | null): Frame {
  if (f.count === 0) return f;
  const faint = new Uint8Array(f.count);
  if (window)
    for (let j = 0; j < f.count; j++)
      faint[j] = columns.start[f.row[j]!]! < window.end && columns.end[f.row[j]!]! > window.start ? 0 : 1;
  return { ...f, faint };
}

/**
 * The item under a point: the smallest box containing it (points win over the bars beneath),
 * visible rows before faint ones, with a few pixels' tolerance for small marks. -1 if none.
 */
export function hitTest(f: Frame, x: number, y: number, tolerance = 3): number {
  let best = -1;
  let bestScore = Infinity;
  for (let j = 0; j < f.count; j++) {
    const w = Math.max(f.x1[j]! - f.x0[j]!, 8);
    const cx = (f.x0[j]! + f.x1[j]!) / 2;
    if (Math.abs(x - cx) > w / 2 + tolerance) continue;
    if (y < f.y[j]! - tolerance || y > f.y[j]! + f.h[j]! + tolerance) continue;
    const score = w + (f.faint[j] ? 1e7 : 0);
    if (score <= bestScore) {
      best = j;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Hit boxes of up to 500 visible marks as JSON, [{id, x, y, w, h}] in CSS px clipped to the
 * plot: published on the canvas (data-marks) so tests and tools can find marks to click. The
 * plot shows the frame from `origin` (px) on, `width` px wide.
 */
export function marksAttribute(f: Frame, ids: (row: number) => string, width: number, origin = 0): string {
  const out: { id: string; x: number; y: number; w: number; h: number }[] = [];
  for (let j = 0; j < f.count && out.length < MAX_LISTED_MARKS; j++) {
    const left = f.x0[j]! - origin;
    const right = f.x1[j]! - origin;
    if (f.faint[j] || right < 0 || left > width) continue;
    const x0 = Math.max(0, left);
    const x1 = Math.min(width, right);
    const round = (v: number) => Math.round(v * 10) / 10;
    out.push({ id: ids(f.row[j]!), x: round(x0), y: round(f.y[j]!), w: round(x1 - x0), h: round(f.h[j]!) });
  }
  return JSON.stringify(out);
}

/** Where the view starts in the frame's px: 0 unless the frame is a sheet wider than the view. */
export function originOf(f: Frame, view: Domain): number {
  return ((view.start - f.domain.start) * f.width) / (f.domain.end - f.domain.start);
}

/** How many of the frame's px the view spans: the view's own width, unless the frame is shown scaled (previews). */
export function shownWidth(f: Frame, view: Domain): number {
  return ((view.end - view.start) * f.width) / (f.domain.end - f.domain.start);
}

/**
 * Whether the frame on screen (laid out from the same inputs) is kept for `view`: it serves it,
 * or previews a zoom of it. Once the view has `settled` (stayed a moment), only a sheet that holds
 * it is kept, so a frame of the view alone, or a scaled preview, is laid out again over its sheet.
 */
export function keeps(f: Frame, view: Domain, width: number, settled: boolean): boolean {
  return settled ? sheetHolds(f, view, width) : frameServes(f, view, width) || previews(f, view, width);
}

/**
 * Whether a zoom may show the frame scaled while the wheel turns, binned again once the view
 * stays: density (no marks to hit or list; a view too narrow for the lanes' bins, fine-bins.ts,
 * is binned from every event in it, which took 35–40 ms a wheel step at a million events before
 * there were bins) that covers the whole view at another scale.
 */
export function previews(f: Frame, view: Domain, width: number): boolean {
  return f.density !== null && !sameScale(f, view, width) && view.start >= f.domain.start && view.end <= f.domain.end;
}

/**
 * Whether a frame still serves `view`, laid out from the same inputs: it is that view's own (a
 * drag d3-zoom cannot move reports the same view at every step), or a sheet the view lies in.
 */
export function frameServes(f: Frame, view: Domain, width: number): boolean {
  return sameDomain(f.domain, view) || sheetHolds(f, view, width);
}

/** Whether `view`, `width` px wide, is at the frame's scale: a pan of it (or the same view), not a zoom. */
export function sameScale(f: Frame, view: Domain, width: number): boolean {
  const scale = f.width / (f.domain.end - f.domain.start);
  return Math.abs(width / (view.end - view.start) / scale - 1) < 1e-6;
}

/**
 * Whether a frame laid out over a sheet still serves `view` by shifting: the view lies inside
 * it at the same scale (a pan). Zooms change the scale and need a new layout.
 */
export function sheetHolds(f: Frame, view: Domain, width: number): boolean {
  if (f.width <= width || view.start < f.domain.start || view.end > f.domain.end) return false;
  return sameScale(f, view, width);
}
