/**
 * The packed form of a dataset: one binary file whose sections are the dataset's columns, so a
 * worker can hand them to the page as one transferred buffer and the page views them in place.
 * Long text (each event's record and its search text) stays as UTF-8 bytes, decoded per event
 * when shown. Layout: "FLPK", u32 version, u32 header length, u32 0, the header as JSON, then
 * the sections, each 8-byte aligned, at the offsets the header lists.
 */
import type { EventColumns } from './columns';
import type { MultiColumn } from './multi-column';
import type { DatasetMeta } from './types';
import type { RegionColumns } from './regions';

export const PACK_MAGIC = [0x46, 0x4c, 0x50, 0x4b] as const; // "FLPK"
/**
 * 2 added the fatality columns and the place and reporter columns (the summary's totals, top places,
 * whose figures). 3 added each row's country and admin-1 region (model/regions.ts, the table's key
 * in the header) and the search text's new fold (model/search-text.ts).
 */
export const PACK_VERSION = 3;
export const PACK_FORMAT = 'faultline-pack/3';

type Kind = 'f64' | 'u8' | 'u16' | 'u32';
const WIDTH: Record<Kind, number> = { f64: 8, u8: 1, u16: 2, u32: 4 };

/** Every section, its element type, and how many elements it holds for a dataset of `size` rows. */
export const SECTIONS = {
  start: 'f64',
  end: 'f64',
  lat: 'f64',
  lon: 'f64',
  precision: 'u8',
  approximate: 'u8',
  isRange: 'u8',
  locationPrecision: 'u8',
  status: 'u8',
  fatalMin: 'f64',
  fatalMax: 'f64',
  category: 'u16',
  /** 0 none, else 1 + index into the region table named by the header's `regions.key` (model/regions.ts). */
  regionCountry: 'u16',
  regionAdmin1: 'u16',
  actorOffsets: 'u32',
  actorCodes: 'u32',
  tagOffsets: 'u32',
  tagCodes: 'u32',
  placeOffsets: 'u32',
  placeCodes: 'u32',
  reporterOffsets: 'u32',
  reporterCodes: 'u32',
  idOffsets: 'u32',
  idBytes: 'u8',
  titleOffsets: 'u32',
  titleBytes: 'u8',
  recordOffsets: 'u32',
  recordBytes: 'u8',
  searchOffsets: 'u32',
  searchBytes: 'u8',
  /** Rows sorted by id, so an id is found by binary search without a million-entry map. */
  idOrder: 'u32',
  /** Rows sorted by end (ties by row): brushing finds the rows crossing the window's left edge. */
  endOrder: 'u32',
} as const satisfies Record<string, Kind>;
export type SectionName = keyof typeof SECTIONS;

type ArrayOf<K extends Kind> = K extends 'f64'
  ? Float64Array
  : K extends 'u8'
    ? Uint8Array
    : K extends 'u16'
      ? Uint16Array
      : Uint32Array;
export type PackArrays = { [N in SectionName]: ArrayOf<(typeof SECTIONS)[N]> };

export interface PackHeader {
  format: typeof PACK_FORMAT;
  size: number;
  meta: DatasetMeta;
  actors: string[];
  tags: string[];
  places: string[];
  reporters: string[];
  /** The region table the region sections index into; null when they were not assigned (all 0). */
  regions: { key: string } | null;
  /** Section name → [byte offset from the start of the file, element count]. */
  sections: Record<SectionName, [number, number]>;
}

/** A string per row as UTF-8 bytes plus offsets: row r is bytes[offsets[r]] … bytes[offsets[r + 1]]. */
export interface StringTable {
  readonly offsets: Uint32Array;
  readonly bytes: Uint8Array;
}

