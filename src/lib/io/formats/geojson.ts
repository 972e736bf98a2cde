/**
 * GeoJSON FeatureCollections of Points (RFC 7946: coordinates are [lon, lat]). Properties are
 * matched by name to our fields; our own export (toGeoJson) reads back exactly, including
 * features with geometry null and the dataset's categories in "faultline:meta". Other geometries
 * are skipped without walking their coordinates, so a million-vertex polygon costs nothing here.
 */
import { parseIsoDate } from '../../model/dates';
import { LIMITS } from '../../model/limits';
import { safeHttpUrl } from '../../model/url';
import type { Category, EventRecord, LocationPrecision, Source } from '../../model/types';
import {
  CategoryBook,
  ImportLog,
  cleanId,
  fileSource,
  fitText,
  head,
  isRecord,
  settleDates,
  splitList,
  textOf,
  titleFrom,
  type At,
  type ImportOptions,
  type ImportResult,
  type Importer,
} from './common';
import { GEOJSON_META_KEY } from './export';
import { readJson } from './json-input';
import { DateReader } from './date-format';

const PRECISIONS: readonly string[] = ['site', 'city', 'region', 'country'];
type Props = Record<string, unknown>;

export const geojson: Importer = {
  id: 'geojson',
  label: 'GeoJSON (Points)',
  extensions: ['geojson', 'json'],
  detect(text, fileName) {
    return /"type"\s*:\s*"featurecollection"/.test(head(text, 8192)) || /\.geojson$/i.test(fileName);
  },
  parse(text, fileName, options = {}) {
    try {
      return parseGeoJson(text, fileName, options);
    } catch (error) {
      return new ImportLog().fail(`could not read the file: ${String(error)}`);
    }
  },
};

function parseGeoJson(text: string, fileName: string, options: ImportOptions): ImportResult {
  const log = new ImportLog();
  const json = readJson(text);
  if (!json.ok) return log.fail(`not valid JSON: ${json.message}`, json.line ? { line: json.line } : {});
  const root = json.value;
  const single = isRecord(root) && root.type === 'Feature';
  const features = single
    ? [root]
    : isRecord(root) && root.type === 'FeatureCollection' && Array.isArray(root.features)
      ? root.features
      : null;
  if (!features)
    return log.fail('expected a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]})');
  const meta = isRecord(root) && isRecord(root[GEOJSON_META_KEY]) ? (root[GEOJSON_META_KEY] as Props) : {};
  const known = new Map<string, Category>();
  for (const c of Array.isArray(meta.categories) ? meta.categories : [])
    if (isRecord(c) && typeof c.id === 'string') known.set(c.id, c as unknown as Category);
  log.map(
    'Point [lon, lat] → location lat, lon',
    'properties.location {name, precision, note, aliases} (or location / place / location_name text) → location name and precision (precision assumed site when not given)',
    'id (property or feature id) → id',
    'title or name → title',
    'summary or description → summary',
    "date, end → date, end (ISO 8601 as is; a day and month such as 24/02/22 in the order the file's dates show, or as chosen)",
    'category → category',
    'actors, tags (list or "a; b") → actors, tags',
    'sources (list), or source / url → sources',
    'approximate, status, fatalities, related → themselves',
    'geometry null → no location',
  );
  log.total = features.length;
  const book = new CategoryBook();
  const built: { event: EventRecord; at: At }[] = [];
  const where = (i: number): At => {
    const at: At = single ? {} : { row: i + 1 };
    const line = json.lineOf(single ? '' : `/features/${i}`);
    if (line !== undefined) at.line = line;
    return at;
  };
  const dates = new DateReader(options.dateFormat);
  features.forEach((feature, i) => {
    const props = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    dates.see(textOf(props.date), where(i));
    dates.see(textOf(props.end), where(i));
  });
  settleDates(log, dates);
  features.forEach((feature, i) => {
    const at = where(i);
    const event = toEvent(feature, i + 1, at, { log, book, known, fileName, dates });
    if (event) built.push({ event, at });
  });
  log.dates = dates.report();
  const categories = book.list().map((c) => known.get(c.id) ?? c);
  const title = textOf(meta.title) || `GeoJSON import (${fileName || 'features'})`;
  return log.finish(
    { title, description: textOf(meta.description), license: textOf(meta.license), updated: textOf(meta.updated) },
    categories,
    built,
  );
}

interface Context {
  log: ImportLog;
  book: CategoryBook;
  known: Map<string, Category>;
  fileName: string;
  dates: DateReader;
}

