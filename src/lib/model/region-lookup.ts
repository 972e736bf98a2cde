/**
 * Which admin-1 region a point lies in, fast enough for a million points in about a second.
 * The world is cut into 1° cells, grouped in blocks of 10° × 10°, one file per block that holds
 * land (lookup/<bx>-<by>.bin, built by scripts/basemap/regions.ts), so a dataset of one war loads
 * the block or two it lies in, not the world. A cell is empty (sea, or outside every polygon),
 * full (inside one region), or split into k × k sub-cells (k = 1 … 16) of the same three kinds,
 * where a "leaf" holds the simplified polygons clipped to it: a point is tested against the few
 * short rings of its leaf (even-odd), never against a whole province. Pure; a damaged file is
 * refused whole, and no coordinate makes a lookup throw.
 *
 * The coast's band: the polygons are simplified and quantized, so a town on the shore can fall a few
 * hundred metres outside them. A leaf holds its polygons clipped to its box grown by COAST_BAND on
 * every side, and a point outside every polygon of its leaf but nearer than COAST_BAND to one of them
 * gets that one (the nearest within the band): it is on land within the data's error. A point
 * farther out (the open sea, a lake's middle) gets none, never the nearest region.
 *
 * A block's layout (little-endian), each section 4-byte aligned:
 *   "FLRG", u32 version, u32 block index (by · 36 + bx),
 *   u32 counts: splits, subs, leaves, parts, rings, coordinates (pairs)
 *   cells    u32 × 100      per 1° cell, row-major from the block's south-west corner
 *   splitK   u8 × splits,   splitFirst u32 × splits: a split cell's k and its first sub-cell
 *   subs     u32 × subs     per sub-cell, row-major within its cell, encoded like `cells`
 *   leafParts u32 × (leaves + 1)   first part of each leaf
 *   partRegion u16 × parts         admin-1 index of each part
 *   partRings u32 × (parts + 1)    first ring of each part
 *   ringCoords u32 × (rings + 1)   first coordinate pair of each ring
 *   coords   u8 × 2 × coordinates  x, y in 1/255 of the leaf's grown side (its side + 2 COAST_BAND)
 *                                   from the grown box's south-west corner
 * A cell value: 0 none; FULL | index: wholly inside admin-1 `index`; else 1 + a split (in `cells`)
 * or 1 + a leaf (in `subs`).
 */
/** No region (model/regions.ts NO_REGION; not imported: regions.ts names this file's types). */
const NO_REGION = 0;

export const LOOKUP_MAGIC = [0x46, 0x4c, 0x52, 0x47] as const; // "FLRG"
export const LOOKUP_VERSION = 3;
export const FULL = 0x80000000;
export const CELLS_X = 360;
export const CELLS_Y = 180;
/** A block is BLOCK × BLOCK cells. */
export const BLOCK = 10;
export const BLOCKS_X = CELLS_X / BLOCK;
export const BLOCKS_Y = CELLS_Y / BLOCK;

/** A block's file under the pointer's lookup folder (gzipped on disk, as every bundled map asset). */
export function blockFile(block: number): string {
  return `${block % BLOCKS_X}-${Math.floor(block / BLOCKS_X)}.bin.gz`;
}
/** Coordinates within a leaf: 0 … SCALE across its grown side (about 1/255 of 1° … of 1/16°, as fine as the polygons). */
export const SCALE = 255;
/**
 * How far outside the simplified polygons a point still counts as on land, in degrees (~890 m
 * north–south). It covers the lookup's own error and no more: the simplification's tolerance
 * (scripts/basemap/regions.ts LOOKUP_TOLERANCE, 0.005°, which the build measures as the polygons'
 * farthest drift) plus the quantization of a 1° leaf (half a step of 1.016°/255 on each axis,
 * 0.0028°). The build fails if the measured drift exceeds what the band leaves for it.
 */
export const COAST_BAND = 0.008;

/** One block's decoded sections. */
export interface LookupBlock {
  readonly index: number;
  readonly cells: Uint32Array;
  readonly splitK: Uint8Array;
  readonly splitFirst: Uint32Array;
  readonly subs: Uint32Array;
  readonly leafParts: Uint32Array;
  readonly partRegion: Uint16Array;
  readonly partRings: Uint32Array;
  readonly ringCoords: Uint32Array;
  readonly coords: Uint8Array;
}

