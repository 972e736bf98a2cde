/**
 * Pure geometry for the timeline: the data span, zoomed domains, the precision drawing rules
 * and density binning. No DOM, no d3 behaviours: everything here is table-tested.
 * Times are axis ms (model/dates.ts); pixels are CSS pixels from the plot's left edge.
 */
import { DAY_MS } from '../../model/dates';
import type { EventColumns } from '../../model/columns';

export interface Domain {
  start: number;
  end: number;
}

/** The same instants (two objects for one view are common: each zoom event makes a new one). */
export function sameDomain(a: Domain, b: Domain): boolean {
  return a.start === b.start && a.end === b.end;
}

export const HOUR_MS = 3_600_000;
/** The deepest zoom: about an hour across the plot. */
export const MIN_DOMAIN_MS = HOUR_MS;
const YEAR_MS = 365.2425 * DAY_MS;
const MONTH_MS = YEAR_MS / 12;

/** First start to last end, plus a margin so marks at the edges are not cut in half. */
export function dataSpan(columns: Pick<EventColumns, 'start' | 'end' | 'size'>, margin = 0.03): Domain {
  if (columns.size === 0) return { start: 0, end: DAY_MS };
  let end = -Infinity;
  for (let i = 0; i < columns.size; i++) end = Math.max(end, columns.end[i]!);
  const start = columns.start[0]!; // rows are in time order
  const pad = Math.max((end - start) * margin, DAY_MS);
  return { start: start - pad, end: end + pad };
}

/** Keeps a domain inside the span and no narrower than minDuration, preserving its centre where it can. */
export function clampDomain(d: Domain, span: Domain, minDuration = MIN_DOMAIN_MS): Domain {
  const spanLength = span.end - span.start;
  const length = Math.min(spanLength, Math.max(d.end - d.start, Math.min(minDuration, spanLength)));
  const centre = (d.start + d.end) / 2;
  const start = Math.min(Math.max(centre - length / 2, span.start), span.end - length);
  const out = { start, end: start + length };
  return out.start === d.start && out.end === d.end ? d : out;
}

/** Zooms by `factor` (> 1 zooms in) around `at` (default: the centre), clamped to the span. */
export function zoomDomain(d: Domain, factor: number, span: Domain, at = (d.start + d.end) / 2): Domain {
  return clampDomain({ start: at - (at - d.start) / factor, end: at + (d.end - at) / factor }, span);
}

/**
 * The domain shifted just enough to show [start, end) — centred on the event when it is off
 * screen, unchanged (same object) when it is already in view.
 */
export function panToInclude(d: Domain, start: number, end: number, span: Domain): Domain {
  if (start >= d.start && end <= d.end) return d;
  if (end > d.start && start < d.end && end - start > d.end - d.start) return d; // longer than the view and overlapping it
  const length = d.end - d.start;
  const centre = end - start > length ? start + length / 2 : (start + end) / 2;
  return clampDomain({ start: centre - length / 2, end: centre + length / 2 }, span);
}

/**
 * Where the view goes as playback moves the window: panned (same zoom) so the window is in it,
 * centred, or, for a window wider than the view (a cumulative one), so its leading half-view is;
 * the same object when that part is already shown.
 */
export function followWindow(d: Domain, w: Domain, span: Domain): Domain {
  const length = d.end - d.start;
  const from = w.end - w.start <= length ? w.start : w.end - length / 2;
  return panToInclude(d, from, w.end, span);
}

/** The d3-zoom transform (k, x) that shows `view` when the identity shows `span` across `width`. */
export function transformFor(view: Domain, span: Domain, width: number): { k: number; x: number } {
  const k = (span.end - span.start) / (view.end - view.start);
  return { k, x: (-(view.start - span.start) / (span.end - span.start)) * width * k };
}

/** Inverse of transformFor. */
export function domainFor(t: { k: number; x: number }, span: Domain, width: number): Domain {
  const msPerPx = (span.end - span.start) / width;
  const start = span.start + (-t.x / t.k) * msPerPx;
  return { start, end: start + (width / t.k) * msPerPx };
}

