/**
 * ACLED CSV exports: the current 31 columns (formats.md 3.3) and legacy files (ally_actor_*,
 * gwno, data_id, event_id_no_cnty, no region, a leading unnamed pandas index), comma, semicolon
 * (Excel) or tab separated, with or without a BOM.
 */
import type { EventRecord, Location, LocationPrecision, Source } from '../../model/types';
import { LIMITS } from '../../model/limits';
import {
  CategoryBook,
  ImportLog,
  addDistinct,
  cleanId,
  dateFailed,
  fitText,
  head,
  lookup,
  settleDates,
  slugify,
  splitList,
  type At,
  type ImportOptions,
  type ImportResult,
  type Importer,
} from './common';
import { readPoint } from './coords';
import { DateReader } from './date-format';
import { Columns, csvRows, readTable, type RowSource } from './table';

const REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude'];
const ACTOR_COLUMNS = ['actor1', 'assoc_actor_1', 'ally_actor_1', 'actor2', 'assoc_actor_2', 'ally_actor_2'];
/** The columns the importer reads (a Parquet or Arrow file's other columns are not decoded). */
export const ACLED_USED_COLUMNS: ReadonlySet<string> = new Set([
  ...REQUIRED,
  ...ACTOR_COLUMNS,
  'time_precision',
  'disorder_type',
  'sub_event_type',
  'civilian_targeting',
  'country',
  'admin1',
  'location',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'tags',
]);
const DROP_NOTES: Record<string, string> = {
  year: 'year (repeats event_date)',
  inter1: 'inter1 (actor-type code, numeric or text)',
  inter2: 'inter2 (actor-type code, numeric or text)',
  interaction: 'interaction (joint actor-type code)',
  admin2: 'admin2 (used as the place name only when location is empty)',
};
/**
 * geo_precision → our precision, read conservatively. Our reference (formats.md 3.3) has the
 * codebook's "level of certainty of the location" and marks the per-value meanings unverified;
 * the issue's reading of the codebook is that 1 is the named town or village, not a point. So 1
 * is never a site: 1 → city, 2 (near the named place, or a part of a region) → region, 3 (a larger
 * region) → region. Each event's location note carries the assumption it was read under.
 */
export const GEO_PRECISION: Record<string, { precision: LocationPrecision; label: string }> = {
  '1': { precision: 'city', label: 'the named town or village' },
  '2': { precision: 'region', label: 'near the named place or part of a region' },
  '3': { precision: 'region', label: 'a larger region' },
};
/** Fixed colours for ACLED's six event types, so every ACLED import looks the same. */
const EVENT_TYPE_COLORS = {
  battles: '#b2182b',
  'violence-against-civilians': '#7b3294',
  'explosions-remote-violence': '#d55e00',
  protests: '#0072b2',
  riots: '#e69f00',
  'strategic-developments': '#009e73',
};
export const ACLED_URL = 'https://acleddata.com/';

export const acled: Importer = {
  id: 'acled',
  label: 'ACLED CSV export',
  extensions: ['csv', 'tsv', 'txt'],
  detect(text) {
    const top = head(text, 2048).split(/\r?\n/, 1)[0] ?? '';
    return top.includes('event_id_cnty') && top.includes('event_date');
  },
  parse(text, fileName, options = {}) {
    try {
      return parseAcled(text, fileName, options);
    } catch (error) {
      return new ImportLog().fail(`could not read the file: ${String(error)}`);
    }
  },
};

function parseAcled(text: string, fileName: string, options: ImportOptions): ImportResult {
  const log = new ImportLog();
  const table = readTable(text, log, options.delimiter ? { delimiter: options.delimiter } : {});
  if ('fatal' in table) return log.fail(table.fatal);
  return acledRows(csvRows(table), log, fileName, options);
}

/** ACLED rows from any table (CSV text, Parquet, Arrow) to an import. */
export function acledRows(
  rows: RowSource,
  log: ImportLog,
  fileName: string,
  options: ImportOptions,
  maxEvents?: number,
): ImportResult {
  const cols = new Columns(rows.header);
  const missing = cols.missing(REQUIRED);
  if (missing.length)
    return log.fail(`not an ACLED export: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
      line: 1,
    });
  describeColumns(log, cols);
  const dates = new DateReader(options.dateFormat);
  for (let i = 0; i < rows.count; i++) dates.see(rows.get(i, 'event_date'), rows.at(i));
  settleDates(log, dates);
  const book = new CategoryBook(EVENT_TYPE_COLORS);
  const built: { event: EventRecord; at: At }[] = [];
  for (let i = 0; i < rows.count; i++) {
    const at = rows.at(i);
    const event = rowToEvent(
      (name) => rows.get(i, name),
      (name) => rows.raw(i, name),
      at,
      { log, book, options, dates },
    );
    if (event) built.push({ event, at });
  }
  log.dates = dates.report();
  const meta = {
    title: `ACLED events from ${fileName || 'an export'}`,
    description:
      `Imported from the ACLED export ${fileName || ''}. ACLED's terms limit redistribution: check them before publishing this file.`.replace(
        ' .',
        '.',
      ),
    license: '',
    updated: '',
  };
  return log.finish(meta, book.list(), built, maxEvents);
}

export interface RowContext {
  log: ImportLog;
  book: CategoryBook;
  options: ImportOptions;
  dates: DateReader;
}

