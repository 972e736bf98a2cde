/**
 * The host-page API of embed mode, version 1: the pure half. Messages are plain objects
 * `{v: 1, type, id?, payload}`. This file validates what a host sends (shape, types, sizes),
 * checks it against the loaded dataset, builds what the embed sends back, and decides which
 * origin each outgoing message may go to. host-bridge.svelte.ts does the listening and posting.
 *
 * Origin rule for outgoing messages (security.md T8):
 *   1. Once the parent has sent a valid message, everything goes to that message's origin.
 *   2. Before that, when the embed URL allowlists exactly one origin, everything goes to it.
 *   3. Otherwise only a data-free `{v: 1, type: 'ready'}` is posted, to '*'; the rest waits.
 * A parent with an opaque origin ("null", itself sandboxed) cannot be addressed, so it counts
 * as "no origin yet": it may send commands, but gets nothing back beyond the data-free ready.
 *
 * Versions: what a host written for an earlier v: 1 can ignore is added within v: 1: a new command
 * (goToStep, setMapMode), a new optional field of a command (setFilters `regions`), a new field of
 * an outgoing payload (state's `filters.regions`, `regionNames`, `mapMode`), a new outgoing type
 * (step). Such a host never sends the new things and reads the fields it knows as before. A change
 * to what an existing field means or how it is shaped, or a field a host must send, needs v: 2.
 */
import { parseIsoDate, spanOf } from '../model/dates';
import { LIMITS } from '../model/limits';
import { parseRegionIds, unknownRegionIds } from '../model/region-filter';
import type { RegionTable } from '../model/regions';
import type { TimeWindow } from '../query/filters';
import { MAP_MODES, parseMapMeasure, parseMapMode, type MapMeasure, type MapMode } from '../state/map-mode';
import { axisToIso, endToIso } from '../state/url';

export const PROTOCOL_VERSION = 1;
/** Serialised (JSON, UTF-8) size above which a message is refused unread. */
export const MAX_MESSAGE_BYTES = 1_000_000;
export const MESSAGE_LIMITS = {
  requestId: 128,
  text: LIMITS.maxSearchLength,
  listItems: 1000,
  item: 300,
  eventId: 300,
  date: 40,
} as const;

export type RequestId = string | number;

/** The filter fields a host may set; absent fields stay as they are. */
export interface FilterPatch {
  text?: string;
  /** null shows every category. */
  categories?: string[] | null;
  actors?: string[];
  tags?: string[];
  /** Country ("AZE") and admin-1 ("AZE-5565") ids, as a link's region=; empty shows every region. */
  regions?: string[];
  window?: TimeWindow | null;
  inView?: boolean;
}

/** A command that passed validation, with dates already turned into axis times. */
export type Command =
  | { type: 'setFilters'; id: RequestId | null; patch: FilterPatch }
  | { type: 'setWindow'; id: RequestId | null; window: TimeWindow | null }
  | { type: 'selectEvent'; id: RequestId | null; eventId: string | null }
  | { type: 'getState'; id: RequestId | null }
  /** `story` null: the story open now. `step` counts from 1, as the reader sees it. */
  | { type: 'goToStep'; id: RequestId | null; story: string | null; step: number }
  /** What the map draws and what a choropleth shades by; an absent one stays as it is. */
  | { type: 'setMapMode'; id: RequestId | null; mode?: MapMode; measure?: MapMeasure };

export type CommandType = Command['type'];
export const COMMAND_TYPES: readonly CommandType[] = [
  'setFilters',
  'setWindow',
  'selectEvent',
  'getState',
  'goToStep',
  'setMapMode',
];

export type Validation = { ok: true; command: Command } | { ok: false; message: string; inReplyTo: RequestId | null };

/** The ISO form of a window in messages: `from` is the first day (or instant), `to` the last. */
export interface WindowIso {
  from: string;
  to: string;
}

export interface StatePayload {
  filters: {
    text: string;
    categories: string[] | null;
    actors: string[];
    tags: string[];
    regions: string[];
    inView: boolean;
  };
  /** The names of filters.regions, in the same order, in the embed's language where the names exist. */
  regionNames: string[];
  mapMode: { mode: MapMode; measure: MapMeasure };
  window: WindowIso | null;
  selected: string | null;
  visible: number;
  total: number;
  inReplyTo?: RequestId | null;
}

/** The story step shown (all null once no story is open); `step` counts from 1. */
export interface StepPayload {
  story: string | null;
  step: number | null;
  count: number | null;
  heading: string | null;
}

export type Outgoing =
  | { v: 1; type: 'ready'; payload?: { title: string; count: number } }
  | { v: 1; type: 'state'; payload: StatePayload }
  | { v: 1; type: 'select'; payload: { id: string | null; title: string | null; date: string | null } }
  | { v: 1; type: 'height'; payload: { height: number } }
  | { v: 1; type: 'step'; payload: StepPayload }
  | { v: 1; type: 'error'; payload: { message: string; inReplyTo: RequestId | null } };

