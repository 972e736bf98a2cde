import { DAY_MS, civilFromDays, daysFromCivil, parseIsoDate, spanOf } from '../model/dates';
import type { Dataset } from '../model/dataset';
import { LIMITS } from '../model/limits';
import { capSearchText } from '../model/search-text';
import { t } from '../i18n/i18n.svelte';
import type { QueryIndex } from '../query/query-index';
import { regionIds, type RegionTable } from '../model/regions';
import { parseRegionIds } from '../model/region-filter';
import type { TimeWindow } from '../query/filters';
import type { LaneMode, MapView } from './view-types';
import { DEFAULT_MAP_MODE, MAP_MODES, parseMapMeasure, parseMapMode, type MapMeasure, type MapMode } from './map-mode';

/** Everything a link must carry to reproduce a view. Defaults are left out of the URL. */
export interface UrlState {
  data: string | null;
  text: string;
  categories: string[] | null;
  actors: string[];
  tags: string[];
  /** Region ids (region=AZE,AZE-5565): countries and admin-1 regions, model/regions.ts. */
  regions: string[];
  window: TimeWindow | null;
  inView: boolean;
  event: string | null;
  map: MapView | null;
  lanes: LaneMode;
  /** What the map draws (mapmode=), and what a choropleth shades by (mapby=). */
  mapMode: MapMode;
  mapBy: MapMeasure;
  /** The story being read (story=) and its step, counted from 1 as the reader sees it (step=). */
  story: string | null;
  step: number | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  data: null,
  text: '',
  categories: null,
  actors: [],
  tags: [],
  regions: [],
  window: null,
  inView: false,
  event: null,
  map: null,
  lanes: 'category',
  mapMode: DEFAULT_MAP_MODE,
  mapBy: 'events',
  story: null,
  step: null,
};

/** Parameters owned by other parts of the app (embed mode, the interface language…), passed through untouched. */
const FOREIGN = new Set(['data', 'embed', 'views', 'theme', 'origins', 'lang', 'tz']);

/** Encodes in a fixed parameter order so equal states give equal strings. */
export function encodeUrlState(s: UrlState, passthrough: URLSearchParams = new URLSearchParams()): string {
  const p = new URLSearchParams();
  // The data source goes first so links read naturally: ?data=…&q=…
  for (const value of passthrough.getAll('data')) p.append('data', value);
  if (s.text.trim()) p.set('q', s.text);
  if (s.categories) p.set('cat', s.categories.join(','));
  for (const a of s.actors) p.append('actor', a);
  for (const t of s.tags) p.append('tag', t);
  if (s.regions.length) p.set('region', s.regions.join(','));
  if (s.window) {
    p.set('from', axisToIso(s.window.start));
    p.set('to', endToIso(s.window.end));
  }
  if (s.inView) p.set('inview', '1');
  if (s.lanes !== 'category') p.set('lanes', s.lanes);
  if (s.event) p.set('event', s.event);
  if (s.map) p.set('map', `${round(s.map.lat, 4)},${round(s.map.lon, 4)},${round(s.map.zoom, 2)}`);
  if (s.mapMode !== DEFAULT_MAP_MODE) p.set('mapmode', s.mapMode);
  if (s.mapBy !== 'events') p.set('mapby', s.mapBy);
  if (s.story) p.set('story', s.story);
  if (s.story && s.step !== null) p.set('step', String(s.step));
  for (const [key, value] of passthrough) if (FOREIGN.has(key) && key !== 'data') p.append(key, value);
  // Commas are legal in a query string; leaving them unescaped keeps links readable (map=40.1,46.5,6).
  return p.toString().replace(/%2C/gi, ',');
}

