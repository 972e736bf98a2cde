/**
 * The summary's aggregates over the rows the filters select: counts by category and status,
 * fatality ranges and whose they are, top actors and places, and counts per time bin stacked by
 * category. Kept like the facet counts: when only the window or the categories moved, the rows
 * that entered and left are added and taken away (RowDelta); any other change recounts the
 * selected rows. Each event counts once, in the bin holding its start (see README, "Summary").
 * Bins are kept per day over the data's span and summed into weeks, months or years when the chart
 * asks, so changing the unit (by hand, or as a brush widens) recounts nothing.
 */
import type { Dataset } from '../model/dataset';
import { STATUS_CODES } from '../model/columns';
import type { MultiColumn } from '../model/multi-column';
import { DAY_MS } from '../model/dates';
import { binOf, binStart, TIME_UNITS, type TimeUnit } from '../model/time-units';
import type { RowDelta } from './brushing';

/** Stacks a chart draws: the largest categories get their own, the rest share "Other". */
export const MAX_STACKS = 10;
/** Day bins × stacks kept over the data's whole span; a longer span is kept in years only. */
export const MAX_BIN_CELLS = 2_000_000;
/** Actors, places and fatality sources listed, largest first. */
export const TOP_N = 8;

export interface Ranked {
  value: string;
  count: number;
}

/** How categories map to the chart's stacks. */
export interface StackPlan {
  /** Stack of each category code. */
  readonly stackOf: Uint8Array;
  /** Categories in each stack, largest stack first; the last holds several when there is an "Other". */
  readonly members: readonly (readonly number[])[];
  readonly other: boolean;
}

/** Counts per bin for a range of bins, for the chart. */
export interface BinSeries {
  unit: TimeUnit;
  /** Start of each bin in axis ms, plus the end of the last: bins + 1 values. */
  edges: number[];
  /** counts[stack][bin]. */
  counts: number[][];
  /** Per bin: events with a figure, and the sums of the low and high figures. */
  fatalEvents: number[];
  fatalMin: number[];
  fatalMax: number[];
  /** Selected events counted before the first bin shown (they began earlier and run into the window). */
  before: { events: number; fatalMin: number; fatalMax: number };
}

export interface Summary {
  events: number;
  located: number;
  /** Per category code. */
  categories: number[];
  /** Per STATUS_CODES. */
  statuses: number[];
  fatalities: { events: number; min: number; max: number; sources: Ranked[]; unnamed: number };
  actors: Ranked[];
  actorCount: number;
  places: Ranked[];
  placeCount: number;
}

/** The counts per base bin (days, or years for data spanning too long) over the data's whole span. */
interface BaseBins {
  unit: 'day' | 'year';
  /** Bin number of index 0. */
  first: number;
  length: number;
  counts: Uint32Array;
  fatalEvents: Uint32Array;
  fatalMin: Float64Array;
  fatalMax: Float64Array;
}

export function planStacks(dataset: Dataset): StackPlan {
  const n = dataset.meta.categories.length;
  const totals = new Float64Array(n);
  const category = dataset.columns.category;
  for (let r = 0; r < category.length; r++) totals[category[r]!]!++;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => totals[b]! - totals[a]! || a - b);
  const own = n <= MAX_STACKS ? n : MAX_STACKS - 1;
  const members: number[][] = order.slice(0, own).map((c) => [c]);
  if (own < n) members.push(order.slice(own));
  const stackOf = new Uint8Array(n);
  members.forEach((cats, s) => cats.forEach((c) => (stackOf[c] = s)));
  return { stackOf, members, other: own < n };
}

/** How many bins `unit` needs over the span of the data's starts. */
export function unitLength(dataset: Dataset, unit: TimeUnit): number {
  const { start, size } = dataset.columns;
  return size === 0 ? 0 : binOf(start[size - 1]!, unit) - binOf(start[0]!, unit) + 1;
}

/**
 * The base unit: days while the data's span in days × stacks fits MAX_BIN_CELLS (about 550 years
 * with ten stacks), else years. Every unit offered is a whole number of base bins.
 */
function baseUnit(dataset: Dataset, stacks: number): 'day' | 'year' {
  return unitLength(dataset, 'day') * Math.max(1, stacks) <= MAX_BIN_CELLS ? 'day' : 'year';
}

/** The units this dataset can be counted in, finest first: all of them on a day base, years on a year base. */
export function unitsOffered(dataset: Dataset, stacks: number): TimeUnit[] {
  return baseUnit(dataset, stacks) === 'day' ? [...TIME_UNITS] : ['year'];
}

