/**
 * Exporters. JSON is the lossless, canonical form: keys in the order of types.ts, 2-space
 * indentation and a final newline, so exporting twice gives the same bytes and git diffs stay
 * small. CSV is for spreadsheets (formula-safe, see csv.ts); GeoJSON is for GIS tools. Both carry
 * every field of an event, and the CSV and GeoJSON importers read them back to the same events.
 */
import { writeCsv, type CsvCell } from '../csv';
import { lookup } from './common';
import { drain, type Steps } from '../../model/steps';
import type { Category, DatasetFile, DatasetMeta, EventRecord } from '../../model/types';

/**
 * The events an exporter writes, read one at a time: a packed store decodes each as it is
 * written, so a million events never exist as objects at once. `at` gives null for an event that
 * cannot be read; it is left out (the source says which).
 */
export interface EventSource {
  readonly count: number;
  at(i: number): EventRecord | null;
}

/** Takes an exporter's text a piece at a time (a file is built from the pieces, never one string). */
export type Sink = (text: string) => void;

/** Events written between two yields of a streamed exporter: ~1–3 ms of work. */
const EVENTS_PER_STEP = 64;

export function sourceOf(events: readonly EventRecord[]): EventSource {
  return { count: events.length, at: (i) => events[i]! };
}

/** The whole text of a streamed exporter, for files small enough to be one string. */
export function written(write: (sink: Sink) => Steps<void>): string {
  const parts: string[] = [];
  drain(write((text) => parts.push(text)));
  return parts.join('');
}

/** The canonical key orders of our JSON (the layout writer, io/json-layout.ts, follows them too). */
export const ROOT_KEYS = [
  '$schema',
  'format',
  'title',
  'description',
  'license',
  'updated',
  'categories',
  'stories',
  'events',
];
export const CATEGORY_KEYS = ['id', 'label', 'labels', 'color', 'description'];
const EVENT_KEYS = [
  'id',
  'title',
  'summary',
  'date',
  'end',
  'approximate',
  'category',
  'actors',
  'tags',
  'location',
  'status',
  'fatalities',
  'sources',
  'related',
];
const NESTED_KEYS: Record<string, string[]> = {
  location: ['name', 'lat', 'lon', 'precision', 'note', 'aliases'],
  status: ['kind', 'by', 'note'],
  fatalities: ['min', 'max', 'by'],
  sources: ['publisher', 'title', 'url', 'date', 'author', 'quote'],
};
/** Meta fields the loader reads as '' when absent: omitted when empty, which loads back the same. */
const OPTIONAL_META = new Set(['description', 'license', 'updated']);

/**
 * Known keys first in canonical order, then any others in their own order: a field this version
 * does not know is kept (and flagged by the validator on load), never silently dropped (T21).
 */
function ordered(
  value: Record<string, unknown>,
  keys: readonly string[],
  child?: (key: string, v: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (key: string): void => {
    const v = value[key];
    if (v !== undefined) out[key] = child ? child(key, v) : v;
  };
  for (const key of keys) if (Object.prototype.hasOwnProperty.call(value, key)) put(key);
  // "__proto__" would set the output's prototype instead of a key; our JSON parser drops it too.
  for (const key of Object.keys(value)) if (!keys.includes(key) && key !== '__proto__') put(key);
  return out;
}

export function canonicalEvent(event: EventRecord): Record<string, unknown> {
  return ordered(event as unknown as Record<string, unknown>, EVENT_KEYS, (key, v) => {
    const keys = lookup(NESTED_KEYS, key);
    if (!keys || v === null || typeof v !== 'object') return v;
    return Array.isArray(v)
      ? v.map((item: unknown) =>
          item && typeof item === 'object' ? ordered(item as Record<string, unknown>, keys) : item,
        )
      : ordered(v as Record<string, unknown>, keys);
  });
}

export function toJson(dataset: DatasetFile): string {
  const { events, ...rest } = dataset;
  return written((sink) => jsonSteps(rest, sourceOf(events), sink));
}

/** Our JSON, streamed: the same bytes as JSON.stringify of the whole file with 2-space indentation. */
export function jsonSteps(file: Omit<DatasetFile, 'events'>, events: EventSource, sink: Sink): Steps<void> {
  const doc = JSON.stringify(canonicalRoot({ ...file, events: HOLE as unknown as EventRecord[] }), null, 2) + '\n';
  return listSteps(doc, 'events', events, canonicalEvent, sink);
}

/**
 * Stands for the list in the document around it; as a JSON string it reads "\u0000…", which no
 * string in the data can produce (a backslash in the data is written as two).
 */
const HOLE = '\u0000faultline-list\u0000';

/**
 * Writes `doc` (a JSON.stringify with 2-space indentation whose top-level `key` holds HOLE) with
 * the items in place of the hole, each as JSON.stringify would have written it at depth 2.
 */
function* listSteps(
  doc: string,
  key: string,
  items: EventSource,
  item: (e: EventRecord) => unknown,
  sink: Sink,
): Steps<void> {
  const hole = `\n  ${JSON.stringify(key)}: ${JSON.stringify(HOLE)}`;
  const at = doc.indexOf(hole);
  if (at < 0) throw new Error(`exporter: no "${key}" in the document`);
  const keyEnd = at + hole.length - JSON.stringify(HOLE).length;
  sink(doc.slice(0, keyEnd));
  let listed = 0;
  for (let i = 0; i < items.count; i++) {
    const event = items.at(i);
    // JSON text has line breaks only between tokens (those in strings are escaped): indenting
    // after each one puts the item at depth 2.
    if (event)
      sink((listed++ === 0 ? '[\n    ' : ',\n    ') + JSON.stringify(item(event), null, 2).replace(/\n/g, '\n    '));
    if (i % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
  }
  sink(listed === 0 ? '[]' : '\n  ]');
  sink(doc.slice(at + hole.length));
}

function canonicalRoot(dataset: Partial<DatasetFile>): Record<string, unknown> {
  const root = ordered(
    { ...dataset, format: dataset.format ?? 'faultline/1' } as unknown as Record<string, unknown>,
    ROOT_KEYS,
    (key, v) => {
      if (key === 'categories' && Array.isArray(v))
        return v.map((c: Category) => ordered(c as unknown as Record<string, unknown>, CATEGORY_KEYS));
      if (key === 'events' && Array.isArray(v)) return v.map((e: EventRecord) => canonicalEvent(e));
      return v;
    },
  );
  for (const key of OPTIONAL_META) if (root[key] === '') delete root[key];
  return root;
}

/** The columns of our CSV: the agreed fixed set first, then the fields needed for a lossless round trip. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'summary',
  'date',
  'end',
  'approximate',
  'category',
  'actors',
  'tags',
  'location_name',
  'lat',
  'lon',
  'location_precision',
  'status',
  'status_by',
  'fatalities_min',
  'fatalities_max',
  'sources',
  'location_note',
  'location_aliases',
  'status_note',
  'fatalities_by',
  'related',
  'category_label',
] as const;

/**
 * Lists (actors, tags, location_aliases, status_by, related) are written "a; b; c" for people reading a sheet. When
 * that would be ambiguous (an item holds ';', starts with '[' or has outer spaces) the cell is a
 * JSON array instead; a cell starting with '[' is always read as JSON, so both forms read back exactly.
 */
export function encodeList(items: readonly string[] | undefined): string {
  if (!items?.length) return '';
  const plain = items.every((s) => !s.includes(';') && s.trim() === s && !s.startsWith('['));
  return plain ? items.join('; ') : JSON.stringify(items);
}

export function decodeList(cell: string): string[] {
  const text = cell.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) return parsed as string[];
    } catch {
      // Not JSON after all (a hand-typed "[draft] name"): read it as a plain list.
    }
  }
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * One row per event. Sources are a JSON array of {publisher, title, url, …}: lossless and
 * unambiguous, where "publisher | title | url" would break on a '|' in a title.
 */
