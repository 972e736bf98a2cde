import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDataset, datasetFromPack, loadDataset, type Dataset } from '../../../src/lib/model/dataset';
import { loadBytes } from '../../../src/lib/model/load-bytes';
import { readPackHeader, type PackHeader } from '../../../src/lib/model/pack';
import { packDataset } from '../../../src/lib/model/pack-build';
import { viewVerifiedPack } from '../../../src/lib/model/pack-verify';
import { applyFilters } from '../../../src/lib/query/apply';
import { exportSource, exportSteps } from '../../../src/lib/io/export-file';
import { written } from '../../../src/lib/io/formats/export';
import { Evaluator } from '../../../src/lib/query/brushing';
import { buildQueryIndex } from '../../../src/lib/query/query-index';
import { eventArb, filtersArb, meta, reference, toEvents } from '../query/arbitraries';

/** Pack a dataset and open it the way the app does (verify, then view in place). */
function roundTrip(d: Dataset): Dataset {
  const bytes = packDataset(d);
  const result = loadBytes(bytes.buffer.slice(0) as ArrayBuffer, 'p.flpack');
  if (!result.ok) throw new Error(result.problems[0]!.message);
  if (result.kind !== 'pack') throw new Error('a pack must load as a pack');
  return datasetFromPack('p.flpack', viewVerifiedPack(result.pack));
}

const bundled = loadDataset(readFileSync('data/events.json', 'utf8'), 'events.json');
if (!bundled.ok) throw new Error('the bundled dataset must load');
const curated = bundled.dataset;

