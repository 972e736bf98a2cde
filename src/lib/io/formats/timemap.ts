/**
 * Forensic Architecture timemap (and Bellingcat's fork): events, sources and associations as
 * served by its endpoints (formats.md 3.1), either as one bundle {events, sources, associations}
 * or as a bare events array. Every timemap value is a string, coordinates included.
 */
import { LIMITS } from '../../model/limits';
import { safeHttpUrl } from '../../model/url';
import type { EventRecord, Source } from '../../model/types';
import {
  CategoryBook,
  ImportLog,
  addDistinct,
  cleanId,
  fileSource,
  fitText,
  head,
  isRecord,
  slugify,
  textOf,
  titleFrom,
  type At,
  type ImportOptions,
  type ImportResult,
  type Importer,
} from './common';
import { readPoint } from './coords';
import { readJson } from './json-input';
import { isOffset, readSlashDate, withTime } from './source-dates';

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
type Association = { mode: string; title: string; path: string[] };

export const timemap: Importer = {
  id: 'timemap',
  label: 'timemap (Forensic Architecture) events JSON',
  extensions: ['json'],
  detect(text) {
    const top = head(text, 8192);
    return (
      /^\s*[[{]/.test(top) &&
      top.includes('"description"') &&
      (top.includes('"associations"') || top.includes('"latitude"')) &&
      !top.includes('"start_date"')
    );
  },
  parse(text, fileName, options = {}) {
    try {
      return parseTimemap(text, fileName, options);
    } catch (error) {
      return new ImportLog().fail(`could not read the file: ${String(error)}`);
    }
  },
};

function parseTimemap(text: string, fileName: string, options: ImportOptions): ImportResult {
  const log = new ImportLog();
  const json = readJson(text);
  if (!json.ok) return log.fail(`not valid JSON: ${json.message}`, json.line ? { line: json.line } : {});
  const root = json.value;
  const events = Array.isArray(root) ? root : isRecord(root) ? root.events : undefined;
  if (!Array.isArray(events))
    return log.fail('expected timemap events: a list, or {"events": [...], "sources": [...], "associations": [...]}');
  const base = Array.isArray(root) ? '' : '/events';
  const sources = byId(isRecord(root) ? root.sources : undefined);
  const associations = new Map<string, Association>();
  for (const [id, a] of byId(isRecord(root) ? root.associations : undefined)) {
    const path = Array.isArray(a.filter_paths) ? a.filter_paths.map(textOf).filter(Boolean) : [];
    associations.set(id, { mode: textOf(a.mode).toUpperCase(), title: textOf(a.title) || id, path });
  }
  describe(log, options, associations.size > 0);
  if (options.utcOffset && !isOffset(options.utcOffset))
    log.warn({}, `UTC offset '${options.utcOffset}' is not Z or ±HH:MM; ignored`);
  log.total = events.length;
  const book = new CategoryBook();
  const built: { event: EventRecord; at: At }[] = [];
  const times = { dropped: 0 };
  events.forEach((raw, i) => {
    const at: At = { row: i + 1 };
    const line = json.lineOf(`${base}/${i}`);
    if (line !== undefined) at.line = line;
    if (!isRecord(raw)) {
      log.error(at, 'an event must be an object; row skipped');
      return;
    }
    for (const key of Object.keys(raw)) if (!USED.has(key)) log.drop(key);
    const event = toEvent(raw, at, { fileName, log, book, options, sources, associations, times });
    if (event) built.push({ event, at });
  });
  if (times.dropped)
    log.warn(
      {},
      `${times.dropped} event time${times.dropped > 1 ? 's' : ''} had no time zone; only the day was kept (give a UTC offset to keep times)`,
    );
  return log.finish(
    { title: `timemap import (${fileName || 'events'})`, description: '', license: '', updated: '' },
    book.list(),
    built,
  );
}

interface Context {
  fileName: string;
  log: ImportLog;
  book: CategoryBook;
  options: ImportOptions;
  sources: Map<string, Record<string, unknown>>;
  associations: Map<string, Association>;
  times: { dropped: number };
}

function toEvent(raw: Record<string, unknown>, at: At, ctx: Context): EventRecord | null {
  const { log, options } = ctx;
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
  let date = readSlashDate(get('date'), options.dateFormat ?? 'MM/DD/YYYY');
  if (!date.ok) {
    log.error(at, `date ${date.message}; row skipped`);
    return null;
  }
  if (get('time') && options.utcOffset && isOffset(options.utcOffset)) {
    date = withTime(date.date, get('time'), options.utcOffset);
    if (!date.ok) {
      log.error(at, `${date.message}; row skipped`);
      return null;
    }
  } else if (get('time')) ctx.times.dropped++;
  const hasPlace = get('latitude') !== '' || get('longitude') !== '';
  const point = hasPlace ? readPoint(get('latitude'), get('longitude'), options, log, at) : null;
  if (point === 'skip') return null;
  const linked = (
    raw.associations === undefined ? [] : Array.isArray(raw.associations) ? raw.associations : [raw.associations]
  )
    .map(textOf)
    .filter(Boolean);
  const categoryAssoc = linked.map((id) => ctx.associations.get(id)).find((a) => a?.mode === 'CATEGORY');
  const tags: string[] = [];
  for (const id of linked) {
    const a = ctx.associations.get(id);
    if (!a) addDistinct(tags, slugify(id));
    else if (a.mode === 'FILTER') addDistinct(tags, (a.path.length ? a.path : [a.title]).map(slugify).join('/'));
  }
  const title = fitText(log, at, 'title', titleFrom(description), LIMITS.maxTitleLength);
  const label = categoryAssoc?.title || get('category');
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
  const ids = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(textOf).filter(Boolean);
  const out: Source[] = [];
  for (const id of ids.slice(0, LIMITS.maxListLength)) {
    const s = ctx.sources.get(id);
    if (!s) {
      ctx.log.warn(at, `source '${id}' is not in the sources list; left out`);
      continue;
    }
    const list = (k: string): string[] => (Array.isArray(s[k]) ? (s[k] as unknown[]).map(textOf).filter(Boolean) : []);
    const link = [textOf(s.url), ...list('paths')].find((u) => safeHttpUrl(u.trim()))?.trim();
    const source: Source = {
      publisher: (list('affil_s').join(', ') || textOf(s.type) || 'timemap source').slice(0, LIMITS.maxTextLength),
      title: (textOf(s.title) || id).slice(0, LIMITS.maxTextLength),
      // No http(s) link: the source id stands in, shown as text and flagged by the validator.
      url: link ?? `timemap source ${id}`,
    };
    const date = textOf(s.date) ? readSlashDate(textOf(s.date), ctx.options.dateFormat ?? 'MM/DD/YYYY') : null;
    if (date?.ok) source.date = date.date;
    if (textOf(s.author)) source.author = textOf(s.author).slice(0, LIMITS.maxTextLength);
    out.push(source);
  }
  return out.length ? out : [fileSource('timemap', ctx.fileName)];
}

/** timemap serves lists; some builds keep them as objects keyed by id. Both become a map by id. */
function byId(value: unknown): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  const entries = Array.isArray(value)
    ? value.map((v) => [isRecord(v) ? textOf(v.id) : '', v] as const)
    : isRecord(value)
      ? Object.entries(value)
      : [];
  for (const [key, v] of entries) if (isRecord(v) && (textOf(v.id) || key)) map.set(textOf(v.id) || key, v);
  return map;
}

function describe(log: ImportLog, options: ImportOptions, withAssociations: boolean): void {
  log.map(
    `date (${options.dateFormat ?? 'MM/DD/YYYY'}) → date; time → ${options.utcOffset ? `time at ${options.utcOffset}` : 'dropped (no time zone given)'}`,
    'description → summary, and its first sentence → title',
    'location, latitude, longitude → location (precision assumed site: timemap does not say)',
    'sources (ids) → sources {publisher: affil_s or type, title, url: url or the first http(s) path}',
    withAssociations
      ? 'associations: CATEGORY → category (else the category field); FILTER → tags from filter_paths'
      : 'associations (no association list given) → tags; category → category',
  );
  if (withAssociations) log.drop('NARRATIVE associations');
  log.drop('source thumbnail, description, notes, parent, type');
}