export function toCsv(events: readonly EventRecord[], categories: readonly Category[] = []): string {
  return written((sink) => csvSteps(sourceOf(events), categories, sink));
}

/** Our CSV, streamed: the header, then a line per event. */
export function* csvSteps(events: EventSource, categories: readonly Category[], sink: Sink): Steps<void> {
  const labels = new Map(categories.map((c) => [c.id, c.label]));
  sink(writeCsv([[...CSV_COLUMNS]]));
  for (let i = 0; i < events.count; i++) {
    const event = events.at(i);
    if (event) sink(writeCsv([csvRow(event, labels)]));
    if (i % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
  }
}

/** One event's cells in CSV_COLUMNS order (before any formula neutralising): our CSV and Parquet rows. */
export function csvRow(e: EventRecord, labels: ReadonlyMap<string, string>): CsvCell[] {
  const loc = e.location ?? null;
  return [
    e.id,
    e.title,
    e.summary,
    e.date,
    e.end ?? '',
    e.approximate ? true : '',
    e.category,
    encodeList(e.actors),
    encodeList(e.tags),
    loc?.name ?? '',
    loc?.lat,
    loc?.lon,
    loc?.precision ?? '',
    e.status?.kind ?? '',
    encodeList(e.status?.by),
    e.fatalities?.min,
    e.fatalities?.max,
    JSON.stringify(e.sources.map((s) => ordered(s as unknown as Record<string, unknown>, NESTED_KEYS.sources!))),
    loc?.note ?? '',
    encodeList(loc?.aliases),
    e.status?.note ?? '',
    e.fatalities?.by ?? '',
    encodeList(e.related),
    labels.get(e.category) ?? '',
  ];
}

/** The key under which our GeoJSON carries the dataset's title and categories (an RFC 7946 foreign member). */
export const GEOJSON_META_KEY = 'faultline:meta';

/**
 * A FeatureCollection with one Feature per event. Events without a place keep their Feature with
 * geometry null (RFC 7946 §3.2), so nothing is lost; coordinates are [lon, lat] (§3.1.1).
 */
export function toGeoJson(events: readonly EventRecord[], meta?: DatasetMeta): string {
  return written((sink) => geoJsonSteps(sourceOf(events), meta, sink));
}

/** Our GeoJSON, streamed: the same bytes as JSON.stringify of the whole collection. */
export function geoJsonSteps(events: EventSource, meta: DatasetMeta | undefined, sink: Sink): Steps<void> {
  const collection: Record<string, unknown> = { type: 'FeatureCollection' };
  if (meta) collection[GEOJSON_META_KEY] = canonicalRoot({ format: 'faultline/1', ...meta });
  collection.features = HOLE;
  return listSteps(JSON.stringify(collection, null, 2) + '\n', 'features', events, feature, sink);
}

function feature(e: EventRecord): unknown {
  const properties = canonicalEvent(e);
  const location = properties.location as Record<string, unknown> | null | undefined;
  // The place's name, precision, note and aliases stay in the properties; its coordinates are the geometry.
  if (location)
    properties.location = ordered(
      { name: location.name, precision: location.precision, note: location.note, aliases: location.aliases },
      ['name', 'precision', 'note', 'aliases'],
    );
  const geometry = location ? { type: 'Point', coordinates: [location.lon, location.lat] } : null;
  return { type: 'Feature', id: e.id, geometry, properties };
}
