/**
 * The summary's aggregates over the rows the filters select: counts by category and status,
 * fatality ranges and whose they are, top actors and places, and counts per time bin stacked by
 * category. Kept like the facet counts: when only the window or the categories moved, the rows
 * that entered and left are added and taken away (RowDelta); any other change recounts the
 * selected rows. Each event counts once, in the bin holding its start (see README, "Summary").
 */
import type { Dataset } from '../model/dataset';
import { STATUS_CODES } from '../model/columns';
import type { MultiColumn } from '../model/multi-column';
import { binOf, binStart, TIME_UNITS, type TimeUnit } from '../model/time-units';
import type { RowDelta } from './brushing';

/** Stacks a chart draws: the largest categories get their own, the rest share "Other". */
export const MAX_STACKS = 10;
/** Bins × stacks a unit may need over the data's whole span; a unit needing more is not offered. */
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

/** A unit's bins over the data's whole span, and each row's bin in it. */
interface UnitBins {
  unit: TimeUnit;
  /** Bin number of index 0. */
  first: number;
  length: number;
  /** Row → bin index. */
  binOfRow: Int32Array;
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

/** The units this dataset can be counted in (MAX_BIN_CELLS), finest first. */
export function unitsOffered(dataset: Dataset, stacks: number): TimeUnit[] {
  return TIME_UNITS.filter((u) => unitLength(dataset, u) * Math.max(1, stacks) <= MAX_BIN_CELLS);
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
  #bins: UnitBins | null = null;
  /** Each unit's row → bin column, built once when first used. */
  #binColumns = new Map<TimeUnit, { first: number; length: number; binOfRow: Int32Array }>();

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.plan = planStacks(dataset);
    this.units = unitsOffered(dataset, this.plan.members.length);
    this.#categories = new Uint32Array(dataset.meta.categories.length);
    this.#actors = new Uint32Array(dataset.actors.values.length);
    this.#places = new Uint32Array(dataset.places.values.length);
    this.#reporters = new Uint32Array(dataset.reporters.values.length);
  }

  /**
   * Brings the tally to `rows`. `delta` (from the evaluator) says how they differ from the rows
   * counted last; it is used only when it starts from exactly those rows, else all are recounted.
   */
  update(rows: Uint32Array, delta: RowDelta | null): void {
    if (rows === this.#rows) return;
    if (delta && this.#rows !== null && delta.from === this.#rows) {
      for (let i = 0; i < delta.entered.length; i++) this.#add(delta.entered[i]!, 1);
      for (let i = 0; i < delta.left.length; i++) this.#add(delta.left[i]!, -1);
    } else {
      this.#reset();
      for (let i = 0; i < rows.length; i++) this.#add(rows[i]!, 1);
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
    const bins = this.#binsFor(unit);
    const b0 = binOf(from, unit);
    const b1 = Math.max(b0, binOf(Math.max(from, to - 1), unit));
    const stacks = this.plan.members.length;
    const count = b1 - b0 + 1;
    const counts = Array.from({ length: stacks }, () => new Array<number>(count).fill(0));
    const fatalEvents = new Array<number>(count).fill(0);
    const fatalMin = new Array<number>(count).fill(0);
    const fatalMax = new Array<number>(count).fill(0);
    const before = { events: 0, fatalMin: 0, fatalMax: 0 };
    for (let i = 0; i < bins.length; i++) {
      const k = bins.first + i - b0;
      if (k >= count) break;
      if (k < 0) {
        for (let s = 0; s < stacks; s++) before.events += bins.counts[i * stacks + s]!;
        before.fatalMin += bins.fatalMin[i]!;
        before.fatalMax += bins.fatalMax[i]!;
        continue;
      }
      for (let s = 0; s < stacks; s++) counts[s]![k] = bins.counts[i * stacks + s]!;
      fatalEvents[k] = bins.fatalEvents[i]!;
      fatalMin[k] = bins.fatalMin[i]!;
      fatalMax[k] = bins.fatalMax[i]!;
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
    if (this.#bins) clearBins(this.#bins);
  }

  #add(row: number, by: number): void {
    const { columns, actors, places, reporters } = this.dataset;
    this.#events += by;
    if (!Number.isNaN(columns.lat[row]!)) this.#located += by;
    this.#categories[columns.category[row]!]! += by;
    this.#statuses[columns.status[row]!]! += by;
    const min = columns.fatalMin[row]!;
    if (!Number.isNaN(min)) {
      const f = this.#fatal;
      f.events += by;
      f.min += by * min;
      f.max += by * columns.fatalMax[row]!;
      if (!addCodes(reporters, row, this.#reporters, by)) f.unnamed += by;
    }
    addCodes(actors, row, this.#actors, by);
    addCodes(places, row, this.#places, by);
    const bins = this.#bins;
    if (bins) addToBin(bins, this.plan, columns, row, by);
  }

  /** The bins of `unit`, counted from the rows last counted when the unit changes. */
  #binsFor(unit: TimeUnit): UnitBins {
    if (this.#bins?.unit === unit) return this.#bins;
    if (!this.units.includes(unit)) throw new RangeError(`the data spans too long to count in ${unit}s`);
    const column = this.#binColumn(unit);
    const stacks = this.plan.members.length;
    const bins: UnitBins = {
      unit,
      ...column,
      counts: new Uint32Array(column.length * stacks),
      fatalEvents: new Uint32Array(column.length),
      fatalMin: new Float64Array(column.length),
      fatalMax: new Float64Array(column.length),
    };
    const rows = this.#rows ?? new Uint32Array(0);
    for (let i = 0; i < rows.length; i++) addToBin(bins, this.plan, this.dataset.columns, rows[i]!, 1);
    this.#bins = bins;
    return bins;
  }

  /** Rows are in start order, so their bins are found by walking the bin edges alongside. */
  #binColumn(unit: TimeUnit): { first: number; length: number; binOfRow: Int32Array } {
    const kept = this.#binColumns.get(unit);
    if (kept) return kept;
    const { start, size } = this.dataset.columns;
    const first = size ? binOf(start[0]!, unit) : 0;
    const length = unitLength(this.dataset, unit);
    const binOfRow = new Int32Array(size);
    let bin = 0;
    let next = binStart(first + 1, unit);
    for (let r = 0; r < size; r++) {
      while (start[r]! >= next) next = binStart(first + ++bin + 1, unit);
      binOfRow[r] = bin;
    }
    const column = { first, length, binOfRow };
    this.#binColumns.set(unit, column);
    return column;
  }
}

function addToBin(bins: UnitBins, plan: StackPlan, columns: Dataset['columns'], row: number, by: number): void {
  const b = bins.binOfRow[row]!;
  bins.counts[b * plan.members.length + plan.stackOf[columns.category[row]!]!]! += by;
  const min = columns.fatalMin[row]!;
  if (Number.isNaN(min)) return;
  bins.fatalEvents[b]! += by;
  bins.fatalMin[b]! += by * min;
  bins.fatalMax[b]! += by * columns.fatalMax[row]!;
}

function clearBins(bins: UnitBins): void {
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
