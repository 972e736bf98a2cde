/**
 * The region assets (model/regions.ts lists them), fetched once per page or worker and kept: the
 * pointer first, then what is asked for. Loaded only when data with located events is (the
 * reader asks for the lookup; the views for the table, names and shapes). A failure is remembered
 * and answered at once after: the data still shows, without regions.
 */
import { blockFile, blocksNeeded, decodeBlock, type RegionLookup } from '../model/region-lookup';
import {
  decodeNames,
  decodePlaces,
  decodeShapes,
  decodeTable,
  fineShapesPath,
  parsePointer,
  type RegionPointer,
  type ShapesPart,
} from '../model/region-format';
import type { RegionLevel, RegionNames, RegionPlaces, RegionTable } from '../model/regions';
import { assetBytes } from './asset-bytes';
import { regionRoot } from './region-root';

/** No asset unpacks to more than this (the largest, the admin-1 shapes, is ~1.4 MB); a larger answer is not ours. */
const MAX_ASSET_BYTES = 16 * 1024 * 1024;

type Fetcher = (url: string) => Promise<Response>;

export class RegionAssets {
  #pointer: Promise<RegionPointer> | null = null;
  #table: Promise<RegionTable> | null = null;
  #lookup: Promise<RegionLookup> | null = null;
  readonly #blocks = new Map<number, Promise<void>>();
  /** Shapes files by path; a failed one is dropped, so the next ask fetches it again. */
  readonly #shapes = new Map<string, Promise<ShapesPart>>();
  #places: Promise<RegionPlaces> | null = null;
  #names = new Map<string, Promise<RegionNames>>();
  /** The lookup once it has arrived, for work that cannot wait (the editor's rows). */
  loadedLookup: RegionLookup | null = null;
  loadedTable: RegionTable | null = null;

  constructor(
    readonly root: string,
    private readonly fetcher: Fetcher = (url) => fetch(url, { credentials: 'same-origin' }),
  ) {}

  pointer(): Promise<RegionPointer> {
    return (this.#pointer ??= this.#json('regions.json').then(parsePointer));
  }

  table(): Promise<RegionTable> {
    return (this.#table ??= this.pointer()
      .then((p) => this.#json(p.table))
      .then((value) => (this.loadedTable = decodeTable(value))));
  }

  /** The lookup with no block loaded yet: ask `lookupFor` for the blocks some points need. */
  lookup(): Promise<RegionLookup> {
    return (this.#lookup ??= this.pointer().then((p) => {
      const present = new Uint8Array(36 * 18);
      for (const b of p.blocks) present[b] = 1;
      const lookup: RegionLookup = {
        key: p.key,
        admin1Country: Uint16Array.from(p.admin1Country),
        present,
        blocks: new Map(),
      };
      return (this.loadedLookup = lookup);
    }));
  }

  /** The lookup with every block loaded that the located rows fall in (a few for one war, all for the world). */
  async lookupFor(columns: {
    lat: Float64Array;
    lon: Float64Array;
    locationPrecision: Uint8Array;
  }): Promise<RegionLookup> {
    const [pointer, lookup] = await Promise.all([this.pointer(), this.lookup()]);
    const needed = blocksNeeded(lookup, columns.lat, columns.lon, columns.locationPrecision);
    await Promise.all(
      needed.map((b) => {
        let p = this.#blocks.get(b);
        if (!p) {
          const path = `${pointer.lookup}${blockFile(b)}`;
          p = this.#bytes(path).then((buffer) => {
            lookup.blocks.set(b, decodeBlock(buffer, b, lookup.admin1Country.length));
          });
          // A failed block is asked for again next time, not remembered as a failure.
          p.catch(() => this.#blocks.delete(b));
          this.#blocks.set(b, p);
        }
        return p;
      }),
    );
    return lookup;
  }

  /**
   * One shapes file of a level (model/region-format.ts ShapesFile): `world`, every region
   * simplified for views below the pointer's fineFrom, or a country's index, its fine shapes. Each
   * is fetched once and kept (all of them decode to ~3 MB); a failure is asked for again next time.
   */
  shapePart(level: RegionLevel, part: 'world' | number): Promise<ShapesPart> {
    return Promise.all([this.pointer(), this.table()]).then(([pointer, table]) => {
      const country = part === 'world' ? null : table.countries[part];
      if (part !== 'world' && !country) throw new Error(`no country ${part} in the region table`);
      const world = level === 'country' ? pointer.shapes.countries.world : pointer.shapes.admin1.world;
      const path = country ? fineShapesPath(pointer.shapes, level, country.id) : world;
      if (!path) throw new Error(`no shapes file for ${country?.id}`);
      const expect = !country
        ? { first: 0, count: level === 'country' ? table.countries.length : table.admin1.length }
        : level === 'country'
          ? { first: country.index, count: 1 }
          : { first: country.admin1[0] ?? 0, count: country.admin1.length };
      let p = this.#shapes.get(path);
      if (!p) {
        p = this.#json(path).then((value) => decodeShapes(value, level, expect));
        p.catch(() => this.#shapes.delete(path));
        this.#shapes.set(path, p);
      }
      return p;
    });
  }

  /** The admin-1 regions' label points and boxes (the choropleth's); a failure is asked for again next time. */
  places(): Promise<RegionPlaces> {
    if (!this.#places) {
      const p = Promise.all([this.pointer(), this.table()]).then(async ([pointer, table]) =>
        decodePlaces(await this.#json(pointer.shapes.places), table.admin1.length),
      );
      p.catch(() => {
        if (this.#places === p) this.#places = null;
      });
      this.#places = p;
    }
    return this.#places;
  }

  /** Names in one language the table lists; refused for one it does not. */
  names(language: string): Promise<RegionNames> {
    let p = this.#names.get(language);
    if (!p) {
      p = Promise.all([this.pointer(), this.table()]).then(async ([pointer, table]) => {
        if (!table.languages.includes(language)) throw new Error(`no region names in "${language}"`);
        return decodeNames(await this.#json(`${pointer.names}${language}.json.gz`), table);
      });
      this.#names.set(language, p);
    }
    return p;
  }

  async #bytes(path: string): Promise<ArrayBuffer> {
    const bytes = await assetBytes(await this.fetcher(new URL(path, this.root).href), path, MAX_ASSET_BYTES);
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }

  async #json(path: string): Promise<unknown> {
    return JSON.parse(new TextDecoder().decode(await this.#bytes(path))) as unknown;
  }
}

let injected: RegionAssets | null | undefined;

/**
 * The page's one set of region assets (at regionRoot()), or null where there are none; a test
 * hands in its own with useRegionAssets.
 */
export function regionAssets(): RegionAssets | null {
  if (injected !== undefined) return injected;
  const root = regionRoot();
  return root ? regionAssetsAt(root) : null;
}

/** Replaces the page's region assets (a test's fixture; null: none; undefined: back to regionRoot()). */
export function useRegionAssets(assets: RegionAssets | null | undefined): void {
  injected = assets;
}

const byRoot = new Map<string, RegionAssets>();

/** The assets at an absolute root (the load worker is told the page's). */
export function regionAssetsAt(root: string): RegionAssets {
  let assets = byRoot.get(root);
  if (!assets) byRoot.set(root, (assets = new RegionAssets(root)));
  return assets;
}
