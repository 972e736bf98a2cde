/**
 * The gazetteer: places found by name (cities from GeoNames, regions and countries from Natural
 * Earth), built with the basemap (scripts/basemap/gazetteer.ts) and fetched by shard. Pure: the
 * file format, its checks, name folding and matching. The build imports it too, so both sides
 * agree on what a shard holds and which shard a name is in.
 *
 * Files: `gazetteer.json` (the index: every shard's key, and the region and country names places
 * refer to) and, under its `base`, one file per shard. A shard holds every place with a word of a
 * name starting with its key ("sh": Shusha, Shushi, Marsh Harbour…); a key with too many places
 * for one file is split by its next letter, and keeps a head file with the places a query of
 * exactly that key would list (its exact names and the most populous of each other rank).
 */
import { LIMITS } from './limits';
import { normalizeText } from './search-text';

export const GAZETTEER_VERSION = 2;

export type PlaceKind = 'city' | 'region' | 'country';
export const PLACE_KINDS: readonly PlaceKind[] = ['city', 'region', 'country'];

/** The index file (gazetteer.json). */
export interface GazetteerIndex {
  version: number;
  /** The shards' folder, relative to the index, ending in '/'. */
  base: string;
  /** Every shard's key (folded letters), and whether it is split (1: only its head file exists). */
  keys: string[];
  split: number[];
  /** Names places refer to by position: countries, and regions with their country's position. */
  countries: string[];
  regions: string[];
  regionCountry: number[];
}

/**
 * A shard file: one entry per place, in columns, the most populous first (the order is all the
 * ranking needs of population, so the figures are not stored). Coordinates in 1e-4 degrees.
 */
export interface ShardFile {
  kind: number[];
  /** The name the place is shown by. */
  name: string[];
  /** Its other names that have a word in this shard, joined by '|' ('' for none). */
  alt: string[];
  lat: number[];
  lon: number[];
  /** Position in the index's regions or countries; -1 for none. */
  region: number[];
  country: number[];
}

export interface Place {
  kind: PlaceKind;
  name: string;
  alt: readonly string[];
  lat: number;
  lon: number;
  /** Ties between equal matches go to the smaller: the more populous (a shard's position). */
  order: number;
  region: string | null;
  country: string | null;
  /** Folded forms of name and alt, in that order (made once, when the shard is read). */
  folded: readonly string[];
}

/**
 * A match: the place, the name it matched by, and how well: 0 the whole name, 2 its start, 4 the
 * start of each query word; one more when it matched by another name than its own (so "sa" lists
 * Saudi Arabia before a country whose name starts so in another language).
 */
export interface PlaceMatch {
  place: Place;
  name: string;
  rank: number;
}

export const COORD_SCALE = 1e4;

/**
 * Accents, case and punctuation away: "Gəncə" and "GƏNCƏ" fold alike, "Step'anakert" to
 * "stepanakert", "Nagorno-Karabakh" to two words. Letters NFKD keeps whole (ı, ə, ø, ł…) become
 * the Latin letter English spellings use, so "Barda" finds "Bərdə".
 */
