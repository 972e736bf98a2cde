/**
 * UCDP Georeferenced Event Dataset (GED): CSV releases (49 columns, formats.md 3.4; some without a
 * header row) and the API's JSON ({Result: [...]} or a bare array, 47 fields without gwnoa/gwnob).
 */
import type { EventRecord, Fatalities, LocationPrecision, Source } from '../../model/types';
import { LIMITS } from '../../model/limits';
import { safeHttpUrl } from '../../model/url';
import {
  CategoryBook,
  ImportLog,
  cleanId,
  dateFailed,
  fitText,
  head,
  isRecord,
  lookup,
  settleDates,
  slugify,
  textOf,
  type At,
  type ImportOptions,
  type ImportResult,
  type Importer,
} from './common';
import { readCsv } from '../csv';
import { readPoint } from './coords';
import { readJson } from './json-input';
import { DateReader } from './date-format';
import { truncateDateTime } from './source-dates';
import { readTable, type RowSource } from './table';

export const UCDP_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
] as const;
/** The fields the importer reads (a Parquet or Arrow file's other columns are not decoded). */
export const UCDP_USED_COLUMNS: ReadonlySet<string> = new Set([
  'id',
  'type_of_violence',
  'conflict_name',
  'dyad_name',
  'side_a',
  'side_b',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'country',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
]);
const VIOLENCE: Record<string, { id: string; label: string; color: string }> = {
  '1': { id: 'state-based', label: 'State-based violence', color: '#b2182b' },
  '2': { id: 'non-state', label: 'Non-state violence', color: '#e69f00' },
  '3': { id: 'one-sided', label: 'One-sided violence', color: '#7b3294' },
};
/**
 * where_prec → our precision. 1-4 follow the meanings in our reference (formats.md 3.4: 1 exact
 * location, 2 a limited area around a location, 3 an ADM2 centroid, 4 an ADM1 centroid); 5-7 are
 * unverified there (coarser still: read as country). Each location note names the reading.
 */
export const WHERE_PREC: Record<string, { precision: LocationPrecision; label: string }> = {
  '1': { precision: 'site', label: 'the exact location' },
  '2': { precision: 'city', label: 'a limited area around the named location' },
  '3': { precision: 'region', label: 'the centroid of a second-order administrative division (ADM2)' },
  '4': { precision: 'region', label: 'the centroid of a first-order administrative division (ADM1)' },
  '5': { precision: 'country', label: 'coarser than ADM1 (meaning unverified)' },
  '6': { precision: 'country', label: 'coarser than ADM1 (meaning unverified)' },
  '7': { precision: 'country', label: 'coarser than ADM1 (meaning unverified)' },
};
export const UCDP_URL = 'https://ucdp.uu.se/';

type Record_ = (name: string) => string;

export const ucdp: Importer = {
  id: 'ucdp',
  label: 'UCDP GED (CSV or API JSON)',
  extensions: ['csv', 'json'],
  detect(text) {
    const top = head(text, 4096);
    if (top.includes('type_of_violence') && top.includes('where_prec')) return true;
    // Header-less CSV: a numeric id and the right number of fields on the first line.
    const first = top.split(/\r?\n/, 1)[0] ?? '';
    if (!/^\d+,/.test(first)) return false;
    const fields = readCsv(first, { delimiter: ',' }).records[0]?.fields.length;
    return fields === 49 || fields === 47;
  },
  parse(text, fileName, options = {}) {
    try {
      return parseUcdp(text, fileName, options);
    } catch (error) {
      return new ImportLog().fail(`could not read the file: ${String(error)}`);
    }
  },
};

