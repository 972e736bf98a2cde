/**
 * The region assets' file formats (model/regions.ts lists the files), shared by the build
 * (scripts/basemap/regions.ts) and the page. Pure. Every decoder checks what it reads: a damaged
 * or foreign file is refused with a reason, never half-used.
 */
import type { RegionAdmin1, RegionCountry, RegionLevel, RegionNames, RegionPlaces, RegionTable } from './regions';

/**
 * Bumped whenever a file's layout changes (2: the shapes split by zoom and by country; 3: the
 * admin-1 label points and boxes out of the table, into shapes/admin1-places.json.gz).
 */
export const REGION_FORMAT_VERSION = 3;

/** Most regions a table may hold: codes are 16-bit, and 0 means none. */
export const MAX_REGIONS = 0xfffe;

/** regions.json: where the versioned files are, relative to it, and what the lookup needs besides its blocks. */
export interface RegionPointer {
  version: number;
  key: string;
  table: string;
  /** The folder of the lookup's blocks (<bx>-<by>.bin), ending in '/'. */
  lookup: string;
  shapes: ShapesPointer;
  /** The folder of the names files, ending in '/'. */
  names: string;
  /** The blocks that exist (hold land), by index (by · 36 + bx). */
  blocks: number[];
  /** Each admin-1 region's country index (so a worker assigns without the table). */
  admin1Country: number[];
}

const PATH = /^[\w-]{1,64}\/(?:[\w-]{1,64}\/)*[\w.-]{1,64}$/;

export function parsePointer(value: unknown): RegionPointer {
  const v = object(value, 'regions.json');
  if (v['version'] !== REGION_FORMAT_VERSION)
    throw new Error(`regions.json: version ${String(v['version'])}, expected ${REGION_FORMAT_VERSION}`);
  const key = v['key'];
  if (typeof key !== 'string' || !/^[\w-]{1,64}$/.test(key)) throw new Error('regions.json: bad key');
  const path = (name: string, folder = false): string => {
    const p = v[name];
    if (typeof p !== 'string' || !PATH.test(folder ? `${p}x` : p) || p.includes('..'))
      throw new Error(`regions.json: bad path for ${name}`);
    return p;
  };
  const ints = (name: string, max: number, limit: number): number[] => {
    const list = v[name];
    if (!Array.isArray(list) || list.length > limit || !list.every((n) => Number.isInteger(n) && n >= 0 && n < max))
      throw new Error(`regions.json: bad ${name}`);
    return list as number[];
  };
  const admin1Country = ints('admin1Country', MAX_REGIONS, MAX_REGIONS);
  return {
    version: REGION_FORMAT_VERSION,
    key,
    table: path('table'),
    lookup: path('lookup', true),
    shapes: parseShapesPointer(v['shapes']),
    names: path('names', true),
    blocks: ints('blocks', 36 * 18, 36 * 18),
    admin1Country,
  };
}

/** table.json as written: arrays of plain rows (the indexes and the countries' admin-1 lists are rebuilt). */
export interface TableFile {
  version: number;
  key: string;
  languages: string[];
  /** [id, iso2, name, labelLon, labelLat, west, south, east, north] */
  countries: [string, string, string, number, number, number, number, number, number][];
  /** [id, name, kind, country index] (where each lies: PlacesFile) */
  admin1: [string, string, string, number][];
}

