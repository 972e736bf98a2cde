/**
 * CSV records as numbered data rows with named columns. Row numbers count every data record,
 * malformed ones included, so "row 17" is the 17th record under the header in a spreadsheet, and
 * each problem also carries the file line where its record starts.
 */
import { readCsv, type CsvRead, type Delimiter } from '../csv';
import type { At, ImportLog } from './common';

export interface TableRow {
  row: number;
  line: number;
  fields: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

/**
 * Reads CSV text into rows, logging the records the reader set aside (ragged rows, broken quotes)
 * and counting them in the total. With hasHeader false every record is a data row.
 */
export function readTable(
  text: string,
  log: ImportLog,
  opts: { delimiter?: Delimiter; hasHeader?: (first: string[]) => boolean; file?: string } = {},
): Table | { fatal: string } {
  const read: CsvRead = readCsv(text, opts.delimiter ? { delimiter: opts.delimiter } : {});
  if (read.fatal) return { fatal: read.fatal };
  const first = read.records[0];
  if (!first) return { fatal: 'the file has no rows' };
  const hasHeader = opts.hasHeader ? opts.hasHeader(first.fields) : true;
  const header = hasHeader ? first.fields.map((h) => h.trim()) : [];
  const data = hasHeader ? read.records.slice(1) : read.records;
  // Merge the good records and the set-aside ones by line to number rows in file order.
  const bad = read.problems;
  const rows: TableRow[] = [];
  let b = 0;
  let row = 0;
  for (const record of data) {
    while (b < bad.length && bad[b]!.line < record.line) logBad(log, ++row, bad[b++]!, opts.file);
    rows.push({ row: ++row, line: record.line, fields: record.fields });
  }
  while (b < bad.length) logBad(log, ++row, bad[b++]!, opts.file);
  log.total = row;
  return { header, rows };
}

function logBad(log: ImportLog, row: number, problem: { line: number; message: string }, file?: string): void {
  log.error({ ...(file !== undefined ? { file } : {}), row, line: problem.line }, `${problem.message}; row skipped`);
}

/** Looks cells up by column name, case-insensitively; absent columns read as ''. */
export class Columns {
  private readonly index = new Map<string, number>();

  constructor(readonly names: readonly string[]) {
    names.forEach((name, i) => {
      const key = name.trim().toLowerCase();
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  has(name: string): boolean {
    return this.index.has(name.toLowerCase());
  }

  /** The cell, trimmed: spreadsheet cells carry stray spaces that are never meaningful here. */
  get(fields: readonly string[], name: string): string {
    const i = this.index.get(name.toLowerCase());
    return i === undefined ? '' : (fields[i] ?? '').trim();
  }

  /** The cell exactly as written (for long text whose spacing is kept). */
  raw(fields: readonly string[], name: string): string {
    const i = this.index.get(name.toLowerCase());
    return i === undefined ? '' : (fields[i] ?? '');
  }

  missing(required: readonly string[]): string[] {
    return required.filter((name) => !this.has(name));
  }
}

/**
 * A table's rows by column name, wherever they came from (CSV text, a Parquet or Arrow file):
 * what the tabular importers map, so every source of rows is read by the same code.
 */
export interface RowSource {
  readonly header: readonly string[];
  readonly count: number;
  at(i: number): At;
  /** The cell, trimmed; '' for an absent column. */
  get(i: number, name: string): string;
  /** The cell as written. */
  raw(i: number, name: string): string;
}

/** A CSV table as a RowSource (`cell` may transform the text, as our CSV's restoreFormula does). */
export function csvRows(table: Table, cell: (text: string) => string = (t) => t): RowSource {
  const cols = new Columns(table.header);
  const { rows } = table;
  return {
    header: table.header,
    count: rows.length,
    at: (i) => ({ row: rows[i]!.row, line: rows[i]!.line }),
    get: (i, name) => cell(cols.get(rows[i]!.fields, name)),
    raw: (i, name) => cell(cols.raw(rows[i]!.fields, name)),
  };
}
