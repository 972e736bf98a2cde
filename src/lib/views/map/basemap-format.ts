/**
 * The bundled basemap's assets (built by scripts/build-basemap.ts, loaded by basemap-assets.ts):
 * first-level regions' borders and the names of countries, regions and places, cut into zoom
 * bands ("levels") and, within a band, into square asset tiles, so a view fetches only what it
 * shows. Pure: the build script and the page share these rules, and the unit tests hold them.
 *
 *   basemap/manifest.json                              which tiles exist, per level and kind
 *   basemap/<base>/<level>/<z>-<x>-<y>.lines.json      region borders of that band, simplified for it
 *   basemap/<base>/<level>/<z>-<x>-<y>.labels.json     names first shown in that band
 *
 * Tiles are a quadtree: a tile holding more than SPLIT_BYTES is split in four, down to the level's
 * deepest grid, so the sea and the desert take one file and a dense province several small ones.
 * Coordinates are integers in world pixels at a fixed zoom (the world is 256 · 2^q wide), lines
 * delta-encoded: [x0, y0, dx1, dy1, …].
 */
import { TILE_SIZE, type ShapeSet } from './world-shapes';

export const FORMAT_VERSION = 1;

export interface Level {
  /** The first map zoom the level serves (up to the next level's). */
  from: number;
  /** Tiles are split no deeper than this zoom's map tiles: 512 px wide at `from`. */
  maxGrid: number;
  /**
   * Region borders, simplified to 0.6 px at zoom `at`, coordinates in world pixels at zoom `q`
   * (half a pixel at `at`); null: the level has none and the map draws the last level's.
   */
  lines: { at: number; q: number } | null;
}

/**
 * Zoom bands. Level 0 has no region borders: at world scale they would be noise. Level 3's borders
 * serve every deeper zoom: Natural Earth's 1:10m lines are no more precise than a pixel at zoom 10.
 */
export const LEVELS: readonly Level[] = [
  { from: 0, maxGrid: 1, lines: null },
  { from: 4, maxGrid: 3, lines: { at: 5, q: 6 } },
  { from: 6, maxGrid: 5, lines: { at: 7, q: 8 } },
  { from: 8, maxGrid: 7, lines: { at: 10, q: 11 } },
  { from: 10, maxGrid: 9, lines: null },
];

/** A tile holding more is split in four (unless at its level's deepest grid). */
export const SPLIT_BYTES = 32_000;

/** The deepest zoom the offline map offers (leaflet-adapter.ts). */
export const DEEPEST_ZOOM = 12;

/** Label anchors are world pixels at this zoom (a quarter pixel at the deepest zoom). */
export const LABEL_Q = 14;

/** The level that serves a map zoom (zooms are fractional: 5.75 is still level 1). */
export function levelFor(zoom: number): number {
  let level = 0;
  for (let i = 1; i < LEVELS.length; i++) if (zoom >= LEVELS[i]!.from - 1e-9) level = i;
  return level;
}

/** The level whose region borders a map zoom draws; -1 for none. */
export function linesLevelFor(zoom: number): number {
  for (let level = levelFor(zoom); level >= 0; level--) if (LEVELS[level]!.lines) return level;
  return -1;
}

export type AssetKind = 'lines' | 'labels';

/** An asset tile: a map tile's square (z, x, y) within a level. */
export interface TileRef {
  level: number;
  z: number;
  x: number;
  y: number;
}

/** A tile's box in world units (the world is 256 wide at zoom 0). */
export function refBox(ref: Pick<TileRef, 'z' | 'x' | 'y'>): [number, number, number, number] {
  const size = TILE_SIZE / 2 ** ref.z;
  return [ref.x * size, ref.y * size, (ref.x + 1) * size, (ref.y + 1) * size];
}

/**
 * The tiles of a level and kind that meet a box in world units; `tiles` is the manifest's list
 * for them ([z, x, y] flattened). Tiles do not overlap, and a missing tile holds nothing.
 */
export function tilesFor(level: number, tiles: readonly number[], box: readonly number[]): TileRef[] {
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const out: TileRef[] = [];
  for (let i = 0; i + 2 < tiles.length; i += 3) {
    const ref = { level, z: tiles[i]!, x: tiles[i + 1]!, y: tiles[i + 2]! };
    const [bx0, by0, bx1, by1] = refBox(ref);
    if (bx0 <= x1 && bx1 >= x0 && by0 <= y1 && by1 >= y0) out.push(ref);
  }
  return out;
}

/** A tile's file under the manifest's base: gzipped on disk (io/asset-bytes.ts says why). */
export function tilePath(ref: TileRef, kind: AssetKind): string {
  return `${ref.level}/${ref.z}-${ref.x}-${ref.y}.${kind}.json.gz`;
}

/** What basemap/manifest.json holds. */
export interface Manifest {
  version: number;
  /** Folder of the tiles, relative to the manifest: changes whenever the data does. */
  base: string;
  /** Per level and kind: the tiles that exist, [z, x, y] flattened. */
  levels: Record<AssetKind, number[]>[];
}

