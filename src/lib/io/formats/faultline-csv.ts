/**
 * Reads back the CSV that toCsv writes (columns found by name, so a sheet may reorder or drop
 * them). Cells are kept verbatim apart from restoreFormula, which removes exactly the quote the
 * exporter added before a formula trigger (csv.ts explains the rule), so import(toCsv(x)) = x.
 */
import { restoreFormula } from '../csv';
import { LIMITS } from '../../model/limits';
import type {
  EventRecord,
  Fatalities,
  Location,
  LocationPrecision,
  Source,
  Status,
  StatusKind,
} from '../../model/types';
import {
  CategoryBook,
  ImportLog,
  head,
  isRecord,
  readDateCell,
  settleDates,
  textOf,
  type At,
  type ImportOptions,
  type ImportResult,
  type Importer,
} from './common';
import { readPoint } from './coords';
import { DateReader } from './date-format';
import { CSV_COLUMNS, decodeList } from './export';
import { Columns, csvRows, readTable, type RowSource } from './table';

export const faultlineCsv: Importer = {
  id: 'faultline-csv',
  label: 'Faultline CSV',
  extensions: ['csv'],
  detect(text) {
    const first = head(text, 1024).split(/\r?\n/, 1)[0] ?? '';
    return /^id[,;\t]title[,;\t]summary[,;\t]date([,;\t]|$)/.test(first);
  },
  parse(text, fileName, options = {}) {
    try {
      return parseCsv(text, fileName, options);
    } catch (error) {
      return new ImportLog().fail(`could not read the file: ${String(error)}`);
    }
  },
};

function parseCsv(text: string, fileName: string, options: ImportOptions): ImportResult {
  const log = new ImportLog();
  const table = readTable(text, log, options.delimiter ? { delimiter: options.delimiter } : {});
  if ('fatal' in table) return log.fail(table.fatal);
  return faultlineRows(csvRows(table, restoreFormula), log, fileName, options);
}

/** Rows in our CSV's layout from any table (CSV text, Parquet, Arrow) to an import. */
export function faultlineRows(
  rows: RowSource,
  log: ImportLog,
  fileName: string,
  options: ImportOptions,
  maxEvents?: number,
  what = 'Faultline CSV',
): ImportResult {
  const cols = new Columns(rows.header);
  const missing = cols.missing(['id', 'title', 'summary', 'date', 'category']);
  if (missing.length)
    return log.fail(`not a ${what}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
      line: 1,
    });
  log.map('each column → the field of the same name (lists "a; b" or a JSON array; sources a JSON array)');
  for (const name of rows.header)
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) log.drop(name || '(unnamed column)');
  const labels = new Map<string, string>();
  const built: { event: EventRecord; at: At }[] = [];
  const dates = new DateReader(options.dateFormat);
  for (let i = 0; i < rows.count; i++) {
    dates.see(rows.get(i, 'date'), rows.at(i));
    dates.see(rows.get(i, 'end'), rows.at(i));
  }
  settleDates(log, dates);
  for (let i = 0; i < rows.count; i++) {
    const at = rows.at(i);
    const get = (name: string): string => rows.raw(i, name);
    const event = toEvent(get, at, { log, options, dates });
    if (!event) continue;
    if (get('category_label') && !labels.has(event.category)) labels.set(event.category, get('category_label'));
    built.push({ event, at });
  }
  log.dates = dates.report();
  const book = new CategoryBook();
  for (const { event } of built) book.add(labels.get(event.category) ?? event.category, event.category);
  return log.finish(
    { title: `${what} import (${fileName || 'file'})`, description: '', license: '', updated: '' },
    book.list(),
    built,
    maxEvents,
  );
}

export interface RowContext {
  log: ImportLog;
  options: ImportOptions;
  dates: DateReader;
}

/** One row of our CSV layout, by column name (a CSV line or a Parquet/Arrow row), to an event. */
export function toEvent(
  get: (name: string) => string,
  at: At,
  { log, options, dates }: RowContext,
): EventRecord | null {
  const sources = sourcesOf(get('sources'), log, at);
  if (!sources) return null;
  const date = readDateCell(log, dates, at, 'date', get('date'));
  const end = get('end').trim() ? readDateCell(log, dates, at, 'end', get('end')) : '';
  if (date === null || end === null) return null;
  const event: EventRecord = {
    id: get('id'),
    title: get('title'),
    summary: get('summary'),
    date,
    category: get('category'),
    sources,
  };
  if (end) event.end = end;
  if (get('approximate').trim() === 'true') event.approximate = true;
  for (const key of ['actors', 'tags', 'related'] as const) {
    const list = decodeList(get(key));
    if (list.length) event[key] = list;
  }
  const location = locationOf(get, log, at, options);
  if (location === 'skip') return null;
  event.location = location;
  if (get('status')) {
    const status: Status = { kind: get('status') as StatusKind };
    const by = decodeList(get('status_by'));
    if (by.length) status.by = by;
    if (get('status_note')) status.note = get('status_note');
    event.status = status;
  }
  const fatalities = fatalitiesOf(get, log, at);
  if (fatalities === 'skip') return null;
  if (fatalities) event.fatalities = fatalities;
  return event;
}

function locationOf(
  get: (name: string) => string,
  log: ImportLog,
  at: At,
  options: ImportOptions,
): Location | null | 'skip' {
  if (!['location_name', 'lat', 'lon', 'location_precision'].some((k) => get(k).trim())) return null;
  const point = readPoint(get('lat'), get('lon'), options, log, at);
  if (point === null || point === 'skip') return point;
  const location: Location = {
    name: get('location_name'),
    ...point,
    precision: get('location_precision') as LocationPrecision,
  };
  if (get('location_note')) location.note = get('location_note');
  const aliases = decodeList(get('location_aliases'));
  if (aliases.length) location.aliases = aliases;
  return location;
}

function fatalitiesOf(get: (name: string) => string, log: ImportLog, at: At): Fatalities | null | 'skip' {
  const [min, max] = ['fatalities_min', 'fatalities_max'].map((k) => get(k).trim());
  if (!min && !max) return null;
  if (!/^\d+$/.test(min!) || (max && !/^\d+$/.test(max))) {
    log.error(at, `fatalities '${min}'${max ? ` to '${max}'` : ''} are not whole numbers; row skipped`);
    return 'skip';
  }
  const out: Fatalities = { min: Number(min) };
  if (max) out.max = Number(max);
  if (get('fatalities_by')) out.by = get('fatalities_by');
  return out;
}

/** A JSON array of source objects (what we write), or "publisher | title | url" entries joined by " ;; " (hand-made sheets). */
function sourcesOf(cell: string, log: ImportLog, at: At): Source[] | null {
  const text = cell.trim();
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      log.error(at, 'sources is not a valid JSON array; row skipped');
      return null;
    }
    if (!Array.isArray(parsed) || !parsed.every(isRecord)) {
      log.error(at, 'sources must be a JSON array of {publisher, title, url}; row skipped');
      return null;
    }
    return parsed.slice(0, LIMITS.maxListLength + 1).map((s) => {
      const out: Record<string, string> = {};
      for (const key of ['publisher', 'title', 'url', 'date', 'author', 'quote'])
        if (s[key] !== undefined) out[key] = textOf(s[key]);
      return out as unknown as Source;
    });
  }
  const entries = text
    .split(' ;; ')
    .map((e) => e.split(' | ').map((p) => p.trim()))
    .filter((p) => p.some(Boolean));
  return entries.map(([publisher = '', title = '', url = '']) => ({ publisher, title: title || publisher, url }));
}
