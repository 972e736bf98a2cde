import { isEndBeforeStart, parseIsoDate, type CalendarValue } from './dates';
import { LIMITS } from './limits';
import { isHttpUrl } from './url';
import {
  Checker,
  checkKnownKeys,
  checkString,
  checkStringList,
  describe,
  isObject,
  type Json,
  type JsonObject,
} from './check';
import type { EventRecord, Fatalities, Location, LocationPrecision, Source, Status, StatusKind } from './types';

type Path = ReadonlyArray<string | number>;

const EVENT_KEYS = new Set([
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
]);
const LOCATION_KEYS = new Set(['name', 'lat', 'lon', 'precision', 'note', 'aliases']);
const STATUS_KEYS = new Set(['kind', 'by', 'note']);
const SOURCE_KEYS = new Set(['publisher', 'title', 'url', 'date', 'author', 'quote']);
const FATALITY_KEYS = new Set(['min', 'max', 'by']);
export const LOCATION_PRECISIONS: readonly LocationPrecision[] = ['site', 'city', 'region', 'country'];
export const STATUS_KINDS: readonly StatusKind[] = ['confirmed', 'claimed', 'disputed'];
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const LIST = { items: LIMITS.maxListLength, length: LIMITS.maxTextLength };

/**
 * Checks one event and returns a clean record built only from known fields, or null when an
 * error makes the event unusable. Warnings (unknown fields, a non-http link) keep the event.
 */
export function validateEvent(c: Checker, raw: Json, path: Path, categories: ReadonlySet<string>): EventRecord | null {
  const mark = c.problems.length;
  if (!isObject(raw)) {
    c.report(path, `an event must be an object, not ${describe(raw)}`);
    return null;
  }
  checkKnownKeys(c, raw, EVENT_KEYS, path, 'an event');

  const id = checkString(c, raw, 'id', path, { required: true, max: LIMITS.maxIdLength });
  if (id !== undefined && !ID_PATTERN.test(id)) {
    c.report(
      [...path, 'id'],
      `id "${id}" may hold only letters, digits and . _ : - (and must start with a letter or digit)`,
    );
  }
  const title = checkString(c, raw, 'title', path, { required: true, max: LIMITS.maxTitleLength });
  const summary = checkString(c, raw, 'summary', path, { required: true, max: LIMITS.maxSummaryLength });
  const dates = checkDates(c, raw, path);
  const approximate = checkBoolean(c, raw, 'approximate', path);
  const category = checkString(c, raw, 'category', path, { required: true, max: LIMITS.maxIdLength });
  if (category !== undefined && !categories.has(category)) {
    c.report(
      [...path, 'category'],
      `unknown category "${category}"; add it to "categories" or use one of: ${[...categories].join(', ')}`,
    );
  }
  const actors = checkStringList(c, raw, 'actors', path, LIST);
  const tags = checkStringList(c, raw, 'tags', path, LIST);
  const location = checkLocation(c, raw.location, [...path, 'location']);
  const status = checkStatus(c, raw.status, [...path, 'status']);
  const fatalities = checkFatalities(c, raw.fatalities, [...path, 'fatalities']);
  const sources = checkSources(c, raw.sources, [...path, 'sources']);
  const related = checkStringList(c, raw, 'related', path, LIST);
  if (related && id && related.includes(id))
    c.report([...path, 'related'], `an event cannot relate to itself ("${id}")`, 'warning');

  if (c.errorsSince(mark) > 0 || !id || !title || !summary || !dates || !category || !sources) return null;
  const event: EventRecord = { id, title, summary, date: dates.date, category, sources };
  if (dates.end !== undefined) event.end = dates.end;
  if (approximate) event.approximate = true;
  if (actors?.length) event.actors = actors;
  if (tags?.length) event.tags = tags;
  event.location = location ?? null;
  if (status) event.status = status;
  if (fatalities) event.fatalities = fatalities;
  if (related?.length) event.related = related.filter((r) => r !== id);
  return event;
}

