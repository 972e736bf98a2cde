/**
 * Forensic Architecture timemap (and Bellingcat's fork), formats.md 3.1: events, sources and
 * associations. Read as the endpoints serve them (JSON lists, or one bundle {events, sources,
 * associations}) or as the spreadsheet's export sheets (CSV: EXPORT_EVENTS with numbered
 * association1.. and source1.. columns, EXPORT_SOURCES with path1.., EXPORT_ASSOCIATIONS with
 * filter_path0..). An export is three files: opened together (importTimemapFiles) they are joined
 * by id: sources become our sources with their links and titles, associations named categories
 * and tags; what cannot be joined is reported by file and line. Every timemap value is a string.
 */
import { LIMITS } from '../../model/limits';
import { safeHttpUrl } from '../../model/url';
import type { EventRecord, Source } from '../../model/types';
import {
  CategoryBook,
  ImportLog,
  addDistinct,
  cleanId,
  dateFailed,
  fileSource,
  fitText,
  head,
  isRecord,
  settleDates,
  slugify,
  textOf,
  titleFrom,
  type At,
  type ImportOptions,
  type ImportResult,
  type Importer,
} from './common';
import { readPoint } from './coords';
import { DateReader } from './date-format';
import { readJson } from './json-input';
import { isOffset, withTime } from './source-dates';
import { readTable } from './table';

const USED = new Set([
  'id',
  'description',
  'date',
  'time',
  'location',
  'latitude',
  'longitude',
  'category',
  'associations',
  'sources',
]);
/** Numbered sheet columns folded into the endpoint's lists: association1, association2 → associations. */
const FOLDED: Readonly<Record<string, string>> = {
  association: 'associations',
  source: 'sources',
  path: 'paths',
  filter_path: 'filter_paths',
  affil_s: 'affil_s',
};

type Rec = Record<string, unknown>;
interface Item {
  rec: Rec;
  at: At;
  /** A JSON entry that is not an object. */
  notObject?: boolean;
}
type Association = { mode: string; title: string; path: string[]; at: At; used: boolean };
type SourceItem = { rec: Rec; at: At; used: boolean };

/** What one timemap file holds. */
export type TimemapRole = 'events' | 'sources' | 'associations';

/** A file of a timemap export, already read as text. */
export interface TimemapFile {
  name: string;
  text: string;
  role: TimemapRole;
}

export const timemap: Importer = {
  id: 'timemap',
  label: 'timemap (Forensic Architecture) events',
  extensions: ['json', 'csv'],
  detect(text) {
    return timemapRole(text) === 'events';
  },
  parse(text, fileName, options = {}) {
    try {
      return importTimemapFiles([{ name: fileName, text, role: 'events' }], options);
    } catch (error) {
      return new ImportLog().fail(`could not read the file: ${String(error)}`);
    }
  },
};

/**
 * Which part of a timemap export a file is, from its first lines: events have a description and a
 * date or coordinates; sources have paths (or path1) or a thumbnail; associations a mode and a title.
 */