// ---------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      fail(`${where} has an unknown field "${truncate(key)}" (allowed: ${allowed.join(', ')})`);
  }
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function string(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string') fail(`${where} must be a string`);
  if (value.length > max) fail(`${where} is longer than ${max} characters`);
  return value;
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) fail(`${where} must be an array of strings`);
  if (value.length > MESSAGE_LIMITS.listItems) fail(`${where} has more than ${MESSAGE_LIMITS.listItems} items`);
  return value.map((item, i) => string(item, `${where}[${i}]`, MESSAGE_LIMITS.item));
}

/** setFilters `regions`: counted before any is read, then read as a link's region= is (model/region-filter.ts). */
function regionList(value: unknown): string[] {
  const where = 'setFilters: regions';
  const max = LIMITS.maxRegionFilter;
  if (!Array.isArray(value)) fail(`${where} must be an array of region ids such as "AZE" or "AZE-5565"`);
  if (value.length > max) fail(`${where} names ${value.length} regions; the limit is ${max}`);
  const ids = parseRegionIds(value.map((item, i) => string(item, `${where}[${i}]`, MESSAGE_LIMITS.item)));
  // A comma inside a value names several, as in a link.
  if (ids.length > max) fail(`${where} names ${ids.length} regions; the limit is ${max}`);
  return ids;
}

/** UTF-8 length of the JSON form; throws Invalid when the value is not JSON (cycles, BigInt). */
export function serialisedBytes(value: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    fail('the message is not plain JSON data');
  }
  if (json === undefined) fail('the message is not plain JSON data');
  return new TextEncoder().encode(json).length;
}

/** The request id, when the message has a usable one: errors answer with it as inReplyTo. */
function requestIdOf(data: unknown): RequestId | null {
  if (!isPlainObject(data)) return null;
  const id = data['id'];
  if (typeof id === 'string' && id.length <= MESSAGE_LIMITS.requestId) return id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  return null;
}

/** `{from, to}` ISO dates → axis window. A calendar `to` includes its whole day, month or year. */
export function parseWindow(value: unknown, where: string): TimeWindow {
  if (!isPlainObject(value)) fail(`${where} must be {from, to} or null`);
  onlyKeys(value, ['from', 'to'], where);
  const from = string(value['from'], `${where}.from`, MESSAGE_LIMITS.date);
  const to = string(value['to'], `${where}.to`, MESSAGE_LIMITS.date);
  const start = parseIsoDate(from);
  if (!start.ok) fail(`${where}.from: ${start.message}`);
  const end = parseIsoDate(to);
  if (!end.ok) fail(`${where}.to: ${end.message}`);
  const window = {
    start: spanOf(start.value).start,
    end: end.value.offsetMinutes === null ? spanOf(end.value).end : spanOf(end.value).start,
  };
  if (window.end <= window.start) fail(`${where} ends before it starts`);
  return window;
}

function parseFilterPatch(value: unknown): FilterPatch {
  if (!isPlainObject(value)) fail('setFilters: payload must be an object');
  onlyKeys(value, ['text', 'categories', 'actors', 'tags', 'regions', 'window', 'inView'], 'setFilters payload');
  const patch: FilterPatch = {};
  if ('text' in value) patch.text = string(value['text'], 'setFilters: text', MESSAGE_LIMITS.text);
  if ('categories' in value)
    patch.categories = value['categories'] === null ? null : stringList(value['categories'], 'setFilters: categories');
  if ('actors' in value) patch.actors = stringList(value['actors'], 'setFilters: actors');
  if ('tags' in value) patch.tags = stringList(value['tags'], 'setFilters: tags');
  if ('regions' in value) patch.regions = regionList(value['regions']);
  if ('window' in value)
    patch.window = value['window'] === null ? null : parseWindow(value['window'], 'setFilters: window');
  if ('inView' in value) {
    if (typeof value['inView'] !== 'boolean') fail('setFilters: inView must be true or false');
    patch.inView = value['inView'];
  }
  return patch;
}

/**
 * Checks a message's shape, types and size, and returns the command it carries. Anything
 * unexpected is refused: unknown types, unknown or missing fields, wrong types, over 1 MB.
 */
