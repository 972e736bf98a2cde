import { loadDataset, type Dataset, type DatasetParts } from './dataset';
import { rowsByEnd, type EventColumns } from './columns';
import { bytesKey } from './content-key';
import { LIMITS } from './limits';
import type { MultiColumn } from './multi-column';
import { isPack } from './pack';
import { verifyPack } from './pack-verify';
import type { Problem } from './problems';
import type { DatasetMeta, EventRecord } from './types';
import type { RejectedEvent } from './validate';
import type { RegionColumns } from './regions';

export type BytesResult =
  | {
      ok: true;
      kind: 'pack';
      pack: ArrayBuffer;
      contentKey?: string;
      /** Region codes assigned at load, when the pack carries none for the current table (io/region-assign.ts). */
      regions?: RegionColumns;
      rejected: RejectedEvent[];
      problems: Problem[];
    }
  | { ok: true; kind: 'parts'; parts: DatasetParts; rejected: RejectedEvent[]; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** The buffers a result can hand over without copying. */
export function transferables(result: BytesResult): ArrayBuffer[] {
  if (!result.ok) return [];
  if (result.kind === 'pack')
    return result.regions
      ? [result.pack, result.regions.country.buffer as ArrayBuffer, result.regions.admin1.buffer as ArrayBuffer]
      : [result.pack];
  const { columns: c, actors, tags, places, reporters } = result.parts;
  const arrays = [
    c.start,
    c.end,
    c.precision,
    c.approximate,
    c.isRange,
    c.category,
    c.lat,
    c.lon,
    c.locationPrecision,
    c.status,
    c.fatalMin,
    c.fatalMax,
    actors.offsets,
    actors.codes,
    tags.offsets,
    tags.codes,
    places.offsets,
    places.codes,
    reporters.offsets,
    reporters.codes,
    result.parts.endOrder,
    ...(result.parts.regions ? [result.parts.regions.country, result.parts.regions.admin1] : []),
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const MB = 1024 * 1024;
const fail = (message: string): BytesResult => ({ ok: false, problems: [{ severity: 'error', pointer: '', message }] });

/**
 * Bytes of a file in, something the page can show at once out. A pack is checked and passed
 * through as it is; our JSON is parsed, validated and laid out in columns. (Packing it too
 * would cost more than cloning its events: JSON is capped at LIMITS.maxEvents.) The work the
 * load worker does, kept pure so the tests and the no-worker fallback run the same code.
 */
export function loadBytes(buffer: ArrayBuffer, name: string): BytesResult {
  const bytes = new Uint8Array(buffer);
  if (isPack(bytes)) return loadPack(buffer, name);
  const tooBig = sizeMessage(buffer.byteLength, LIMITS.maxFileBytes, 'for JSON');
  if (tooBig) return fail(`${tooBig} (larger datasets load as a pack: npm run pack)`);
  return loadJsonText(new TextDecoder('utf-8').decode(bytes), name);
}

export function loadPack(buffer: ArrayBuffer, name: string): BytesResult {
  const tooBig = sizeMessage(buffer.byteLength, LIMITS.maxPackBytes, 'for a pack');
  if (tooBig) return fail(tooBig);
  const check = verifyPack(buffer);
  if (!check.ok) return fail(`${name} is a damaged pack: ${check.message}`);
  // Only a pack small enough to be edited here needs a key for its draft; a large one is not hashed.
  const contentKey = check.header.size <= LIMITS.maxEditablePackEvents ? bytesKey(new Uint8Array(buffer)) : undefined;
  return { ok: true, kind: 'pack', pack: buffer, contentKey, rejected: [], problems: [] };
}

/** Our JSON, already decoded. */
export function loadJsonText(text: string, name: string): BytesResult {
  const result = loadDataset(text, name);
  if (!result.ok) return { ok: false, problems: result.problems };
  return partsOf(result.dataset);
}

/** A dataset held as objects, laid out to cross from the worker to the page. */
export function partsOf(d: Dataset): BytesResult {
  const parts: DatasetParts = {
    meta: d.meta,
    events: d.events.toArray(),
    columns: d.columns,
    actors: d.actors,
    tags: d.tags,
    places: d.places,
    reporters: d.reporters,
    endOrder: d.endOrder ?? rowsByEnd(d.columns.end),
    contentKey: d.contentKey ?? '',
    ...(d.layout ? { layout: d.layout } : {}),
  };
  return { ok: true, kind: 'parts', parts, rejected: [...d.rejected], problems: [...d.problems] };
}

/** "the file is 70 MB; the limit for JSON is 64 MB", in the unit the user's file browser shows (MiB), or null. */
export function sizeMessage(bytes: number, limit: number, what = ''): string | null {
  if (bytes <= limit) return null;
  return `the file is ${megabytes(bytes)} MB; the limit${what ? ` ${what}` : ''} is ${megabytes(limit)} MB`;
}

export function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(bytes % MB ? 1 : 0);
}
