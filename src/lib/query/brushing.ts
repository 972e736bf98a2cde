import { rowsByEnd } from '../model/columns';
import type { FacetCounts } from './apply';
import { firstIndex, lowerBound } from '../model/bisect';
import { mercatorLatitude } from '../model/mercator';
import { sameExcept, sameWindow, type Filters, type TimeWindow } from './filters';
import type { MultiColumn, QueryIndex } from './query-index';
import { flipCategory, listPassing, rowsByCode, warmToggle } from './category-toggle';
import { RowArena } from './row-arena';
import { ACTOR, CATEGORY, count, emptyCounts, OTHER, REGION, TAG } from './row-flags';
import { inSelection, regionSelection } from '../model/regions';
import { queryWords } from './text';

export interface Evaluation {
  /** Rows that pass every filter, in time order. */
  rows: Uint32Array;
  counts: FacetCounts;
  /** Rows that pass every filter but the window; the same array as last time when only the window moved. */
  timeless: Uint32Array;
  /** When only the window or the categories changed: how `rows` differ from the previous evaluation's rows. */
  delta: RowDelta | null;
  /** How many of `rows` have no place (the map says so), kept by difference like the counts. */
  unlocated: number;
  keys: FilterKeys;
}

/**
 * Stand for the filters as a view that ignores the window sees them: a new object whenever any
 * other filter changes, the same one while only the window moves. Views key their layouts on
 * these instead of listing filter fields, so a new filter kind reaches them without edits.
 */
export interface FilterKeys {
  /** Every filter but the window. */
  readonly all: object;
  /** Every filter but the window and the categories (a category lane's rows depend on nothing else). */
  readonly exceptCategories: object;
}

/** rows = from + entered − left, each list ascending; views that keep sums update by it. */
export interface RowDelta {
  from: Uint32Array;
  entered: Uint32Array;
  left: Uint32Array;
}

/** Rows of the arena's memory written ahead per idle call of prepare (1 MB, ~4 ms on the benchmark's machine). */
const WRITE_AHEAD_ROWS = 1 << 18;

/**
 * Filters with crossfilter's trick for the time window: when only the window moves, the facet
 * counts change by the rows that crossed its edges, found by binary search in the rows sorted by
 * start and by end. A brush step then costs what it changes (plus one cheap pass that lists the
 * window's rows), not a full pass with every row's actors and tags. Any other change (a
 * category, a search, a new dataset) runs the full pass, which also records per row which facets
 * it fails, so the next window move can update the counts.
 */
export class Evaluator {
  #index: QueryIndex;
  #filters: Filters | null = null;
  #flags: Uint8Array;
  #timeless = new Uint32Array(0);
  #counts: FacetCounts | null = null;
  /** The rows of the last evaluation, which a delta refers to. */
  #rows: Uint32Array = new Uint32Array(0);
  #unlocated = 0;
  /** Rows grouped by category, built at the first category toggle. */
  #byCategory: { offsets: Uint32Array; rows: Uint32Array } | null = null;
  /** Rows sorted by end: from the dataset (packs carry it), else built at the first window move. */
  #byEnd: Uint32Array | null = null;
  /** Whether the toggle's loops have run (warmToggle). */
  #warm = false;
  /** Where the lists of rows handed out are cut from. */
  #arena: RowArena;
  /** The full pass's lists before they are cut to size: kept, as only this class sees them. */
  #scratch: { timeless: Uint32Array; rows: Uint32Array } | null = null;
  #keys: FilterKeys = { all: {}, exceptCategories: {} };

  constructor(index: QueryIndex) {
    this.#index = index;
    this.#flags = new Uint8Array(index.dataset.columns.size);
    // A toggle lists up to twice every row; a chunk serves a few.
    this.#arena = new RowArena(Math.max(1 << 16, 8 * index.dataset.columns.size));
  }