/** Never throws: what cannot be read is dropped with a notice a person can understand. */
export function decodeUrlState(search: string): { state: UrlState; notices: string[] } {
  const p = new URLSearchParams(search);
  const notices: string[] = [];
  const state: UrlState = { ...DEFAULT_URL_STATE, categories: null, actors: [], tags: [], regions: [] };
  const known = new Set([
    'q',
    'cat',
    'actor',
    'tag',
    'region',
    'from',
    'to',
    'inview',
    'lanes',
    'event',
    'map',
    'mapmode',
    'mapby',
    'story',
    'step',
    ...FOREIGN,
  ]);
  const unknown = [...new Set(p.keys())].filter((key) => !known.has(key));
  if (unknown.length) notices.push(ignoredNotice('url.ignoredParameter', unknown));

  state.data = p.get('data');
  // A blank search (spaces, a tab) finds everything: it is no search, as encodeUrlState writes it.
  const q = p.get('q') ?? '';
  const text = capSearchText(q);
  if (text !== q) notices.push(t('url.searchCut', { count: LIMITS.maxSearchLength }));
  state.text = text.trim() ? text : '';
  const cat = p.get('cat');
  if (cat !== null) state.categories = cat === '' ? [] : cat.split(',');
  state.actors = p.getAll('actor').filter(Boolean);
  state.tags = p.getAll('tag').filter(Boolean);
  // Ids hold no commas (adm0_a3, adm1_code); a repeated region= is read too. At most the table's size.
  state.regions = parseRegionIds(p.getAll('region')).slice(0, 0xffff);
  state.window = decodeWindow(p.get('from'), p.get('to'), notices);
  const inview = p.get('inview');
  if (inview !== null) {
    if (inview === '1' || inview === '0') state.inView = inview === '1';
    else notices.push(t('url.inview', { value: inview }));
  }
  const lanes = p.get('lanes');
  if (lanes !== null) {
    if (lanes === 'actor' || lanes === 'category') state.lanes = lanes;
    else notices.push(t('url.lanes', { value: lanes }));
  }
  state.event = p.get('event') || null;
  const map = p.get('map');
  if (map !== null) {
    state.map = decodeMap(map);
    if (!state.map) notices.push(t('url.map', { value: map }));
  }
  const mapMode = p.get('mapmode');
  if (mapMode !== null) {
    const mode = parseMapMode(mapMode);
    if (mode) state.mapMode = mode;
    else notices.push(t('url.mapmode', { value: cut(mapMode), modes: MAP_MODES.join(', ') }));
  }
  const mapBy = p.get('mapby');
  if (mapBy !== null) {
    const measure = parseMapMeasure(mapBy);
    if (measure) state.mapBy = measure;
    else notices.push(t('url.mapby', { value: cut(mapBy) }));
  }
  state.story = p.get('story') || null;
  const step = p.get('step');
  if (step !== null && state.story) {
    if (/^[1-9]\d{0,5}$/.test(step)) state.step = Number(step);
    else notices.push(t('url.step', { value: cut(step) }));
  }
  return { state, notices };
}

/** Whether two states show the same view, the map's place aside (a reader may pan a step's map freely). */
export function sameView(a: UrlState, b: UrlState): boolean {
  const flat = (s: UrlState) => encodeUrlState({ ...s, map: null, story: null, step: null });
  return flat(a) === flat(b);
}

/** A value quoted back in a notice, cut short: a link may carry anything. */
function cut(value: string): string {
  return value.length > NOTICE_VALUE_LENGTH ? `${value.slice(0, NOTICE_VALUE_LENGTH)}…` : value;
}

/** Drops what the loaded dataset does not have, saying what was dropped. */
export function reconcileUrlState(
  s: UrlState,
  dataset: Dataset,
  index: QueryIndex,
): { state: UrlState; notices: string[] } {
  const notices: string[] = [];
  // One notice per kind of value, however many a link names: a link with thousands of unknown
  // values made one notice each, pushing the map thousands of pixels down.
  const keep = (values: readonly string[], known: ReadonlySet<string>, kind: IgnoredKind) => {
    const kept = values.filter((v) => known.has(v));
    if (kept.length < values.length)
      notices.push(
        ignoredNotice(
          kind,
          values.filter((v) => !known.has(v)),
        ),
      );
    return kept;
  };
  const categoryIds = new Set(dataset.meta.categories.map((c) => c.id));
  const categories = s.categories ? keep(s.categories, categoryIds, 'url.ignoredCategory') : null;
  const state: UrlState = {
    ...s,
    // Naming only categories the data lacks leaves the choice of categories as if unmade, not empty.
    categories: categories && categories.length === 0 && s.categories!.length > 0 ? null : categories,
    actors: keep(s.actors, new Set(index.actors.values), 'url.ignoredActor'),
    tags: keep(s.tags, new Set(index.tags.values), 'url.ignoredTag'),
    // Without a region table (no located events, or its assets missing) the ids are kept: they select nothing then.
    regions: dataset.regions ? keep(s.regions, regionIdSet(dataset.regions.table), 'url.ignoredRegion') : s.regions,
  };
  if (state.event && dataset.events.rowOf(state.event) === undefined) {
    notices.push(t('url.event', { value: state.event }));
    state.event = null;
  }
  return { state, notices };
}

/** Values quoted in a notice: a few, each cut short, and how many more. */
const NOTICE_VALUES = 5;
const NOTICE_VALUE_LENGTH = 60;

