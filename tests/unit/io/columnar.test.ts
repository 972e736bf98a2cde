// @vitest-environment node
// Binary readers check instanceof ArrayBuffer/Uint8Array, which jsdom's globals fail for Node's buffers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arrowOf, parquetOf } from '../../../scripts/import-fixtures';
import { parquetOfEvents } from '../../../src/lib/io/export-parquet';
import { importColumnar } from '../../../src/lib/io/formats/columnar';
import { columnarKind } from '../../../src/lib/io/formats/columnar-kind';
import { sourceOf } from '../../../src/lib/io/formats/export';
import { readFiles, readRequest } from '../../../src/lib/io/read-bytes';
import { LIMITS } from '../../../src/lib/model/limits';
import type { DatasetFile } from '../../../src/lib/model/types';
import { expectLoads, FIXTURES } from './helpers';

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const fixtureBytes = (name: string): ArrayBuffer => buffer(readFileSync(`${FIXTURES}/${name}`));

/** The events the fixtures were written from, as our JSON (scripts/import-fixtures.ts writes both). */
const sample = (JSON.parse(readFileSync(`${FIXTURES}/events-sample.json`, 'utf8')) as DatasetFile).events;
const full = JSON.parse(readFileSync('data/events.json', 'utf8')) as DatasetFile;

