/**
 * What the analyst has narrowed the events down to. Plain data: the URL codec, the query
 * engine and the state all share it. Times are axis ms (see model/dates.ts).
 */
export interface TimeWindow {
  /** Inclusive start. */
  start: number;
  /** Exclusive end. */
  end: number;
}

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface Filters {
  /** Category ids to show; null shows every category. */
  categories: readonly string[] | null;
  /** Show events with any of these actors; empty shows all. */
  actors: readonly string[];
  /** Show events with any of these tags; empty shows all. */
  tags: readonly string[];
  /**
   * Show events in any of these regions: a country's id ("AZE") or an admin-1 region's ("AZE-5565"),
   * model/regions.ts. Empty shows all; ids the data's region table does not know are dropped on read.
   */
  regions: readonly string[];
  /** Case- and accent-insensitive words matched against title, summary, place and sources. */
  text: string;
  /** Show events whose span overlaps the window; null shows all times. */
  window: TimeWindow | null;
  /** Show only located events inside `bounds` (the map's view). */
  inView: boolean;
  bounds: Bounds | null;
}

export const NO_FILTERS: Filters = {
  categories: null,
  actors: [],
  tags: [],
  regions: [],
  text: '',
  window: null,
  inView: false,
  bounds: null,
};

export function isFiltered(f: Filters): boolean {
  return (
    f.categories !== null ||
    f.actors.length > 0 ||
    f.tags.length > 0 ||
    f.regions.length > 0 ||
    f.text.trim() !== '' ||
    f.window !== null ||
    f.inView
  );
}

/** The same window (or both none): windows are rebuilt on every brush step, so compare by value. */
export function sameWindow(a: TimeWindow | null, b: TimeWindow | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

/**
 * The same filters but for those named (filters are replaced whole, so identity is enough). It
 * walks every key of Filters, so a filter kind added there is compared here without anyone
 * having to list it.
 */
export function sameExcept(a: Filters, b: Filters, except: readonly (keyof Filters)[]): boolean {
  for (const key of Object.keys(a) as (keyof Filters)[]) if (!except.includes(key) && a[key] !== b[key]) return false;
  return true;
}

/**
 * `filters` with `patch` applied. The lists are sets: a value named twice (a link, the host API,
 * a hand-edited URL) is kept once, so every view can key its rows by value. Every change to the
 * filters goes through here (AppState.setFilters), so no other path can let a repeat in.
 */
export function patchFilters(filters: Filters, patch: Partial<Filters>): Filters {
  const next = { ...filters, ...patch };
  if (patch.categories) next.categories = distinct(patch.categories);
  if (patch.actors) next.actors = distinct(patch.actors);
  if (patch.tags) next.tags = distinct(patch.tags);
  if (patch.regions) next.regions = distinct(patch.regions);
  return next;
}

/** The list itself when it has no repeats (identity matters: views compare filters by it). */
function distinct(values: readonly string[]): readonly string[] {
  const seen = new Set(values);
  return seen.size === values.length ? values : [...seen];
}