/** Checks a manifest's shape: a damaged or foreign file is refused, never half-used. */
export function parseManifest(value: unknown): Manifest {
  const fail = (why: string): never => {
    throw new Error(`basemap manifest: ${why}`);
  };
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const m = value as Record<string, unknown>;
  if (m['version'] !== FORMAT_VERSION) fail(`version ${String(m['version'])}, expected ${FORMAT_VERSION}`);
  const base = m['base'];
  if (typeof base !== 'string' || !/^[\w-]{1,64}\/$/.test(base)) fail('bad base folder');
  const levels = m['levels'];
  if (!Array.isArray(levels) || levels.length !== LEVELS.length) return fail('bad levels');
  const list = (v: unknown, maxGrid: number): number[] => {
    if (!Array.isArray(v) || v.length % 3 !== 0) return fail('tile list is not a list of [z, x, y]');
    for (let i = 0; i < v.length; i += 3) {
      const [z, x, y] = v.slice(i, i + 3) as unknown[];
      if (!Number.isInteger(z) || (z as number) < 0 || (z as number) > maxGrid) fail('bad tile zoom');
      const n = 2 ** (z as number);
      for (const c of [x, y]) if (!Number.isInteger(c) || (c as number) < 0 || (c as number) >= n) fail('bad tile');
    }
    return v as number[];
  };
  return {
    version: FORMAT_VERSION,
    base: base as string,
    levels: levels.map((l: unknown, i) => {
      if (typeof l !== 'object' || l === null) return fail('bad level');
      const entry = l as Record<string, unknown>;
      return { lines: list(entry['lines'], LEVELS[i]!.maxGrid), labels: list(entry['labels'], LEVELS[i]!.maxGrid) };
    }),
  };
}

/** Delta-encodes a line of integer points [[x, y], …]. */
export function encodeLine(points: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const [x, y] of points) {
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

/** A lines tile's encoded lines → the tile painter's shapes, in world units. Damaged lines are skipped. */
export function decodeLines(lines: unknown, q: number): ShapeSet {
  const kept: number[][] = [];
  if (Array.isArray(lines)) {
    for (const line of lines) {
      if (!Array.isArray(line) || line.length < 4 || line.length % 2 !== 0) continue;
      if (line.every((v) => Number.isInteger(v))) kept.push(line as number[]);
    }
  }
  const starts = new Uint32Array(kept.length + 1);
  kept.forEach((line, i) => (starts[i + 1] = starts[i]! + line.length / 2));
  const points = new Float32Array(starts[kept.length]! * 2);
  const boxes = new Float32Array(kept.length * 4);
  const unit = 1 / 2 ** q;
  kept.forEach((line, i) => {
    let x = 0;
    let y = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < line.length; k += 2) {
      x += line[k]!;
      y += line[k + 1]!;
      const wx = x * unit;
      const wy = y * unit;
      points[2 * starts[i]! + k] = wx;
      points[2 * starts[i]! + k + 1] = wy;
      minX = Math.min(minX, wx);
      minY = Math.min(minY, wy);
      maxX = Math.max(maxX, wx);
      maxY = Math.max(maxY, wy);
    }
    boxes.set([minX, minY, maxX, maxY], 4 * i);
  });
  return { points, starts, boxes };
}

/** Label kinds, from the most prominent style to the least. */
export const LabelKind = { Country: 0, Region: 1, Capital: 2, City: 3, Town: 4 } as const;
export type LabelKind = (typeof LabelKind)[keyof typeof LabelKind];

/** A name on the map, as the page uses it. */
export interface LabelEntry {
  kind: LabelKind;
  /** Shown from this map zoom on. */
  minZoom: number;
  /** Within a zoom and kind, larger first: 10 · log2(1 + population) for places, of the area (km²) for countries and regions. */
  weight: number;
  /** Anchor in world units (the world is 256 wide at zoom 0). */
  x: number;
  y: number;
  name: string;
}

/**
 * A labels tile as stored, one column per field: anchors in world pixels at LABEL_Q, relative to
 * the tile's corner (x0, y0); first zooms in quarter levels (×4).
 */
export interface LabelTile {
  x0: number;
  y0: number;
  kind: number[];
  zoom: number[];
  weight: number[];
  x: number[];
  y: number[];
  name: string[];
}

/** The stored weight: orders labels, compactly. */
export function weightOf(value: number): number {
  return Math.round(10 * Math.log2(1 + Math.max(0, value)));
}

/** Longest name kept; longer ones are cut (our data has none, but a damaged file might). */
export const MAX_NAME = 60;

/** A labels tile → entries; a damaged tile gives none, a damaged record is skipped. */
export function decodeLabels(value: unknown): LabelEntry[] {
  const out: LabelEntry[] = [];
  if (typeof value !== 'object' || value === null) return out;
  const t = value as Partial<Record<keyof LabelTile, unknown>>;
  const { x0, y0, kind, zoom, weight, x, y, name } = t;
  const columns = [kind, zoom, weight, x, y, name];
  if (!Number.isInteger(x0) || !Number.isInteger(y0) || !columns.every(Array.isArray)) return out;
  const n = (kind as unknown[]).length;
  if (!columns.every((c) => (c as unknown[]).length === n)) return out;
  const unit = 1 / 2 ** LABEL_Q;
  for (let i = 0; i < n; i++) {
    const k = (kind as unknown[])[i];
    const z = (zoom as unknown[])[i];
    const w = (weight as unknown[])[i];
    const px = (x as unknown[])[i];
    const py = (y as unknown[])[i];
    const label = (name as unknown[])[i];
    if (
      !Number.isInteger(k) ||
      (k as number) < 0 ||
      (k as number) > 4 ||
      !Number.isInteger(z) ||
      typeof w !== 'number' ||
      !Number.isInteger(px) ||
      !Number.isInteger(py) ||
      typeof label !== 'string' ||
      label.trim() === ''
    )
      continue;
    out.push({
      kind: k as LabelKind,
      minZoom: (z as number) / 4,
      weight: w,
      x: ((x0 as number) + (px as number)) * unit,
      y: ((y0 as number) + (py as number)) * unit,
      name: label.slice(0, MAX_NAME),
    });
  }
  return out;
}
