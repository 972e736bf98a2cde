// npm run fixtures:import — writes the Parquet and Arrow IPC test fixtures with maintained
// writers (hyparquet-writer, @uwdata/flechette), from content already in the repository:
//   tests/fixtures/import/events.parquet  the first 12 events of data/events.json in our CSV's columns
//   tests/fixtures/import/events-sample.json  those 12 events as our JSON: what both files must read back as
//   tests/fixtures/import/events.arrow    the same rows as an Arrow IPC file (Feather v2, uncompressed)
//   tests/fixtures/import/acled.parquet   tests/fixtures/import/acled-current.csv, event_date as a
//                                         DATE column, coordinates as doubles, GZIP-compressed
// The helpers are also used by the unit tests to build files that show one quirk each.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dateDay, float64, tableFromArrays, tableToIPC, utf8 } from '@uwdata/flechette';
import { parquetWriteBuffer, schemaFromColumnData } from 'hyparquet-writer';
import { readCsv } from '../src/lib/io/csv.ts';
import { parquetOfEvents } from '../src/lib/io/export-parquet.ts';
import { CSV_COLUMNS, csvRow, sourceOf, toJson } from '../src/lib/io/formats/export.ts';
import type { DatasetFile } from '../src/lib/model/types.ts';

const DIR = 'tests/fixtures/import';

export type Cells = Record<string, (string | number | boolean | null)[]>;
export type ParquetType = 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN' | 'DATE';

/** A Parquet file of the given columns (strings unless typed), snappy unless GZIP is asked for. */
export function parquetOf(
  cells: Cells,
  {
    types = {},
    codec = 'SNAPPY',
    rowGroupSize,
  }: { types?: Record<string, ParquetType>; codec?: 'SNAPPY' | 'GZIP'; rowGroupSize?: number } = {},
): Uint8Array {
  const columnData = Object.entries(cells).map(([name, data]) => {
    const type = types[name] ?? 'STRING';
    const values =
      type === 'DATE'
        ? data.map((v) => (typeof v === 'string' ? Date.parse(`${v}T00:00:00Z`) / 86_400_000 : null))
        : data.map((v) => (v === '' ? null : v));
    return { name, type, data: values };
  });
  // A DATE column is an INT32 of days with the DATE annotation (the writer has no DATE type of its own).
  const schema = schemaFromColumnData({
    columnData: columnData.map(({ name, type, data }) =>
      type === 'DATE' ? { name, data } : { name, type, data, nullable: true },
    ),
    schemaOverrides: Object.fromEntries(
      columnData
        .filter((c) => c.type === 'DATE')
        .map((c) => [c.name, { name: c.name, type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' }]),
    ),
  });
  const buffer = parquetWriteBuffer({
    schema,
    columnData: columnData.map(({ name, data }) => ({ name, data })),
    codec,
    compressors: { GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input)) },
    ...(rowGroupSize ? { rowGroupSize } : {}),
  });
  return new Uint8Array(buffer);
}

/** An Arrow IPC file (or stream) of the given columns: text as utf8, numbers as float64, days as date32. */
export function arrowOf(
  cells: Cells,
  { days = [] as string[], format = 'file' as 'file' | 'stream' } = {},
): Uint8Array {
  const types = Object.fromEntries(
    Object.entries(cells).map(([name, data]) => [
      name,
      days.includes(name) ? dateDay() : data.some((v) => typeof v === 'number') ? float64() : utf8(),
    ]),
  );
  const arrays = Object.fromEntries(
    Object.entries(cells).map(([name, data]) => [
      name,
      days.includes(name) ? data.map((v) => (typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : null)) : data,
    ]),
  );
  return tableToIPC(tableFromArrays(arrays, { types }), { format })!;
}

/** Events in our CSV's columns, as cells (numbers where the CSV has numbers). */
export function eventCells(dataset: DatasetFile): Cells {
  const labels = new Map(dataset.categories.map((c) => [c.id, c.label]));
  const cells: Cells = Object.fromEntries(CSV_COLUMNS.map((c) => [c, []]));
  for (const event of dataset.events)
    csvRow(event, labels).forEach((cell, i) =>
      cells[CSV_COLUMNS[i]!]!.push(cell === undefined || cell === '' ? null : (cell as string | number | boolean)),
    );
  return cells;
}

/** A CSV file's columns as cells (every cell text, as written). */
export function csvCells(text: string): Cells {
  const [header, ...rows] = readCsv(text).records;
  const names = header!.fields.map((h) => h.replace(/^\uFEFF/, ''));
  return Object.fromEntries(names.map((name, i) => [name, rows.map((r) => r.fields[i] ?? '')]));
}

async function main(): Promise<void> {
  const full = JSON.parse(readFileSync('data/events.json', 'utf8')) as DatasetFile;
  // Their links to events outside the sample are left out, so the fixture reads without warnings.
  const events = full.events.slice(0, 12).map(({ related: _related, ...event }) => event);
  const sample: DatasetFile = { ...full, events };
  writeFileSync(`${DIR}/events-sample.json`, toJson(sample));
  writeFileSync(`${DIR}/events.parquet`, await parquetOfEvents(sourceOf(sample.events), sample.categories));
  writeFileSync(`${DIR}/events.arrow`, arrowOf(eventCells(sample)));
  const acled = csvCells(readFileSync(`${DIR}/acled-current.csv`, 'utf8'));
  acled.latitude = acled.latitude!.map((v) => (v === '' ? null : Number(v)));
  acled.longitude = acled.longitude!.map((v) => (v === '' ? null : Number(v)));
  writeFileSync(
    `${DIR}/acled.parquet`,
    parquetOf(acled, { types: { event_date: 'DATE', latitude: 'DOUBLE', longitude: 'DOUBLE' }, codec: 'GZIP' }),
  );
  console.log(`wrote ${DIR}/events-sample.json, events.parquet, events.arrow and acled.parquet`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
