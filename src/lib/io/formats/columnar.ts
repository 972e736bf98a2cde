/**
 * Parquet and Arrow IPC files (what pandas, R, DuckDB and Polars write), read by maintained
 * readers: hyparquet (with hyparquet-compressors' pure-JS gzip, brotli and LZ4, and fzstd for
 * ZSTD; Snappy is hyparquet's own) and @uwdata/flechette. This module is only ever imported
 * dynamically (read-bytes.ts, the CLI), so neither reader is in the app's first load.
 *
 * The limits are checked on the footer (Parquet) or the decoded message headers (Arrow) before
 * any column is decoded: rows, columns, row groups (record batches) and, for Parquet, the
 * uncompressed size of the columns read. Columns are found by name: our CSV's layout, or ACLED's
 * or UCDP GED's; the rows then go through those importers' own row mapping, as a CSV would.
 */
import { tableFromIPC } from '@uwdata/flechette';
import { decompress as decompressZstd } from 'fzstd';
import { parquetMetadata, parquetRead, type Compressors, type FileMetaData } from 'hyparquet';
import { decompressBrotli } from 'hyparquet-compressors/src/brotli.js';
import { gunzip } from 'hyparquet-compressors/src/gzip.js';
import { decompressLz4, decompressLz4Raw } from 'hyparquet-compressors/src/lz4.js';
import { LIMITS } from '../../model/limits';
import { megabytes } from '../../model/load-bytes';
import { ACLED_USED_COLUMNS, acledRows } from './acled';
import { ImportLog, type ImportOptions, type ImportResult } from './common';
import { COLUMNAR_LABEL, type ColumnarKind } from './columnar-kind';
import { CSV_COLUMNS } from './export';
import { faultlineRows } from './faultline-csv';
import { checkPages } from './parquet-pages';
import type { RowSource } from './table';
import { UCDP_USED_COLUMNS, ucdpRows } from './ucdp';

const COMPRESSORS: Compressors = {
  GZIP: (input, length) => gunzip(input, new Uint8Array(length)),
  BROTLI: decompressBrotli,
  ZSTD: (input) => decompressZstd(input),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};

type Layout = 'faultline' | 'acled' | 'ucdp';
const LAYOUT_LABEL: Record<Layout, string> = {
  faultline: 'our CSV columns',
  acled: 'ACLED columns',
  ucdp: 'UCDP GED columns',
};

/** Which column set the names are, and the columns to read for it. */
function layoutOf(names: readonly string[]): { layout: Layout; read: string[] } | null {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const pick = (wanted: Iterable<string>): string[] => {
    const set = new Set([...wanted].map((w) => w.toLowerCase()));
    return names.filter((n) => set.has(n.toLowerCase()));
  };
  if (['id', 'title', 'summary', 'date', 'category'].every((c) => lower.has(c)))
    return { layout: 'faultline', read: pick(CSV_COLUMNS) };
  if (lower.has('event_id_cnty') && lower.has('event_date')) return { layout: 'acled', read: pick(ACLED_USED_COLUMNS) };
  if (lower.has('type_of_violence') && lower.has('date_start'))
    return { layout: 'ucdp', read: pick(UCDP_USED_COLUMNS) };
  return null;
}