/** The blocks loaded so far, and what the pointer says of the rest. */
export interface RegionLookup {
  readonly key: string;
  /** Each admin-1 region's country index. */
  readonly admin1Country: Uint16Array;
  /** Per block (by · 36 + bx): 1 when a file exists for it (it holds land), else 0. */
  readonly present: Uint8Array;
  /** Blocks loaded, by index. */
  readonly blocks: Map<number, LookupBlock>;
}

const SECTION_ORDER = [
  'cells',
  'splitK',
  'splitFirst',
  'subs',
  'leafParts',
  'partRegion',
  'partRings',
  'ringCoords',
  'coords',
] as const;
type Section = (typeof SECTION_ORDER)[number];
const WIDTH: Record<Section, 1 | 2 | 4> = {
  cells: 4,
  splitK: 1,
  splitFirst: 4,
  subs: 4,
  leafParts: 4,
  partRegion: 2,
  partRings: 4,
  ringCoords: 4,
  coords: 1,
};

const HEADER_WORDS = 9;
const align4 = (n: number): number => Math.ceil(n / 4) * 4;

function lengths(h: Uint32Array): Record<Section, number> {
  const [, , , splits, subs, leaves, parts, rings, coords] = h as unknown as number[];
  return {
    cells: BLOCK * BLOCK,
    splitK: splits!,
    splitFirst: splits!,
    subs: subs!,
    leafParts: leaves! + 1,
    partRegion: parts!,
    partRings: parts! + 1,
    ringCoords: rings! + 1,
    coords: coords! * 2,
  };
}

/** Writes a block (the build's side). */
export function encodeBlock(b: LookupBlock): Uint8Array {
  const counts = [
    b.index,
    b.splitK.length,
    b.subs.length,
    b.leafParts.length - 1,
    b.partRegion.length,
    b.ringCoords.length - 1,
    b.coords.length / 2,
  ];
  const sections = SECTION_ORDER.map((name) => b[name]);
  let size = HEADER_WORDS * 4;
  for (const s of sections) size += align4(s.byteLength);
  const out = new Uint8Array(size);
  out.set(LOOKUP_MAGIC, 0);
  const header = new Uint32Array(out.buffer, 0, HEADER_WORDS);
  header[1] = LOOKUP_VERSION;
  counts.forEach((c, i) => (header[2 + i] = c));
  let at = HEADER_WORDS * 4;
  for (const s of sections) {
    out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
    at += align4(s.byteLength);
  }
  return out;
}

/**
 * Reads a block, checking every reference a lookup will follow, so a lookup never reads out of
 * bounds: a damaged file throws here, once, with a reason.
 */
export function decodeBlock(buffer: ArrayBuffer, expected: number, admin1Count: number): LookupBlock {
  const fail = (why: string): never => {
    throw new Error(`region lookup block ${expected}: ${why}`);
  };
  if (buffer.byteLength < HEADER_WORDS * 4) fail('too short');
  const bytes = new Uint8Array(buffer);
  if (!LOOKUP_MAGIC.every((b, i) => bytes[i] === b)) fail('not a region lookup');
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  if (header[1] !== LOOKUP_VERSION) fail(`version ${header[1]}, expected ${LOOKUP_VERSION}`);
  if (header[2] !== expected) fail(`it is block ${header[2]}`);
  const len = lengths(header);
  const views = {} as Record<Section, Uint8Array | Uint16Array | Uint32Array>;
  let at = HEADER_WORDS * 4;
  for (const name of SECTION_ORDER) {
    const w = WIDTH[name];
    if (at + len[name] * w > buffer.byteLength) fail(`section ${name} runs past the end`);
    views[name] =
      w === 4
        ? new Uint32Array(buffer, at, len[name])
        : w === 2
          ? new Uint16Array(buffer, at, len[name])
          : new Uint8Array(buffer, at, len[name]);
    at += align4(len[name] * w);
  }
  const b = { index: expected, ...views } as LookupBlock;
  const checkRef = (v: number, leafLevel: boolean): void => {
    if (v === 0) return;
    if (v & FULL) {
      if ((v & ~FULL) >>> 0 >= admin1Count) fail('a cell names no region');
    } else if (v - 1 >= (leafLevel ? b.leafParts.length - 1 : b.splitK.length)) fail('a cell points past its list');
  };
  for (const v of b.cells) checkRef(v, false);
  for (const v of b.subs) checkRef(v, true);
  for (let i = 0; i < b.splitK.length; i++) {
    const k = b.splitK[i]!;
    if (k < 1 || k > 16 || b.splitFirst[i]! + k * k > b.subs.length) fail('a split is out of range');
  }
  const monotone = (a: Uint32Array, end: number, what: string): void => {
    for (let i = 1; i < a.length; i++) if (a[i]! < a[i - 1]!) fail(`${what} go backwards`);
    if (a[0] !== 0 || a[a.length - 1] !== end) fail(`${what} do not cover their list`);
  };
  monotone(b.leafParts, b.partRegion.length, 'leaves');
  monotone(b.partRings, b.ringCoords.length - 1, 'parts');
  monotone(b.ringCoords, b.coords.length / 2, 'rings');
  for (const r of b.partRegion) if (r >= admin1Count) fail('a part names no region');
  return b;
}

