import { beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../../scripts/synthetic';
import { buildDataset, datasetFromPack } from '../../../src/lib/model/dataset';
import { packDataset } from '../../../src/lib/model/pack-build';
import { viewVerifiedPack } from '../../../src/lib/model/pack-verify';
import { validateDataset } from '../../../src/lib/model/validate';
import { buildQueryIndex } from '../../../src/lib/query/query-index';
import { drain } from '../../../src/lib/model/steps';
import { queryWords } from '../../../src/lib/query/text';
import { searchableText } from '../../../src/lib/model/search-text';
import { isPlain, wordPattern } from '../../../src/lib/query/word-forms';
import fc from 'fast-check';

// 41,000 events: three slices of a packed search (20,000 rows each), nine of a JSON one (5,000).
const file = generate(41_000, 3);
const result = validateDataset(file, 100_000);
const events = result.accepted.map((a) => a.event);
// Words planted at the first and last rows of slices (rows are in time order), where a slice's
// bounds could lose them.
const EDGES = [0, 4_999, 5_000, 19_999, 20_000, 39_999, 40_000, 40_999];
const inTimeOrder = buildDataset('t', result.meta, events);
const planted = new Set(EDGES.map((row) => inTimeOrder.events.at(row).id));
for (const e of events) if (planted.has(e.id)) e.title = `${e.title}, Северный Qzmarker`;
const dataset = buildDataset('t', result.meta, events);
const bytes = packDataset(dataset);
const packedDataset = datasetFromPack(
  't.flpack',
  viewVerifiedPack(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer),
);
// Indexes keep the words they matched: each test starts from fresh ones.
let json = buildQueryIndex(dataset);
let packed = buildQueryIndex(packedDataset);
beforeEach(() => {
  json = buildQueryIndex(dataset);
  packed = buildQueryIndex(packedDataset);
}, 60_000);
const hay = Array.from({ length: dataset.events.length }, (_, r) => searchableText(dataset.events.at(r)));

/** Steps a search one slice at a time; how many steps it took and its answer. */
function stepped(steps: Generator<void, Uint8Array, void>): { steps: number; mask: Uint8Array } {
  let n = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { steps: n, mask: step.value };
    n++;
  }
}

const rowsOf = (mask: Uint8Array): number[] => [...mask.keys()].filter((r) => mask[r] === 1);

describe('a search a slice at a time', () => {
  // ASCII (found in the pack's bytes), Cyrillic (decoded), an actor's name, two words, and none.
  const queries = ['qzmarker', 'Северный', 'militia', 'sahel battle', 'zzzz'];
  for (const query of queries) {
    it(`finds "${query}" in every row whose text holds it, packed or not, over several slices`, () => {
      const words = queryWords(query);
      const expected = hay.flatMap((h, r) => (words.every((w) => h.includes(w)) ? [r] : []));
      const fromPack = stepped(packed.textMatching(words));
      const fromJson = stepped(json.textMatching(words));
      expect(rowsOf(fromPack.mask)).toEqual(expected);
      expect(rowsOf(fromJson.mask)).toEqual(expected);
      // It yielded between slices: three per word packed, nine per word from JSON.
      expect(fromPack.steps).toBe(3 * words.length);
      expect(fromJson.steps).toBe(9 * words.length);
    }, 60_000);
  }

  it('plants the edge rows where the test means them', () => {
    const rows = rowsOf(drain(packed.textMatching(['qzmarker'])));
    expect(rows).toEqual(EDGES);
  });

  it('keeps the answer of a search run to its end, so the filter pass that follows finds it at once', () => {
    const words = ['sahel'];
    const { mask } = stepped(packed.textMatching(words));
    expect(packed.matchText(words)).toBe(mask);
    // Already kept: no slices this time.
    expect(stepped(packed.textMatching(words)).steps).toBe(0);
  });

  it('scans only the new word when a search is refined by one, and keeps each word\u2019s own match intact', () => {
    const withWords = (words: string[]) => hay.flatMap((h, r) => (words.every((w) => h.includes(w)) ? [r] : []));
    for (const index of [packed, json]) {
      const perWord = index === packed ? 3 : 9;
      expect(stepped(index.textMatching(['sahel'])).steps).toBe(perWord);
      const refined = stepped(index.textMatching(['sahel', 'battle']));
      expect(refined.steps).toBe(perWord);
      expect(rowsOf(refined.mask)).toEqual(withWords(['sahel', 'battle']));
      // The answer for both words did not narrow the one kept for "sahel".
      expect(rowsOf(index.matchText(['sahel']))).toEqual(withWords(['sahel']));
    }
  }, 60_000);

  it('keeps the last four words: a fifth pushes the oldest out', () => {
    for (const word of ['sahel', 'levant', 'caucasus', 'andes', 'battle']) drain(packed.textMatching([word]));
    expect(stepped(packed.textMatching(['battle', 'levant'])).steps).toBe(0);
    expect(stepped(packed.textMatching(['sahel'])).steps).toBe(3);
  }, 60_000);

  it('finds any piece of a row\u2019s text, whichever of its letters the pack\u2019s search starts from', () => {
    // Pieces of stored text (one word's worth, no spaces, no plural endings), from any row and offset:
    // the packed search anchors on the piece's rarest byte, which may be its first, last or any other.
    const pieces = fc
      .tuple(fc.nat(hay.length - 1), fc.nat(80), fc.integer({ min: 2, max: 9 }))
      .map(([r, at, len]) => hay[r]!.slice(at, at + len))
      .filter((w) => w.length >= 2 && !/\s/.test(w) && isPlain(wordPattern(w)));
    fc.assert(
      fc.property(pieces, (word) => {
        const expected = hay.flatMap((h, r) => (h.includes(word) ? [r] : []));
        expect(rowsOf(drain(buildQueryIndex(packedDataset).textMatching([word])))).toEqual(expected);
      }),
      { numRuns: 25, seed: 26 },
    );
  }, 120_000);

  it('keeps nothing from a search given up halfway', () => {
    const steps = json.textMatching(['caucasus']);
    steps.next();
    steps.next();
    steps.return(new Uint8Array(0));
    const again = stepped(json.textMatching(['caucasus']));
    expect(again.steps).toBe(9);
    expect(rowsOf(again.mask)).toEqual(hay.flatMap((h, r) => (h.includes('caucasus') ? [r] : [])));
  }, 60_000);
});