/** A Parquet or Arrow file's rows, imported by the layout its column names show. */
export async function importColumnar(
  buffer: ArrayBuffer,
  name: string,
  kind: ColumnarKind,
  options: ImportOptions = {},
): Promise<{ label: string; result: ImportResult }> {
  const log = new ImportLog();
  const label = COLUMNAR_LABEL[kind];
  if (buffer.byteLength > LIMITS.maxColumnarBytes)
    return {
      label,
      result: log.fail(
        `${name} is ${megabytes(buffer.byteLength)} MB; the limit for ${label} is ${megabytes(LIMITS.maxColumnarBytes)} MB`,
      ),
    };
  let table: { names: string[]; columns: Map<string, ArrayLike<unknown>>; rows: number };
  let layout: { layout: Layout; read: string[] } | null = null;
  try {
    const header = kind === 'parquet' ? parquetHeader(buffer) : arrowHeader(buffer);
    if ('fatal' in header) return { label, result: log.fail(header.fatal) };
    layout = layoutOf(header.names);
    if (!layout)
      return {
        label,
        result: log.fail(
          `the columns of ${name} (${header.names.slice(0, 12).join(', ')}${header.names.length > 12 ? ', …' : ''}) are neither our CSV's (id, title, summary, date, category, …), ACLED's (event_id_cnty, event_date, …) nor UCDP GED's (id, type_of_violence, date_start, …)`,
        ),
      };
    const tooBig = header.check(layout.read);
    if (tooBig) return { label, result: log.fail(tooBig) };
    table = await header.read(layout.read);
  } catch (error) {
    return { label, result: log.fail(`${name} could not be read as ${label}: ${(error as Error).message}`) };
  }
  const rows = rowSource(table.names, table.columns, table.rows);
  log.total = table.rows;
  if (!layout) return { label, result: log.fail('no layout') };
  log.map(
    `${label}: ${table.rows.toLocaleString('en-GB')} rows, columns read by name as ${LAYOUT_LABEL[layout.layout]}`,
  );
  const max = LIMITS.maxPackEvents;
  const result =
    layout.layout === 'faultline'
      ? faultlineRows(rows, log, name, options, max, `Faultline ${label}`)
      : layout.layout === 'acled'
        ? acledRows(rows, log, name, options, max)
        : ucdpRows(rows, log, name, options, max);
  return { label: `${label} (${LAYOUT_LABEL[layout.layout]})`, result };
}

interface Header {
  names: string[];
  /** The limits on what reading `columns` would cost; null when within them. */
  check(columns: string[]): string | null;
  read(columns: string[]): Promise<{ names: string[]; columns: Map<string, ArrayLike<unknown>>; rows: number }>;
}

const nf = (n: number | bigint): string => n.toLocaleString('en-GB');

function common(rows: number, columns: number, groups: number, what: string): string | null {
  if (rows > LIMITS.maxColumnarRows) return `the file has ${nf(rows)} rows; the limit is ${nf(LIMITS.maxColumnarRows)}`;
  if (columns > LIMITS.maxColumnarColumns)
    return `the file has ${nf(columns)} columns; the limit is ${nf(LIMITS.maxColumnarColumns)}`;
  if (groups > LIMITS.maxColumnarGroups)
    return `the file has ${nf(groups)} ${what}; the limit is ${nf(LIMITS.maxColumnarGroups)}`;
  return null;
}

/** The footer only: names, rows, row groups and each column chunk's uncompressed size. */
function parquetHeader(buffer: ArrayBuffer): Header | { fatal: string } {
  // The footer's length is the 4 bytes before the closing "PAR1": a huge one (millions of columns
  // or row groups described) is refused before it is parsed.
  const view = new DataView(buffer);
  if (buffer.byteLength >= 12 && view.getUint32(buffer.byteLength - 4, true) === 0x31524150) {
    const footer = view.getUint32(buffer.byteLength - 8, true);
    if (footer > LIMITS.maxParquetFooterBytes)
      return {
        fatal: `the Parquet footer is ${megabytes(footer)} MB; the limit is ${megabytes(LIMITS.maxParquetFooterBytes)} MB`,
      };
  }
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    return { fatal: `not a readable Parquet file: ${(error as Error).message}` };
  }
  // Top-level fields: schema[0] is the root, whose num_children counts them.
  const names: string[] = [];
  const schema = metadata.schema;
  for (let i = 1, left = schema[0]?.num_children ?? 0; i < schema.length && left > 0; left--) {
    names.push(schema[i]!.name);
    i = skipSubtree(schema, i);
  }
  const rows = Number(metadata.num_rows);
  return {
    names,
    check(columns) {
      const limited = common(rows, names.length, metadata.row_groups.length, 'row groups');
      if (limited) return limited;
      let bytes = 0n;
      for (const group of metadata.row_groups)
        for (const chunk of group.columns)
          if (chunk.meta_data && columns.includes(chunk.meta_data.path_in_schema[0]!))
            bytes += chunk.meta_data.total_uncompressed_size;
      if (bytes > BigInt(LIMITS.maxColumnarDecodedBytes))
        return `the columns read decompress to ${megabytes(Number(bytes))} MB; the limit is ${megabytes(LIMITS.maxColumnarDecodedBytes)} MB`;
      // Every page header must agree with the footer before any page is decoded.
      const pages = checkPages(buffer, metadata, columns, LIMITS.maxColumnarDecodedBytes);
      return pages ? `the Parquet file is damaged: ${pages}` : null;
    },
    async read(columns) {
      const chunks = new Map<string, { start: number; data: ArrayLike<unknown> }[]>();
      await parquetRead({
        file: buffer,
        metadata,
        columns,
        compressors: COMPRESSORS,
        parsers: {
          // Calendar days and instants as text, never through a local-time Date.
          dateFromDays: (days: number) => dayText(days * 86_400_000) as unknown as Date,
          timestampFromMilliseconds: (ms: bigint | number) => instantText(Number(ms)) as unknown as Date,
          timestampFromMicroseconds: (us: bigint) => instantText(Number(us / 1000n)) as unknown as Date,
          timestampFromNanoseconds: (ns: bigint) => instantText(Number(ns / 1_000_000n)) as unknown as Date,
        },
        onChunk: (chunk) => {
          const list = chunks.get(chunk.columnName) ?? [];
          list.push({ start: chunk.rowStart, data: chunk.columnData as ArrayLike<unknown> });
          chunks.set(chunk.columnName, list);
        },
      });
      const out = new Map<string, ArrayLike<unknown>>();
      for (const [column, list] of chunks) {
        if (list.length === 1 && list[0]!.start === 0) {
          out.set(column, list[0]!.data);
          continue;
        }
        const all: unknown[] = new Array(rows);
        for (const { start, data } of list)
          for (let i = 0; i < data.length && start + i < rows; i++) all[start + i] = data[i];
        out.set(column, all);
      }
      return { names, columns: out, rows };
    },
  };
}

