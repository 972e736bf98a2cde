/**
 * The gazetteer's files (model/gazetteer.ts describes them), fetched when a place is first looked
 * up: the index once, then the one shard a query's longest word needs, kept for the next keystroke.
 * A failure is remembered per file and reported to the caller; the box says places cannot be found.
 */
import {
  decodeShard,
  matchPlaces,
  parseGazetteerIndex,
  placeQuery,
  shardFor,
  shardPath,
  shardWord,
  type GazetteerIndex,
  type Place,
  type PlaceMatch,
} from '../model/gazetteer';
import { assetJson } from './asset-bytes';

/** Where gazetteer.json is: beside the basemap's manifest. */
export const GAZETTEER_ROOT = 'basemap/';

/** Shards kept (a few hundred KB each): enough for a session of typing. */
const KEEP = 12;
/** No gazetteer file unpacks to more than this (shards aim at 250 KB); a larger answer is not ours. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type PlaceLookup =
  { matches: PlaceMatch[] } | { problem: 'empty' | 'too-long' } | { problem: 'failed'; error: unknown };

type Fetcher = (url: string) => Promise<unknown>;

export class GazetteerAssets {
  #index: Promise<GazetteerIndex> | null = null;
  readonly #shards = new Map<string, Promise<Place[]>>();

  constructor(
    /** The folder of gazetteer.json, ending in '/' (resolved against the page). */
    private readonly root: string = GAZETTEER_ROOT,
    private readonly fetcher: Fetcher = fetchJson,
  ) {}

  /** The places matching a typed text, best first; why none can be listed otherwise. */
  async find(text: string): Promise<PlaceLookup> {
    const query = placeQuery(text);
    if ('problem' in query) return query;
    try {
      const index = await this.#loadIndex();
      const shard = shardFor(index, shardWord(query.words));
      if (!shard) return { matches: [] };
      const places = await this.#loadShard(index, shardPath(shard.key, shard.head));
      return { matches: matchPlaces(places, query) };
    } catch (error) {
      return { problem: 'failed', error };
    }
  }

  #loadIndex(): Promise<GazetteerIndex> {
    this.#index ??= this.fetcher(`${this.root}gazetteer.json`).then(parseGazetteerIndex);
    // A failed index is asked for again on the next keystroke (the network may be back).
    this.#index.catch(() => (this.#index = null));
    return this.#index;
  }

  #loadShard(index: GazetteerIndex, path: string): Promise<Place[]> {
    let shard = this.#shards.get(path);
    if (shard) {
      this.#shards.delete(path);
    } else {
      shard = this.fetcher(`${this.root}${index.base}${path}`).then((value) => decodeShard(value, index));
      shard.catch(() => this.#shards.delete(path));
    }
    // A Map keeps insertion order: the first entry is the least recently used.
    this.#shards.set(path, shard);
    while (this.#shards.size > KEEP) this.#shards.delete(this.#shards.keys().next().value!);
    return shard;
  }
}

async function fetchJson(url: string): Promise<unknown> {
  return assetJson(await fetch(url), url, MAX_FILE_BYTES);
}

let shared: GazetteerAssets | null = null;

/** The page's one gazetteer: the map's box and the form share its files. */
export function gazetteer(): GazetteerAssets {
  shared ??= new GazetteerAssets();
  return shared;
}
