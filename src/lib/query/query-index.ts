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
  /** 1 for each row whose text holds every word (normalised); the last answer is kept. */
  matchText(words: readonly string[]): Uint8Array;
}

export function buildQueryIndex(dataset: Dataset): QueryIndex {
  const { start, end } = dataset.columns;
  let maxDuration = 0;
  for (let i = 0; i < start.length; i++) maxDuration = Math.max(maxDuration, end[i]! - start[i]!);
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
  return { dataset, actors: dataset.actors, tags: dataset.tags, maxDuration, matchText };
}