function parseUcdp(text: string, fileName: string, options: ImportOptions): ImportResult {
  const log = new ImportLog();
  const records = /^\uFEFF?\s*[[{]/.test(text) ? jsonRecords(text, log) : csvRecords(text, log, options);
  if ('fatal' in records) return log.fail(records.fatal, records.at);
  return ucdpRows(
    {
      header: records.columns,
      count: records.rows.length,
      at: (i) => records.rows[i]!.at,
      get: (i, name) => records.rows[i]!.get(name),
      raw: (i, name) => records.rows[i]!.get(name),
    },
    log,
    fileName,
    options,
  );
}

/** GED records from any table (CSV text, API JSON, Parquet, Arrow) to an import. */
export function ucdpRows(
  rows: RowSource,
  log: ImportLog,
  fileName: string,
  options: ImportOptions,
  maxEvents?: number,
): ImportResult {
  const missing = ['id', 'type_of_violence', 'date_start'].filter((c) => !rows.header.includes(c));
  if (missing.length)
    return log.fail(`not a UCDP GED file: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  describe(log, rows.header);
  const book = new CategoryBook();
  const built: { event: EventRecord; at: At }[] = [];
  const dates = new DateReader(options.dateFormat);
  for (let i = 0; i < rows.count; i++) {
    dates.see(rows.get(i, 'date_start'), rows.at(i));
    dates.see(rows.get(i, 'date_end'), rows.at(i));
  }
  settleDates(log, dates);
  for (let i = 0; i < rows.count; i++) {
    const at = rows.at(i);
    const event = toEvent((name) => rows.get(i, name), at, { log, book, options, dates });
    if (event) built.push({ event, at });
  }
  log.dates = dates.report();
  const meta = {
    title: `UCDP GED events from ${fileName || 'an import'}`,
    description: `Imported from the UCDP Georeferenced Event Dataset (${fileName || 'file'}).`,
    license: '',
    updated: '',
  };
  return log.finish(meta, book.list(), built, maxEvents);
}

type Rows = { rows: { at: At; get: Record_ }[]; columns: readonly string[] } | { fatal: string; at?: At };

function csvRecords(text: string, log: ImportLog, options: ImportOptions): Rows {
  let headerless = false;
  const table = readTable(text, log, {
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    hasHeader: (first) => !(headerless = /^\d+$/.test(first[0]?.trim() ?? '')),
  });
  if ('fatal' in table) return { fatal: table.fatal };
  const columns: readonly string[] = headerless ? UCDP_COLUMNS : table.header.map((h) => h.toLowerCase());
  const width = table.rows[0]?.fields.length ?? columns.length;
  if (headerless && width !== 49 && width !== 47)
    return {
      fatal: `a UCDP GED file without a header row has 49 (or 47) columns; this one has ${width}`,
      at: { line: 1 },
    };
  const missing = ['id', 'type_of_violence', 'date_start', 'latitude', 'longitude'].filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      fatal: `not a UCDP GED file: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      at: { line: 1 },
    };
  if (headerless) log.map('no header row: columns read in the GED order (id, relid, year, …, gwnoa, gwnob)');
  const index = new Map(columns.map((c, i) => [c, i] as const));
  return {
    columns,
    rows: table.rows.map(({ row, line, fields }) => ({
      at: { row, line },
      get: (name: string) => (fields[index.get(name) ?? -1] ?? '').trim(),
    })),
  };
}

function jsonRecords(text: string, log: ImportLog): Rows {
  const json = readJson(text);
  if (!json.ok) return { fatal: `not valid JSON: ${json.message}`, at: json.line ? { line: json.line } : {} };
  const list = Array.isArray(json.value) ? json.value : isRecord(json.value) ? json.value.Result : undefined;
  const base = Array.isArray(json.value) ? '' : '/Result';
  if (!Array.isArray(list)) return { fatal: 'expected UCDP API JSON: {"Result": [events…]} or a list of events' };
  log.total = list.length;
  const columns = new Set<string>();
  const rows = list.map((item, i) => {
    const at: At = { row: i + 1 };
    const line = json.lineOf(`${base}/${i}`);
    if (line !== undefined) at.line = line;
    const record = isRecord(item) ? item : {};
    Object.keys(record).forEach((k) => columns.add(k));
    return { at, get: (name: string) => textOf(record[name]).trim() };
  });
  return { columns: [...columns], rows };
}

export interface RowContext {
  log: ImportLog;
  book: CategoryBook;
  options: ImportOptions;
  dates: DateReader;
}

/** One GED record, by field name (a CSV line, an API object or a Parquet/Arrow row), to an event. */
export function toEvent(get: Record_, at: At, { log, book, options, dates }: RowContext): EventRecord | null {
  const id = cleanId(get('id'));
  const violence = lookup(VIOLENCE, get('type_of_violence'));
  const fail = !id
    ? 'id is empty'
    : !violence
      ? `type_of_violence '${get('type_of_violence')}' is not 1, 2 or 3`
      : null;
  if (fail || !violence) {
    log.error(at, `${fail}; row skipped`);
    return null;
  }
  const start = dates.read(get('date_start'));
  if (!start.ok) return dateFailed(log, dates, at, 'date_start', get('date_start') ? start.message : 'is empty');
  const end = get('date_end') ? dates.read(get('date_end')) : start;
  if (!end.ok) return dateFailed(log, dates, at, 'date_end', end.message);
  const point = readPoint(get('latitude'), get('longitude'), options, log, at);
  if (point === 'skip') return null;
  const place = get('where_coordinates') || get('adm_2') || get('adm_1') || get('country') || 'unnamed place';
  const dyad = get('dyad_name') || [get('side_a'), get('side_b')].filter(Boolean).join(' - ') || violence.label;
  const title = fitText(log, at, 'title', `${dyad} in ${place}`, LIMITS.maxTitleLength);
  const event: EventRecord = {
    id: `ucdp-${id}`,
    title,
    summary: fitText(log, at, 'summary', summaryOf(get, violence.label), LIMITS.maxSummaryLength),
    ...datesOf(start.date, end.date, get('date_prec'), log, at),
    category: book.add(violence.label, violence.id),
    sources: sourcesOf(get, id),
  };
  const actors = [get('side_a'), get('side_b')].filter((a, i, all) => a && all.indexOf(a) === i);
  if (actors.length) event.actors = actors;
  const tags = [slugify(get('conflict_name')), slugify(get('country'))].filter(
    (t, i, all) => t && all.indexOf(t) === i,
  );
  if (tags.length) event.tags = tags;
  const prec = get('where_prec');
  const known = lookup(WHERE_PREC, prec);
  if (point && !known) log.warn(at, `where_prec '${prec}' is not 1-7; read as region`);
  event.location = point
    ? {
        name: place,
        ...point,
        precision: known?.precision ?? 'region',
        note: known
          ? `UCDP where_prec ${prec}: ${known.label} (read as ${known.precision} precision)`
          : `UCDP where_prec ${prec || 'missing'}: not 1-7 (read as region precision)`,
      }
    : null;
  const fatalities = fatalitiesOf(get, log, at);
  if (fatalities) event.fatalities = fatalities;
  return event;
}

/**
 * date_prec → our dates. 1 is the day; 2-3 (a few days to a week) keep the days with approximate;
 * 4 → month and 5 → year are assumptions: UCDP's per-value meanings are not verified here.
 */
function datesOf(
  start: string,
  end: string,
  prec: string,
  log: ImportLog,
  at: At,
): Pick<EventRecord, 'date' | 'end' | 'approximate'> {
  const cut = prec === '4' ? 7 : prec === '5' ? 4 : 10;
  if (!['1', '2', '3', '4', '5'].includes(prec))
    log.warn(at, `date_prec '${prec}' is not 1-5; dates read as exact days`);
  const out: Pick<EventRecord, 'date' | 'end' | 'approximate'> = { date: start.slice(0, cut) };
  if (end.slice(0, cut) !== out.date) out.end = end.slice(0, cut);
  if (prec === '2' || prec === '3') out.approximate = true;
  return out;
}

function fatalitiesOf(get: Record_, log: ImportLog, at: At): Fatalities | undefined {
  const [best, low, high] = ['best', 'low', 'high'].map((k) => (/^\d+$/.test(get(k)) ? Number(get(k)) : undefined));
  const min = low ?? best;
  if (min === undefined) return undefined;
  if (high !== undefined && high < min) {
    log.warn(at, `high ${high} is below low ${min}; only the low figure kept`);
  }
  const out: Fatalities = { min };
  if (high !== undefined && high > min) out.max = high;
  out.by = `UCDP GED (best: ${best ?? 'not given'})`;
  return out;
}

function summaryOf(get: Record_, label: string): string {
  const deaths = ['deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown'].map((k) => get(k) || '?');
  return [
    `${label}${get('conflict_name') ? ` (${get('conflict_name')})` : ''}.`,
    get('where_description') ? `Place: ${get('where_description')}.` : '',
    `Deaths: best estimate ${get('best') || '?'} (low ${get('low') || '?'}, high ${get('high') || '?'}); side A ${deaths[0]}, side B ${deaths[1]}, civilians ${deaths[2]}, unknown ${deaths[3]}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The ';'-joined source fields, zipped by position. A citation that is not a link stays in the title. */
function sourcesOf(get: Record_, id: string): Source[] {
  const [articles, offices, dates, headlines] = [
    'source_article',
    'source_office',
    'source_date',
    'source_headline',
  ].map((k) =>
    get(k)
      .split(';')
      .map((s) => s.trim()),
  );
  const count = Math.min(
    LIMITS.maxListLength,
    Math.max(...[articles, offices, headlines].map((l) => l!.filter(Boolean).length)),
  );
  const out: Source[] = [];
  for (let i = 0; i < count; i++) {
    const article = articles![i] ?? '';
    const link = safeHttpUrl(article) ? article : '';
    const headline = headlines![i] || `UCDP GED event ${id}`;
    const source: Source = {
      publisher: offices![i] || 'UCDP GED',
      title: (article && !link ? `${headline} (${article})` : headline).slice(0, LIMITS.maxTextLength),
      url: link || UCDP_URL,
    };
    const date = dates![i] ? truncateDateTime(dates![i]!) : null;
    if (date?.ok) source.date = date.date;
    out.push(source);
  }
  return out.length ? out : [{ publisher: 'UCDP GED', title: `UCDP GED event ${id}`, url: UCDP_URL }];
}

function describe(log: ImportLog, columns: readonly string[]): void {
  log.map(
    'id → id (as ucdp-<id>)',
    'type_of_violence 1/2/3 → category state-based / non-state / one-sided',
    'dyad_name and where_coordinates → title',
    'conflict_name, where_description and the death counts → summary',
    'date_start, date_end → date, end (time of day dropped as text, never through a Date)',
    'date_prec 1 → day; 2-3 → day with approximate: true; 4 → month; 5 → year (4 and 5 are assumptions)',
    'where_prec 1 (exact location) → site, 2 (a limited area around a location) → city, 3 (ADM2 centroid) and 4 (ADM1 centroid) → region, 5-7 → country (their meanings are unverified in our reference, so reading them as country is an assumption); each location note names the reading',
    "low, high, best → fatalities {min: low, max: high, by: 'UCDP GED (best: N)'}",
    'side_a, side_b → actors',
    "source_office, source_headline, source_article, source_date (';'-joined) → sources; url is source_article when it is an http(s) link, otherwise https://ucdp.uu.se/ with the citation kept in the title",
    'conflict_name, country → tags (as slugs)',
  );
  for (const c of columns) if (!UCDP_USED_COLUMNS.has(c)) log.drop(c);
}
