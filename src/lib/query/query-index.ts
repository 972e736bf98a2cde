import type { Dataset } from '../model/dataset';
import type { MultiColumn } from '../model/multi-column';
import { searchableText } from '../model/search-text';
import { matchPacked } from './packed-search';

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
   * Every row spans at most shortSpan but the few in longRows (ascending). A search for ranges
   * overlapping a window's start then scans back shortSpan and checks the long rows one by one,
   * instead of scanning back over the one multi-year range in a million events.
   */
  readonly shortSpan: number;
  readonly longRows: Uint32Array;
  /** 1 for each row whose text holds every word (normalised); the last answer is kept. */
  matchText(words: readonly string[]): Uint8Array;
}

/** At most this share of rows (or LONG_MIN rows) count as long. */
const LONG_SHARE = 0.01;
const LONG_MIN = 256;

export function buildQueryIndex(dataset: Dataset): QueryIndex {
  const { start, end } = dataset.columns;
  let maxDuration = 0;
  for (let i = 0; i < start.length; i++) maxDuration = Math.max(maxDuration, end[i]! - start[i]!);
  const { shortSpan, longRows } = splitBySpan(start, end, Math.max(LONG_MIN, Math.floor(start.length * LONG_SHARE)));
  let text: string[] | undefined;
  let last: { key: string; mask: Uint8Array } | undefined;
  const matchText = (words: readonly string[]): Uint8Array => {
    const key = words.join('\u0000');
    if (last?.key === key) return last.mask;
    let mask: Uint8Array;
    if (dataset.packedSearch) mask = matchPacked(dataset, words);
    else {
      // Most sessions never search; normalising every event's text up front would cost seconds.
      text ??= Array.from({ length: dataset.events.length }, (_, r) => searchableText(dataset.events.at(r)));
      mask = new Uint8Array(text.length);
      for (let r = 0; r < text.length; r++) if (words.every((w) => text![r]!.includes(w))) mask[r] = 1;
    }
    last = { key, mask };
    return mask;
  };
  return { dataset, actors: dataset.actors, tags: dataset.tags, maxDuration, shortSpan, longRows, matchText };
}

/** The shortest power-of-two span that at most `most` rows exceed, and those rows. */
export function splitBySpan(start: Float64Array, end: Float64Array, most: number): { shortSpan: number; longRows: Uint32Array } {
  // Rows per power of two of their span (in ms); bucket b holds spans in (2^(b-1), 2^b].
  const perBucket = new Uint32Array(64);
  const bucket = (d: number): number => (d <= 1 ? 0 : Math.min(63, Math.ceil(Math.log2(d))));
  for (let i = 0; i < start.length; i++) perBucket[bucket(end[i]! - start[i]!)]!++;
  let b = 63;
  let above = 0;
  // Buckets from the longest down, while the rows above stay few.
  while (b > 0 && above + perBucket[b]! <= most) above += perBucket[b--]!;
  const shortSpan = 2 ** b;
  // Listed by the test itself, not by the buckets' count, so rounding in log2 cannot lose a row.
  const long: number[] = [];
  for (let i = 0; i < start.length; i++) if (end[i]! - start[i]! > shortSpan) long.push(i);
  return { shortSpan, longRows: Uint32Array.from(long) };
}