function checkDates(c: Checker, raw: JsonObject, path: Path): { date: string; end?: string } | null {
  const date = checkDateField(c, raw, 'date', path, true);
  const end = checkDateField(c, raw, 'end', path, false);
  if (date === null || end === null) return null;
  if (!date) return null;
  if (end && isEndBeforeStart(date.value, end.value)) {
    c.report([...path, 'end'], `end "${end.text}" is before the start "${date.text}"`);
    return null;
  }
  return end ? { date: date.text, end: end.text } : { date: date.text };
}

/** undefined: absent; null: present but wrong. */
function checkDateField(
  c: Checker,
  raw: JsonObject,
  key: string,
  path: Path,
  required: boolean,
): { text: string; value: CalendarValue } | undefined | null {
  const value = raw[key];
  if (value === undefined || value === null) {
    if (required) {
      c.report(path, `missing "${key}" (an ISO date such as "2021-02-03", "2021-02" or "2021")`);
      return null;
    }
    return undefined;
  }
  if (typeof value !== 'string') {
    c.report([...path, key], `"${key}" must be an ISO date string, not ${describe(value)}`);
    return null;
  }
  const parsed = parseIsoDate(value);
  if (!parsed.ok) {
    c.report([...path, key], parsed.message);
    return null;
  }
  return { text: value, value: parsed.value };
}

function checkBoolean(c: Checker, raw: JsonObject, key: string, path: Path): boolean {
  const value = raw[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    c.report([...path, key], `"${key}" must be true or false, not ${describe(value)}`);
    return false;
  }
  return value;
}

function checkCoordinate(c: Checker, obj: JsonObject, key: 'lat' | 'lon', path: Path): number | undefined {
  const value = obj[key];
  const limit = key === 'lat' ? 90 : 180;
  if (value === undefined || value === null) {
    c.report(
      path,
      `missing "${key}"; a location needs both "lat" and "lon" (use "location": null for events with no place)`,
    );
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    c.report([...path, key], `"${key}" must be a number of decimal degrees, not ${describe(value)}`);
    return undefined;
  }
  if (Math.abs(value) > limit) {
    c.report(
      [...path, key],
      `${key === 'lat' ? 'latitude' : 'longitude'} ${value} is out of range (-${limit} to ${limit})`,
    );
    return undefined;
  }
  return value;
}

function checkLocation(c: Checker, raw: Json | undefined, path: Path): Location | null | undefined {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    c.report(path, `"location" must be an object {name, lat, lon, precision} or null, not ${describe(raw)}`);
    return undefined;
  }
  checkKnownKeys(c, raw, LOCATION_KEYS, path, 'a location');
  const name = checkString(c, raw, 'name', path, { required: true, max: LIMITS.maxTextLength });
  const lat = checkCoordinate(c, raw, 'lat', path);
  const lon = checkCoordinate(c, raw, 'lon', path);
  if (
    lat === undefined &&
    typeof raw.lat === 'number' &&
    Math.abs(raw.lat) <= 180 &&
    typeof raw.lon === 'number' &&
    Math.abs(raw.lon) <= 90
  ) {
    c.report(
      [...path, 'lat'],
      `did you swap "lat" and "lon"? lat ${raw.lat}, lon ${raw.lon} would be valid the other way round`,
      'warning',
    );
  }
  const precision = raw.precision;
  if (typeof precision !== 'string' || !(LOCATION_PRECISIONS as readonly string[]).includes(precision)) {
    c.report(
      precision === undefined ? path : [...path, 'precision'],
      precision === undefined
        ? `missing "precision" (${LOCATION_PRECISIONS.join(', ')})`
        : `"precision" must be one of ${LOCATION_PRECISIONS.join(', ')}, not ${describe(precision)}`,
    );
    return undefined;
  }
  const note = checkString(c, raw, 'note', path, { required: false, max: LIMITS.maxTextLength });
  const aliases = checkStringList(c, raw, 'aliases', path, {
    items: LIMITS.maxPlaceAliases,
    length: LIMITS.maxPlaceAliasLength,
  });
  if (name === undefined || lat === undefined || lon === undefined) return undefined;
  const location: Location = { name, lat, lon, precision: precision as LocationPrecision };
  if (note) location.note = note;
  if (aliases?.length) location.aliases = aliases;
  return location;
}