  /**
   * Does ahead, in idle time, what the next category toggle or window move would otherwise do
   * on the spot: rows by category and rows by end (when the dataset does not carry them) once,
   * the toggle's loops warmed up once (warmToggle), then memory for the lists to come written
   * (RowArena), again after every evaluation that used some. One piece per call (a pass or a
   * sort over every row, or a megabyte written); true while pieces remain.
   */
  prepare(): boolean {
    const { columns, meta, endOrder } = this.#index.dataset;
    if (!this.#byCategory) this.#byCategory = rowsByCode(columns.category, meta.categories.length);
    else if (!this.#byEnd) this.#byEnd = endOrder ?? rowsByEnd(columns.end);
    else if (!this.#warm) this.#warm = warmToggle(this.#index, this.#byCategory, this.#flags);
    else return this.#arena.writeAhead(WRITE_AHEAD_ROWS);
    return true;
  }

  run(f: Filters): Evaluation {
    const last = this.#filters;
    if (!last || !sameExcept(last, f, ['window'])) {
      const lanesKept = last !== null && sameExcept(last, f, ['window', 'categories']);
      this.#keys = { all: {}, exceptCategories: lanesKept ? this.#keys.exceptCategories : {} };
    }
    return { ...this.#evaluate(f), keys: this.#keys };
  }

  #evaluate(f: Filters): Omit<Evaluation, 'keys'> {
    const last = this.#filters;
    if (last && this.#counts && onlyCategoriesChanged(last, f)) return this.#toggleCategories(last, f, this.#counts);
    const onlyWindow = last !== null && sameExcept(last, f, ['window']) && this.#counts !== null;
    const moved = onlyWindow ? this.#moveWindow(last.window, f.window, this.#counts!) : null;
    // A window set, cleared or moved far: the flags still hold, so only the window's rows are counted.
    if (!moved) return onlyWindow ? this.#recount(f) : this.#full(f);
    this.#filters = f;
    this.#counts = moved.counts;
    const from = this.#rows;
    this.#rows = this.#windowRows(f.window);
    this.#unlocated += this.#unlocatedAmong(moved.entered) - this.#unlocatedAmong(moved.left);
    return {
      rows: this.#rows,
      counts: moved.counts,
      timeless: this.#timeless,
      delta: { from, entered: moved.entered, left: moved.left },
      unlocated: this.#unlocated,
    };
  }

  #full(f: Filters): Omit<Evaluation, 'keys'> {
    const index = this.#index;
    const { columns, meta } = index.dataset;
    const counts = emptyCounts(index);
    const allowed =
      f.categories === null
        ? null
        : mask(
            meta.categories.map((c) => c.id),
            f.categories,
          );
    const wantActors = f.actors.length ? mask(index.actors.values, f.actors) : null;
    const wantTags = f.tags.length ? mask(index.tags.values, f.tags) : null;
    const regions = index.dataset.regions;
    // Ids the table does not know select nothing; without regions the filter cannot apply and is not.
    const wantRegions = f.regions.length && regions ? regionSelection(regions.table, f.regions) : null;
    const words = queryWords(f.text);
    const text = words.length ? index.matchText(words) : null;
    const bounds = f.inView ? f.bounds : null;
    const wraps = bounds !== null && bounds.west > bounds.east;
    const { start, end, category, lat, lon, size } = columns;
    const ws = f.window?.start ?? -Infinity;
    const we = f.window?.end ?? Infinity;
    const flags = this.#flags;
    const { timeless, rows } = (this.#scratch ??= { timeless: new Uint32Array(size), rows: new Uint32Array(size) });
    let t = 0;
    let n = 0;
    let unlocated = 0;
    for (let row = 0; row < size; row++) {
      let fl = 0;
      if (text && text[row] !== 1) fl = OTHER;
      else if (bounds) {
        // Where the map draws it: a polar event sits on the Mercator edge, in view when the edge is.
        const la = mercatorLatitude(lat[row]!);
        const lo = lon[row]!;
        if (Number.isNaN(la) || la < bounds.south || la > bounds.north) fl = OTHER;
        else if (wraps ? lo < bounds.west && lo > bounds.east : lo < bounds.west || lo > bounds.east) fl = OTHER;
      }
      if (fl === 0) {
        if (allowed !== null && allowed[category[row]!] !== 1) fl |= CATEGORY;
        if (wantActors !== null && !hasAny(index.actors, row, wantActors)) fl |= ACTOR;
        if (wantTags !== null && !hasAny(index.tags, row, wantTags)) fl |= TAG;
        if (wantRegions !== null && !inSelection(wantRegions, regions!.country[row]!, regions!.admin1[row]!))
          fl |= REGION;
      }
      flags[row] = fl;
      if (fl === 0) timeless[t++] = row;
      if (fl !== OTHER && start[row]! < we && end[row]! > ws) {
        if (fl === 0) {
          rows[n++] = row;
          if (Number.isNaN(lat[row]!)) unlocated++;
        }
        count(index, counts, fl, row, 1);
      }
    }
    this.#filters = f;
    this.#counts = counts;
    this.#timeless = this.#copy(timeless.subarray(0, t));
    this.#rows = this.#copy(rows.subarray(0, n));
    this.#unlocated = unlocated;
    return { rows: this.#rows, counts, timeless: this.#timeless, delta: null, unlocated };
  }

  /**
   * The counts and rows for a new window under the same other filters: every row's flags are
   * still right, so this visits only the rows in the window (found as #windowRows finds them)
   * instead of testing every row against every filter. The first step of a brush (no window
   * before it) and a jump of the window take this path.
   */
  #recount(f: Filters): Omit<Evaluation, 'keys'> {
    const index = this.#index;
    const { start, end, lat, size } = index.dataset.columns;
    const flags = this.#flags;
    const counts = emptyCounts(index);
    const w = f.window;
    let unlocated = 0;
    const visit = (row: number): void => {
      const fl = flags[row]!;
      if (fl === OTHER) return;
      count(index, counts, fl, row, 1);
      if (fl === 0 && Number.isNaN(lat[row]!)) unlocated++;
    };
    if (!w) for (let row = 0; row < size; row++) visit(row);
    else {
      // Rows starting inside the window are in it; of those starting before, the ones still running.
      for (const { span, rows } of index.spanGroups) {
        const hi = firstIndex(rows.length, (k) => start[rows[k]!]! < w.start);
        for (let k = firstIndex(hi, (k) => start[rows[k]!]! < w.start - span); k < hi; k++)
          if (end[rows[k]!]! > w.start) visit(rows[k]!);
      }
      for (let row = lowerBound(start, w.start), to = lowerBound(start, w.end); row < to; row++) visit(row);
    }
    this.#filters = f;
    this.#counts = counts;
    this.#rows = this.#windowRows(w);
    this.#unlocated = unlocated;
    return { rows: this.#rows, counts, timeless: this.#timeless, delta: null, unlocated };
  }

  /**
   * A category ticked or unticked: only that category's rows change their flags, so only they
   * move the counts (crossfilter's approach per dimension). The rows passing every filter are
   * then re-listed from the flags, one byte per row.
   */
  #toggleCategories(from: Filters, to: Filters, old: FacetCounts): Omit<Evaluation, 'keys'> {
    const index = this.#index;
    const ids = index.dataset.meta.categories.map((c) => c.id);
    const before = from.categories === null ? null : mask(ids, from.categories);
    const after = to.categories === null ? null : mask(ids, to.categories);
    const byCategory = (this.#byCategory ??= rowsByCode(index.dataset.columns.category, ids.length));
    const counts: FacetCounts = {
      categories: old.categories.slice(),
      actors: old.actors.slice(),
      tags: old.tags.slice(),
      countries: old.countries.slice(),
      admin1: old.admin1.slice(),
    };
    const flags = this.#flags;
    const ws = to.window?.start ?? -Infinity;
    const we = to.window?.end ?? Infinity;
    const turned = ids.flatMap((_, c) => {
      const was = before === null || before[c] === 1;
      const is = after === null || after[c] === 1;
      return was === is
        ? []
        : [{ rows: byCategory.rows.subarray(byCategory.offsets[c]!, byCategory.offsets[c + 1]!), on: is }];
    });
    // Rows that enter come from the categories ticked, rows that leave from those unticked: typed
    // arrays sized for those categories, where growing lists of ~120k rows at 1M cost copies and
    // garbage collection.
    const sizeOf = (on: boolean): number => turned.reduce((n, t) => (t.on === on ? n + t.rows.length : n), 0);
    const entered = this.#arena.take(sizeOf(true));
    const left = this.#arena.take(sizeOf(false));
    const passing = { entering: 0, leaving: 0, timeless: this.#timeless.length };
    for (const { rows, on } of turned)
      flipCategory(index, rows, flags, ws, we, on, counts, on ? entered : left, passing);
    // Sized from the flips' count: no list of every row's size to fill and then copy.
    const timeless = this.#arena.take(passing.timeless);
    listPassing(flags, timeless);
    const from0 = this.#rows;
    this.#filters = to;
    this.#counts = counts;
    this.#timeless = timeless;
    this.#rows = this.#windowRows(to.window);
    // One category's rows come ascending; several need sorting (typed arrays sort numerically).
    const list = (rows: Uint32Array): Uint32Array => (turned.length > 1 ? rows.sort() : rows);
    const delta = {
      from: from0,
      entered: list(entered.subarray(0, passing.entering)),
      left: list(left.subarray(0, passing.leaving)),
    };
    this.#unlocated += this.#unlocatedAmong(delta.entered) - this.#unlocatedAmong(delta.left);
    return { rows: this.#rows, counts, timeless: this.#timeless, delta, unlocated: this.#unlocated };
  }

  /** A copy in the arena's memory. */
  #copy(rows: Uint32Array): Uint32Array<ArrayBuffer> {
    const list = this.#arena.take(rows.length);
    list.set(rows);
    return list;
  }

  #unlocatedAmong(rows: Uint32Array): number {
    const lat = this.#index.dataset.columns.lat;
    let n = 0;
    for (let i = 0; i < rows.length; i++) if (Number.isNaN(lat[rows[i]!]!)) n++;
    return n;
  }

  /**
   * New counts from the old ones and the rows that crossed the window's edges, with the rows
   * (passing every other filter) that entered and left; null when a full pass is cheaper.
   */
  #moveWindow(
    from: TimeWindow | null,
    to: TimeWindow | null,
    old: FacetCounts,
  ): { counts: FacetCounts; entered: Uint32Array; left: Uint32Array } | null {
    if (!from || !to) return null;
    const { start, end, size } = this.#index.dataset.columns;
    const byEnd = (this.#byEnd ??= this.#index.dataset.endOrder ?? rowsByEnd(end));
    // Rows whose start crossed the right edge, and rows whose end crossed the left edge.
    const lo = Math.min(from.end, to.end);
    const hi = Math.max(from.end, to.end);
    const [a0, a1] = [lowerBound(start, lo), lowerBound(start, hi)];
    const s0 = Math.min(from.start, to.start);
    const s1 = Math.max(from.start, to.start);
    const after = (t: number): number => firstIndex(byEnd.length, (k) => end[byEnd[k]!]! <= t);
    const [b0, b1] = [after(s0), after(s1)];
    if (a1 - a0 + (b1 - b0) > size / 4) return null;
    const counts: FacetCounts = {
      categories: old.categories.slice(),
      actors: old.actors.slice(),
      tags: old.tags.slice(),
      countries: old.countries.slice(),
      admin1: old.admin1.slice(),
    };
    const flags = this.#flags;
    const index = this.#index;
    const entered: number[] = [];
    const left: number[] = [];
    const apply = (row: number): void => {
      const fl = flags[row]!;
      if (fl === OTHER) return;
      const was = start[row]! < from.end && end[row]! > from.start;
      const is = start[row]! < to.end && end[row]! > to.start;
      if (was === is) return;
      count(index, counts, fl, row, is ? 1 : -1);
      if (fl === 0) (is ? entered : left).push(row);
    };
    for (let row = a0; row < a1; row++) apply(row);
    for (let k = b0; k < b1; k++) {
      const row = byEnd[k]!;
      // Already handled with the right edge.
      if (start[row]! >= lo && start[row]! < hi) continue;
      apply(row);
    }
    // Typed arrays sort numerically.
    return { counts, entered: Uint32Array.from(entered).sort(), left: Uint32Array.from(left).sort() };
  }

  /**
   * The timeless rows inside the window. Every event ends after it starts, so the rows starting
   * inside the window are all in it: one copy of a slice. Only rows starting before it need their
   * end checked, found through the index's span groups.
   */
  #windowRows(w: TimeWindow | null): Uint32Array {
    const timeless = this.#timeless;
    if (!w) return this.#copy(timeless);
    const { start, end } = this.#index.dataset.columns;
    const flags = this.#flags;
    const inside = firstIndex(timeless.length, (i) => start[timeless[i]!]! < w.start);
    const last = Math.max(
      inside,
      firstIndex(timeless.length, (i) => start[timeless[i]!]! < w.end),
    );
    // Rows starting before the window and still running at its start: each span group is
    // scanned back only as far as its longest span reaches.
    const before: number[] = [];
    for (const { span, rows } of this.#index.spanGroups) {
      const hi = firstIndex(rows.length, (k) => start[rows[k]!]! < w.start);
      for (let k = firstIndex(hi, (k) => start[rows[k]!]! < w.start - span); k < hi; k++) {
        const row = rows[k]!;
        if (flags[row] === 0 && end[row]! > w.start) before.push(row);
      }
    }
    const out = this.#arena.take(before.length + (last - inside));
    out.set(before);
    // From several groups: back into row (= time) order.
    out.subarray(0, before.length).sort();
    out.set(timeless.subarray(inside, last), before.length);
    return out;
  }
}

function mask(values: readonly string[], wanted: readonly string[]): Uint8Array {
  const m = new Uint8Array(values.length);
  const set = new Set(wanted);
  values.forEach((v, i) => (m[i] = set.has(v) ? 1 : 0));
  return m;
}

function hasAny(column: MultiColumn, row: number, want: Uint8Array): boolean {
  for (let k = column.offsets[row]!; k < column.offsets[row + 1]!; k++) if (want[column.codes[k]!] === 1) return true;
  return false;
}

/** Only the categories differ (the window too may not move: counts are for one window). */
function onlyCategoriesChanged(a: Filters, b: Filters): boolean {
  return a.categories !== b.categories && sameWindow(a.window, b.window) && sameExcept(a, b, ['window', 'categories']);
}