export function decodeTable(value: unknown): RegionTable {
  const v = object(value, 'region table');
  if (v['version'] !== REGION_FORMAT_VERSION) throw new Error('region table: unknown version');
  const key = v['key'];
  if (typeof key !== 'string') throw new Error('region table: no key');
  const rows = (name: string, width: number): unknown[][] => {
    const list = v[name];
    if (!Array.isArray(list) || list.length > MAX_REGIONS) throw new Error(`region table: bad ${name}`);
    for (const row of list)
      if (!Array.isArray(row) || row.length !== width) throw new Error(`region table: a row of ${name} is malformed`);
    return list as unknown[][];
  };
  const str = (x: unknown): string => {
    if (typeof x !== 'string' || x.length > 200) throw new Error('region table: a name is not text');
    return x;
  };
  const num = (x: unknown): number => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error('region table: a number is not finite');
    return x;
  };
  const countryRows = rows('countries', 9);
  const members: number[][] = countryRows.map(() => []);
  const admin1: RegionAdmin1[] = rows('admin1', 4).map((r, index) => {
    const country = num(r[3]);
    if (!Number.isInteger(country) || country < 0 || country >= countryRows.length)
      throw new Error('region table: a region names no country');
    members[country]!.push(index);
    return {
      index,
      id: str(r[0]),
      name: str(r[1]),
      kind: str(r[2]),
      country,
    };
  });
  const countries: RegionCountry[] = countryRows.map((r, index) => ({
    index,
    id: str(r[0]),
    iso2: str(r[1]),
    name: str(r[2]),
    label: [num(r[3]), num(r[4])] as const,
    bbox: [num(r[5]), num(r[6]), num(r[7]), num(r[8])] as const,
    admin1: members[index]!,
  }));
  const languages = Array.isArray(v['languages']) ? (v['languages'] as unknown[]).map(str) : [];
  return { key, countries, admin1, languages };
}

/** A names file: { language, countries: string[], admin1: string[] }, aligned with the table. */
export function decodeNames(value: unknown, table: RegionTable): RegionNames {
  const v = object(value, 'region names');
  const list = (name: 'countries' | 'admin1', length: number): string[] => {
    const l = v[name];
    if (!Array.isArray(l) || l.length !== length || !l.every((s) => typeof s === 'string' && s.length <= 200))
      throw new Error(`region names: bad ${name}`);
    return l as string[];
  };
  if (typeof v['language'] !== 'string') throw new Error('region names: no language');
  return {
    language: v['language'],
    countries: list('countries', table.countries.length),
    admin1: list('admin1', table.admin1.length),
  };
}

/**
 * Where the drawn shapes are (issue #23: a view loads only what it draws). Per level, one world
 * file simplified for views below `fineFrom` (a pixel there is ~0.1°), and one file per country
 * (`<fine><country id>.json.gz`, ~0.02° detail) for deeper views, asked for by the countries in view.
 */
export interface ShapesPointer {
  /** The zoom from which the per-country files are drawn instead of the world file. */
  fineFrom: number;
  countries: { world: string; fine: string };
  admin1: { world: string; fine: string };
  /** The admin-1 regions' label points and boxes (PlacesFile). */
  places: string;
}

function parseShapesPointer(value: unknown): ShapesPointer {
  const v = object(value, 'regions.json shapes');
  const fineFrom = v['fineFrom'];
  if (typeof fineFrom !== 'number' || !(fineFrom >= 0 && fineFrom <= 22)) throw new Error('regions.json: bad fineFrom');
  const level = (name: 'countries' | 'admin1'): { world: string; fine: string } => {
    const l = object(v[name], `regions.json shapes.${name}`);
    const { world, fine } = l;
    if (typeof world !== 'string' || !PATH.test(world) || world.includes('..'))
      throw new Error(`regions.json: bad path for shapes.${name}.world`);
    if (typeof fine !== 'string' || !fine.endsWith('/') || !PATH.test(`${fine}x`) || fine.includes('..'))
      throw new Error(`regions.json: bad path for shapes.${name}.fine`);
    return { world, fine };
  };
  const places = v['places'];
  if (typeof places !== 'string' || !PATH.test(places) || places.includes('..'))
    throw new Error('regions.json: bad path for shapes.places');
  return { fineFrom, countries: level('countries'), admin1: level('admin1'), places };
}

/**
 * shapes/admin1-places.json.gz: per admin-1 region, its label point in 1/1000 degree ([lon, lat]
 * pairs, each the difference from the region before: neighbours are near) and its box in 1/100
 * degree ([west, south, east, north], grown outward, each less the label point rounded to 1/100).
 */
export interface PlacesFile {
  version: number;
  key: string;
  label: number[];
  bbox: number[];
}