function checkStatus(c: Checker, raw: Json | undefined, path: Path): Status | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    c.report(path, `"status" must be an object {kind, by, note}, not ${describe(raw)}`);
    return undefined;
  }
  checkKnownKeys(c, raw, STATUS_KEYS, path, 'a status');
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(STATUS_KINDS as readonly string[]).includes(kind)) {
    c.report(
      kind === undefined ? path : [...path, 'kind'],
      `status "kind" must be one of ${STATUS_KINDS.join(', ')}, not ${describe(kind)}`,
    );
    return undefined;
  }
  const by = checkStringList(c, raw, 'by', path, LIST);
  const note = checkString(c, raw, 'note', path, { required: false, max: LIMITS.maxTextLength });
  if (kind !== 'confirmed' && !by?.length) {
    c.report(path, `a ${kind} status should say by whom ("by": ["…"])`, 'warning');
  }
  const status: Status = { kind: kind as StatusKind };
  if (by?.length) status.by = by;
  if (note) status.note = note;
  return status;
}

function checkFatalities(c: Checker, raw: Json | undefined, path: Path): Fatalities | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    c.report(path, `"fatalities" must be an object {min, max, by}, not ${describe(raw)}`);
    return undefined;
  }
  checkKnownKeys(c, raw, FATALITY_KEYS, path, 'fatalities');
  const count = (key: 'min' | 'max'): number | undefined | null => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      c.report([...path, key], `"${key}" must be a whole number of people (0 or more), not ${describe(v)}`);
      return null;
    }
    return v;
  };
  const min = count('min');
  const max = count('max');
  if (min === undefined) c.report(path, 'missing "min" (the lowest reported figure)');
  const by = checkString(c, raw, 'by', path, { required: false, max: LIMITS.maxTextLength });
  if (min === undefined || min === null || max === null) return undefined;
  if (max !== undefined && max < min) {
    c.report([...path, 'max'], `"max" ${max} is less than "min" ${min}`);
    return undefined;
  }
  const out: Fatalities = { min };
  if (max !== undefined && max !== min) out.max = max;
  if (by) out.by = by;
  return out;
}

function checkSources(c: Checker, raw: Json | undefined, path: Path): Source[] | undefined {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    c.report(
      raw === undefined ? path.slice(0, -1) : path,
      'an event needs at least one source {publisher, title, url}',
    );
    return undefined;
  }
  if (!Array.isArray(raw)) {
    c.report(path, `"sources" must be a list, not ${describe(raw)}`);
    return undefined;
  }
  if (raw.length > LIMITS.maxListLength) {
    c.report(path, `${raw.length} sources; the limit is ${LIMITS.maxListLength}`);
    return undefined;
  }
  const out: Source[] = [];
  raw.forEach((item, i) => {
    const source = checkSource(c, item, [...path, i]);
    if (source) out.push(source);
  });
  return out.length === raw.length ? out : undefined;
}

export function checkSource(c: Checker, raw: Json, path: Path): Source | undefined {
  if (!isObject(raw)) {
    c.report(path, `a source must be an object {publisher, title, url}, not ${describe(raw)}`);
    return undefined;
  }
  checkKnownKeys(c, raw, SOURCE_KEYS, path, 'a source');
  const publisher = checkString(c, raw, 'publisher', path, { required: true, max: LIMITS.maxTextLength });
  const title = checkString(c, raw, 'title', path, { required: true, max: LIMITS.maxTextLength });
  const url = checkString(c, raw, 'url', path, { required: true, max: LIMITS.maxTextLength });
  if (url !== undefined && !isHttpUrl(url)) {
    c.report([...path, 'url'], `${describe(url)} is not an http(s) link; it will be shown as plain text`, 'warning');
  }
  const date = checkString(c, raw, 'date', path, { required: false, max: 40 });
  if (date !== undefined) {
    const parsed = parseIsoDate(date);
    if (!parsed.ok) c.report([...path, 'date'], `source date: ${parsed.message}`, 'warning');
  }
  const author = checkString(c, raw, 'author', path, { required: false, max: LIMITS.maxTextLength });
  const quote = checkString(c, raw, 'quote', path, { required: false, max: LIMITS.maxQuoteLength });
  if (publisher === undefined || title === undefined || url === undefined) return undefined;
  const source: Source = { publisher, title, url };
  if (date) source.date = date;
  if (author) source.author = author;
  if (quote) source.quote = quote;
  return source;
}