export function foldPlace(text: string): string {
  return normalizeText(text)
    .replace(/[ıəøłđßæœþŋ]/g, (c) => LETTERS[c] ?? c)
    .replace(/['’ʼʻ`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const LETTERS: Record<string, string> = {
  ı: 'i',
  ə: 'a',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ŋ: 'n',
};

/** A query ready to match: its folded words, or why it cannot be matched. */
export type PlaceQuery = { words: string[]; text: string } | { problem: 'empty' | 'too-long' };

export function placeQuery(input: string): PlaceQuery {
  if (input.length > LIMITS.maxPlaceQueryLength) return { problem: 'too-long' };
  const text = foldPlace(input);
  if (!text) return { problem: 'empty' };
  const words = text.split(' ');
  if (words.length > LIMITS.maxPlaceQueryWords) return { problem: 'too-long' };
  return { words, text };
}

/** The word that picks the shard: the longest (the fewest places share its start). */
export function shardWord(words: readonly string[]): string {
  return words.reduce((a, b) => ([...b].length > [...a].length ? b : a));
}

/**
 * A shard's file under the index's base: its key's code points in hex (any script makes a safe
 * name); gzipped on disk (io/asset-bytes.ts says why).
 */
export function shardPath(key: string, head: boolean): string {
  const hex = [...key].map((c) => c.codePointAt(0)!.toString(16)).join('-');
  return `${hex}${head ? '.head' : ''}.json.gz`;
}

/**
 * The file that holds every place a word can match (or, for a split key typed exactly, its head):
 * the longest key the word starts with. Null: no place has a word starting so.
 */
export function shardFor(index: GazetteerIndex, word: string): { key: string; head: boolean } | null {
  const positions = keyPositions(index);
  const chars = [...word];
  for (let n = 1; n <= chars.length; n++) {
    const key = chars.slice(0, n).join('');
    const at = positions.get(key);
    if (at === undefined) return null;
    if (!index.split[at]) return { key, head: false };
    if (n === chars.length) return { key, head: true };
  }
  return null;
}

const positionCache = new WeakMap<GazetteerIndex, Map<string, number>>();
function keyPositions(index: GazetteerIndex): Map<string, number> {
  let map = positionCache.get(index);
  if (!map) {
    map = new Map(index.keys.map((k, i) => [k, i]));
    positionCache.set(index, map);
  }
  return map;
}

/** How well a folded name matches a query: 0 equal, 1 starts with it, 2 every word starts a word; -1 not. */
export function matchRank(folded: string, query: { words: readonly string[]; text: string }): number {
  if (folded === query.text) return 0;
  if (folded.startsWith(query.text)) return 1;
  const words = folded.split(' ');
  return query.words.every((q) => words.some((w) => w.startsWith(q))) ? 2 : -1;
}

/**
 * The places matching a query, best first: by rank, then population (order), then name; at most `limit`.
 * Each is shown by the name it matched (its own name when that matches as well).
 */
export function matchPlaces(
  places: readonly Place[],
  query: { words: readonly string[]; text: string },
  limit: number = LIMITS.maxPlaceResults,
): PlaceMatch[] {
  const found: PlaceMatch[] = [];
  for (const place of places) {
    let best = -1;
    let name = place.name;
    place.folded.forEach((folded, i) => {
      const tier = matchRank(folded, query);
      const rank = tier < 0 ? -1 : tier * 2 + (i === 0 ? 0 : 1);
      if (rank >= 0 && (best < 0 || rank < best)) {
        best = rank;
        name = i === 0 ? place.name : place.alt[i - 1]!;
      }
    });
    if (best >= 0) found.push({ place, name, rank: best });
  }
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.place.order - b.place.order ||
      PLACE_KINDS.indexOf(b.place.kind) - PLACE_KINDS.indexOf(a.place.kind) ||
      a.name.localeCompare(b.name),
  );
  return found.slice(0, limit);
}

/** "Shusha (Shushi)" for a match by another name; the place's own name otherwise. */
export function matchName(match: PlaceMatch): string {
  return match.name === match.place.name ? match.name : `${match.name} (${match.place.name})`;
}

/** Where a place lies, in words: "Shusha District, Azerbaijan"; a region named as the place is left out. */
export function placeContext(place: Place): string {
  const region = place.region && foldPlace(place.region) !== foldPlace(place.name) ? place.region : null;
  return [region, place.kind === 'country' ? null : place.country].filter(Boolean).join(', ');
}

/** What a chosen suggestion gives its caller: the name to use, the words shown, where, and how near. */
export interface PlaceChoice {
  /** "Shusha", or "Gəncə (Ganja)" when chosen by another name. */
  name: string;
  /** The suggestion as shown: "Shusha — Azerbaijan". */
  label: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** The zoom a map shows it at. */
  zoom: number;
}

export function placeChoice(match: PlaceMatch): PlaceChoice {
  const name = matchName(match);
  const context = placeContext(match.place);
  const { kind, lat, lon } = match.place;
  return { name, label: context ? `${name} — ${context}` : name, kind, lat, lon, zoom: placeZoom(kind) };
}

/** The zoom a map shows a place at. */
export function placeZoom(kind: PlaceKind): number {
  return kind === 'city' ? 10 : kind === 'region' ? 7 : 5;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function checkColumn<T>(value: unknown, what: string, length: number | null, item: (v: unknown) => v is T): T[] {
  if (!Array.isArray(value)) throw new Error(`gazetteer: ${what} is not a list`);
  if (length !== null && value.length !== length)
    throw new Error(`gazetteer: ${what} has ${value.length} entries, expected ${length}`);
  if (!value.every(item)) throw new Error(`gazetteer: ${what} holds a value of the wrong type`);
  return value as T[];
}

/** The index, checked: a file of another version or shape is refused with why. */
export function parseGazetteerIndex(value: unknown): GazetteerIndex {
  const v = value as Partial<GazetteerIndex> | null;
  if (!v || typeof v !== 'object' || v.version !== GAZETTEER_VERSION)
    throw new Error(`gazetteer: index version ${String(v?.version)}, expected ${GAZETTEER_VERSION}`);
  if (!isString(v.base) || !/^[\w./-]*$/.test(v.base) || v.base.includes('..'))
    throw new Error('gazetteer: the index names no usable folder');
  const keys = checkColumn(v.keys, 'keys', null, isString);
  if (keys.length > LIMITS.maxGazetteerShards)
    throw new Error(`gazetteer: ${keys.length} shards, at most ${LIMITS.maxGazetteerShards}`);
  const countries = checkColumn(v.countries, 'countries', null, isString);
  const regions = checkColumn(v.regions, 'regions', null, isString);
  return {
    version: v.version,
    base: v.base,
    keys,
    split: checkColumn(v.split, 'split', keys.length, isInt),
    countries,
    regions,
    regionCountry: checkColumn(v.regionCountry, 'regionCountry', regions.length, isInt),
  };
}

/** A shard's places, checked against the index (positions in range, coordinates on Earth). */
export function decodeShard(value: unknown, index: GazetteerIndex): Place[] {
  const v = value as Partial<ShardFile> | null;
  if (!v || typeof v !== 'object') throw new Error('gazetteer: a shard is not an object');
  const kind = checkColumn(v.kind, 'kind', null, isInt);
  const n = kind.length;
  if (n > LIMITS.maxGazetteerShardPlaces)
    throw new Error(`gazetteer: a shard of ${n} places, at most ${LIMITS.maxGazetteerShardPlaces}`);
  const name = checkColumn(v.name, 'name', n, isString);
  const alt = checkColumn(v.alt, 'alt', n, isString);
  const lat = checkColumn(v.lat, 'lat', n, isInt);
  const lon = checkColumn(v.lon, 'lon', n, isInt);
  const region = checkColumn(v.region, 'region', n, isInt);
  const country = checkColumn(v.country, 'country', n, isInt);
  const places: Place[] = [];
  for (let i = 0; i < n; i++) {
    const k = PLACE_KINDS[kind[i]!];
    const y = lat[i]! / COORD_SCALE;
    const x = lon[i]! / COORD_SCALE;
    const r = region[i]!;
    const c = country[i]!;
    if (!k || Math.abs(y) > 90 || Math.abs(x) > 180 || r >= index.regions.length || c >= index.countries.length)
      throw new Error(`gazetteer: place ${i} ("${name[i]}") is out of range`);
    const alts = alt[i] ? alt[i]!.split('|') : [];
    places.push({
      kind: k,
      name: name[i]!,
      alt: alts,
      lat: y,
      lon: x,
      order: i,
      region: r >= 0 ? index.regions[r]! : null,
      country: c >= 0 ? index.countries[c]! : null,
      folded: [name[i]!, ...alts].map(foldPlace),
    });
  }
  return places;
}
