import { DATE_PRECISIONS, LOCATION_CODES, STATUS_CODES } from './columns';
import { LIMITS } from './limits';
import { checkSectionFraming, readPackHeader, viewPack, type PackArrays, type PackHeader } from './pack';
import { validateMeta } from './validate';
import type { DatasetMeta } from './types';

export type PackCheck =
  { ok: true; header: PackHeader; meta: DatasetMeta; arrays: PackArrays } | { ok: false; message: string };

/**
 * A pack is untrusted input like any file: before the page sees it, every section is checked to
 * lie inside the file, and every value the views index with (categories, codes, offsets, times,
 * coordinates) to be in range. One pass per column, no per-event objects; a few ms per million rows.
 * Each event's stored record is checked when it is decoded (packed-store.ts).
 */
export function verifyPack(buffer: ArrayBuffer): PackCheck {
  const read = readPackHeader(buffer);
  if (!read.ok) return read;
  const { header } = read;
  const n = header.size;
  if (n > LIMITS.maxPackEvents)
    return {
      ok: false,
      message: `the pack holds ${n.toLocaleString('en-GB')} events; the limit is ${LIMITS.maxPackEvents.toLocaleString('en-GB')}`,
    };
  const { meta, problems } = validateMeta(header.meta);
  const error = problems.find((p) => p.severity === 'error');
  if (error)
    return {
      ok: false,
      message: `the pack's header ${error.pointer ? `at ${error.pointer} ` : ''}is invalid: ${error.message}`,
    };
  if (meta.categories.length === 0) return { ok: false, message: 'the pack lists no categories' };
  for (const [name, list] of [
    ['actors', header.actors],
    ['tags', header.tags],
    ['places', header.places],
    ['reporters', header.reporters],
  ] as const) {
    if (!list.every((v) => typeof v === 'string' && v.length <= LIMITS.maxTextLength))
      return { ok: false, message: `the pack's ${name} must be short texts` };
    // Each name is a facet row keyed by its text; a repeat would be two rows with one key.
    const repeat = firstRepeat(list);
    if (repeat !== null) return { ok: false, message: `the pack's ${name} list names ${JSON.stringify(repeat)} twice` };
  }
  const framing = checkSectionFraming(header, buffer.byteLength);
  if (framing) return { ok: false, message: framing };
  const a = viewPack(buffer, header);
  const problem =
    checkLengths(a, n) ??
    checkRows(a, n, meta.categories.length, header.regions !== null) ??
    checkCodes(a, header) ??
    checkIds(a, n);
  return problem ? { ok: false, message: problem } : { ok: true, header, meta, arrays: a };
}

function checkLengths(a: PackArrays, n: number): string | null {
  const perRow = [
    'start',
    'end',
    'lat',
    'lon',
    'precision',
    'approximate',
    'isRange',
    'locationPrecision',
    'status',
    'fatalMin',
    'fatalMax',
    'category',
    'regionCountry',
    'regionAdmin1',
    'idOrder',
    'endOrder',
  ] as const;
  for (const name of perRow)
    if (a[name].length !== n) return `section "${name}" holds ${a[name].length} values for ${n} events`;
  const tables = [
    ['actorOffsets', 'actorCodes'],
    ['tagOffsets', 'tagCodes'],
    ['placeOffsets', 'placeCodes'],
    ['reporterOffsets', 'reporterCodes'],
    ['idOffsets', 'idBytes'],
    ['titleOffsets', 'titleBytes'],
    ['recordOffsets', 'recordBytes'],
    ['searchOffsets', 'searchBytes'],
  ] as const;
  for (const [offsets, values] of tables) {
    const o = a[offsets];
    if (o.length !== n + 1 || o[0] !== 0 || o[n] !== a[values].length)
      return `section "${offsets}" does not match "${values}"`;
    for (let i = 0; i < n; i++) if (o[i + 1]! < o[i]!) return `section "${offsets}" goes backwards at event ${i}`;
  }
  return null;
}

