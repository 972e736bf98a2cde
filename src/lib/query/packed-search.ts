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
    // UTF-8 never uses ASCII bytes inside a multi-byte character, so an ASCII word can be found
    // in the bytes themselves, with no decoding.
    if (/^[\x20-\x7e]+$/.test(word)) {
      matchAsciiBytes(search.bytes, search.offsets, word, hit);
      all = all ? and(all, hit) : hit;
      continue;
    }
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
    all = all ? and(all, hit) : hit;
  }
  return all ?? new Uint8Array(n).fill(1);
}

function and(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let r = 0; r < a.length; r++) a[r] = a[r]! & b[r]!;
  return a;
}

/** Marks the rows whose bytes contain the word: native indexOf finds each candidate first byte. */
function matchAsciiBytes(bytes: Uint8Array, offsets: Uint32Array, word: string, hit: Uint8Array): void {
  const pattern = Uint8Array.from(word, (ch) => ch.charCodeAt(0));
  const head = pattern[0]!;
  const m = pattern.length;
  let row = 0;
  let at = bytes.indexOf(head);
  while (at >= 0 && at + m <= bytes.length) {
    let k = 1;
    while (k < m && bytes[at + k] === pattern[k]) k++;
    if (k === m) {
      while (offsets[row + 1]! <= at) row++;
      hit[row] = 1;
      // One hit per row is enough: go on from the next row.
      at = bytes.indexOf(head, offsets[row + 1]!);
    } else at = bytes.indexOf(head, at + 1);
  }
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
