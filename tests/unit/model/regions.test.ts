import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  admin1At,
  assignRegions,
  BLOCKS_X,
  blockFile,
  blocksNeeded,
  decodeBlock,
  NOT_LOADED,
} from '../../../src/lib/model/region-lookup';
import { regionLabel, regionSelection, inSelection } from '../../../src/lib/model/regions';
import { LOCATION_CODES } from '../../../src/lib/model/columns';
import { regionFixture, type RegionFixture } from './region-fixture';

let f: RegionFixture;
beforeAll(() => {
  f = regionFixture();
});

/** "Name, Country" of the region a point lies in, as the details show it; "" for none. */
function placeOf(lat: number, lon: number, precision: 'site' | 'city' | 'region' | 'country' = 'city'): string {
  const codes = { country: new Uint16Array(1), admin1: new Uint16Array(1) };
  assignRegions(
    f.lookup,
    Float64Array.of(lat),
    Float64Array.of(lon),
    Uint8Array.of(LOCATION_CODES.indexOf(precision)),
    codes,
  );
  return regionLabel(f.table, codes.country[0]!, codes.admin1[0]!);
}

describe('known points land in their regions', () => {
  it('Shusha is in Azerbaijan, in its own municipality', () => {
    expect(placeOf(39.7583, 46.7508)).toBe('Shusha, Azerbaijan');
  });
  it('Yerevan is in Armenia', () => {
    expect(placeOf(40.1792, 44.4991)).toBe('Yerevan, Armenia');
  });
  it('Nakhchivan city, in the exclave, is in Azerbaijan', () => {
    expect(placeOf(39.2089, 45.4122)).toBe('Nakhchivan, Azerbaijan');
    // Elsewhere in the exclave, across Armenia from the rest of the country.
    expect(placeOf(38.9, 46.0)).toMatch(/, Azerbaijan$/);
  });
  it('Mogadishu is in Banaadir, Somalia', () => {
    expect(placeOf(2.0469, 45.3182)).toBe('Banaadir, Somalia');
  });
  it('a point in the Black Sea has none, not the nearest shore', () => {
    expect(placeOf(43.0, 34.0)).toBe('');
    expect(placeOf(42.5, 40.0)).toBe('');
  });
  it('a country-precision event counts for its country only', () => {
    expect(placeOf(39.7583, 46.7508, 'country')).toBe('Azerbaijan');
    expect(placeOf(40.1792, 44.4991, 'country')).toBe('Armenia');
  });
  it('region- and site-precision events get their province', () => {
    expect(placeOf(2.0469, 45.3182, 'region')).toBe('Banaadir, Somalia');
    expect(placeOf(2.0469, 45.3182, 'site')).toBe('Banaadir, Somalia');
  });
  it('Somaliland is its own country, as Natural Earth draws it', () => {
    expect(placeOf(9.56, 44.065)).toBe('Somaliland');
  });
});

