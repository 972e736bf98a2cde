/**
 * What a brushed window snaps to: whole units of the axis under the brush, so a drag means
 * "27 Sep to 10 Nov" rather than "27 Sep 00:50 to 10 Nov 15:09", and the URL, the label and the
 * exports say it in whole days. Pure and table-tested.
 */
import { DAY_MS } from '../../model/dates';
import { snapWindow, type TimeUnit } from '../../model/time-units';
import type { TimeWindow } from '../../query/filters';
import { HOUR_MS } from './geometry';
import type { TickUnit } from './ticks';

/** Calendar units, and the clock's hours and minutes below a day. */
export type SnapUnit = TimeUnit | 'hour' | 'minute';

/** A month at least this wide can be aimed at with a pointer (the overview's bars are 3 px). */
export const MIN_MONTH_PX = 4;
const MONTH_MS = 30.44 * DAY_MS;
const CLOCK_MS = { hour: HOUR_MS, minute: 60_000 } as const;

/**
 * The unit a brush snaps to over an axis labelled in `axis` units, `msPerPx` per pixel: the axis's
 * own unit, except that a year axis snaps to months while a month is MIN_MONTH_PX or wider. A
 * multi-year strip (the bundled data's sixteen years) is labelled in years, but a campaign of
 * weeks or months is what analysts pick from it; where a month is too thin to aim at, years.
 * Below a day, whole hours and minutes: sources rarely time an event more finely than a minute,
 * and snapping keeps seconds and milliseconds out of the URL.
 */
export function brushUnit(axis: TickUnit, msPerPx: number): SnapUnit {
  if (axis === 'year') return MONTH_MS / msPerPx >= MIN_MONTH_PX ? 'month' : 'year';
  return axis;
}

/** The window with both edges on the nearest `unit` boundaries, never narrower than one unit. */
export function snapBrush(window: TimeWindow, unit: SnapUnit): TimeWindow {
  if (unit !== 'hour' && unit !== 'minute') return snapWindow(window, unit);
  // Hours and minutes are fixed lengths on the axis (it has no leap seconds or time zones).
  const step = CLOCK_MS[unit];
  // `+ 0` turns the -0 that rounding a small negative gives into 0.
  let start = Math.round(window.start / step) * step + 0;
  let end = Math.round(window.end / step) * step + 0;
  if (end <= start) {
    start = Math.floor(window.start / step) * step;
    end = start + step;
  }
  return { start, end };
}
