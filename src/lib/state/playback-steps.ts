/**
 * Playback as an analyst steps through time: whole days, weeks, months or years, one step at a
 * time, over the rows that pass every filter but the window. Two modes:
 *  - slide: a window n units wide moves one unit a step;
 *  - cumulative: the window starts where the data starts and its end moves one unit a step.
 * Empty stretches are skipped: a sliding step that would show no event, or a cumulative step
 * that would add none, jumps to the next step that does. Every window lies on unit boundaries,
 * so the URL and the labels say it in whole days. Pure: the component only times the steps.
 */
import { firstIndex } from '../model/bisect';
import { type CalendarValue, civilFromAxis } from '../model/dates';
import { ENGLISH_DATE_WORDS, formatRange, type DateWords } from '../model/date-text';
import type { DatePrecision } from '../model/types';
import { binCount, binOf, binStart, floorTo, snapWindow, unitFor, type TimeUnit } from '../model/time-units';
import type { TimeWindow } from '../query/filters';

export type PlaybackMode = 'slide' | 'cumulative';

export interface PlaybackPlan {
  unit: TimeUnit;
  mode: PlaybackMode;
}

/** The rows playback steps over (in time order) and, for each prefix of them, its latest end. */
export interface Track {
  readonly rows: Uint32Array;
  readonly start: ArrayLike<number>;
  /** latestEnd[i] is the latest end among rows[0..i]: whether an earlier event still runs at some instant. */
  readonly latestEnd: Float64Array;
}

/** One pass over the rows: built when playback needs it, again only when the other filters change. */
export function trackOf(rows: Uint32Array, start: ArrayLike<number>, end: ArrayLike<number>): Track {
  const latestEnd = new Float64Array(rows.length);
  let latest = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    latest = Math.max(latest, end[rows[i]!]!);
    latestEnd[i] = latest;
  }
  return { rows, start, latestEnd };
}

/** How many rows of the track start before `t`. */
function startingBefore(track: Track, t: number): number {
  const { rows, start } = track;
  return firstIndex(rows.length, (i) => start[rows[i]!]! < t);
}

/** Whether an event of the track overlaps [from, to): one starts inside, or an earlier one still runs. */
export function holdsEvents(track: Track, from: number, to: number): boolean {
  const i = startingBefore(track, from);
  if (i < track.rows.length && track.start[track.rows[i]!]! < to) return true;
  return i > 0 && track.latestEnd[i - 1]! > from;
}

/** The start of the first row starting at or after `t`, or null. */
function nextStart(track: Track, t: number): number | null {
  const i = startingBefore(track, t);
  return i < track.rows.length ? track.start[track.rows[i]!]! : null;
}

/** Windows at most this many units wide choose their unit from their edges (see defaultUnit). */
const UNITS_PER_WINDOW = 12;
/** Without a window, playback crosses the data in about this many steps or fewer. */
const STEPS_ACROSS_DATA = 24;
const COARSEST_FIRST: readonly TimeUnit[] = ['year', 'month', 'week', 'day'];

/**
 * The step a playback takes unless the analyst picks one: the coarsest unit the window's edges
 * lie on, if it is at most UNITS_PER_WINDOW of them wide (a brushed month steps by months), else
 * the finest unit that cuts the window in at most that many; without a window, the finest unit
 * that crosses the data's span in at most STEPS_ACROSS_DATA steps.
 */
export function defaultUnit(window: TimeWindow | null, data: TimeWindow): TimeUnit {
  if (!window) return unitFor(data.end - data.start, STEPS_ACROSS_DATA);
  const aligned = COARSEST_FIRST.find(
    (u) =>
      floorTo(window.start, u) === window.start &&
      floorTo(window.end, u) === window.end &&
      binCount(window.start, window.end, u) <= UNITS_PER_WINDOW,
  );
  return aligned ?? unitFor(window.end - window.start, UNITS_PER_WINDOW);
}