export function decodePlaces(value: unknown, count: number): RegionPlaces {
  const v = object(value, 'region places');
  if (v['version'] !== REGION_FORMAT_VERSION) throw new Error('region places: unknown version');
  const ints = (name: 'label' | 'bbox', width: number): number[] => {
    const list = v[name];
    if (!Array.isArray(list) || list.length !== count * width)
      throw new Error(`region places: ${name} does not match the table`);
    for (const n of list as unknown[]) if (!Number.isInteger(n)) throw new Error(`region places: a bad ${name} value`);
    return list as number[];
  };
  const labelDeltas = ints('label', 2);
  const boxes = ints('bbox', 4);
  const label = new Float64Array(count * 2);
  const bbox = new Float64Array(count * 4);
  let x = 0;
  let y = 0;
  for (let i = 0; i < count; i++) {
    x += labelDeltas[2 * i]!;
    y += labelDeltas[2 * i + 1]!;
    if (Math.abs(x) > 180_000 || Math.abs(y) > 90_000) throw new Error('region places: a bad label value');
    label[2 * i] = x / 1000;
    label[2 * i + 1] = y / 1000;
    const [bx, by] = [Math.round(x / 10), Math.round(y / 10)];
    for (let k = 0; k < 4; k++) {
      const v100 = boxes[4 * i + k]! + (k % 2 === 0 ? bx : by);
      if (Math.abs(v100) > (k % 2 === 0 ? 18_000 : 9_000)) throw new Error('region places: a bad bbox value');
      bbox[4 * i + k] = v100 / 100;
    }
  }
  return { label, bbox };
}

/** The file of one country's fine shapes at a level, or null for an id that cannot name a file. */
export function fineShapesPath(pointer: ShapesPointer, level: RegionLevel, countryId: string): string | null {
  if (!/^[\w-]{1,16}$/.test(countryId)) return null;
  return `${(level === 'country' ? pointer.countries : pointer.admin1).fine}${countryId}.json.gz`;
}

/**
 * A shapes file: the rings of the regions first … first + rings.length - 1 of one level (all of
 * them in a world file; one country, or one country's admin-1 regions, in a fine file), each ring
 * [x0, y0, dx1, dy1, …] in units of 1/q degree from (-180, -90). Rings are filled even-odd (holes
 * are rings inside rings).
 */
export interface ShapesFile {
  version: number;
  key: string;
  level: RegionLevel;
  q: number;
  first: number;
  rings: number[][][];
}

/** Rings of one region as lon/lat pairs: [lon0, lat0, lon1, lat1, …], closed by the drawer. */
export type RegionRings = readonly Float32Array[];

/** A decoded shapes file: rings[k] belongs to region first + k. */
export interface ShapesPart {
  first: number;
  rings: RegionRings[];
}

/**
 * Decodes a shapes file of `level`; `expect` is the range it must hold (the table's: all regions
 * for a world file, a country's for a fine one), so a file of another build or country is refused.
 */
export function decodeShapes(value: unknown, level: RegionLevel, expect: { first: number; count: number }): ShapesPart {
  const v = object(value, 'region shapes');
  if (v['version'] !== REGION_FORMAT_VERSION) throw new Error('region shapes: unknown version');
  if (v['level'] !== level) throw new Error(`region shapes: not a file of ${level} shapes`);
  const q = v['q'];
  if (typeof q !== 'number' || !(q > 0)) throw new Error('region shapes: bad q');
  const list = v['rings'];
  if (v['first'] !== expect.first || !Array.isArray(list) || list.length !== expect.count)
    throw new Error('region shapes: the regions do not match the table');
  const rings = list.map((region: unknown) => {
    if (!Array.isArray(region)) throw new Error('region shapes: bad region');
    return region.map((ring: unknown) => {
      if (!Array.isArray(ring) || ring.length % 2 !== 0) throw new Error('region shapes: bad ring');
      const out = new Float32Array(ring.length);
      let x = 0;
      let y = 0;
      for (let i = 0; i < ring.length; i += 2) {
        const dx = ring[i] as unknown;
        const dy = ring[i + 1] as unknown;
        if (!Number.isInteger(dx) || !Number.isInteger(dy)) throw new Error('region shapes: bad coordinate');
        x += dx as number;
        y += dy as number;
        out[i] = x / q - 180;
        out[i + 1] = y / q - 90;
      }
      return out;
    });
  });
  return { first: expect.first, rings };
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: not an object`);
  return value as Record<string, unknown>;
}
