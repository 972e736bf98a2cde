import type { Dataset } from '../model/dataset';
import type { MultiColumn } from '../model/multi-column';
import { normalizeText } from '../model/search-text';
import type { Steps } from '../model/steps';
import { endsWord, holdsWord, isPlain, tailAt, wordPattern, type WordPattern } from './word-forms';

/** Rows per step: enough for fast native indexOf, few enough to free quickly and take a few ms. */
const SLICE_ROWS = 20_000;

/**
 * One word's search over a packed dataset without holding its text as strings: each slice of
 * rows is decoded, searched with indexOf (native and fast) and dropped. The word matches a row
 * when it occurs in the row's stored text (pack-build.ts: each row ends with \u0001) or in one of
 * its actors or tags, whose dictionaries are searched once. It yields after each slice (a few
 * milliseconds), so a search can leave the page free for input: a word took 0.2–0.3 s over a
 * million events in one task. Several words are combined by the query index, which keeps each.
 * A word is matched in its English forms (word-forms.ts): "strikes" also finds "strike".
 */
export function* packedMatching(dataset: Dataset, word: string): Steps<Uint8Array> {
  const search = dataset.packedSearch!;
  const n = dataset.columns.size;
  const decoder = new TextDecoder('utf-8');
  const hit = new Uint8Array(n);
  const pattern = wordPattern(word);
  const actors = codesWith(dataset.actors, pattern);
  const tags = codesWith(dataset.tags, pattern);
  // UTF-8 never uses ASCII bytes inside a multi-byte character, so an ASCII word can be found
  // in the bytes themselves, with no decoding. (A word's tails are ASCII: English endings.)
  const ascii = /^[\x20-\x7e]+$/.test(pattern.head);
  for (let first = 0; first < n; first += SLICE_ROWS) {
    const last = Math.min(n, first + SLICE_ROWS);
    if (actors) markCodes(dataset.actors, actors, first, last, hit);
    if (tags) markCodes(dataset.tags, tags, first, last, hit);
    if (ascii) matchAsciiBytes(search.bytes, search.offsets, first, last, pattern, hit);
    else matchDecoded(decoder, search.bytes, search.offsets, first, last, pattern, hit);
    yield;
  }
  return hit;
}

/** Marks the rows from `first` to `last` whose decoded text holds the word. */
function matchDecoded(
  decoder: TextDecoder,
  bytes: Uint8Array,
  offsets: Uint32Array,
  first: number,
  last: number,
  pattern: WordPattern,
  hit: Uint8Array,
): void {
  const slice = decoder.decode(bytes.subarray(offsets[first]!, offsets[last]!));
  const { head, tails } = pattern;
  const plain = isPlain(pattern);
  let row = first;
  let rowEnd = slice.indexOf('\u0001');
  let at = slice.indexOf(head);
  while (at >= 0) {
    if (!plain && !tailAt(slice, at + head.length, tails)) {
      at = slice.indexOf(head, at + 1);
      continue;
    }
    while (rowEnd >= 0 && rowEnd < at) {
      row++;
      rowEnd = slice.indexOf('\u0001', rowEnd + 1);
    }
    hit[row] = 1;
    // One hit per row is enough: go on from the end of this row.
    at = rowEnd < 0 ? -1 : slice.indexOf(head, rowEnd + 1);
  }
}

/**
 * Marks the rows from `first` to `last` whose bytes contain the word: native indexOf finds each
 * candidate by the word's rarest byte. No row's text holds \u0001, so a match never runs past its row's end,
 * and searching the slice's bytes alone finds every match in its rows.
 */
function matchAsciiBytes(
  bytes: Uint8Array,
  offsets: Uint32Array,
  first: number,
  last: number,
  word: WordPattern,
  hit: Uint8Array,
): void {
  const base = offsets[first]!;
  const slice = bytes.subarray(base, offsets[last]!);
  const pattern = asciiBytes(word.head);
  const tails = isPlain(word) ? null : word.tails.map((t) => ({ bytes: asciiBytes(t.text), wordEnd: t.wordEnd }));
  const m = pattern.length;
  // Native indexOf finds the word's rarest byte in this text; each find is then checked in JS, so
  // the fewer the better: the word is found by its rarest letter, not its first.
  const anchor = rarestAt(pattern, countsOf(bytes));
  const key = pattern[anchor]!;
  let row = first;
  let found = slice.indexOf(key, anchor);
  while (found >= 0) {
    const at = found - anchor;
    if (at + m > slice.length) break;
    let k = 0;
    while (k < m && slice[at + k] === pattern[k]) k++;
    if (k === m && (tails === null || bytesTailAt(slice, at + m, tails))) {
      while (offsets[row + 1]! <= base + at) row++;
      hit[row] = 1;
      // One hit per row is enough: go on from the next row.
      found = slice.indexOf(key, offsets[row + 1]! - base + anchor);
    } else found = slice.indexOf(key, found + 1);
  }
}

/** How often each byte occurs in a sample of the search text, per pack: which letter of a word is rare. */
const byteCounts = new WeakMap<Uint8Array, Uint32Array>();
const SAMPLE_CHUNKS = 32;
const CHUNK_BYTES = 16 * 1024;

function countsOf(bytes: Uint8Array): Uint32Array {
  let counts = byteCounts.get(bytes);
  if (counts) return counts;
  counts = new Uint32Array(256);
  // Chunks spread over the whole text (its rows are in time order, and words change with time).
  const step = Math.max(CHUNK_BYTES, Math.floor(bytes.length / SAMPLE_CHUNKS));
  for (let from = 0; from < bytes.length; from += step) {
    const end = Math.min(bytes.length, from + CHUNK_BYTES);
    for (let i = from; i < end; i++) counts[bytes[i]!]!++;
  }
  byteCounts.set(bytes, counts);
  return counts;
}

/** Where in the pattern its least frequent byte in the text is (the first such). */
function rarestAt(pattern: Uint8Array, counts: Uint32Array): number {
  let best = 0;
  for (let i = 1; i < pattern.length; i++) if (counts[pattern[i]!]! < counts[pattern[best]!]!) best = i;
  return best;
}

const asciiBytes = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** Whether one of the tails follows at `at` in the bytes (as word-forms.ts tailAt does in a string). */
function bytesTailAt(
  slice: Uint8Array,
  at: number,
  tails: readonly { bytes: Uint8Array; wordEnd: boolean }[],
): boolean {
  for (const t of tails) {
    const n = t.bytes.length;
    let k = 0;
    while (k < n && slice[at + k] === t.bytes[k]) k++;
    // Past the slice's end is a row's end: a word ends there.
    if (k === n && (!t.wordEnd || endsWord(at + n < slice.length ? slice[at + n]! : -1))) return true;
  }
  return false;
}

/** Which of the column's values hold the word; null when none does. */
function codesWith(column: MultiColumn, word: WordPattern): boolean[] | null {
  const want = column.values.map((v) => holdsWord(normalizeText(v), word));
  return want.some(Boolean) ? want : null;
}

/** Marks the rows from `first` to `last` with one of the wanted codes. */
function markCodes(column: MultiColumn, want: readonly boolean[], first: number, last: number, hit: Uint8Array): void {
  const { offsets, codes } = column;
  for (let r = first; r < last; r++) {
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      if (want[codes[k]!]) {
        hit[r] = 1;
        break;
      }
    }
  }
}
