import type { Dataset } from '../model/dataset';
import type { MultiColumn } from '../model/multi-column';
import { normalizeText, searchableText } from '../model/search-text';
import type { RegionTable } from '../model/regions';
import { packedMatching } from './packed-search';
import { holdsWord, wordPattern, type WordPattern } from './word-forms';
import { drain, type Steps } from '../model/steps';

export type { MultiColumn };
export { forEachCode } from '../model/multi-column';

/**
 * Per-dataset lookup structures, built once when a dataset loads, so each filter change is a
 * scan over typed arrays rather than over event objects.
 */
export interface QueryIndex {
  readonly dataset: Dataset;
  readonly actors: MultiColumn;
  readonly tags: MultiColumn;
  /** Longest span in the data: bounds the backwards search for ranges overlapping a window. */
  readonly maxDuration: number;
  /**
   * Rows grouped by span (one group per power of two of milliseconds), each ascending, with its
   * longest span. The ranges overlapping a window's start but starting before it are found by
   * scanning each group back by its own span: a day back for the days, a year for the years,
   * instead of a year back for every event because a few events are years.
   */
  readonly spanGroups: readonly SpanGroup[];
  /** 1 for each row whose text holds every word (normalised, in its English forms: word-forms.ts); the last answer is kept. */
  matchText(words: readonly string[]): Uint8Array;
  /**
   * matchText a slice of rows per step: the generator yields between slices, and once done its
   * answer is the one kept, so the filter pass that follows finds it at once.
   */
  textMatching(words: readonly string[]): Steps<Uint8Array>;
}

export interface SpanGroup {
  span: number;
  rows: Uint32Array;
}

export function buildQueryIndex(dataset: Dataset): QueryIndex {
  const { start, end } = dataset.columns;
  let maxDuration = 0;
  for (let i = 0; i < start.length; i++) maxDuration = Math.max(maxDuration, end[i]! - start[i]!);
  const spanGroups = groupBySpan(start, end);
  let text: string[] | undefined;
  let last: { key: string; mask: Uint8Array } | undefined;
  /** Rows whose text is normalised per step of a search over a JSON dataset. */
  const TEXT_SLICE = 5_000;
  /** The last few words' own matches, so a search refined by a word scans that word alone. */
  const WORDS_KEPT = 4;
  const byWord = new Map<string, Uint8Array>();
  function* wordMatching(word: string): Steps<Uint8Array> {
    const kept = byWord.get(word);
    if (kept) {
      byWord.delete(word);
      byWord.set(word, kept);
      return kept;
    }
    let mask: Uint8Array;
    if (dataset.packedSearch) mask = yield* packedMatching(dataset, word);
    else {
      // Most sessions never search; normalising every event's text up front would cost seconds.
      // Rows already normalised by an earlier search, even one given up, stay normalised.
      const n = dataset.events.length;
      const all = (text ??= []);
      const pattern = wordPattern(word);
      mask = new Uint8Array(n);
      for (let first = 0; first < n; first += TEXT_SLICE) {
        for (let r = first; r < Math.min(n, first + TEXT_SLICE); r++) {
          if (holdsWord((all[r] ??= searchableText(dataset.events.at(r))), pattern)) mask[r] = 1;
        }
        yield;
      }
    }
    markRegions(dataset, wordPattern(word), mask);
    byWord.set(word, mask);
    if (byWord.size > WORDS_KEPT) byWord.delete(byWord.keys().next().value!);
    return mask;
  }
  function* textMatching(words: readonly string[]): Steps<Uint8Array> {
    const key = words.join('\u0000');
    if (last?.key === key) return last.mask;
    let mask: Uint8Array | null = null;
    for (const word of words) {
      const hit = yield* wordMatching(word);
      // A word's own mask is kept: the answer is a copy.
      if (!mask) mask = hit.slice();
      else for (let r = 0; r < mask.length; r++) mask[r] = mask[r]! & hit[r]!;
    }
    mask ??= new Uint8Array(dataset.columns.size).fill(1);
    last = { key, mask };
    return mask;
  }
  const matchText = (words: readonly string[]): Uint8Array => drain(textMatching(words));
  return { dataset, actors: dataset.actors, tags: dataset.tags, maxDuration, spanGroups, matchText, textMatching };
}

/** Each region table's names, folded for search once (English: the fold reads other scripts too). */
const foldedNames = new WeakMap<RegionTable, { countries: string[]; admin1: string[] }>();

/**
 * A word also finds the events in a country or region of that name ("Somalia", "Banaadir"),
 * searched once in the region table, like actors and tags in their dictionaries.
 */
function markRegions(dataset: Dataset, pattern: WordPattern, mask: Uint8Array): void {
  const regions = dataset.regions;
  if (!regions) return;
  const table = regions.table;
  let folded = foldedNames.get(table);
  if (!folded) {
    folded = {
      countries: table.countries.map((c) => normalizeText(c.name)),
      admin1: table.admin1.map((a) => normalizeText(a.name)),
    };
    foldedNames.set(table, folded);
  }
  const countries = new Uint8Array(table.countries.length + 1);
  const admin1 = new Uint8Array(table.admin1.length + 1);
  let any = false;
  folded.countries.forEach((name, i) => {
    if (holdsWord(name, pattern)) [countries[i + 1], any] = [1, true];
  });
  folded.admin1.forEach((name, i) => {
    if (holdsWord(name, pattern)) [admin1[i + 1], any] = [1, true];
  });
  if (!any) return;
  const { country, admin1: a1 } = regions;
  for (let r = 0; r < mask.length; r++) if (countries[country[r]!] || admin1[a1[r]!]) mask[r] = 1;
}

/** Rows by power of two of their span, ascending; each group's span is its longest member's. */
export function groupBySpan(start: Float64Array, end: Float64Array): SpanGroup[] {
  const bucket = new Uint8Array(start.length);
  const perBucket = new Uint32Array(64);
  const longest = new Float64Array(64);
  for (let i = 0; i < start.length; i++) {
    const d = end[i]! - start[i]!;
    const b = d <= 1 ? 0 : Math.min(63, Math.ceil(Math.log2(d)));
    bucket[i] = b;
    perBucket[b]!++;
    if (d > longest[b]!) longest[b] = d;
  }
  const groups: SpanGroup[] = [];
  const groupOf = new Int32Array(64).fill(-1);
  for (let b = 0; b < 64; b++) {
    if (!perBucket[b]) continue;
    groupOf[b] = groups.length;
    groups.push({ span: longest[b]!, rows: new Uint32Array(perBucket[b]!) });
  }
  const fill = new Uint32Array(groups.length);
  for (let i = 0; i < start.length; i++) {
    const g = groupOf[bucket[i]!]!;
    groups[g]!.rows[fill[g]!++] = i;
  }
  return groups;
}