export function validateCommand(data: unknown): Validation {
  const inReplyTo = requestIdOf(data);
  try {
    if (!isPlainObject(data)) fail('a message must be an object {v: 1, type, id?, payload}');
    const bytes = serialisedBytes(data);
    if (bytes > MAX_MESSAGE_BYTES) fail(`the message is ${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES}`);
    onlyKeys(data, ['v', 'type', 'id', 'payload'], 'the message');
    if (data['v'] !== PROTOCOL_VERSION)
      fail(`unsupported version ${truncate(String(data['v']))}: this embed speaks v: 1`);
    if ('id' in data && data['id'] !== undefined) {
      const id = data['id'];
      const okString = typeof id === 'string' && id.length <= MESSAGE_LIMITS.requestId;
      const okNumber = typeof id === 'number' && Number.isSafeInteger(id);
      if (!okString && !okNumber)
        fail(`id must be a string of at most ${MESSAGE_LIMITS.requestId} characters or an integer`);
    }
    const type = data['type'];
    if (typeof type !== 'string') fail('type must be a string');
    const payload = data['payload'];
    switch (type) {
      case 'setFilters':
        return { ok: true, command: { type, id: inReplyTo, patch: parseFilterPatch(payload) } };
      case 'setWindow':
        if (payload === undefined) fail('setWindow: payload must be {from, to} or null');
        return {
          ok: true,
          command: {
            type,
            id: inReplyTo,
            window: payload === null ? null : parseWindow(payload, 'setWindow: payload'),
          },
        };
      case 'selectEvent': {
        if (!isPlainObject(payload)) fail('selectEvent: payload must be {id}');
        onlyKeys(payload, ['id'], 'selectEvent payload');
        if (!('id' in payload)) fail('selectEvent: payload.id is required (a string, or null to clear)');
        const eventId =
          payload['id'] === null ? null : string(payload['id'], 'selectEvent: id', MESSAGE_LIMITS.eventId);
        return { ok: true, command: { type, id: inReplyTo, eventId } };
      }
      case 'goToStep': {
        if (!isPlainObject(payload)) fail('goToStep: payload must be {step, story?}');
        onlyKeys(payload, ['step', 'story'], 'goToStep payload');
        const step = payload['step'];
        if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 1)
          fail('goToStep: step must be a whole number from 1');
        const story =
          payload['story'] === undefined || payload['story'] === null
            ? null
            : string(payload['story'], 'goToStep: story', MESSAGE_LIMITS.eventId);
        return { ok: true, command: { type, id: inReplyTo, story, step } };
      }
      case 'setMapMode': {
        if (!isPlainObject(payload)) fail('setMapMode: payload must be {mode?, measure?}');
        onlyKeys(payload, ['mode', 'measure'], 'setMapMode payload');
        if (!('mode' in payload) && !('measure' in payload)) fail('setMapMode: payload needs mode, measure or both');
        const command: Extract<Command, { type: 'setMapMode' }> = { type, id: inReplyTo };
        if ('mode' in payload) {
          const text = string(payload['mode'], 'setMapMode: mode', MESSAGE_LIMITS.item);
          const mode = parseMapMode(text);
          if (!mode) fail(`setMapMode: unknown mode "${truncate(text)}" (known: ${MAP_MODES.join(', ')})`);
          command.mode = mode;
        }
        if ('measure' in payload) {
          const text = string(payload['measure'], 'setMapMode: measure', MESSAGE_LIMITS.item);
          const measure = parseMapMeasure(text);
          if (!measure) fail(`setMapMode: unknown measure "${truncate(text)}" (known: events, fatalities)`);
          command.measure = measure;
        }
        return { ok: true, command };
      }
      case 'getState':
        if (
          payload !== undefined &&
          payload !== null &&
          !(isPlainObject(payload) && Object.keys(payload).length === 0)
        ) {
          fail('getState: payload must be empty');
        }
        return { ok: true, command: { type, id: inReplyTo } };
      default:
        return fail(`unknown type "${truncate(type)}" (known: ${COMMAND_TYPES.join(', ')})`);
    }
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message, inReplyTo };
    // A stack overflow on absurd nesting, or anything else: still a refusal, never a crash.
    return { ok: false, message: 'the message could not be read', inReplyTo };
  }
}

/** What the loaded dataset knows, to refuse commands that name things it does not have. */
export interface Catalog {
  /** Category ids in dataset order. */
  categories: readonly string[];
  actors: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  /** The table region ids are read against; null when the data has none (no located events, no assets). */
  regions: RegionTable | null;
  hasEvent(id: string): boolean;
}