export class SummaryTally {
  readonly dataset: Dataset;
  readonly plan: StackPlan;
  readonly units: readonly TimeUnit[];
  #rows: Uint32Array | null = null;
  #events = 0;
  #located = 0;
  #categories: Uint32Array;
  #statuses = new Uint32Array(STATUS_CODES.length);
  #fatal = { events: 0, min: 0, max: 0, unnamed: 0 };
  #actors: Uint32Array;
  #places: Uint32Array;
  #reporters: Uint32Array;
  #bins: BaseBins;
  /** The lists #addDifference fills, one row per event each, made at its first use. */
  #scratch: { entered: Uint32Array; left: Uint32Array } | null = null;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.plan = planStacks(dataset);
    this.units = unitsOffered(dataset, this.plan.members.length);
    this.#categories = new Uint32Array(dataset.meta.categories.length);
    this.#actors = new Uint32Array(dataset.actors.values.length);
    this.#places = new Uint32Array(dataset.places.values.length);
    this.#reporters = new Uint32Array(dataset.reporters.values.length);
    const unit = baseUnit(dataset, this.plan.members.length);
    const length = unitLength(dataset, unit);
    this.#bins = {
      unit,
      first: dataset.columns.size ? binOf(dataset.columns.start[0]!, unit) : 0,
      length,
      counts: new Uint32Array(length * this.plan.members.length),
      fatalEvents: new Uint32Array(length),
      fatalMin: new Float64Array(length),
      fatalMax: new Float64Array(length),
    };
  }

  /**
   * Brings the tally to `rows`. `delta` (from the evaluator) says how they differ from the rows
   * counted last; it is used only when it starts from exactly those rows, else all are recounted.
   */
  update(rows: Uint32Array, delta: RowDelta | null): void {
    if (rows === this.#rows) return;
    const last = this.#rows;
    if (delta && last !== null && delta.from === last) {
      this.#addRows(delta.entered, 1);
      this.#addRows(delta.left, -1);
    } else if (last === null || !this.#addDifference(last, rows)) {
      this.#reset();
      this.#addRows(rows, 1);
    }
    this.#rows = rows;
  }

  summary(): Summary {
    const { meta, actors, places, reporters } = this.dataset;
    return {
      events: this.#events,
      located: this.#located,
      categories: Array.from(this.#categories.subarray(0, meta.categories.length)),
      statuses: Array.from(this.#statuses),
      fatalities: {
        events: this.#fatal.events,
        min: this.#fatal.min,
        max: this.#fatal.max,
        sources: top(this.#reporters, reporters, TOP_N),
        unnamed: this.#fatal.unnamed,
      },
      actors: top(this.#actors, actors, TOP_N),
      actorCount: nonZero(this.#actors),
      places: top(this.#places, places, TOP_N),
      placeCount: nonZero(this.#places),
    };
  }

  /** The bins of `unit` from the one holding `from` to the one holding `to - 1` (the unit must be offered). */
  series(unit: TimeUnit, from: number, to: number): BinSeries {
    if (!this.units.includes(unit)) throw new RangeError(`the data spans too long to count in ${unit}s`);
    const bins = this.#bins;
    const b0 = binOf(from, unit);
    const b1 = Math.max(b0, binOf(Math.max(from, to - 1), unit));
    const stacks = this.plan.members.length;
    const count = b1 - b0 + 1;
    const counts = Array.from({ length: stacks }, () => new Array<number>(count).fill(0));
    const fatalEvents = new Array<number>(count).fill(0);
    const fatalMin = new Array<number>(count).fill(0);
    const fatalMax = new Array<number>(count).fill(0);
    const before = { events: 0, fatalMin: 0, fatalMax: 0 };
    // Base bins before the first bar are the events begun earlier; the rest are walked with the
    // bar they fall in, whose end is found once per bar, not once per base bin.
    const lo = binOf(binStart(b0, unit), bins.unit) - bins.first;
    for (let i = 0; i < Math.min(lo, bins.length); i++) {
      for (let s = 0; s < stacks; s++) before.events += bins.counts[i * stacks + s]!;
      before.fatalMin += bins.fatalMin[i]!;
      before.fatalMax += bins.fatalMax[i]!;
    }
    let k = 0;
    let next = binStart(b0 + 1, unit);
    for (let i = Math.max(0, lo); i < bins.length; i++) {
      const t = binStart(bins.first + i, bins.unit);
      while (t >= next && k < count) next = binStart(b0 + ++k + 1, unit);
      if (k >= count) break;
      for (let s = 0; s < stacks; s++) counts[s]![k]! += bins.counts[i * stacks + s]!;
      fatalEvents[k]! += bins.fatalEvents[i]!;
      fatalMin[k]! += bins.fatalMin[i]!;
      fatalMax[k]! += bins.fatalMax[i]!;
    }
    const edges = Array.from({ length: count + 1 }, (_, k) => binStart(b0 + k, unit));
    return { unit, edges, counts, fatalEvents, fatalMin, fatalMax, before };
  }

  #reset(): void {
    this.#events = 0;
    this.#located = 0;
    this.#categories.fill(0);
    this.#statuses.fill(0);
    this.#fatal = { events: 0, min: 0, max: 0, unnamed: 0 };
    this.#actors.fill(0);
    this.#places.fill(0);
    this.#reporters.fill(0);
    clearBins(this.#bins);
  }

  /**
   * Without a delta (a window set or cleared, a jump, another filter): the rows that differ, found
   * by walking both ascending lists, when they are fewer than the new rows; false, adding nothing,
   * when recounting the new rows is cheaper. The walk costs a comparison per row, a tenth of an add:
   * the first step of a brush over a million events changes the rows outside the window only.
   */
  #addDifference(from: Uint32Array, to: Uint32Array): boolean {
    const scratch = (this.#scratch ??= {
      entered: new Uint32Array(this.dataset.columns.size),
      left: new Uint32Array(this.dataset.columns.size),
    });
    const limit = to.length;
    let i = 0;
    let j = 0;
    let entered = 0;
    let left = 0;
    while (i < from.length || j < to.length) {
      const a = i < from.length ? from[i]! : 0xffffffff;
      const b = j < to.length ? to[j]! : 0xffffffff;
      if (a === b) {
        i++;
        j++;
      } else if (a < b) {
        scratch.left[left++] = a;
        i++;
      } else {
        scratch.entered[entered++] = b;
        j++;
      }
      if (entered + left >= limit) return false;
    }
    this.#addRows(scratch.entered.subarray(0, entered), 1);
    this.#addRows(scratch.left.subarray(0, left), -1);
    return true;
  }

  /**
   * Adds (by 1) or takes away (by -1) each row's share of every count. One loop with everything
   * it touches in locals: a recount visits every selected row (~25 ns each at a million).
   */
  #addRows(rows: Uint32Array, by: number): void {
    const { columns, actors, places, reporters } = this.dataset;
    const { lat, category, status, fatalMin, fatalMax, start } = columns;
    const categories = this.#categories;
    const statuses = this.#statuses;
    const actorCounts = this.#actors;
    const placeCounts = this.#places;
    const reporterCounts = this.#reporters;
    const { stackOf, members } = this.plan;
    const stacks = members.length;
    const bins = this.#bins;
    const days = bins.unit === 'day';
    let located = 0;
    let fatalEvents = 0;
    let low = 0;
    let high = 0;
    let unnamed = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (lat[row] === lat[row]) located++;
      const c = category[row]!;
      categories[c]! += by;
      statuses[status[row]!]! += by;
      const t = start[row]!;
      const b = (days ? Math.floor(t / DAY_MS) : binOf(t, 'year')) - bins.first;
      bins.counts[b * stacks + stackOf[c]!]! += by;
      const min = fatalMin[row]!;
      if (min === min) {
        const max = fatalMax[row]!;
        fatalEvents++;
        low += min;
        high += max;
        bins.fatalEvents[b]! += by;
        bins.fatalMin[b]! += by * min;
        bins.fatalMax[b]! += by * max;
        if (!addCodes(reporters, row, reporterCounts, by)) unnamed++;
      }
      addCodes(actors, row, actorCounts, by);
      addCodes(places, row, placeCounts, by);
    }
    this.#events += by * rows.length;
    this.#located += by * located;
    const f = this.#fatal;
    f.events += by * fatalEvents;
    f.min += by * low;
    f.max += by * high;
    f.unnamed += by * unnamed;
  }
}

function clearBins(bins: BaseBins): void {
  bins.counts.fill(0);
  bins.fatalEvents.fill(0);
  bins.fatalMin.fill(0);
  bins.fatalMax.fill(0);
}

/** Adds the row's codes; false when it has none. */
function addCodes(column: MultiColumn, row: number, counts: Uint32Array, by: number): boolean {
  const from = column.offsets[row]!;
  const to = column.offsets[row + 1]!;
  for (let k = from; k < to; k++) counts[column.codes[k]!]! += by;
  return to > from;
}

/** The n largest counts (ties in the dictionary's order), without sorting every value. */
export function top(counts: Uint32Array, column: MultiColumn, n: number): Ranked[] {
  const best: number[] = [];
  for (let code = 0; code < counts.length; code++) {
    const c = counts[code]!;
    if (c === 0) continue;
    if (best.length === n && c <= counts[best[n - 1]!]!) continue;
    let at = best.length;
    while (at > 0 && counts[best[at - 1]!]! < c) at--;
    best.splice(at, 0, code);
    if (best.length > n) best.pop();
  }
  return best.map((code) => ({ value: column.values[code]!, count: counts[code]! }));
}

function nonZero(counts: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) n++;
  return n;
}
