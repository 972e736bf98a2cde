/**
 * The filtered events as Parquet: the columns of our CSV (CSV_COLUMNS, the same cells, so the
 * Parquet importer reads it back like the CSV), with lat/lon as doubles, fatalities as integers
 * and approximate as a boolean; no formula quoting, since Parquet cells are values, never
 * evaluated. Written by hyparquet-writer a row group at a time, yielding between groups so a large
 * export never holds the page in one task. Only ever imported dynamically (the Data menu, the CLI).
 */
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import type { Category } from '../model/types';
import { CSV_COLUMNS, csvRow, type EventSource } from './formats/export';

/** Rows per row group: one group is written per task (5,000 took ~200 ms on a busy 2-core machine; this is ~80 ms). */
export const PARQUET_ROWS_PER_GROUP = 2_000;

type ColumnType = 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN';
const TYPES: Partial<Record<(typeof CSV_COLUMNS)[number], ColumnType>> = {
  lat: 'DOUBLE',
  lon: 'DOUBLE',
  fatalities_min: 'INT32',
  fatalities_max: 'INT32',
  approximate: 'BOOLEAN',
};

export interface ParquetExportOptions {
  /** Called after each row group with the events written so far. */
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Waits between row groups (a task boundary in the page); none in tests and the CLI. */
  pause?: () => Promise<void>;
}

/** The events as a Parquet file's bytes; rejects with 'cancelled' when the signal aborts. */
export async function parquetOfEvents(
  events: EventSource,
  categories: readonly Category[],
  { progress, signal, pause }: ParquetExportOptions = {},
): Promise<Uint8Array> {
  const labels = new Map(categories.map((c) => [c.id, c.label]));
  const columns = CSV_COLUMNS.map((name) => ({ name, type: TYPES[name] ?? ('STRING' as ColumnType) }));
  const schema = schemaFromColumnData({
    columnData: columns.map(({ name, type }) => ({ name, type, nullable: true, data: [] })),
  });
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({ writer, schema, createdBy: 'Faultline' });
  const total = events.count;
  for (let start = 0; start < total || (start === 0 && total === 0); start += PARQUET_ROWS_PER_GROUP) {
    if (signal?.aborted) throw new Error('cancelled');
    const data = columns.map(() => [] as unknown[]);
    for (let i = start; i < Math.min(total, start + PARQUET_ROWS_PER_GROUP); i++) {
      const event = events.at(i);
      if (!event) continue;
      csvRow(event, labels).forEach((cell, c) => {
        const type = columns[c]!.type;
        data[c]!.push(
          cell === undefined || cell === null || cell === ''
            ? null
            : type === 'BOOLEAN'
              ? cell === true
              : type === 'STRING'
                ? String(cell)
                : Number(cell),
        );
      });
    }
    if (data[0]!.length > 0)
      parquet.write({
        columnData: columns.map(({ name }, c) => ({ name, data: data[c]! })),
        rowGroupSize: PARQUET_ROWS_PER_GROUP,
      });
    progress?.(Math.min(total, start + PARQUET_ROWS_PER_GROUP), total);
    if (total === 0) break;
    if (pause) await pause();
  }
  parquet.finish();
  return new Uint8Array(writer.getBuffer());
}
