/**
 * The event form's values as plain strings (what inputs hold), to and from an EventRecord, and
 * live validation with the dataset's own validator: each problem's JSON pointer is mapped back to
 * the input it came from, so the message can sit next to that field.
 */
import { Checker, type Json } from '../../model/check';
import { validateEvent } from '../../model/validate-event';
import type { EventRecord, LocationPrecision, Source, StatusKind } from '../../model/types';

export interface SourceValues {
  publisher: string;
  title: string;
  url: string;
  date: string;
  author: string;
  quote: string;
}

export interface FormValues {
  id: string;
  title: string;
  summary: string;
  date: string;
  end: string;
  approximate: boolean;
  category: string;
  actors: string;
  tags: string;
  hasLocation: boolean;
  locationName: string;
  lat: string;
  lon: string;
  precision: LocationPrecision;
  status: StatusKind | '';
  statusBy: string;
  statusNote: string;
  sources: SourceValues[];
  related: string;
}

export const emptySource = (): SourceValues => ({ publisher: '', title: '', url: '', date: '', author: '', quote: '' });

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const opt = (text: string): string | undefined => (text.trim() === '' ? undefined : text);

export function valuesOf(event: EventRecord): FormValues {
  const loc = event.location ?? null;
  return {
    id: event.id,
    title: event.title,
    summary: event.summary,
    date: event.date,
    end: event.end ?? '',
    approximate: event.approximate === true,
    category: event.category,
    actors: (event.actors ?? []).join(', '),
    tags: (event.tags ?? []).join(', '),
    hasLocation: loc !== null,
    locationName: loc?.name ?? '',
    lat: loc ? String(loc.lat) : '',
    lon: loc ? String(loc.lon) : '',
    precision: loc?.precision ?? 'site',
    status: event.status?.kind ?? '',
    statusBy: (event.status?.by ?? []).join(', '),
    statusNote: event.status?.note ?? '',
    sources: event.sources.map((s) => ({ ...emptySource(), ...s })),
    related: (event.related ?? []).join(', '),
  };
}

export function blankValues(id: string, category: string): FormValues {
  // Most new events have a place: its inputs start open ("No location" closes them).
  return {
    ...valuesOf({ id, title: '', summary: '', date: '', category, sources: [] }),
    hasLocation: true,
    sources: [emptySource()],
  };
}

/** An empty number input is "missing", not 0; anything else that is not a number goes through as text for the validator to name. */
const num = (text: string): Json => (text.trim() === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text);

/** The form as the JSON an event would be in a file; `original` keeps fields the form does not edit (fatalities, a location note and aliases). */
export function toRaw(v: FormValues, original?: EventRecord): Json {
  const raw: Record<string, Json | undefined> = {
    id: v.id,
    title: v.title,
    summary: v.summary,
    date: v.date,
    end: opt(v.end),
    approximate: v.approximate || undefined,
    category: v.category,
    actors: list(v.actors),
    tags: list(v.tags),
    location: v.hasLocation
      ? {
          name: v.locationName,
          lat: num(v.lat),
          lon: num(v.lon),
          precision: v.precision,
          ...(original?.location?.note ? { note: original.location.note } : {}),
          // The place's other names stay while it keeps its name: a renamed place may be another place.
          ...(original?.location?.aliases?.length && original.location.name === v.locationName
            ? { aliases: original.location.aliases }
            : {}),
        }
      : null,
    status: v.status
      ? {
          kind: v.status,
          ...(list(v.statusBy).length ? { by: list(v.statusBy) } : {}),
          ...(opt(v.statusNote) ? { note: v.statusNote } : {}),
        }
      : undefined,
    fatalities: original?.fatalities as unknown as Json | undefined,
    sources: v.sources.map((s) => {
      const out: Record<string, Json> = { publisher: s.publisher, title: s.title, url: s.url };
      for (const key of ['date', 'author', 'quote'] as const) if (opt(s[key])) out[key] = s[key];
      return out as Json;
    }),
    related: list(v.related),
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  return raw as Json;
}

/** The form's field keys a pointer can land on: "title", "location.lat", "sources.2.url", … */
export function fieldOf(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [head, second, third] = parts;
  if (head === 'sources' && second !== undefined && /^\d+$/.test(second))
    return third && third in emptySource() ? `sources.${second}.${third}` : `sources.${second}`;
  if ((head === 'location' || head === 'status') && second !== undefined && !/^\d+$/.test(second))
    return `${head}.${second}`;
  return head ?? '';
}

export interface FormCheck {
  event: EventRecord | null;
  /** Field key → messages (errors and warnings). */
  messages: Record<string, { text: string; error: boolean }[]>;
  errors: number;
}

export function checkForm(
  v: FormValues,
  categories: ReadonlySet<string>,
  takenIds: { has(id: string): boolean },
  original?: EventRecord,
): FormCheck {
  const c = new Checker();
  const event = validateEvent(c, toRaw(v, original), [], categories);
  const messages: FormCheck['messages'] = {};
  const add = (field: string, text: string, error: boolean): void =>
    void (messages[field] ??= []).push({ text, error });
  for (const p of c.problems) add(fieldOf(p.pointer), p.message, p.severity === 'error');
  if (takenIds.has(v.id)) add('id', `another event already has the id "${v.id}"`, true);
  if (v.sources.length === 0) add('sources', 'add at least one source', true);
  const errors = Object.values(messages)
    .flat()
    .filter((m) => m.error).length;
  return { event: errors ? null : event, messages, errors };
}

export type { Source };

/**
 * Whether a message keyed `key` concerns a field the user has left: the field itself, or one
 * inside it ("location" once "location.lat" was left; "sources.0" once "sources.0.url" was).
 */
export function isTouched(key: string, touched: ReadonlySet<string>): boolean {
  if (touched.has(key)) return true;
  for (const field of touched) if (field.startsWith(`${key}.`)) return true;
  return false;
}

/**
 * The messages the form shows: a field's once the user has left it, and all of them once Save
 * was tried (`all`), so an empty form opens without a wall of errors about fields not yet reached.
 */
export function shownMessages(
  messages: FormCheck['messages'],
  touched: ReadonlySet<string>,
  all: boolean,
): FormCheck['messages'] {
  if (all) return messages;
  const out: FormCheck['messages'] = {};
  for (const [key, list] of Object.entries(messages)) if (isTouched(key, touched)) out[key] = list;
  return out;
}