/** The block a point lies in, or -1 off the globe (or not finite). */
export function blockOf(lat: number, lon: number): number {
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return -1;
  const cx = lon === 180 ? 0 : Math.min(CELLS_X - 1, Math.floor(lon + 180));
  const cy = Math.min(CELLS_Y - 1, Math.floor(lat + 90));
  return Math.floor(cy / BLOCK) * BLOCKS_X + Math.floor(cx / BLOCK);
}

/** What admin1At answers for a point in a block that exists but is not loaded. */
export const NOT_LOADED = -2;

/**
 * The admin-1 index a point lies in; -1 at sea, outside every polygon, not finite, or off the
 * globe; NOT_LOADED when its block is still to be fetched. Longitude 180 is read as -180 (the same
 * meridian); latitude 90 is the top of the last row.
 */
export function admin1At(l: RegionLookup, lat: number, lon: number): number {
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return -1;
  // 180 and -180 are one meridian: both are read as the west edge of the first cell.
  const fx = lon === 180 ? 0 : lon + 180;
  const fy = lat + 90;
  const cx = Math.min(CELLS_X - 1, Math.floor(fx));
  const cy = Math.min(CELLS_Y - 1, Math.floor(fy));
  const blockIndex = Math.floor(cy / BLOCK) * BLOCKS_X + Math.floor(cx / BLOCK);
  if (!l.present[blockIndex]) return -1;
  const b = l.blocks.get(blockIndex);
  if (!b) return NOT_LOADED;
  let v = b.cells[(cy % BLOCK) * BLOCK + (cx % BLOCK)]!;
  if (v === 0) return -1;
  if (v & FULL) return (v & ~FULL) >>> 0;
  const split = v - 1;
  const k = b.splitK[split]!;
  // Within the cell, in sub-cells; then within the leaf, in coordinate units.
  const gx = (fx - cx) * k;
  const gy = (fy - cy) * k;
  const sx = Math.min(k - 1, Math.floor(gx));
  const sy = Math.min(k - 1, Math.floor(gy));
  // The leaf's coordinates span its box grown by the band (in sub-cell sides: COAST_BAND · k).
  const grow = COAST_BAND * k;
  const unit = SCALE / (1 + 2 * grow);
  const x = (gx - sx + grow) * unit;
  const y = (gy - sy + grow) * unit;
  v = b.subs[b.splitFirst[split]! + sy * k + sx]!;
  if (v === 0) return -1;
  if (v & FULL) return (v & ~FULL) >>> 0;
  const leaf = v - 1;
  const { partRings, ringCoords, coords } = b;
  const firstPart = b.leafParts[leaf]!;
  const endPart = b.leafParts[leaf + 1]!;
  for (let p = firstPart; p < endPart; p++) {
    let inside = false;
    for (let r = partRings[p]!; r < partRings[p + 1]!; r++) {
      const first = ringCoords[r]!;
      const last = ringCoords[r + 1]! - 1;
      if (last <= first) continue;
      // Even-odd crossing test, the ray towards +x; the ring is closed from last to first.
      let jx = coords[last * 2]!;
      let jy = coords[last * 2 + 1]!;
      for (let i = first; i <= last; i++) {
        const ix = coords[i * 2]!;
        const iy = coords[i * 2 + 1]!;
        if (iy > y !== jy > y && x < ((jx - ix) * (y - iy)) / (jy - iy) + ix) inside = !inside;
        jx = ix;
        jy = iy;
      }
    }
    if (inside) return b.partRegion[p]!;
  }
  return withinBand(b, firstPart, endPart, x, y, grow * unit);
}