describe('Parquet and Arrow IPC files', () => {
  it('tells them apart by their bytes', () => {
    expect(columnarKind(new Uint8Array(fixtureBytes('events.parquet')))).toBe('parquet');
    expect(columnarKind(new Uint8Array(fixtureBytes('events.arrow')))).toBe('arrow');
    expect(columnarKind(new TextEncoder().encode('id,title\n1,2'))).toBeNull();
    expect(columnarKind(arrowOf({ a: ['x'] }, { format: 'stream' }), 'x.arrows')).toBe('arrow');
  });

  it('a Parquet file in our CSV columns gives back the events it was written from', async () => {
    const { label, result } = await importColumnar(fixtureBytes('events.parquet'), 'events.parquet', 'parquet');
    expect(label).toBe('Parquet (our CSV columns)');
    expect(result.rows).toEqual({ total: 12, imported: 12, skipped: 0 });
    expect(result.problems).toEqual([]);
    expect(result.dataset!.events).toEqual(sample);
    expectLoads(result);
  });

  it('an Arrow IPC file of the same rows gives the same events', async () => {
    const { label, result } = await importColumnar(fixtureBytes('events.arrow'), 'events.arrow', 'arrow');
    expect(label).toBe('Arrow IPC (our CSV columns)');
    expect(result.rows).toEqual({ total: 12, imported: 12, skipped: 0 });
    expect(result.dataset!.events).toEqual(sample);
  });

  it('an ACLED Parquet file (GZIP pages, event_date a DATE column, coordinates doubles) goes through the ACLED mapping', async () => {
    const { label, result } = await importColumnar(fixtureBytes('acled.parquet'), 'acled.parquet', 'parquet');
    expect(label).toBe('Parquet (ACLED columns)');
    expect(result.rows).toEqual({ total: 5, imported: 5, skipped: 0 });
    const first = result.dataset!.events[0]!;
    expect(first).toMatchObject({ id: 'SOM1001', date: '2024-03-15', category: 'battles' });
    expect(first.location).toEqual({
      name: 'Mogadishu',
      lat: 2.0371,
      lon: 45.3438,
      precision: 'city',
      note: 'ACLED geo_precision 1: the named town or village (assumed meaning; read as city precision)',
    });
    expectLoads(result);
  });

  it('an Arrow file with a date32 column and day-first text dates in another reads both', async () => {
    const bytes = arrowOf(
      {
        id: ['1', '2'],
        type_of_violence: ['1', '3'],
        date_start: ['2017-07-31', '2017-08-01'],
        date_end: ['31/07/2017', '01/08/2017'],
        latitude: [34.5, 34.6],
        longitude: [69.1, 69.2],
        where_prec: ['2', '4'],
        date_prec: ['1', '1'],
      },
      { days: ['date_start'] },
    );
    const { label, result } = await importColumnar(buffer(bytes), 'ged.arrow', 'arrow');
    expect(label).toBe('Arrow IPC (UCDP GED columns)');
    expect(result.rows).toEqual({ total: 2, imported: 2, skipped: 0 });
    expect(result.dataset!.events.map((e) => [e.id, e.date, e.end, e.location?.precision])).toEqual([
      ['ucdp-1', '2017-07-31', undefined, 'city'],
      ['ucdp-2', '2017-08-01', undefined, 'region'],
    ]);
  });

  it('refuses columns of no known layout, naming them', async () => {
    const { result } = await importColumnar(buffer(parquetOf({ a: ['1'], b: ['2'] })), 'odd.parquet', 'parquet');
    expect(result.dataset).toBeNull();
    expect(result.problems.map((p) => p.message)).toEqual([
      "the columns of odd.parquet (a, b) are neither our CSV's (id, title, summary, date, category, …), ACLED's (event_id_cnty, event_date, …) nor UCDP GED's (id, type_of_violence, date_start, …)",
    ]);
  });

  it('checks the column and row-group limits on the footer, before decoding anything', async () => {
    const wide = Object.fromEntries(
      Array.from({ length: LIMITS.maxColumnarColumns + 1 }, (_, i) => [
        i < 5 ? ['id', 'title', 'summary', 'date', 'category'][i]! : `c${i}`,
        ['x'],
      ]),
    );
    const tooWide = await importColumnar(buffer(parquetOf(wide)), 'wide.parquet', 'parquet');
    expect(tooWide.result.problems.map((p) => p.message)).toEqual(['the file has 201 columns; the limit is 200']);
    const n = LIMITS.maxColumnarGroups + 1;
    const rows = Array.from({ length: n }, (_, i) => `r${i}`);
    const groups = parquetOf({ id: rows, title: rows, summary: rows, date: rows, category: rows }, { rowGroupSize: 1 });
    const tooMany = await importColumnar(buffer(groups), 'groups.parquet', 'parquet');
    expect(tooMany.result.problems.map((p) => p.message)).toEqual([
      'the file has 10,001 row groups; the limit is 10,000',
    ]);
  }, 60_000);

  it('refuses a footer longer than its limit before parsing it', async () => {
    const bytes = new Uint8Array(fixtureBytes('events.parquet'));
    new DataView(bytes.buffer).setUint32(bytes.byteLength - 8, LIMITS.maxParquetFooterBytes + 1, true);
    const { result } = await importColumnar(buffer(bytes), 'footer.parquet', 'parquet');
    expect(result.problems.map((p) => p.message)).toEqual(['the Parquet footer is 16.0 MB; the limit is 16 MB']);
  });

  it('a damaged file is refused with the reader\u2019s reason, never thrown', async () => {
    const bytes = new Uint8Array(fixtureBytes('events.parquet')).slice(0, 200);
    const { result } = await importColumnar(buffer(bytes), 'cut.parquet', 'parquet');
    expect(result.dataset).toBeNull();
    expect(result.problems[0]!.message).toMatch(/^not a readable Parquet file: /);
  });

  // Before parquet-pages.ts checked the page headers, the 13th flipped byte of events.parquet (a v2 page's
  // level length) sent the reader into a loop that never ended.
  it('never throws or hangs on damaged bytes: 40 cuts and 40 flipped bytes of each fixture give a result', async () => {
    for (const [name, kind] of [
      ['events.parquet', 'parquet'],
      ['events.arrow', 'arrow'],
    ] as const) {
      const whole = new Uint8Array(fixtureBytes(name));
      for (let i = 0; i < 40; i++) {
        const at = Math.floor((whole.length * i) / 40);
        const cut = whole.slice(0, Math.max(12, at));
        const flipped = whole.slice();
        flipped[at] = flipped[at]! ^ 0xff;
        for (const bytes of [cut, flipped]) {
          const { result } = await importColumnar(buffer(bytes), name, kind);
          expect(Array.isArray(result.problems)).toBe(true);
          expect(result.rows.imported).toBe(result.dataset?.events.length ?? 0);
        }
      }
    }
  }, 60_000);

  it('our Parquet download reads back as the same events', async () => {
    const bytes = await parquetOfEvents(sourceOf(full.events), full.categories);
    const { result } = await importColumnar(buffer(bytes), 'download.parquet', 'parquet');
    expect(result.rows).toEqual({ total: full.events.length, imported: full.events.length, skipped: 0 });
    expect(result.dataset!.events).toEqual(full.events);
    // Like our CSV, it carries each category's label, not its colour or description.
    const labels = (list: { id: string; label: string }[]): string[] => list.map((c) => `${c.id}: ${c.label}`).sort();
    expect(labels(result.dataset!.categories)).toEqual(
      labels(full.categories.filter((c) => full.events.some((e) => e.category === c.id))),
    );
  });

  it('read-bytes loads the reader for them and reports the import like any other', async () => {
    const read = await readRequest({ buffer: fixtureBytes('events.parquet'), name: 'events.parquet' });
    expect(read.import?.format).toBe('Parquet (our CSV columns)');
    expect(read.result.ok && read.result.kind).toBe('parts');
    const both = await readFiles(
      [
        { name: 'events.parquet', buffer: fixtureBytes('events.parquet') },
        { name: 'acled.parquet', buffer: fixtureBytes('acled.parquet') },
      ],
      'two files',
    );
    expect(both.import?.rows).toEqual({ total: 17, imported: 17, skipped: 0 });
    const tooMany = await readFiles(
      Array.from({ length: LIMITS.maxImportFiles + 1 }, (_, i) => ({ name: `f${i}.csv`, buffer: new ArrayBuffer(1) })),
      'many',
    );
    expect(tooMany.error).toBe('21 files were opened at once; the limit is 20');
  });
});