function skipSubtree(schema: FileMetaData['schema'], i: number): number {
  let pending = 1;
  while (pending > 0 && i < schema.length) {
    pending += (schema[i]!.num_children ?? 0) - 1;
    i++;
  }
  return i;
}

/**
 * Arrow IPC: flechette decodes the messages' headers and lays out views on the buffer; values are
 * extracted only for the columns read. Compressed IPC bodies (LZ4/ZSTD) are not read here, so
 * what is decoded is never more than the file itself.
 */
function arrowHeader(buffer: ArrayBuffer): Header | { fatal: string } {
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(new Uint8Array(buffer), { useDate: false, useBigInt: false });
  } catch (error) {
    const message = (error as Error).message;
    return {
      fatal: /compression codec/i.test(message)
        ? `the Arrow file is compressed (${message.replace(/^Missing compression codec /, '')}); write it uncompressed (pyarrow: compression='uncompressed')`
        : `not a readable Arrow IPC file: ${message}`,
    };
  }
  const names = table.names.map(String);
  const batches = table.children[0]?.data.length ?? 0;
  return {
    names,
    check: () => common(table.numRows, names.length, batches, 'record batches'),
    read: async (columns) => {
      const out = new Map<string, ArrayLike<unknown>>();
      for (const column of columns) {
        const child = table.getChild(column);
        const typeId = child.type.typeId;
        const values = child.toArray() as ArrayLike<unknown>;
        // Date32/Date64 (8, days or ms) and Timestamp (10) arrive as numbers of ms: shown as text.
        if (typeId === 8 || typeId === 10) {
          const text = Array.from(values, (v) =>
            typeof v === 'number' ? (typeId === 8 ? dayText(v) : instantText(v)) : v,
          );
          out.set(column, text);
        } else out.set(column, values);
      }
      return { names, columns: out, rows: table.numRows };
    },
  };
}

/** UTC milliseconds → "YYYY-MM-DD" (toISOString is UTC: no local day shift). */
function dayText(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}

/** UTC milliseconds → the day at midnight, else "YYYY-MM-DDTHH:MM:SS" (no zone: the importers keep the day and say so). */
function instantText(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  return iso.slice(11, 23) === '00:00:00.000' ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Cells as the row mappers read them: text, lists as JSON arrays (our lists and sources read JSON). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return instantText(value.getTime());
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return JSON.stringify(Array.from(value as unknown as ArrayLike<number>));
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  } catch {
    return '';
  }
}

function rowSource(names: string[], columns: Map<string, ArrayLike<unknown>>, count: number): RowSource {
  const byName = new Map<string, ArrayLike<unknown>>();
  for (const n of names) {
    const values = columns.get(n);
    if (values && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), values);
  }
  const raw = (i: number, name: string): string => {
    const values = byName.get(name.toLowerCase());
    return values ? cellText(values[i]) : '';
  };
  return { header: names, count, at: (i) => ({ row: i + 1 }), raw, get: (i, name) => raw(i, name).trim() };
}