/** The region of the leaf's parts nearest to (x, y) if nearer than `band` (leaf units), else -1. */
function withinBand(b: LookupBlock, firstPart: number, endPart: number, x: number, y: number, band: number): number {
  const { partRings, ringCoords, coords } = b;
  let best = band * band;
  let region = -1;
  for (let p = firstPart; p < endPart; p++)
    for (let r = partRings[p]!; r < partRings[p + 1]!; r++) {
      const first = ringCoords[r]!;
      const last = ringCoords[r + 1]! - 1;
      if (last <= first) continue;
      let jx = coords[last * 2]!;
      let jy = coords[last * 2 + 1]!;
      for (let i = first; i <= last; i++) {
        const ix = coords[i * 2]!;
        const iy = coords[i * 2 + 1]!;
        const dx = ix - jx;
        const dy = iy - jy;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - jx) * dx + (y - jy) * dy) / len2));
        const ex = jx + t * dx - x;
        const ey = jy + t * dy - y;
        const d2 = ex * ex + ey * ey;
        if (d2 < best) {
          best = d2;
          region = b.partRegion[p]!;
        }
        jx = ix;
        jy = iy;
      }
    }
  return region;
}

/** LOCATION_CODES (columns.ts): 0 none … 4 country. */
const COUNTRY_PRECISION = 4;
const NO_LOCATION = 0;

/** The blocks the located rows fall in that exist and are not loaded yet. */
export function blocksNeeded(
  l: RegionLookup,
  lat: Float64Array,
  lon: Float64Array,
  precision: Uint8Array,
  from = 0,
  to = lat.length,
): number[] {
  const seen = new Uint8Array(BLOCKS_X * BLOCKS_Y);
  const out: number[] = [];
  for (let row = from; row < to; row++) {
    if (precision[row] === NO_LOCATION) continue;
    const b = blockOf(lat[row]!, lon[row]!);
    if (b < 0 || seen[b]) continue;
    seen[b] = 1;
    if (l.present[b] && !l.blocks.has(b)) out.push(b);
  }
  return out;
}

/**
 * Region codes for rows (columns.ts lat, lon, locationPrecision), written into `into` from row
 * `from` to `to`: a country-precision row gets its country only; a row without a location, or
 * whose point lies in no region, gets none (so does one in a block not loaded: load blocksNeeded
 * first). Points repeat a great deal in real data (a town's events share its coordinates), so the
 * last point's answer is reused.
 */
export function assignRegions(
  l: RegionLookup,
  lat: Float64Array,
  lon: Float64Array,
  precision: Uint8Array,
  into: { country: Uint16Array; admin1: Uint16Array },
  from = 0,
  to = lat.length,
): void {
  let lastLat = NaN;
  let lastLon = NaN;
  let last = -1;
  for (let row = from; row < to; row++) {
    const p = precision[row]!;
    if (p === NO_LOCATION) {
      into.country[row] = NO_REGION;
      into.admin1[row] = NO_REGION;
      continue;
    }
    const a = lat[row]!;
    const o = lon[row]!;
    const region = a === lastLat && o === lastLon ? last : admin1At(l, a, o);
    lastLat = a;
    lastLon = o;
    last = region;
    if (region < 0) {
      into.country[row] = NO_REGION;
      into.admin1[row] = NO_REGION;
    } else {
      into.country[row] = l.admin1Country[region]! + 1;
      into.admin1[row] = p === COUNTRY_PRECISION ? NO_REGION : region + 1;
    }
  }
}

/** A dataset's region codes, all rows at once (the blocks they need loaded). */
export function regionCodes(
  l: RegionLookup,
  columns: { lat: Float64Array; lon: Float64Array; locationPrecision: Uint8Array },
): { key: string; country: Uint16Array; admin1: Uint16Array } {
  const n = columns.lat.length;
  const codes = { key: l.key, country: new Uint16Array(n), admin1: new Uint16Array(n) };
  assignRegions(l, columns.lat, columns.lon, columns.locationPrecision, codes);
  return codes;
}

/** Whether any row has a location (only then are regions worth loading). */
export function anyLocated(precision: Uint8Array): boolean {
  for (let i = 0; i < precision.length; i++) if (precision[i] !== NO_LOCATION) return true;
  return false;
}
