/**
 * The bundled names and region borders, fetched by tile as views need them (basemap-format.ts
 * describes the files). A view asks what is loaded for a box and gets it at once; what is missing
 * is requested, and `onload` says when it has arrived. The first file that fails to load turns
 * the whole layer off (the map keeps its countries) and `onfail` says so, once.
 */
import {
  decodeLabels,
  decodeLines,
  levelFor,
  LEVELS,
  linesLevelFor,
  parseManifest,
  refBox,
  tilePath,
  tilesFor,
  type AssetKind,
  type LabelEntry,
  type Manifest,
  type TileRef,
} from './basemap-format';
import type { ShapeSet } from './world-shapes';
import { assetJson } from '../../io/asset-bytes';

/** A loaded labels tile: its key (for the layout's bookkeeping) and its names. */
export interface LabelTileData {
  key: string;
  entries: LabelEntry[];
}

/** Tiles kept per kind; a view needs a few dozen at most. */
const KEEP = 160;

export class BasemapAssets {
  #manifest: Manifest | null = null;
  #manifestRequested = false;
  #failed = false;
  readonly #lines = new Map<string, ShapeSet>();
  readonly #labels = new Map<string, LabelTileData>();
  readonly #pending = new Set<string>();
  /** Called when a requested file arrives: its kind and box (world units; null for the manifest). */
  onload: ((kind: AssetKind, box: readonly number[] | null) => void) | null = null;
  /** Called once, with why, when a file fails: the layer is off from then on. */
  onfail: ((error: unknown) => void) | null = null;

  constructor(
    /** The folder of manifest.json, ending in '/' (resolved against the page). */
    private readonly root: string,
    private readonly fetcher: (url: string) => Promise<unknown> = fetchJson,
  ) {}

  get failed(): boolean {
    return this.#failed;
  }

  /** The region borders to draw over a box (world units) at a zoom: those loaded; the rest requested. */
  lines(zoom: number, box: readonly number[]): ShapeSet[] {
    const level = linesLevelFor(zoom);
    const manifest = this.#ready();
    if (level < 0 || !manifest) return [];
    const out: ShapeSet[] = [];
    for (const ref of tilesFor(level, manifest.levels[level]!.lines, box)) {
      const key = tilePath(ref, 'lines');
      const set = this.#lines.get(key);
      if (set) out.push(touch(this.#lines, key, set));
      else this.#request(ref, 'lines');
    }
    return out;
  }

  /**
   * The label tiles of every level a zoom shows that meet a box: those loaded, and whether all
   * were (the layout waits for a view's whole set, so that priorities hold across tiles).
   */
  labels(zoom: number, box: readonly number[]): { tiles: LabelTileData[]; complete: boolean } {
    const manifest = this.#ready();
    if (!manifest) return { tiles: [], complete: this.#failed };
    const tiles: LabelTileData[] = [];
    let complete = true;
    for (let level = 0; level <= levelFor(zoom); level++) {
      for (const ref of tilesFor(level, manifest.levels[level]!.labels, box)) {
        const key = tilePath(ref, 'labels');
        const tile = this.#labels.get(key);
        if (tile) tiles.push(touch(this.#labels, key, tile));
        else {
          complete = false;
          this.#request(ref, 'labels');
        }
      }
    }
    return { tiles, complete: complete || this.#failed };
  }

  #ready(): Manifest | null {
    if (this.#failed) return null;
    if (this.#manifest) return this.#manifest;
    if (!this.#manifestRequested) {
      this.#manifestRequested = true;
      this.fetcher(`${this.root}manifest.json`).then(
        (value) => {
          try {
            this.#manifest = parseManifest(value);
          } catch (error) {
            this.#fail(error);
            return;
          }
          this.onload?.('lines', null);
          this.onload?.('labels', null);
        },
        (error: unknown) => this.#fail(error),
      );
    }
    return null;
  }

  #request(ref: TileRef, kind: AssetKind): void {
    const path = tilePath(ref, kind);
    if (this.#pending.has(path) || this.#failed) return;
    this.#pending.add(path);
    const { q } = LEVELS[ref.level]!.lines ?? { q: 0 };
    this.fetcher(`${this.root}${this.#manifest!.base}${path}`).then(
      (value) => {
        this.#pending.delete(path);
        if (this.#failed) return;
        if (kind === 'lines') {
          const lines = (value as { lines?: unknown } | null)?.lines;
          keep(this.#lines, path, decodeLines(lines, q));
        } else keep(this.#labels, path, { key: path, entries: decodeLabels(value) });
        this.onload?.(kind, refBox(ref));
      },
      (error: unknown) => {
        this.#pending.delete(path);
        this.#fail(error);
      },
    );
  }

  #fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#lines.clear();
    this.#labels.clear();
    this.onfail?.(error);
  }
}

/** No tile or manifest unpacks to more than this (the largest tile is ~250 KB). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

async function fetchJson(url: string): Promise<unknown> {
  return assetJson(await fetch(url), url, MAX_FILE_BYTES);
}

/** Marks an entry as just used (a Map keeps insertion order: the first is the least recent). */
function touch<T>(map: Map<string, T>, key: string, value: T): T {
  map.delete(key);
  map.set(key, value);
  return value;
}

function keep<T>(map: Map<string, T>, key: string, value: T): void {
  touch(map, key, value);
  while (map.size > KEEP) map.delete(map.keys().next().value!);
}
