import { rowsByEnd } from './columns';
import { encodePack, type StringTable } from './pack';
import { normalizeText, placeNames } from './search-text';
import type { Dataset } from './dataset';
import type { RegionColumns } from './regions';
import type { EventRecord } from './types';

/**
 * A row's record as stored in a pack: the event minus what the columns and string tables
 * already hold (id, title, category, actors, tags). Built field by field: copying the event
 * and deleting keys costs several times more at a million rows.
 */
export function storedRecord(e: EventRecord): string {
  const rest: Partial<EventRecord> = { summary: e.summary, date: e.date };
  if (e.end !== undefined) rest.end = e.end;
  if (e.approximate !== undefined) rest.approximate = e.approximate;
  if (e.location !== undefined) rest.location = e.location;
  if (e.status !== undefined) rest.status = e.status;
  if (e.fatalities !== undefined) rest.fatalities = e.fatalities;
  rest.sources = e.sources;
  if (e.related !== undefined) rest.related = e.related;
  return JSON.stringify(rest);
}

/**
 * A row's search text as stored: title, summary, place (and its aliases) and sources, normalised, with control
 * characters blanked so the \u0001 that ends each row cannot occur inside one. Actors and tags
 * are searched through their dictionaries instead.
 */
export function storedSearchText(e: EventRecord): string {
  let text = `${e.title}\n${e.summary}\n${placeNames(e)}`;
  for (const s of e.sources) text += `\n${s.publisher}\n${s.title}\n${s.author ?? ''}`;
  return `${normalizeText(text).replace(/[\u0000-\u0008]/g, ' ')}\u0001`;
}

/** One string per row, UTF-8 encoded into one growing buffer (no per-row allocations kept). */
export function stringTable(size: number, get: (row: number) => string): StringTable {
  const encoder = new TextEncoder();
  const offsets = new Uint32Array(size + 1);
  let bytes = new Uint8Array(1 << 16);
  let at = 0;
  for (let row = 0; row < size; row++) {
    const s = get(row);
    const need = at + s.length * 3;
    if (need > bytes.length) {
      let grown = bytes.length * 2;
      while (grown < need) grown *= 2;
      const next = new Uint8Array(grown);
      next.set(bytes.subarray(0, at));
      bytes = next;
    }
    at += encoder.encodeInto(s, bytes.subarray(at)).written;
    if (at > 0xffffffff) throw new Error('a pack section would exceed 4 GB');
    offsets[row + 1] = at;
  }
  return { offsets, bytes: bytes.slice(0, at) };
}

/**
 * Packs a validated dataset (rows stay in their time order), with its region codes when it has
 * them or they are given (scripts/pack.ts assigns them with the build's lookup).
 */
export function packDataset(d: Dataset, regions: RegionColumns | null = d.regions ?? null): Uint8Array {
  const n = d.columns.size;
  const ids = Array.from({ length: n }, (_, r) => d.events.id(r));
  const idOrder = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0,
  );
  return encodePack({
    meta: d.meta,
    columns: d.columns,
    actors: d.actors,
    tags: d.tags,
    places: d.places,
    reporters: d.reporters,
    regions: regions ? { key: regions.key, country: regions.country, admin1: regions.admin1 } : null,
    ids: stringTable(n, (r) => ids[r]!),
    titles: stringTable(n, (r) => d.events.title(r)),
    records: stringTable(n, (r) => storedRecord(d.events.at(r))),
    search: stringTable(n, (r) => storedSearchText(d.events.at(r))),
    idOrder,
    endOrder: d.endOrder ?? rowsByEnd(d.columns.end),
  });
}