/** What a pack is made from: the dataset's columns and its rows' strings, in row order. */
export interface PackInput {
  meta: DatasetMeta;
  columns: EventColumns;
  actors: MultiColumn;
  tags: MultiColumn;
  places: MultiColumn;
  reporters: MultiColumn;
  /** Each row's region codes, when assigned. */
  regions: RegionColumns | null;
  ids: StringTable;
  titles: StringTable;
  records: StringTable;
  search: StringTable;
  idOrder: Uint32Array;
  endOrder: Uint32Array;
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

export function encodePack(input: PackInput): Uint8Array {
  const c = input.columns;
  const arrays: PackArrays = {
    start: c.start,
    end: c.end,
    lat: c.lat,
    lon: c.lon,
    precision: c.precision,
    approximate: c.approximate,
    isRange: c.isRange,
    locationPrecision: c.locationPrecision,
    status: c.status,
    fatalMin: c.fatalMin,
    fatalMax: c.fatalMax,
    category: c.category,
    regionCountry: input.regions?.country ?? new Uint16Array(c.size),
    regionAdmin1: input.regions?.admin1 ?? new Uint16Array(c.size),
    actorOffsets: input.actors.offsets,
    actorCodes: input.actors.codes,
    tagOffsets: input.tags.offsets,
    tagCodes: input.tags.codes,
    placeOffsets: input.places.offsets,
    placeCodes: input.places.codes,
    reporterOffsets: input.reporters.offsets,
    reporterCodes: input.reporters.codes,
    idOffsets: input.ids.offsets,
    idBytes: input.ids.bytes,
    titleOffsets: input.titles.offsets,
    titleBytes: input.titles.bytes,
    recordOffsets: input.records.offsets,
    recordBytes: input.records.bytes,
    searchOffsets: input.search.offsets,
    searchBytes: input.search.bytes,
    idOrder: input.idOrder,
    endOrder: input.endOrder,
  };
  // The header states the offsets, and the offsets depend on the header's length: lay the
  // sections out after a generous fixed estimate, then pad the header up to it.
  const names = Object.keys(SECTIONS) as SectionName[];
  const draft = JSON.stringify({
    format: PACK_FORMAT,
    size: c.size,
    meta: input.meta,
    actors: input.actors.values,
    tags: input.tags.values,
    places: input.places.values,
    reporters: input.reporters.values,
    regions: input.regions ? { key: input.regions.key } : null,
  });
  const headerSpace = align8(new TextEncoder().encode(draft).byteLength + names.length * 40 + 64);
  let at = 16 + headerSpace;
  const sections = {} as Record<SectionName, [number, number]>;
  for (const name of names) {
    sections[name] = [at, arrays[name].length];
    at = align8(at + arrays[name].byteLength);
  }
  const header: PackHeader = {
    format: PACK_FORMAT,
    size: c.size,
    meta: input.meta,
    actors: [...input.actors.values],
    tags: [...input.tags.values],
    places: [...input.places.values],
    reporters: [...input.reporters.values],
    regions: input.regions ? { key: input.regions.key } : null,
    sections,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  if (headerBytes.byteLength > headerSpace) throw new Error('pack header estimate too small');
  const out = new Uint8Array(at);
  out.set(PACK_MAGIC, 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(4, PACK_VERSION, true);
  dv.setUint32(8, headerSpace, true);
  out.set(headerBytes, 16);
  out.fill(0x20, 16 + headerBytes.byteLength, 16 + headerSpace); // JSON allows trailing spaces
  for (const name of names) {
    const a = arrays[name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), sections[name][0]);
  }
  return out;
}

export function isPack(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 16 && PACK_MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads the header, or says why it cannot. Checks the framing only; verifyPack checks the contents. */
export function readPackHeader(buffer: ArrayBuffer): { ok: true; header: PackHeader } | { ok: false; message: string } {
  const bytes = new Uint8Array(buffer);
  if (!isPack(bytes)) return { ok: false, message: 'not a Faultline pack (it does not start with "FLPK")' };
  const dv = new DataView(buffer);
  const version = dv.getUint32(4, true);
  if (version !== PACK_VERSION)
    return {
      ok: false,
      message: `pack version ${version} is not supported; this version of Faultline reads version ${PACK_VERSION}`,
    };
  const length = dv.getUint32(8, true);
  if (length > 16 * 1024 * 1024 || 16 + length > buffer.byteLength)
    return { ok: false, message: `the pack's header (${length} bytes) does not fit in the file` };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, 16 + length)));
  } catch (error) {
    return { ok: false, message: `the pack's header is not valid JSON: ${(error as Error).message}` };
  }
  const h = header as Partial<PackHeader> | null;
  if (!h || typeof h !== 'object' || h.format !== PACK_FORMAT)
    return { ok: false, message: `the pack's header does not say "format": "${PACK_FORMAT}"` };
  if (!Number.isSafeInteger(h.size) || h.size! < 1) return { ok: false, message: 'the pack holds no events' };
  if (
    !Array.isArray(h.actors) ||
    !Array.isArray(h.tags) ||
    !Array.isArray(h.places) ||
    !Array.isArray(h.reporters) ||
    !h.sections ||
    typeof h.sections !== 'object'
  ) {
    return { ok: false, message: 'the pack\'s header lacks "actors", "tags", "places", "reporters" or "sections"' };
  }
  const regions = h.regions as unknown;
  if (
    regions !== null &&
    (typeof regions !== 'object' ||
      typeof (regions as { key?: unknown }).key !== 'string' ||
      (regions as { key: string }).key.length > 64)
  )
    return { ok: false, message: 'the pack\'s header has a malformed "regions"' };
  return { ok: true, header: h as PackHeader };
}

/** Typed-array views over the pack's sections: no copy. Offsets must already be checked. */
export function viewPack(buffer: ArrayBuffer, header: PackHeader): PackArrays {
  const out = {} as Record<SectionName, Float64Array | Uint8Array | Uint16Array | Uint32Array>;
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    const [offset, count] = header.sections[name];
    const kind = SECTIONS[name] as Kind;
    out[name] =
      kind === 'f64'
        ? new Float64Array(buffer, offset, count)
        : kind === 'u16'
          ? new Uint16Array(buffer, offset, count)
          : kind === 'u32'
            ? new Uint32Array(buffer, offset, count)
            : new Uint8Array(buffer, offset, count);
  }
  return out as PackArrays;
}

/** Where each section must sit: aligned for its type, inside the file, of the right length. */
export function checkSectionFraming(header: PackHeader, byteLength: number): string | null {
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    const entry = header.sections[name] as unknown;
    if (!Array.isArray(entry) || entry.length !== 2 || !entry.every((n) => Number.isSafeInteger(n) && n >= 0))
      return `section "${name}" is missing from the pack's header`;
    const [offset, count] = entry as [number, number];
    const width = WIDTH[SECTIONS[name] as Kind];
    if (offset % width !== 0 || offset < 16 || offset + count * width > byteLength)
      return `section "${name}" lies outside the file or is misaligned`;
  }
  return null;
}