function toEvent(
  feature: unknown,
  n: number,
  at: At,
  { log, book, known, fileName, dates }: Context,
): EventRecord | null {
  if (!isRecord(feature) || feature.type !== 'Feature') {
    log.error(at, 'not a GeoJSON Feature; row skipped');
    return null;
  }
  const props: Props = isRecord(feature.properties) ? feature.properties : {};
  const point = pointOf(feature.geometry, log, at);
  if (point === 'skip') return null;
  const date = dateOf(props.date, 'date', log, at, dates);
  const end =
    props.end === undefined || props.end === null || props.end === ''
      ? undefined
      : dateOf(props.end, 'end', log, at, dates);
  if (!date || end === null) return null;
  const title =
    textOf(props.title) ||
    textOf(props.name) ||
    titleFrom(textOf(props.description) || textOf(props.summary)) ||
    `Feature ${n}`;
  const category = textOf(props.category);
  const event: EventRecord = {
    id: cleanId(textOf(props.id) || textOf(feature.id)) || `feature-${n}`,
    title: fitText(log, at, 'title', title, LIMITS.maxTitleLength),
    summary: fitText(
      log,
      at,
      'summary',
      textOf(props.summary) || textOf(props.description) || title,
      LIMITS.maxSummaryLength,
    ),
    date,
    category: known.has(category) ? category : category ? book.add(category) : book.add('Event', 'event'),
    sources: sourcesOf(props, fileName),
  };
  if (known.has(category)) book.add(known.get(category)!.label, category);
  if (end !== undefined) event.end = end;
  if (props.approximate === true) event.approximate = true;
  for (const key of ['actors', 'tags', 'related'] as const) {
    const list = Array.isArray(props[key])
      ? (props[key] as unknown[]).map(textOf).filter(Boolean)
      : splitList(textOf(props[key]));
    if (list.length) event[key] = list;
  }
  const place = isRecord(props.location) ? props.location : {};
  if (point) {
    const precision = [place.precision, props.precision, props.location_precision]
      .map(textOf)
      .find((p) => PRECISIONS.includes(p));
    // Without a place name, the coordinates themselves are the most truthful label.
    const name =
      textOf(place.name) ||
      textOf(props.location) ||
      textOf(props.place) ||
      textOf(props.location_name) ||
      `${point.lat}, ${point.lon}`;
    event.location = { name, ...point, precision: (precision ?? 'site') as LocationPrecision };
    if (textOf(place.note)) event.location.note = textOf(place.note);
    // Passed as given, like status below: the validator checks the list.
    if (place.aliases !== undefined) event.location.aliases = place.aliases as string[];
  } else event.location = null;
  // Structured fields pass as given: the validator, run over every imported event, checks their types.
  if (isRecord(props.status)) event.status = props.status as unknown as EventRecord['status'] & object;
  if (isRecord(props.fatalities)) event.fatalities = props.fatalities as unknown as EventRecord['fatalities'] & object;
  return event;
}

/** [lon, lat] of a Point, null for geometry null, 'skip' after logging why the feature is refused. */
function pointOf(geometry: unknown, log: ImportLog, at: At): { lat: number; lon: number } | null | 'skip' {
  if (geometry === null || geometry === undefined) return null;
  if (!isRecord(geometry) || geometry.type !== 'Point') {
    const type = isRecord(geometry) ? textOf(geometry.type).slice(0, 40) || 'without a type' : 'that is not an object';
    log.warn(at, `geometry ${type} is not a Point; feature skipped`);
    return 'skip';
  }
  const c = geometry.coordinates;
  // Only the first two positions are read; a Point has 2 or 3 (with altitude), never more.
  if (
    !Array.isArray(c) ||
    c.length < 2 ||
    c.length > 3 ||
    typeof c[0] !== 'number' ||
    typeof c[1] !== 'number' ||
    !Number.isFinite(c[0]) ||
    !Number.isFinite(c[1])
  ) {
    log.error(at, 'Point coordinates must be [lon, lat] numbers; feature skipped');
    return 'skip';
  }
  const [lon, lat] = c as [number, number];
  if (Math.abs(lat) > 90) {
    const hint =
      Math.abs(lon) <= 90 && Math.abs(lat) <= 180 ? '; GeoJSON is [lon, lat], did you swap?' : ' (-90 to 90)';
    log.error(at, `latitude ${lat} out of range${hint}`);
    return 'skip';
  }
  if (Math.abs(lon) > 180) {
    log.error(at, `longitude ${lon} out of range (-180 to 180)`);
    return 'skip';
  }
  return { lat: lat === 0 ? 0 : lat, lon: lon === 0 ? 0 : lon };
}

/**
 * Our ISO grammar as is; a day and month in the file's order (or the one chosen); a timestamp
 * without a zone keeps only its day (with a warning).
 */
function dateOf(value: unknown, field: string, log: ImportLog, at: At, dates: DateReader): string | null {
  const text = textOf(value).trim();
  if (!text) {
    dates.skipped();
    log.error(at, `no ${field} property; feature skipped`);
    return null;
  }
  const read = dates.read(text);
  if (read.ok) {
    if (read.time !== undefined)
      log.warn(at, `${field} '${text}' has a time but no time zone; only the day ${read.date} was kept`);
    return read.date;
  }
  if (read.ambiguous || !/^\d{4}-/.test(text)) {
    dates.skipped();
    log.error(at, `${field} ${read.message}; feature skipped`);
    return null;
  }
  const parsed = parseIsoDate(text);
  dates.skipped();
  log.error(at, `${field} '${text.slice(0, 40)}' is not a date: ${parsed.ok ? '' : parsed.message}; feature skipped`);
  return null;
}

function sourcesOf(props: Props, fileName: string): Source[] {
  const out: Source[] = [];
  for (const s of Array.isArray(props.sources) ? props.sources.slice(0, LIMITS.maxListLength + 1) : []) {
    if (isRecord(s)) {
      const source: Record<string, unknown> = {};
      for (const key of ['publisher', 'title', 'url', 'date', 'author', 'quote'])
        if (s[key] !== undefined) source[key] = s[key];
      out.push(source as unknown as Source);
    } else if (typeof s === 'string' && safeHttpUrl(s))
      out.push({ publisher: safeHttpUrl(s)!.hostname, title: s, url: s });
  }
  const url = textOf(props.url) || textOf(props.link);
  if (!out.length && (url || textOf(props.source))) {
    const link = safeHttpUrl(url);
    out.push({
      publisher: textOf(props.source) || link?.hostname || 'GeoJSON source',
      title: textOf(props.source) || url,
      url: url || textOf(props.source),
    });
  }
  return out.length ? out : [fileSource('GeoJSON', fileName)];
}