describe('bad input gives a region or none, never an exception', () => {
  it('poles, the antimeridian and off-globe coordinates', () => {
    for (const [lat, lon] of [
      [90, 0],
      [-90, 0],
      [0, 180],
      [0, -180],
      [-17.8, 178.4], // Fiji's main island
      [-16.5, 180],
      [-16.5, -180],
      [91, 0],
      [0, 181],
      [NaN, 10],
      [10, NaN],
      [Infinity, 0],
      [-Infinity, -Infinity],
    ] as const)
      expect(() => placeOf(lat, lon)).not.toThrow();
    expect(placeOf(-17.8, 178.4)).toMatch(/, Fiji$/);
    expect(placeOf(90, 0)).toBe('');
    expect(placeOf(91, 0)).toBe('');
    expect(placeOf(NaN, 45)).toBe('');
  });

  it('the same meridian at 180 and -180 gives the same answer', () => {
    for (let lat = -20; lat <= -12; lat += 0.25) expect(placeOf(lat, 180)).toBe(placeOf(lat, -180));
  });

  it('points on the Armenia–Azerbaijan border get one of the two, or none', () => {
    // Vertices of the border as the source draws it, and points just either side of them.
    for (const [lat, lon] of [
      [39.7028, 44.77456],
      [40.0, 45.6],
      [39.3, 46.5],
    ] as const)
      for (const d of [0, 1e-9, -1e-9, 1e-4, -1e-4]) {
        const place = placeOf(lat + d, lon - d);
        expect(
          ['', 'Armenia', 'Azerbaijan', 'Iran', 'Turkey'].some((c) => place === c || place.endsWith(`, ${c}`)),
        ).toBe(true);
      }
  });

  it('any coordinates whatever: an index in range or -1, and codes whose province is of their country', () => {
    const admin1Count = f.table.admin1.length;
    fc.assert(
      fc.property(
        fc.double({ noDefaultInfinity: false }),
        fc.double(),
        fc.integer({ min: 0, max: LOCATION_CODES.length - 1 }),
        (lat, lon, p) => {
          const region = admin1At(f.lookup, lat, lon);
          expect(Number.isInteger(region) && region >= -1 && region < admin1Count).toBe(true);
          const codes = { country: new Uint16Array(1), admin1: new Uint16Array(1) };
          assignRegions(f.lookup, Float64Array.of(lat), Float64Array.of(lon), Uint8Array.of(p), codes);
          if (p === 0) expect([codes.country[0], codes.admin1[0]]).toEqual([0, 0]);
          if (codes.admin1[0]) expect(f.table.admin1[codes.admin1[0] - 1]!.country + 1).toBe(codes.country[0]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('coordinates near the fixture countries, at any scale: never throws, same answer as one by one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 48, noNaN: true }), fc.double({ min: 25, max: 55, noNaN: true })), {
          maxLength: 50,
        }),
        (points) => {
          const n = points.length;
          const lat = Float64Array.from(points, (p) => p[0]);
          const lon = Float64Array.from(points, (p) => p[1]);
          const codes = { country: new Uint16Array(n), admin1: new Uint16Array(n) };
          assignRegions(f.lookup, lat, lon, new Uint8Array(n).fill(2), codes);
          points.forEach(([a, o], i) => {
            const region = admin1At(f.lookup, a, o);
            expect(codes.admin1[i]).toBe(region + 1);
          });
        },
      ),
    );
  });
});

describe('the lookup loads by block', () => {
  it('names the blocks a dataset needs, and a point in a block not loaded is not guessed', () => {
    const lat = Float64Array.of(39.7583, 2.0469, NaN);
    const lon = Float64Array.of(46.7508, 45.3182, NaN);
    const precision = Uint8Array.of(2, 2, 0);
    const partial = { ...f.lookup, blocks: new Map(f.lookup.blocks) };
    const caucasus = Math.floor((39.7583 + 90) / 10) * BLOCKS_X + Math.floor((46.7508 + 180) / 10);
    partial.blocks.delete(caucasus);
    expect(blocksNeeded(partial, lat, lon, precision)).toEqual([caucasus]);
    expect(admin1At(partial, 39.7583, 46.7508)).toBe(NOT_LOADED);
    const codes = { country: new Uint16Array(3), admin1: new Uint16Array(3) };
    assignRegions(partial, lat, lon, precision, codes);
    expect([codes.country[0], codes.admin1[0]]).toEqual([0, 0]);
    expect(codes.admin1[1]).toBeGreaterThan(0);
  });

  it('a damaged block is refused with a reason, never read out of bounds', () => {
    const b = f.pointer.blocks[0]!;
    const path = `${f.pointer.lookup}${blockFile(b)}`;
    const good = f.files.get(path) as Uint8Array;
    const count = f.pointer.admin1Country.length;
    expect(() => decodeBlock(good.slice().buffer, b, count)).not.toThrow();
    expect(() => decodeBlock(good.slice().buffer, b + 1, count)).toThrow(/block/);
    expect(() => decodeBlock(good.slice(0, good.length - 8).buffer, b, count)).toThrow(/region lookup/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const bytes = good.slice();
        bytes[at] = bytes[at]! ^ x;
        let block;
        try {
          block = decodeBlock(bytes.buffer, b, count);
        } catch (e) {
          expect((e as Error).message).toMatch(/region lookup/);
          return;
        }
        // Accepted (a coordinate changed): lookups in it still answer in range.
        const lookup = { ...f.lookup, blocks: new Map([[b, block]]) };
        const by = Math.floor(b / BLOCKS_X);
        const bx = b % BLOCKS_X;
        for (let i = 0; i < 50; i++) {
          const r = admin1At(lookup, by * 10 - 90 + (i % 10) + 0.5, bx * 10 - 180 + Math.floor(i / 5) + 0.3);
          expect(r >= -1 && r < count).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the table', () => {
  it('ids are stable names, and a selection by id matches the country or the province', () => {
    const aze = f.table.countries.find((c) => c.id === 'AZE')!;
    const shusha = f.table.admin1.find((a) => a.name === 'Shusha')!;
    expect(aze.name).toBe('Azerbaijan');
    expect(aze.iso2).toBe('AZ');
    expect(shusha.id).toBe('AZE-5565');
    expect(f.table.countries[shusha.country]).toBe(aze);
    expect(aze.admin1).toContain(shusha.index);
    const byCountry = regionSelection(f.table, ['AZE']);
    const byProvince = regionSelection(f.table, ['AZE-5565', 'nonsense']);
    expect(inSelection(byCountry, aze.index + 1, 0)).toBe(true);
    expect(inSelection(byProvince, aze.index + 1, 0)).toBe(false);
    expect(inSelection(byProvince, aze.index + 1, shusha.index + 1)).toBe(true);
  });

  it('names in the interface languages only, aligned with the table', () => {
    expect([...f.table.languages].sort()).toEqual(['ar', 'az', 'fr', 'hy', 'ru', 'uk']);
    const ru = JSON.parse(f.files.get(`${f.pointer.names}ru.json.gz`) as string) as {
      countries: string[];
      admin1: string[];
    };
    const aze = f.table.countries.find((c) => c.id === 'AZE')!;
    expect(ru.countries[aze.index]).toBe('Азербайджан');
    expect(ru.admin1).toHaveLength(f.table.admin1.length);
  });
});
