import { Checker, type Json } from './check';
import { civilFromDays, DAY_MS, eventSpan, parseIsoDate } from './dates';
import type { EventStore, StoredEvent } from './event-store';
import type { PackArrays, PackHeader } from './pack';
import { validateEvent } from './validate-event';
import type { DatasetMeta, EventRecord } from './types';

const decoder = new TextDecoder('utf-8');
/** Decoded records kept for rows on screen; the list and the tooltip ask for the same few rows. */
const CACHE_LIMIT = 2000;

function text(offsets: Uint32Array, bytes: Uint8Array, row: number): string {
  return decoder.decode(bytes.subarray(offsets[row]!, offsets[row + 1]!));
}

/**
 * Events held as the pack's bytes. A record is decoded, validated and checked against the columns
 * when a view first asks for it, so a damaged record shows as damaged instead of as wrong facts.
 */
export function packedStore(
  a: PackArrays,
  meta: DatasetMeta,
  { actors, tags, places, reporters }: Pick<PackHeader, 'actors' | 'tags' | 'places' | 'reporters'>,
): EventStore {
  const n = a.start.length;
  const categoryIds = new Set(meta.categories.map((c) => c.id));
  const cache = new Map<number, StoredEvent>();
  const id = (row: number): string => text(a.idOffsets, a.idBytes, row);
  const title = (row: number): string => text(a.titleOffsets, a.titleBytes, row);
  const listOf = (offsets: Uint32Array, codes: Uint32Array, values: readonly string[], row: number): string[] => {
    const out: string[] = [];
    for (let k = offsets[row]!; k < offsets[row + 1]!; k++) out.push(values[codes[k]!]!);
    return out;
  };

  function decode(row: number): StoredEvent {
    const hit = cache.get(row);
    if (hit) return hit;
    const entry = decodeRow(row);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(row, entry);
    return entry;
  }

  function decodeRow(row: number): StoredEvent {
    const base = { id: id(row), title: title(row), category: meta.categories[a.category[row]!]!.id };
    let entry: StoredEvent;
    try {
      const rest = JSON.parse(text(a.recordOffsets, a.recordBytes, row)) as Record<string, Json>;
      const raw: Record<string, Json> = { ...rest, ...base };
      const actorList = listOf(a.actorOffsets, a.actorCodes, actors, row);
      const tagList = listOf(a.tagOffsets, a.tagCodes, tags, row);
      if (actorList.length) raw.actors = actorList;
      if (tagList.length) raw.tags = tagList;
      const c = new Checker();
      const record = validateEvent(c, raw, [], categoryIds);
      const error = c.problems.find((p) => p.severity === 'error');
      entry = record
        ? { record, problem: disagreement(record, row) }
        : {
            record: standIn(row, base),
            problem: `its stored record is invalid: ${error?.pointer ?? ''} ${error?.message ?? ''}`.trim(),
          };
    } catch (e) {
      entry = { record: standIn(row, base), problem: `its stored record cannot be read: ${(e as Error).message}` };
    }
    return entry;
  }

  /** The columns placed the event on the map and timeline; its record must say the same. */
  function disagreement(record: EventRecord, row: number): string | null {
    const start = parseIsoDate(record.date);
    const end = record.end === undefined ? undefined : parseIsoDate(record.end);
    if (!start.ok || (end && !end.ok)) return 'its stored date cannot be read';
    const span = eventSpan(start.value, end?.ok ? end.value : undefined);
    if (span.start !== a.start[row] || span.end !== a.end[row])
      return 'its stored date disagrees with where the timeline shows it';
    const same = (x: number, y: number): boolean => x === y || (Number.isNaN(x) && Number.isNaN(y));
    if (!same(record.location?.lat ?? NaN, a.lat[row]!) || !same(record.location?.lon ?? NaN, a.lon[row]!))
      return 'its stored place disagrees with where the map shows it';
    // The region codes were assigned from the place: none without one, the country alone for a country.
    if (!record.location && (a.regionCountry[row] !== 0 || a.regionAdmin1[row] !== 0))
      return 'its stored record has no place but the region counts give it one';
    if (record.location?.precision === 'country' && a.regionAdmin1[row] !== 0)
      return 'its stored place is a country but the region counts name a province';
    const f = record.fatalities;
    if (!same(f?.min ?? NaN, a.fatalMin[row]!) || !same(f ? (f.max ?? f.min) : NaN, a.fatalMax[row]!))
      return 'its stored fatalities disagree with the totals';
    const place =
      a.placeOffsets[row + 1]! > a.placeOffsets[row]! ? places[a.placeCodes[a.placeOffsets[row]!]!] : undefined;
    if (place !== record.location?.name) return 'its stored place name disagrees with the place counts';
    const o = a.reporterOffsets;
    const reporter = o[row + 1]! > o[row]! ? reporters[a.reporterCodes[o[row]!]!] : undefined;
    if (reporter !== f?.by) return 'its stored fatality source disagrees with the totals';
    return null;
  }

  /** What can be said of a damaged row from the columns alone: no summary, no sources invented. */
  function standIn(row: number, base: { id: string; title: string; category: string }): EventRecord {
    const { year, month, day } = civilFromDays(Math.floor(a.start[row]! / DAY_MS));
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { ...base, summary: '', date, sources: [] };
  }

  return {
    length: n,
    at: (row) => decode(row).record,
    read: (row) => cache.get(row) ?? decodeRow(row),
    id,
    title,
    problem: (row) => decode(row).problem,
    rowOf(wanted) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const got = id(a.idOrder[mid]!);
        if (got === wanted) return a.idOrder[mid];
        if (got < wanted) lo = mid + 1;
        else hi = mid;
      }
      return undefined;
    },
    toArray: () => Array.from({ length: n }, (_, row) => decode(row).record),
  };
}
