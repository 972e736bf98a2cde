import type { Filters, TimeWindow } from './filters';
import type { MultiColumn, QueryIndex } from './query-index';
import { queryWords } from './text';
import { lowerBound } from '../model/bisect';
import { mercatorLatitude } from '../model/mercator';
import { inSelection, regionSelection } from '../model/regions';

// applyFilters and facetCounts are the plain filter engine: one predicate per filter, one scan per
// facet. The app runs the Evaluator (brushing.ts); the tests hold it to these, which in turn are
// held to a brute-force reference over event objects.

/** Which filter a facet count leaves out, so each facet shows what choosing it would give. */
export type Facet = 'category' | 'actor' | 'tag' | 'region';

/**
 * Rows (in time order) that pass every filter. The time window narrows the candidate rows by
 * binary search on the sorted starts before any other test runs.
 */
export function applyFilters(index: QueryIndex, filters: Filters, except?: Facet): Uint32Array {
  const test = rowTest(index, filters, except);
  const [from, to] = candidateRange(index, filters.window);
  const out = new Uint32Array(to - from);
  let n = 0;
  for (let row = from; row < to; row++) if (test(row)) out[n++] = row;
  return out.slice(0, n);
}

export interface FacetCounts {
  /** Indexed like dataset.meta.categories. */
  categories: Uint32Array;
  /** Indexed like index.actors / index.tags. */
  actors: Uint32Array;
  tags: Uint32Array;
  /** The region facet, by code: [0] the rows of no country (or no admin-1), [1 + i] region i of the table. */
  countries: Uint32Array;
  admin1: Uint32Array;
}

/** Counts for each facet value under all the other filters (crossfilter semantics). */
export function facetCounts(index: QueryIndex, filters: Filters): FacetCounts {
  const counts: FacetCounts = {
    categories: new Uint32Array(index.dataset.meta.categories.length),
    actors: new Uint32Array(index.actors.values.length),
    tags: new Uint32Array(index.tags.values.length),
    countries: new Uint32Array((index.dataset.regions?.table.countries.length ?? 0) + 1),
    admin1: new Uint32Array((index.dataset.regions?.table.admin1.length ?? 0) + 1),
  };
  const category = index.dataset.columns.category;
  for (const row of applyFilters(index, filters, 'category')) counts.categories[category[row]!]!++;
  countCodes(index.actors, applyFilters(index, filters, 'actor'), counts.actors);
  countCodes(index.tags, applyFilters(index, filters, 'tag'), counts.tags);
  const regions = index.dataset.regions;
  if (regions)
    for (const row of applyFilters(index, filters, 'region')) {
      counts.countries[regions.country[row]!]!++;
      counts.admin1[regions.admin1[row]!]!++;
    }
  return counts;
}

/** Rows [from, to) whose start lies before the window's end and late enough to overlap it. */
export function candidateRange(index: QueryIndex, window: TimeWindow | null): [number, number] {
  const { start } = index.dataset.columns;
  if (!window) return [0, start.length];
  return [lowerBound(start, window.start - index.maxDuration), lowerBound(start, window.end)];
}

function rowTest(index: QueryIndex, f: Filters, except?: Facet): (row: number) => boolean {
  const { columns, meta } = index.dataset;
  const tests: ((row: number) => boolean)[] = [];
  if (f.window) {
    const { start: ws, end: we } = f.window;
    tests.push((row) => columns.start[row]! < we && columns.end[row]! > ws);
  }
  if (f.categories !== null && except !== 'category') {
    const allowed = new Uint8Array(meta.categories.length);
    meta.categories.forEach((c, i) => (allowed[i] = f.categories!.includes(c.id) ? 1 : 0));
    tests.push((row) => allowed[columns.category[row]!] === 1);
  }
  if (f.actors.length && except !== 'actor') tests.push(anyCode(index.actors, f.actors));
  if (f.tags.length && except !== 'tag') tests.push(anyCode(index.tags, f.tags));
  const regions = index.dataset.regions;
  if (f.regions.length && regions && except !== 'region') {
    const sel = regionSelection(regions.table, f.regions);
    tests.push((row) => inSelection(sel, regions.country[row]!, regions.admin1[row]!));
  }
  const words = queryWords(f.text);
  if (words.length) {
    const text = index.matchText(words);
    tests.push((row) => text[row] === 1);
  }
  if (f.inView && f.bounds) {
    const { south, west, north, east } = f.bounds;
    const wraps = west > east;
    tests.push((row) => {
      // Where the map draws it: a polar event sits on the Mercator edge, in view when the edge is.
      const lat = mercatorLatitude(columns.lat[row]!);
      const lon = columns.lon[row]!;
      if (Number.isNaN(lat)) return false;
      return lat >= south && lat <= north && (wraps ? lon >= west || lon <= east : lon >= west && lon <= east);
    });
  }
  return (row) => {
    for (const t of tests) if (!t(row)) return false;
    return true;
  };
}

function anyCode(column: MultiColumn, wanted: readonly string[]): (row: number) => boolean {
  const want = new Uint8Array(column.values.length);
  for (const w of wanted) {
    const i = column.values.indexOf(w);
    if (i >= 0) want[i] = 1;
  }
  const { offsets, codes } = column;
  return (row) => {
    for (let k = offsets[row]!; k < offsets[row + 1]!; k++) if (want[codes[k]!] === 1) return true;
    return false;
  };
}

function countCodes(column: MultiColumn, rows: Uint32Array, counts: Uint32Array): void {
  const { offsets, codes } = column;
  for (const row of rows) for (let k = offsets[row]!; k < offsets[row + 1]!; k++) counts[codes[k]!]!++;
}