// ---------------------------------------------------------------------------------------
// Precision drawing rules. A date names a span (its day, month or year), never an instant:
// "Oct 2020" is drawn across October, not as a point on the 1st.
// ---------------------------------------------------------------------------------------

/** 'point' a diamond at the span's centre; 'range' an explicit start–end bar; 'extent' the span a coarse date covers. */
export type Shape = 'point' | 'range' | 'extent';
export const SHAPES: readonly Shape[] = ['point', 'range', 'extent'];

/** Indexes into DATE_PRECISIONS (model/columns.ts). */
const YEAR = 0;
const MONTH = 1;
const DAY = 2;
const MINUTE = 3;
/** Below this width a day- or time-precision span reads better as a point. */
export const POINT_MAX_PX = 12;

/**
 * How to draw an event. Year and month dates always show their whole span; finer dates are a
 * point until zoomed far enough that their day (or minute) is wider than a mark.
 */
export function shapeOf(precision: number, isRange: boolean, widthPx: number): Shape {
  if (isRange) return 'range';
  if (precision <= MONTH) return 'extent';
  return widthPx > POINT_MAX_PX ? 'extent' : 'point';
}

/**
 * How far an approximate ("c.") date may stray beyond its span, each side: one unit of its
 * precision (a year for "c. 2019", a day for "c. 3 Oct"), an hour for a clock time.
 */
export function fuzzMs(precision: number, approximate: boolean): number {
  if (!approximate) return 0;
  if (precision === YEAR) return YEAR_MS;
  if (precision === MONTH) return MONTH_MS;
  if (precision === DAY) return DAY_MS;
  return precision === MINUTE ? HOUR_MS : 60_000;
}

/** The whole geometry of one event in axis ms, for tests and tooltips. */
export function markSpan(
  start: number,
  end: number,
  precision: number,
  isRange: boolean,
  approximate: boolean,
  msPerPx: number,
): { shape: Shape; start: number; end: number; centre: number; fuzz: number } {
  const shape = shapeOf(precision, isRange, (end - start) / msPerPx);
  return { shape, start, end, centre: (start + end) / 2, fuzz: fuzzMs(precision, approximate) };
}

// ---------------------------------------------------------------------------------------
// Density: one pass over typed arrays, so 100k rows bin in about a millisecond.
// ---------------------------------------------------------------------------------------

/**
 * Counts rows per bin over [lo, hi). A point event counts at the centre of its span (a month
 * event mid-month), a range at its start; anything outside is clamped into the edge bins so
 * the counts always sum to rows.length. `rows` null counts every row of the columns.
 */
export function binDensity(
  columns: Pick<EventColumns, 'start' | 'end' | 'isRange'>,
  rows: Uint32Array | null,
  lo: number,
  hi: number,
  bins: number,
): Uint32Array {
  const counts = new Uint32Array(Math.max(1, bins));
  const scale = counts.length / (hi - lo);
  const last = counts.length - 1;
  const { start, end, isRange } = columns;
  const n = rows ? rows.length : start.length;
  for (let i = 0; i < n; i++) {
    const row = rows ? rows[i]! : i;
    const t = isRange[row] ? start[row]! : (start[row]! + end[row]!) / 2;
    const b = Math.floor((t - lo) * scale);
    counts[b < 0 ? 0 : b > last ? last : b]!++;
  }
  return counts;
}

/** The tallest bin. */
export function maxCount(counts: Uint32Array): number {
  let max = 0;
  for (const c of counts) max = Math.max(max, c);
  return max;
}

/**
 * An SVG path of the bins as a filled step histogram, a bin of `max` at full height (by default
 * the tallest; a shared max draws two histograms on one scale).
 */
export function histogramPath(counts: Uint32Array, width: number, height: number, max = maxCount(counts)): string {
  if (max === 0 || width <= 0) return '';
  const w = width / counts.length;
  // A square root keeps one lone event visible next to a busy month.
  const y = (c: number) => (height - (Math.sqrt(c) / Math.sqrt(max)) * height).toFixed(1);
  let d = `M0,${height}`;
  counts.forEach((c, i) => (d += `V${y(c)}H${((i + 1) * w).toFixed(1)}`));
  return `${d}V${height}Z`;
}