describe('pack round trip', () => {
  it('gives back every event of the curated dataset exactly, in the same rows', () => {
    const packed = roundTrip(curated);
    expect(packed.events.length).toBe(curated.events.length);
    for (let row = 0; row < curated.events.length; row++) {
      expect(packed.events.at(row)).toEqual(curated.events.at(row));
      expect(packed.events.problem(row)).toBeNull();
      expect(packed.events.rowOf(curated.events.id(row))).toBe(row);
    }
    expect(packed.events.rowOf('no-such-event')).toBeUndefined();
    expect([...packed.columns.start]).toEqual([...curated.columns.start]);
    expect([...packed.columns.lat].map(String)).toEqual([...curated.columns.lat].map(String));
    expect(packed.actors.values).toEqual(curated.actors.values);
    expect(packed.meta).toEqual(curated.meta);
  });

  it('reads a record for one use (an export) without keeping it, and reads a kept one from where it is kept', () => {
    const packed = roundTrip(curated);
    for (let row = 0; row < curated.events.length; row++)
      expect(packed.events.read(row)).toEqual({ record: curated.events.at(row), problem: null });
    // Kept: the list's rows ask again and again. Read: a fresh decode each time, nothing kept.
    expect(packed.events.read(3).record).not.toBe(packed.events.read(3).record);
    const kept = packed.events.at(3);
    expect(packed.events.at(3)).toBe(kept);
    expect(packed.events.read(3).record).toBe(kept);
  });

  it('filters and searches a packed dataset exactly like the same events held as objects', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 50 }), filtersArb, (specs, filters) => {
        const events = toEvents(specs);
        const packed = buildQueryIndex(roundTrip(buildDataset('t', meta, events)));
        const ids = (rows: Uint32Array) => [...rows].map((r) => packed.dataset.events.id(r)).sort();
        expect(ids(applyFilters(packed, filters))).toEqual(reference(events, filters));
        expect(ids(new Evaluator(packed).run(filters).rows)).toEqual(reference(events, filters));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

/** A valid pack of the curated data, and a way to damage one value in it. */
function damaged(edit: (bytes: Uint8Array, header: PackHeader, view: DataView) => void): ReturnType<typeof loadBytes> {
  const bytes = packDataset(curated);
  const read = readPackHeader(bytes.buffer as ArrayBuffer);
  if (!read.ok) throw new Error(read.message);
  edit(bytes, read.header, new DataView(bytes.buffer));
  return loadBytes(bytes.buffer as ArrayBuffer, 'bad.flpack');
}
const at = (h: PackHeader, name: keyof PackHeader['sections']) => h.sections[name][0];

describe('a damaged pack is refused with a reason, never thrown', () => {
  it.each<[string, (b: Uint8Array, h: PackHeader, v: DataView) => void, RegExp]>([
    ['a wrong version', (_b, _h, v) => v.setUint32(4, 9, true), /version 9 is not supported/],
    ['a header longer than the file', (_b, _h, v) => v.setUint32(8, 0x7fffffff, true), /header .* does not fit/],
    ['a header that is not JSON', (b) => b.set([0x7b, 0x7b], 16), /header is not valid JSON/],
    ['a category past the list', (_b, h, v) => v.setUint16(at(h, 'category'), 999, true), /category 999/],
    ['times out of order', (_b, h, v) => v.setFloat64(at(h, 'start') + 8, -1e15, true), /not in time order/],
    [
      'a latitude of 91',
      (_b, h, v) => {
        // Find a located row: precision code > 0.
        const row = [...Array(h.size).keys()].find((r) => v.getUint8(at(h, 'locationPrecision') + r) > 0)!;
        v.setFloat64(at(h, 'lat') + row * 8, 91, true);
      },
      /invalid coordinates/,
    ],
    ['offsets that go backwards', (_b, h, v) => v.setUint32(at(h, 'titleOffsets') + 4, 0xffffff, true), /titleOffsets/],
    [
      'an actor code past the list',
      (_b, h, v) => v.setUint32(at(h, 'actorCodes'), 1e6, true),
      /code points past its list/,
    ],
    [
      'an end order out of order',
      (_b, h, v) => {
        const first = at(h, 'endOrder');
        const last = first + (h.size - 1) * 4;
        const row = v.getUint32(first, true);
        v.setUint32(first, v.getUint32(last, true), true);
        v.setUint32(last, row, true);
      },
      /end order is not sorted/,
    ],
    [
      'an id order that repeats a row',
      (_b, h, v) => v.setUint32(at(h, 'idOrder'), v.getUint32(at(h, 'idOrder') + 4, true), true),
      /not a permutation/,
    ],
  ])('%s', (_what, edit, message) => {
    const result = damaged(edit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(message);
  });

  it('a truncated pack', () => {
    const bytes = packDataset(curated);
    const result = loadBytes(bytes.buffer.slice(0, bytes.byteLength - 100) as ArrayBuffer, 'cut.flpack');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/outside the file/);
  });

  it('random byte changes never throw, and whatever loads can be read row by row', () => {
    const original = packDataset(curated);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(original.byteLength - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const bytes = original.slice();
          for (const [i, v] of edits) bytes[i] = v;
          const result = loadBytes(bytes.buffer as ArrayBuffer, 'fuzz.flpack');
          if (!result.ok) {
            expect(result.problems[0]!.message.length).toBeGreaterThan(0);
            return;
          }
          if (result.kind !== 'pack') throw new Error('a pack must load as a pack');
          const d = datasetFromPack('fuzz', viewVerifiedPack(result.pack));
          for (let row = 0; row < d.events.length; row++) {
            expect(typeof d.events.at(row).id).toBe('string');
            const problem = d.events.problem(row);
            expect(problem === null || typeof problem === 'string').toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('a damaged record shows as damaged: no summary or sources are made up', () => {
    const result = damaged((b, h) => {
      b[at(h, 'recordBytes')] = 0x5b; // "{" → "[": the first record no longer parses
    });
    expect(result.ok).toBe(true);
    if (!result.ok || result.kind !== 'pack') return;
    const d = datasetFromPack('x', viewVerifiedPack(result.pack));
    expect(d.events.problem(0)).toMatch(/stored record (cannot be read|is invalid)/);
    expect(d.events.at(0)).toMatchObject({
      id: curated.events.id(0),
      title: curated.events.title(0),
      summary: '',
      sources: [],
    });
    expect(d.events.problem(1)).toBeNull();
    expect(d.events.read(0).problem).toBe(d.events.problem(0));
  });

  it('a damaged record is left out of a download and named, not written as its stand-in', () => {
    const result = damaged((b, h) => {
      b[at(h, 'recordBytes')] = 0x5b;
    });
    if (!result.ok || result.kind !== 'pack') throw new Error('the pack must load');
    const d = datasetFromPack('x', viewVerifiedPack(result.pack));
    const left: string[] = [];
    const text = written((sink) =>
      exportSteps(
        d,
        exportSource(d, [], 'all', (id) => left.push(id)),
        'all',
        sink,
      ),
    );
    expect(left).toEqual([curated.events.id(0)]);
    const back = loadDataset(text, 'back.json');
    if (!back.ok) throw new Error('the download must load');
    expect(back.dataset.events.toArray().map((e) => e.id)).toEqual(
      curated.events
        .toArray()
        .slice(1)
        .map((e) => e.id),
    );
  });
});
