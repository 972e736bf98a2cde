/**
 * The region assets' file formats (model/regions.ts lists the files), shared by the build
 * (scripts/basemap/regions.ts) and the page. Pure. Every decoder checks what it reads: a damaged
 * or foreign file is refused with a reason, never half-used.
 */
import type { RegionAdmin1, RegionCountry, RegionLevel, RegionNames, RegionTable } from './regions';

/** Bumped whenever a file's layout changes. */
export const REGION_FORMAT_VERSION = 1;

/** Most regions a table may hold: codes are 16-bit, and 0 means none. */
export const MAX_REGIONS = 0xfffe;

/** regions.json: where the versioned files are, relative to it, and what the lookup needs besides its blocks. */
export interface RegionPointer {
  version: number;
  key: string;
  table: string;
  /** The folder of the lookup's blocks (<bx>-<by>.bin), ending in '/'. */
  lookup: string;
  shapes: string;
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
    shapes: path('shapes'),
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
  /** [id, name, kind, country index, labelLon, labelLat, west, south, east, north] */
  admin1: [string, string, string, number, number, number, number, number, number, number][];
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
  const admin1: RegionAdmin1[] = rows('admin1', 10).map((r, index) => {
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
      label: [num(r[4]), num(r[5])] as const,
      bbox: [num(r[6]), num(r[7]), num(r[8]), num(r[9])] as const,
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
 * shapes.json: per level, per region index, its rings, each [x0, y0, dx1, dy1, …] in units of
 * 1/q degree from (-180, -90). Rings are filled even-odd (holes are rings inside rings).
 */
export interface ShapesFile {
  version: number;
  key: string;
  q: number;
  countries: number[][][];
  admin1: number[][][];
}

/** Rings of one region as lon/lat pairs: [lon0, lat0, lon1, lat1, …], closed by the drawer. */
export type RegionRings = readonly Float32Array[];

export function decodeShapes(value: unknown, level: RegionLevel, count: number): RegionRings[] {
  const v = object(value, 'region shapes');
  const q = v['q'];
  if (typeof q !== 'number' || !(q > 0)) throw new Error('region shapes: bad q');
  const list = v[level === 'country' ? 'countries' : 'admin1'];
  if (!Array.isArray(list) || list.length !== count)
    throw new Error('region shapes: the list does not match the table');
  return list.map((rings: unknown) => {
    if (!Array.isArray(rings)) throw new Error('region shapes: bad region');
    return rings.map((ring: unknown) => {
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
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: not an object`);
  return value as Record<string, unknown>;
}