/** A sliding window as bins: its first bin and how many it spans (at least one). */
function binsOf(window: TimeWindow, unit: TimeUnit): { first: number; count: number } {
  const snapped = snapWindow(window, unit);
  const first = binOf(snapped.start, unit);
  return { first, count: Math.max(1, binOf(snapped.end, unit) - first) };
}

function binWindow(first: number, count: number, unit: TimeUnit): TimeWindow {
  return { start: binStart(first, unit), end: binStart(first + count, unit) };
}

/**
 * The first sliding window from bin `first` on that holds an event, or null. A window that holds
 * none has no event starting in it and none running into it, so the next that holds one ends
 * just after the next event's start: one binary search, however long the gap.
 */
function seek(track: Track, first: number, count: number, unit: TimeUnit): TimeWindow | null {
  let k = first;
  for (;;) {
    const w = binWindow(k, count, unit);
    if (holdsEvents(track, w.start, w.end)) return w;
    const t = nextStart(track, w.start);
    if (t === null) return null;
    k = Math.max(k + 1, binOf(t, unit) - count + 1);
  }
}

/** Where the data starts, in whole units: a cumulative window's fixed start. */
function dataStart(track: Track, unit: TimeUnit): number | null {
  return track.rows.length ? floorTo(track.start[track.rows[0]!]!, unit) : null;
}

/** The cumulative window whose end is the end of the unit holding `t`. */
function upTo(track: Track, t: number, unit: TimeUnit): TimeWindow {
  return { start: dataStart(track, unit)!, end: binStart(binOf(t, unit) + 1, unit) };
}

/**
 * The window playback shows first, or null when no event passes the filters. A sliding window
 * goes on from the current window (snapped to the unit), or starts over when no step follows
 * it; a cumulative one resumes a cumulative window with events still to come, else starts
 * over with the data's first unit.
 */
export function firstStep(track: Track, current: TimeWindow | null, plan: PlaybackPlan): TimeWindow | null {
  const { unit } = plan;
  const begin = dataStart(track, unit);
  if (begin === null) return null;
  if (plan.mode === 'cumulative') {
    const snapped = current && snapWindow(current, unit);
    if (snapped && snapped.start === begin && nextStart(track, snapped.end) !== null) return snapped;
    return upTo(track, begin, unit);
  }
  const { first, count } = current ? binsOf(current, unit) : { first: binOf(begin, unit), count: 1 };
  const here = seek(track, first, count, unit);
  // A window with nothing after it would play one step and stop: start over instead.
  if (here && (!current || seek(track, binOf(here.start, unit) + 1, count, unit))) return here;
  return seek(track, binOf(begin, unit), count, unit);
}

/** The window after `current`, skipping stretches that show (slide) or add (cumulative) no event; null at the end. */
export function nextStep(track: Track, current: TimeWindow, plan: PlaybackPlan): TimeWindow | null {
  const { unit } = plan;
  if (plan.mode === 'cumulative') {
    const t = nextStart(track, snapWindow(current, unit).end);
    return t === null ? null : upTo(track, t, unit);
  }
  const { first, count } = binsOf(current, unit);
  return seek(track, first + 1, count, unit);
}

const PRECISION: Record<TimeUnit, DatePrecision> = { day: 'day', week: 'day', month: 'month', year: 'year' };

function calendarValue(t: number, precision: DatePrecision): CalendarValue {
  const c = civilFromAxis(t);
  return {
    text: '',
    precision,
    year: c.year,
    month: precision === 'year' ? 1 : c.month,
    day: precision === 'day' ? c.day : 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    offsetMinutes: null,
  };
}

/**
 * A window on `unit` boundaries in the unit's words: "Oct 2020", "Sep – Nov 2020", "2020",
 * "28 Sep – 4 Oct 2020" (a week), "Jan 2010 – Oct 2020" (a cumulative window).
 */
export function stepLabel(window: TimeWindow, unit: TimeUnit, words: DateWords = ENGLISH_DATE_WORDS): string {
  const precision = PRECISION[unit];
  const first = calendarValue(window.start, precision);
  // The end is exclusive: the last unit included is the one holding the instant before it.
  const last = calendarValue(window.end - 1, precision);
  return formatRange(first, last, { words });
}