/** Null when the command only names things the dataset has; otherwise why not. */
export function checkAgainstCatalog(command: Command, catalog: Catalog): string | null {
  const named = (missing: readonly string[], what: string): string | null => {
    if (missing.length === 0) return null;
    const shown = missing
      .slice(0, 5)
      .map((v) => `"${truncate(v)}"`)
      .join(', ');
    return `unknown ${what}${missing.length > 1 ? 's' : ''} ${shown}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`;
  };
  const unknown = (values: readonly string[] | null | undefined, known: (v: string) => boolean, what: string) =>
    named(
      (values ?? []).filter((v) => !known(v)),
      what,
    );
  const regions = (ids: readonly string[] | undefined): string | null => {
    if (!ids?.length) return null;
    if (!catalog.regions)
      return 'this dataset has no regions (no located events, or the region boundaries could not be loaded)';
    return named(unknownRegionIds(catalog.regions, ids), 'region');
  };
  if (command.type === 'setFilters') {
    const { patch } = command;
    return (
      unknown(patch.categories, (c) => catalog.categories.includes(c), 'category') ??
      unknown(patch.actors, (a) => catalog.actors.has(a), 'actor') ??
      unknown(patch.tags, (t) => catalog.tags.has(t), 'tag') ??
      regions(patch.regions)
    );
  }
  if (command.type === 'selectEvent' && command.eventId !== null && !catalog.hasEvent(command.eventId)) {
    return `unknown event id "${truncate(command.eventId)}"`;
  }
  return null;
}

/**
 * Null when goToStep names a story the dataset has (or, without one, a story is open) and a step
 * it has; otherwise why not.
 */
export function checkStoryStep(
  stories: readonly { id: string; steps: readonly unknown[] }[],
  open: string | null,
  command: { story: string | null; step: number },
): string | null {
  const id = command.story ?? open;
  if (id === null) return 'goToStep: no story is open; name one with "story"';
  const story = stories.find((s) => s.id === id);
  if (!story) return `unknown story id "${truncate(id)}"`;
  if (command.step > story.steps.length)
    return `story "${truncate(id)}" has ${story.steps.length} step${story.steps.length === 1 ? '' : 's'}; there is no step ${command.step}`;
  return null;
}

/** Categories in dataset order, with "all of them" as null (as the app keeps them). */
export function normaliseCategories(selected: readonly string[] | null, all: readonly string[]): string[] | null {
  if (selected === null) return null;
  const ordered = all.filter((c) => selected.includes(c));
  return ordered.length === all.length ? null : ordered;
}

// ---------------------------------------------------------------------------------------
// Outgoing messages
// ---------------------------------------------------------------------------------------

/** A window as ISO dates: midnight bounds are written as days, `to` as the last day included. */
export function windowToIso(window: TimeWindow | null): WindowIso | null {
  if (!window) return null;
  return { from: axisToIso(window.start), to: endToIso(window.end) };
}

export function readyMessage(title: string, count: number): Outgoing {
  return { v: 1, type: 'ready', payload: { title, count } };
}

export function stateMessage(state: Omit<StatePayload, 'inReplyTo'>, inReplyTo?: RequestId | null): Outgoing {
  return { v: 1, type: 'state', payload: inReplyTo === undefined ? state : { ...state, inReplyTo } };
}

export function selectMessage(event: { id: string; title: string; date: string } | null): Outgoing {
  return {
    v: 1,
    type: 'select',
    payload: event ? { id: event.id, title: event.title, date: event.date } : { id: null, title: null, date: null },
  };
}

export function heightMessage(height: number): Outgoing {
  return { v: 1, type: 'height', payload: { height: Math.max(0, Math.ceil(height)) } };
}

export function stepMessage(payload: StepPayload): Outgoing {
  return { v: 1, type: 'step', payload };
}

export function errorMessage(message: string, inReplyTo: RequestId | null): Outgoing {
  return { v: 1, type: 'error', payload: { message, inReplyTo } };
}

// ---------------------------------------------------------------------------------------
// Origins
// ---------------------------------------------------------------------------------------

// parseOrigins and normaliseOrigin live in origins.ts: the page reads origins= before this
// module (the host API's, an embed's only) loads.
export { normaliseOrigin, parseOrigins } from './origins';

/** Commands count only from the parent window, and from an allowlisted origin when there is a list. */
export function acceptsMessage(fromParent: boolean, origin: string, allowlist: readonly string[] | null): boolean {
  if (!fromParent) return false;
  return allowlist === null || allowlist.includes(origin);
}

/** An origin postMessage can target: "null" (an opaque origin) cannot be. */
export function addressable(origin: string | null): origin is string {
  return origin !== null && origin !== 'null' && origin !== '*';
}

/**
 * Where an outgoing message may go, and in what form, under the rule at the top of this file.
 * null: do not send it (yet).
 */
export function outgoingTarget(
  message: Outgoing,
  channel: { boundOrigin: string | null; allowlist: readonly string[] | null },
): { message: Outgoing; targetOrigin: string } | null {
  if (addressable(channel.boundOrigin)) return { message, targetOrigin: channel.boundOrigin };
  if (channel.allowlist?.length === 1) return { message, targetOrigin: channel.allowlist[0]! };
  if (message.type === 'ready') return { message: { v: 1, type: 'ready' }, targetOrigin: '*' };
  return null;
}