function checkRows(a: PackArrays, n: number, categories: number, regions: boolean): string | null {
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = a.start[i]!;
    const e = a.end[i]!;
    if (!Number.isFinite(s) || !Number.isFinite(e) || e < s) return `event ${i} has an invalid time span`;
    if (i > 0 && s < a.start[i - 1]!) return `events are not in time order at event ${i}`;
    if (
      a.precision[i]! >= DATE_PRECISIONS.length ||
      a.approximate[i]! > 1 ||
      a.isRange[i]! > 1 ||
      a.status[i]! >= STATUS_CODES.length
    )
      return `event ${i} has an out-of-range code`;
    if (a.category[i]! >= categories) return `event ${i} has category ${a.category[i]}; the pack lists ${categories}`;
    const lp = a.locationPrecision[i]!;
    const lat = a.lat[i]!;
    const lon = a.lon[i]!;
    if (lp >= LOCATION_CODES.length) return `event ${i} has an out-of-range location precision`;
    // Region codes index a table the page checks them against (io/region-assign.ts); here, that an
    // event without a place, or a pack without regions, has none.
    if ((lp === 0 || !regions) && (a.regionCountry[i] !== 0 || a.regionAdmin1[i] !== 0))
      return `event ${i} has a region but ${lp === 0 ? 'no location' : 'the pack names no region table'}`;
    if (lp === 0 ? !Number.isNaN(lat) || !Number.isNaN(lon) : !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
      return `event ${i} has invalid coordinates`;
    // A place per located event at most; the summary counts each event once per place.
    if (a.placeOffsets[i + 1]! - a.placeOffsets[i]! > (lp === 0 ? 0 : 1)) return `event ${i} has more than one place`;
    const fMin = a.fatalMin[i]!;
    const fMax = a.fatalMax[i]!;
    // Both absent, or whole numbers with min <= max: the summary's sums trust these.
    if (
      Number.isNaN(fMin) !== Number.isNaN(fMax) ||
      (!Number.isNaN(fMin) && !(Number.isSafeInteger(fMin) && Number.isSafeInteger(fMax) && fMin >= 0 && fMax >= fMin))
    )
      return `event ${i} has an invalid fatality range`;
    if (a.reporterOffsets[i + 1]! - a.reporterOffsets[i]! > (Number.isNaN(fMin) ? 0 : 1))
      return `event ${i} names more than one reporter of its fatalities`;
    const r = a.idOrder[i]!;
    if (r >= n || seen[r]) return 'the id order is not a permutation of the events';
    seen[r] = 1;
  }
  seen.fill(0);
  for (let i = 0; i < n; i++) {
    const r = a.endOrder[i]!;
    if (r >= n || seen[r]) return 'the end order is not a permutation of the events';
    seen[r] = 1;
    if (i > 0 && a.end[r]! < a.end[a.endOrder[i - 1]!]!) return `the end order is not sorted at position ${i}`;
  }
  return null;
}

function checkCodes(a: PackArrays, header: PackHeader): string | null {
  for (const [codes, values] of [
    [a.actorCodes, header.actors],
    [a.tagCodes, header.tags],
    [a.placeCodes, header.places],
    [a.reporterCodes, header.reporters],
  ] as const) {
    const max = values.length;
    for (let k = 0; k < codes.length; k++)
      if (codes[k]! >= max) return 'an actor, tag or place code points past its list';
  }
  return null;
}

function firstRepeat(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return null;
}

/**
 * Ids must be unique, and the id order sorted, or looking an event up by id (a link, a
 * selection) finds another event. In id order each id must be strictly greater than the one
 * before: one pass over the id bytes proves both.
 */
function checkIds(a: PackArrays, n: number): string | null {
  const { idOffsets: o, idBytes: b, idOrder } = a;
  for (let i = 1; i < n; i++) {
    const prev = idOrder[i - 1]!;
    const row = idOrder[i]!;
    const order = compareBytes(b, o[prev]!, o[prev + 1]!, o[row]!, o[row + 1]!);
    if (order === 0) {
      const id = new TextDecoder().decode(b.subarray(o[row]!, o[row + 1]!));
      return `events ${Math.min(prev, row)} and ${Math.max(prev, row)} share the id ${JSON.stringify(id)}`;
    }
    if (order > 0) return `the id order is not sorted at position ${i}`;
  }
  return null;
}

function compareBytes(b: Uint8Array, s1: number, e1: number, s2: number, e2: number): number {
  const len = Math.min(e1 - s1, e2 - s2);
  for (let k = 0; k < len; k++) {
    const d = b[s1 + k]! - b[s2 + k]!;
    if (d !== 0) return d;
  }
  return e1 - s1 - (e2 - s2);
}

/** A pack this page's own loader has already verified: read the header and view the sections. */
export function viewVerifiedPack(buffer: ArrayBuffer): Extract<PackCheck, { ok: true }> {
  const read = readPackHeader(buffer);
  if (!read.ok) throw new Error(read.message);
  return { ok: true, header: read.header, meta: read.header.meta, arrays: viewPack(buffer, read.header) };
}