/** One ACLED row, by column name (a CSV line or a Parquet/Arrow row), to an event. */
export function rowToEvent(
  get: (name: string) => string,
  raw: (name: string) => string,
  at: At,
  { log, book, options, dates }: RowContext,
): EventRecord | null {
  const rawId = get('event_id_cnty');
  const id = cleanId(rawId);
  if (!id) {
    log.error(at, 'event_id_cnty is empty; row skipped');
    return null;
  }
  if (!get('event_date')) return dateFailed(log, dates, at, 'event_date', 'is empty');
  const date = dates.read(get('event_date'));
  if (!date.ok) return dateFailed(log, dates, at, 'event_date', date.message);
  const eventType = get('event_type');
  if (!eventType) {
    log.error(at, 'event_type is empty; row skipped');
    return null;
  }
  const point = readPoint(get('latitude'), get('longitude'), options, log, at);
  if (point === 'skip') return null;
  const subType = get('sub_event_type');
  const place = get('location') || get('admin2') || get('admin1') || get('country');
  const title = fitText(
    log,
    at,
    'title',
    `${subType || eventType}${place ? ` in ${place}` : ''}`,
    LIMITS.maxTitleLength,
  );
  const event: EventRecord = {
    id,
    title,
    // Notes are kept verbatim (security.md §4 #37): a leading tab or '=' is text, never trimmed.
    summary: fitText(log, at, 'notes', /\S/.test(raw('notes')) ? raw('notes') : title, LIMITS.maxSummaryLength),
    date: date.date,
    category: book.add(eventType),
    sources: sourcesOf(get('source'), rawId),
  };
  const precision = get('time_precision');
  if (precision === '2' || precision === '3') event.approximate = true;
  const actors: string[] = [];
  for (const column of ACTOR_COLUMNS) addDistinct(actors, ...splitList(get(column)));
  if (actors.length) event.actors = actors.slice(0, LIMITS.maxListLength);
  const tags = tagsOf(get);
  if (tags.length) event.tags = tags.slice(0, LIMITS.maxListLength);
  event.location = point ? locationOf(point, place, get('geo_precision'), log, at) : null;
  const fatalities = get('fatalities');
  if (/^\d+$/.test(fatalities)) event.fatalities = { min: Number(fatalities), by: 'ACLED' };
  else if (fatalities) log.warn(at, `fatalities '${fatalities}' is not a whole number; left out`);
  return event;
}

function sourcesOf(cell: string, eventId: string): Source[] {
  const title = `ACLED event ${eventId}`;
  const names = splitList(cell).slice(0, LIMITS.maxListLength);
  return (names.length ? names : ['ACLED']).map((publisher) => ({ publisher, title, url: ACLED_URL }));
}

function tagsOf(get: (name: string) => string): string[] {
  const tags: string[] = [];
  addDistinct(tags, ...['disorder_type', 'sub_event_type', 'country', 'admin1'].map((c) => slugify(get(c))));
  addDistinct(tags, ...splitList(get('tags')).map(slugify));
  if (get('civilian_targeting')) addDistinct(tags, 'civilian-targeting');
  return tags;
}

function locationOf(
  point: { lat: number; lon: number },
  place: string,
  code: string,
  log: ImportLog,
  at: At,
): Location {
  const known = lookup(GEO_PRECISION, code);
  if (!known) log.warn(at, `geo_precision '${code}' is not 1, 2 or 3; read as region`);
  const note = known
    ? `ACLED geo_precision ${code}: ${known.label} (assumed meaning; read as ${known.precision} precision)`
    : `ACLED geo_precision ${code || 'missing'}: not 1, 2 or 3 (read as region precision)`;
  return { name: place || 'unnamed place', ...point, precision: known?.precision ?? 'region', note };
}

function describeColumns(log: ImportLog, cols: Columns): void {
  log.map(
    'event_id_cnty → id',
    'event_date → date (YYYY-MM-DD, a day and month in the file\'s order such as DD-MM-YYYY, or "15 March 2020")',
    'time_precision 1 → the day; 2 and 3 (a day within a known week) → the same day with approximate: true',
    'event_type → category; sub_event_type → title and tag',
    'title = "<sub_event_type> in <location>"',
    'notes → summary (the title when notes are empty)',
    "actor1, assoc_actor_1, actor2, assoc_actor_2, ally_actor_1/2 → actors (split on '; ')",
    'location, latitude, longitude → location (empty or unreadable coordinates: no location)',
    'geo_precision 1 (the named town or village) → city, 2 (near it, or part of a region) → region, 3 (a larger region) → region; never site. The meanings are assumed from ACLED\'s codebook as summarised in our reference, which has only "level of certainty of the location"; each location note names the assumption',
    "fatalities → fatalities {min, by: 'ACLED'}",
    "source → sources, one per name split on '; ': ACLED gives outlet names, not links, and its event pages are not public, so each is {publisher: name, title: 'ACLED event <event_id_cnty>', url: https://acleddata.com/}",
    'disorder_type, sub_event_type, country, admin1, tags, civilian_targeting → tags (as slugs)',
  );
  log.drop('which actor was actor1, actor2 or associated (all kept in actors)');
  cols.names.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (ACLED_USED_COLUMNS.has(key)) return;
    if (i === 0 && (key === '' || key.startsWith('unnamed'))) log.drop('the unnamed index column');
    else log.drop(lookup(DROP_NOTES, key) ?? (name || `column ${i + 1} (no name)`));
  });
}