type IgnoredKind =
  'url.ignoredParameter' | 'url.ignoredCategory' | 'url.ignoredActor' | 'url.ignoredTag' | 'url.ignoredRegion';

function regionIdSet(table: RegionTable): ReadonlySet<string> {
  return new Set(regionIds(table).keys());
}

function ignoredNotice(kind: IgnoredKind, values: readonly string[]): string {
  const distinct = [...new Set(values)];
  const quoted = distinct
    .slice(0, NOTICE_VALUES)
    .map((v) => `"${v.length > NOTICE_VALUE_LENGTH ? `${v.slice(0, NOTICE_VALUE_LENGTH)}…` : v}"`)
    .join(', ');
  const more = distinct.length - NOTICE_VALUES;
  return t(kind, {
    count: distinct.length,
    values: more > 0 ? `${quoted} ${t('problems.more', { count: more })}` : quoted,
  });
}

/** A link's from= and to= as a window (a step's from and to are read the same way), or null with a notice. */
export function decodeWindow(from: string | null, to: string | null, notices: string[]): TimeWindow | null {
  if (from === null && to === null) return null;
  if (from === null || to === null) {
    notices.push(t('url.windowHalf'));
    return null;
  }
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (!start.ok || !end.ok) {
    notices.push(t('url.windowBad', { from, to, why: !start.ok ? start.message : !end.ok ? end.message : '' }));
    return null;
  }
  // A calendar "to" includes its whole day (month, year); an instant "to" is the exclusive end.
  const window = {
    start: spanOf(start.value).start,
    end: end.value.offsetMinutes === null ? spanOf(end.value).end : spanOf(end.value).start,
  };
  if (window.end <= window.start) {
    notices.push(t('url.windowBackwards', { from, to }));
    return null;
  }
  return window;
}

function decodeMap(text: string): MapView | null {
  const parts = text.split(',');
  if (parts.length !== 3 || parts.some((x) => !/^-?\d+(\.\d+)?$/.test(x))) return null;
  const [lat, lon, zoom] = parts.map(Number) as [number, number, number];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || zoom < 0 || zoom > 22) return null;
  return { lat, lon, zoom };
}

/**
 * The grammar takes years 0000-9999 only, but an accepted edge with an extreme offset
 * (0000-01-01T00:00+14:00, 9999-12-31T23:59-12:00) is a UTC instant just outside them.
 */
const CALENDAR_START = daysFromCivil(0, 1, 1) * DAY_MS;
const CALENDAR_END = daysFromCivil(10_000, 1, 1) * DAY_MS;
const MINUTE_MS = 60_000;

function inCalendar(ms: number): boolean {
  return ms >= CALENDAR_START && ms < CALENDAR_END;
}

/** Shortest ISO form that round-trips exactly: a date at midnight, else the instant in UTC. */
export function axisToIso(ms: number): string {
  return ms % DAY_MS === 0 && inCalendar(ms) ? dateIso(ms) : instantIso(ms);
}

/** The end of a window: a midnight end is written as the last whole day included. */
export function endToIso(ms: number): string {
  // The day before an end at 0000-01-01T00:00Z is not writable, so that end stays an instant.
  return ms % DAY_MS === 0 && inCalendar(ms - DAY_MS) ? dateIso(ms - DAY_MS) : instantIso(ms);
}

function dateIso(ms: number): string {
  const { year, month, day } = civilFromDays(Math.floor(ms / DAY_MS));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The instant in UTC, or, when its UTC year is outside 0000-9999, in the smallest offset whose
 * wall clock is inside: the same instant, in a form the decoder accepts.
 */
function instantIso(ms: number): string {
  let offset = 0;
  if (ms < CALENDAR_START) offset = Math.ceil((CALENDAR_START - ms) / MINUTE_MS);
  else if (ms >= CALENDAR_END) offset = -(Math.floor((ms - CALENDAR_END) / MINUTE_MS) + 1);
  const wall = ms + offset * MINUTE_MS;
  const days = Math.floor(wall / DAY_MS);
  let rest = wall - days * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = Math.round(rest - s * 1000);
  let time = `${pad(h, 2)}:${pad(m, 2)}`;
  if (s || milli) time += `:${pad(s, 2)}`;
  if (milli) time += `.${pad(milli, 3)}`;
  return `${dateIso(days * DAY_MS)}T${time}${offsetIso(offset)}`;
}

function offsetIso(minutes: number): string {
  if (minutes === 0) return 'Z';
  const magnitude = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(magnitude / 60), 2)}:${pad(magnitude % 60, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
