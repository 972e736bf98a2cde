import type { Dataset } from '../model/dataset';
import type { MultiColumn } from '../model/multi-column';
import { normalizeText } from '../model/search-text';

/** Rows decoded per slice: large enough for fast native indexOf, small enough to free quickly. */
const SLICE_ROWS = 20_000;

/**
 * Text search over a packed dataset without holding its text as strings: each slice of rows is
 * decoded, searched with indexOf (native and fast) and dropped. A word matches a row when it
 * occurs in the row's stored text (pack-build.ts: each row ends with \u0001) or in one of its
 * actors or tags, which are searched once in their dictionaries.
 */
export function matchPacked(dataset: Dataset, words: readonly string[]): Uint8Array {
  const search = dataset.packedSearch!;
  const n = dataset.columns.size;
  const decoder = new TextDecoder('utf-8');
  let all: Uint8Array | null = null;
  for (const word of words) {
    const hit = new Uint8Array(n);
    markCodes(dataset.actors, word, hit);
    markCodes(dataset.tags, word, hit);
    for (let first = 0; first < n; first += SLICE_ROWS) {
      const last = Math.min(n, first + SLICE_ROWS);
      const slice = decoder.decode(search.bytes.subarray(search.offsets[first]!, search.offsets[last]!));
      let row = first;
      let rowEnd = slice.indexOf('\u0001');
      let at = slice.indexOf(word);
      while (at >= 0) {
        while (rowEnd >= 0 && rowEnd < at) {
          row++;
          rowEnd = slice.indexOf('\u0001', rowEnd + 1);
        }
        hit[row] = 1;
        // One hit per row is enough: go on from the end of this row.
        at = rowEnd < 0 ? -1 : slice.indexOf(word, rowEnd + 1);
      }
    }
    if (all) for (let r = 0; r < n; r++) all[r] = all[r]! & hit[r]!;
    else all = hit;
  }
  return all ?? new Uint8Array(n).fill(1);
}

function markCodes(column: MultiColumn, word: string, hit: Uint8Array): void {
  const want = column.values.map((v) => normalizeText(v).includes(word));
  if (!want.some(Boolean)) return;
  const { offsets, codes } = column;
  for (let r = 0; r + 1 < offsets.length; r++) {
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      if (want[codes[k]!]) {
        hit[r] = 1;
        break;
      }
    }
  }
}