export function timemapRole(text: string): TimemapRole | null {
  const top = head(text, 8192);
  if (/^\s*[[{]/.test(top)) {
    if (top.includes('"start_date"') || /"type"\s*:\s*"featurecollection"/.test(top)) return null;
    if (/"mode"\s*:/.test(top) && top.includes('"title"') && !top.includes('"description"')) return 'associations';
    if (top.includes('"description"') && (top.includes('"associations"') || top.includes('"latitude"')))
      return 'events';
    if ((top.includes('"paths"') || top.includes('"thumbnail"')) && !top.includes('"latitude"')) return 'sources';
    return null;
  }
  const first = (top.split(/\r?\n/, 1)[0] ?? '').split(/[,;\t]/).map((h) => h.trim().replace(/^"|"$/g, ''));
  const has = (name: string): boolean => first.includes(name);
  if (
    has('event_id_cnty') ||
    has('type_of_violence') ||
    has('headline') ||
    (has('id') && has('title') && has('summary'))
  )
    return null;
  if (has('mode') && has('title') && (has('id') || has('desc'))) return 'associations';
  if (
    has('description') &&
    (has('date') || has('latitude')) &&
    (has('location') || has('association1') || has('source1') || has('latitude'))
  )
    return 'events';
  if (has('id') && (has('path1') || has('paths') || has('thumbnail')) && !has('latitude')) return 'sources';
  return null;
}

/**
 * Imports a timemap export: one events file (JSON or CSV, which may be a bundle that carries its
 * own sources and associations) and any sources and associations files, joined by id.
 */
export function importTimemapFiles(files: readonly TimemapFile[], options: ImportOptions = {}): ImportResult {
  const log = new ImportLog();
  const several = files.length > 1;
  const fileOf = (name: string): At => (several ? { file: name } : {});
  const eventFiles = files.filter((f) => f.role === 'events');
  if (eventFiles.length !== 1)
    return log.fail(
      eventFiles.length
        ? `a timemap export has one events file; ${eventFiles.map((f) => f.name).join(' and ')} are both events`
        : `no timemap events file among ${files.map((f) => f.name).join(', ')} (it has description and date columns)`,
    );
  const eventsFile = eventFiles[0]!;
  const read = readItems(eventsFile, log, options, fileOf(eventsFile.name));
  if ('fatal' in read) return log.fail(read.fatal, read.at);
  const sources = new Map<string, SourceItem>();
  const associations = new Map<string, Association>();
  const sourceFiles: string[] = [];
  const associationFiles: string[] = [];
  const addSources = (items: Item[]): void => {
    for (const { rec, at } of items) {
      const id = textOf(rec.id).trim();
      if (!id) log.warn(at, 'a source without an id cannot be joined; left out');
      else if (sources.has(id)) log.warn(at, `source id '${id}' is listed twice; the first is kept`);
      else sources.set(id, { rec, at, used: false });
    }
  };
  const addAssociations = (items: Item[]): void => {
    for (const { rec, at } of items) {
      const id = textOf(rec.id).trim();
      if (!id) {
        log.warn(at, 'an association without an id cannot be joined; left out');
        continue;
      }
      if (associations.has(id)) {
        log.warn(at, `association id '${id}' is listed twice; the first is kept`);
        continue;
      }
      const path = (Array.isArray(rec.filter_paths) ? rec.filter_paths : []).map(textOf).filter(Boolean);
      associations.set(id, {
        mode: textOf(rec.mode).toUpperCase(),
        title: textOf(rec.title) || id,
        path,
        at,
        used: false,
      });
    }
  };
  addSources(read.sources);
  addAssociations(read.associations);
  for (const file of files) {
    if (file === eventsFile) continue;
    const part = readItems(file, log, options, fileOf(file.name));
    if ('fatal' in part) {
      log.error({ ...fileOf(file.name), ...part.at }, `${part.fatal}; the file was not joined`);
      continue;
    }
    if (file.role === 'sources') {
      addSources(part.list);
      sourceFiles.push(file.name);
    } else {
      addAssociations(part.list);
      associationFiles.push(file.name);
    }
  }
  const bundled = read.sources.length > 0 || read.associations.length > 0;
  describe(log, options, associations.size > 0);
  if (options.utcOffset && !isOffset(options.utcOffset))
    log.warn({}, `UTC offset '${options.utcOffset}' is not Z or ±HH:MM; ignored`);
  const events = read.list;
  log.total = events.length;
  const dates = new DateReader(options.dateFormat);
  for (const { rec, at } of events) dates.see(textOf(rec.date), at);
  for (const s of sources.values()) dates.see(textOf(s.rec.date), s.at);
  settleDates(log, dates);
  const ctx: Context = {
    fileName: eventsFile.name,
    sourcesFrom: sourceFiles.join(', ') || (bundled ? eventsFile.name : ''),
    associationsFrom: associationFiles.join(', ') || (bundled ? eventsFile.name : ''),
    log,
    book: new CategoryBook(),
    options,
    sources,
    associations,
    times: { dropped: 0 },
    dates,
    unjoined: { sources: new Set(), associations: new Set() },
  };
  const built: { event: EventRecord; at: At }[] = [];
  for (const { rec, at, notObject } of events) {
    if (notObject) {
      log.error(at, 'an event must be an object; row skipped');
      continue;
    }
    for (const key of Object.keys(rec)) if (!USED.has(key)) log.drop(key);
    const event = toEvent(rec, at, ctx);
    if (event) built.push({ event, at });
  }
  if (ctx.times.dropped)
    log.warn(
      {},
      `${ctx.times.dropped} event time${ctx.times.dropped > 1 ? 's' : ''} had no time zone; only the day was kept (give a UTC offset to keep times)`,
    );
  unjoinedNotes(log, ctx);
  for (const [id, s] of sources) if (!s.used) log.warn(s.at, `source '${id}' is not cited by any event`);
  for (const [id, a] of associations)
    if (!a.used && a.mode !== 'NARRATIVE') log.warn(a.at, `association '${id}' is not used by any event`);
  log.dates = dates.report();
  const names = files.map((f) => f.name).join(', ');
  return log.finish(
    { title: `timemap import (${names || 'events'})`, description: '', license: '', updated: '' },
    ctx.book.list(),
    built,
  );
}

/** Ids that could not be joined because no file lists them at all: one warning each, not one per event. */
function unjoinedNotes(log: ImportLog, ctx: Context): void {
  const list = (ids: Set<string>): string =>
    [...ids].slice(0, 5).join(', ') + (ids.size > 5 ? ` and ${ids.size - 5} more` : '');
  if (ctx.unjoined.sources.size)
    log.warn(
      {},
      `events cite sources by id (${list(ctx.unjoined.sources)}) but no sources file was given; open the events, sources and associations files together to join them (each such event keeps the file as its source)`,
    );
  if (ctx.unjoined.associations.size)
    log.warn(
      {},
      `events name associations by id (${list(ctx.unjoined.associations)}) but no associations file was given; they are kept as tags until the associations file is opened with the events`,
    );
}

interface Context {
  fileName: string;
  /** The files sources and associations came from ('' when none was given). */
  sourcesFrom: string;
  associationsFrom: string;
  log: ImportLog;
  book: CategoryBook;
  options: ImportOptions;
  sources: Map<string, SourceItem>;
  associations: Map<string, Association>;
  times: { dropped: number };
  dates: DateReader;
  unjoined: { sources: Set<string>; associations: Set<string> };
}

/** A list field: a JSON list, a sheet's folded columns, or one cell of ids separated by ',' or ';'. */
function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(textOf) : value === undefined ? [] : textOf(value).split(/[;,]/);
  return items.map((s) => s.trim()).filter(Boolean);
}

function toEvent(raw: Rec, at: At, ctx: Context): EventRecord | null {
  const { log, options, dates } = ctx;
  const get = (k: string): string => textOf(raw[k]).trim();
  const description = textOf(raw.description);
  if (!/\S/.test(description)) {
    log.error(at, 'description is empty (timemap requires it); row skipped');
    return null;
  }
  if (!get('date')) {
    log.error(at, 'no date: Faultline places every event in time; row skipped');
    return null;
  }
  const day = dates.read(get('date'));
  if (!day.ok) return dateFailed(log, dates, at, 'date', day.message);
  let date: { ok: true; date: string } | { ok: false; message: string } = { ok: true, date: day.date };
  const time = get('time') || (day.ok ? (day.time ?? '') : '');
  if (time && options.utcOffset && isOffset(options.utcOffset)) {
    date = withTime(day.date, time, options.utcOffset);
    if (!date.ok) {
      log.error(at, `${date.message}; row skipped`);
      return null;
    }
  } else if (time) ctx.times.dropped++;
  const hasPlace = get('latitude') !== '' || get('longitude') !== '';
  const point = hasPlace ? readPoint(get('latitude'), get('longitude'), options, log, at) : null;
  if (point === 'skip') return null;
  const linked = listOf(raw.associations);
  const tags: string[] = [];
  let category: Association | undefined;
  for (const id of linked) {
    const a = ctx.associations.get(id);
    if (!a) {
      if (ctx.associationsFrom) log.warn(at, `association '${id}' is not in ${ctx.associationsFrom}; left out`);
      else {
        ctx.unjoined.associations.add(id);
        addDistinct(tags, slugify(id));
      }
      continue;
    }
    a.used = true;
    if (a.mode === 'CATEGORY') category ??= a;
    else if (a.mode === 'FILTER') addDistinct(tags, (a.path.length ? a.path : [a.title]).map(slugify).join('/'));
  }
  const title = fitText(log, at, 'title', titleFrom(description), LIMITS.maxTitleLength);
  const label = category?.title || get('category');
  const event: EventRecord = {
    id: cleanId(get('id')) || `timemap-${at.row}`,
    title,
    summary: fitText(log, at, 'description', description, LIMITS.maxSummaryLength),
    date: date.date,
    category: label ? ctx.book.add(label) : ctx.book.add('Event', 'event'),
    sources: sourcesOf(raw.sources, at, ctx),
  };
  if (tags.length) event.tags = tags.slice(0, LIMITS.maxListLength);
  event.location = point ? { name: get('location') || 'unnamed place', ...point, precision: 'site' } : null;
  return event;
}

function sourcesOf(value: unknown, at: At, ctx: Context): Source[] {
  const ids = listOf(value);
  const out: Source[] = [];
  for (const id of ids.slice(0, LIMITS.maxListLength)) {
    const item = ctx.sources.get(id);
    if (!item) {
      if (ctx.sourcesFrom) ctx.log.warn(at, `source '${id}' is not in ${ctx.sourcesFrom}; left out`);
      else ctx.unjoined.sources.add(id);
      continue;
    }
    item.used = true;
    const s = item.rec;
    const link = [textOf(s.url), ...listOf(s.paths)].map((u) => u.trim()).find((u) => safeHttpUrl(u));
    const source: Source = {
      publisher: (listOf(s.affil_s).join(', ') || textOf(s.type) || 'timemap source').slice(0, LIMITS.maxTextLength),
      title: (textOf(s.title) || id).slice(0, LIMITS.maxTextLength),
      // No http(s) link: the source id stands in, shown as text and flagged by the validator.
      url: link ?? `timemap source ${id}`,
    };
    const date = textOf(s.date).trim() ? ctx.dates.read(textOf(s.date)) : null;
    if (date?.ok) source.date = date.date;
    if (textOf(s.author)) source.author = textOf(s.author).slice(0, LIMITS.maxTextLength);
    out.push(source);
  }
  return out.length ? out : [fileSource('timemap', ctx.fileName)];
}

type Read = { list: Item[]; sources: Item[]; associations: Item[] } | { fatal: string; at?: At };

/** A file's records: a JSON list, a bundle, objects keyed by id, or CSV rows with numbered columns folded. */
function readItems(file: TimemapFile, log: ImportLog, options: ImportOptions, base: At): Read {
  if (/^\uFEFF?\s*[[{]/.test(file.text)) return jsonItems(file, base);
  const table = readTable(file.text, log, {
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(base.file !== undefined ? { file: base.file } : {}),
  });
  if ('fatal' in table) return { fatal: table.fatal };
  const folds = table.header.map((name) => {
    const m = /^(.*?)_?(\d+)$/.exec(name.trim().toLowerCase());
    const key = m ? FOLDED[m[1]!] : undefined;
    return key ?? null;
  });
  const list = table.rows.map(({ row, line, fields }) => {
    const rec: Rec = {};
    table.header.forEach((name, i) => {
      const cell = (fields[i] ?? '').trim();
      const key = folds[i];
      if (key) {
        if (cell) ((rec[key] as string[] | undefined) ?? (rec[key] = [] as string[])).push(cell);
      } else if (name.trim() && !(name.trim().toLowerCase() in rec)) rec[name.trim().toLowerCase()] = fields[i] ?? '';
    });
    return { rec, at: { ...base, row, line } };
  });
  return { list, sources: [], associations: [] };
}

function jsonItems(file: TimemapFile, base: At): Read {
  const json = readJson(file.text);
  if (!json.ok) return { fatal: `not valid JSON: ${json.message}`, ...(json.line ? { at: { line: json.line } } : {}) };
  const root = json.value;
  const items = (value: unknown, pointer: string): Item[] => {
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : isRecord(value)
        ? Object.entries(value)
        : [];
    return entries.map(([key, v], i) => {
      const at: At = { ...base, row: i + 1 };
      const line = json.lineOf(`${pointer}/${key}`);
      if (line !== undefined) at.line = line;
      const rec = isRecord(v) ? { ...v } : {};
      // Objects keyed by id: the key stands in for a missing id.
      if (!Array.isArray(value) && !textOf(rec.id)) rec.id = key;
      return { rec, at, ...(isRecord(v) ? {} : { notObject: true }) };
    });
  };
  const listKey = file.role;
  if (Array.isArray(root)) return { list: items(root, ''), sources: [], associations: [] };
  if (!isRecord(root) || !(Array.isArray(root[listKey]) || isRecord(root[listKey])))
    return {
      fatal:
        file.role === 'events'
          ? 'expected timemap events: a list, or {"events": [...], "sources": [...], "associations": [...]}'
          : `expected timemap ${file.role}: a list, or {"${file.role}": [...]}`,
    };
  return {
    list: items(root[listKey], `/${listKey}`),
    sources: file.role === 'events' ? items(root.sources, '/sources') : [],
    associations: file.role === 'events' ? items(root.associations, '/associations') : [],
  };
}

function describe(log: ImportLog, options: ImportOptions, withAssociations: boolean): void {
  log.map(
    `date → date (${options.dateFormat ?? "the day/month order the file's dates show"}; unpadded 3/3/2022 is read too); time → ${options.utcOffset ? `time at ${options.utcOffset}` : 'dropped (no time zone given)'}`,
    'description → summary, and its first sentence → title',
    'location, latitude, longitude → location (precision assumed site: timemap does not say)',
    'sources (ids, or source1, source2… columns) → sources joined from the sources list {publisher: affil_s or type, title, url: url or the first http(s) path}',
    withAssociations
      ? 'associations (ids, or association1… columns): CATEGORY → category (else the category field); FILTER → tags from filter_paths'
      : 'associations (no association list given) → tags; category → category',
  );
  if (withAssociations) log.drop('NARRATIVE associations');
  log.drop('source thumbnail, description, notes, parent, type');
}
