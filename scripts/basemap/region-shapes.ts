/**
 * The choropleths' drawn shapes (model/region-format.ts ShapesPointer), split so that a view
 * loads only what it draws (issue #23: ~500 KB of basemap data per view at most):
 *
 *   r<key>/regions/shapes/countries.json.gz        every country, simplified for zooms below FINE_FROM
 *   r<key>/regions/shapes/admin1.json.gz           every admin-1 region, likewise
 *   r<key>/regions/shapes/countries/<id>.json.gz   one country's outline at ~0.02° (a pixel at zoom 6)
 *   r<key>/regions/shapes/admin1/<id>.json.gz      one country's admin-1 regions at ~0.02°
 *   r<key>/regions/shapes/admin1-places.json.gz    every admin-1 region's label point and box (culling, hit tests)
 *
 * The world files are simplified in Mercator pixels (a pixel at zoom 4 is 0.09° at the equator and
 * 0.04° at 60°N, where degrees would be too coarse), and drop every islet under a pixel but a
 * region's largest ring, so each region still shows. Both come from the same topology as the
 * lookup, so neighbours meet along one line at either detail.
 */
import type { Position } from 'geojson';
import {
  fineShapesPath,
  REGION_FORMAT_VERSION,
  type PlacesFile,
  type ShapesFile,
  type ShapesPointer,
} from '../../src/lib/model/region-format.ts';
import type { RegionLevel } from '../../src/lib/model/regions.ts';
import { mercatorX, mercatorY } from '../../src/lib/views/map/projection.ts';
import { simplify, type Point } from './simplify.ts';

/** The zoom from which the per-country files are drawn: below it, 0.02° is finer than a pixel. */
export const FINE_FROM = 5;
/** The world files' tolerance: a pixel at the zoom below FINE_FROM. */
const WORLD_TOLERANCE_PX = 1;
const WORLD_ZOOM = FINE_FROM - 1;
/** Coordinates in 1/q degree: the world files' 0.05° is ~0.6 px at zoom 4; the fine files' 0.01°. */
const WORLD_Q = 20;
const FINE_Q = 100;

type Poly = Position[][];

/** An arc simplified in Mercator pixels at WORLD_ZOOM (its ends kept, so junctions still meet). */
export function simplifyForWorld(arc: readonly Point[]): Point[] {
  const world = 256 * 2 ** WORLD_ZOOM;
  const projected = arc.map((p): Point => [mercatorX(p[0]) * world, mercatorY(p[1]) * world]);
  const kept = new Set(simplify(projected, WORLD_TOLERANCE_PX));
  const out: Point[] = [];
  projected.forEach((p, i) => {
    if (kept.has(p)) out.push(arc[i]!);
  });
  // simplify drops consecutive repeats by value, keeping the first; the last point is always an end.
  if (out.at(-1) !== arc.at(-1) && arc.length > 0) out.push(arc.at(-1)!);
  return out;
}

export interface ShapeInput {
  key: string;
  /** The folder of the region assets, ending in '/'. */
  dir: string;
  /** Country ids in table order. */
  countryIds: readonly string[];
  /** Per country, its admin-1 indexes (contiguous, in table order). */
  byCountry: readonly (readonly number[])[];
  /** Per admin-1 region and per country, polygons at ~0.02° and simplified for the world files. */
  admin1: { fine: readonly Poly[][]; world: readonly Poly[][] };
  countries: { fine: readonly Poly[][]; world: readonly Poly[][] };
  /** Per admin-1 region: its label point (to 0.001°) and box (to 0.01°, grown outward). */
  admin1Places: readonly { label: readonly [number, number]; bbox: readonly [number, number, number, number] }[];
}

export function buildShapes(input: ShapeInput): { pointer: ShapesPointer; files: Map<string, string> } {
  const dir = `${input.dir}shapes/`;
  const pointer: ShapesPointer = {
    fineFrom: FINE_FROM,
    countries: { world: `${dir}countries.json.gz`, fine: `${dir}countries/` },
    admin1: { world: `${dir}admin1.json.gz`, fine: `${dir}admin1/` },
    places: `${dir}admin1-places.json.gz`,
  };
  const files = new Map<string, string>();
  const file = (level: RegionLevel, q: number, first: number, rings: number[][][]): string => {
    const value: ShapesFile = { version: REGION_FORMAT_VERSION, key: input.key, level, q, first, rings };
    return JSON.stringify(value);
  };
  // A region the harder simplification collapsed (a city, an islet) keeps its fine rings, or when
  // those collapse on the world files' grid too, the grid's cells around them: it still shows.
  const world = (level: { fine: readonly Poly[][]; world: readonly Poly[][] }): number[][][] =>
    level.world.map((polys, i) => {
      const rings = worldRings(polys);
      if (rings.length) return rings;
      const fine = encodeRings(level.fine[i]!, WORLD_Q);
      return fine.length ? fine : cellsAround(level.fine[i]!, WORLD_Q);
    });
  files.set(pointer.countries.world, file('country', WORLD_Q, 0, world(input.countries)));
  files.set(pointer.admin1.world, file('admin1', WORLD_Q, 0, world(input.admin1)));
  const places: PlacesFile = {
    version: REGION_FORMAT_VERSION,
    key: input.key,
    label: [],
    bbox: [],
  };
  // Labels as differences from the region before, boxes from their label: 66 → 45 KB gzip.
  let [px, py] = [0, 0];
  for (const { label, bbox } of input.admin1Places) {
    const [x, y] = [Math.round(label[0] * 1000), Math.round(label[1] * 1000)];
    places.label.push(x - px, y - py);
    [px, py] = [x, y];
    const [bx, by] = [Math.round(x / 10), Math.round(y / 10)];
    bbox.forEach((v, k) => places.bbox.push(Math.round(v * 100) - (k % 2 === 0 ? bx : by)));
  }
  files.set(pointer.places, JSON.stringify(places));
  input.countryIds.forEach((id, c) => {
    const members = input.byCountry[c]!;
    const countryPath = fineShapesPath(pointer, 'country', id);
    const admin1Path = fineShapesPath(pointer, 'admin1', id);
    if (!countryPath || !admin1Path) throw new Error(`country id "${id}" cannot name a file`);
    files.set(countryPath, file('country', FINE_Q, c, [encodeRings(input.countries.fine[c]!, FINE_Q)]));
    members.forEach((m, k) => {
      if (m !== members[0]! + k) throw new Error(`the admin-1 regions of ${id} are not contiguous`);
    });
    files.set(
      admin1Path,
      file(
        'admin1',
        FINE_Q,
        members[0] ?? 0,
        members.map((m) => encodeRings(input.admin1.fine[m]!, FINE_Q)),
      ),
    );
  });
  return { pointer, files };
}

/** A region's rings for a world file: its islets under a pixel at WORLD_ZOOM dropped, its largest ring kept. */
function worldRings(polys: readonly Poly[]): number[][] {
  const world = 256 * 2 ** WORLD_ZOOM;
  const area = (ring: Position[]): number => {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xj, yj] = [mercatorX(ring[j]![0]!) * world, mercatorY(ring[j]![1]!) * world];
      const [xi, yi] = [mercatorX(ring[i]![0]!) * world, mercatorY(ring[i]![1]!) * world];
      a += (xj - xi) * (yj + yi);
    }
    return Math.abs(a / 2);
  };
  let largest = -1;
  let largestArea = -1;
  polys.forEach((poly, k) => {
    const a = area(poly[0]!);
    if (a > largestArea) [largest, largestArea] = [k, a];
  });
  // An islet goes with its holes; a hole under a pixel goes alone.
  const kept = polys
    .filter((poly, k) => k === largest || area(poly[0]!) >= 1)
    .map((poly) => poly.filter((ring, r) => r === 0 || area(ring) >= 1));
  return encodeRings(kept, WORLD_Q);
}

/** One ring: the box of whole 1/q-degree cells around the polygons' outer rings ([] for none). */
function cellsAround(polys: readonly Poly[], q: number): number[][] {
  const xs = polys.flatMap((poly) => (poly[0] ?? []).map((p) => (p[0]! + 180) * q));
  const ys = polys.flatMap((poly) => (poly[0] ?? []).map((p) => (p[1]! + 90) * q));
  if (!xs.length) return [];
  const x0 = Math.floor(Math.min(...xs));
  const y0 = Math.floor(Math.min(...ys));
  const x1 = Math.max(x0 + 1, Math.ceil(Math.max(...xs)));
  const y1 = Math.max(y0 + 1, Math.ceil(Math.max(...ys)));
  return [[x0, y0, x1 - x0, 0, 0, y1 - y0, x0 - x1, 0]];
}

/** Rings as [x0, y0, dx1, dy1, …] in 1/q degree from (-180, -90), open (the drawer closes them). */
function encodeRings(polys: readonly Poly[], q: number): number[][] {
  const out: number[][] = [];
  for (const poly of polys)
    for (const ring of poly) {
      const pts: number[] = [];
      let px = 0;
      let py = 0;
      let lastX = NaN;
      let lastY = NaN;
      const open =
        ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]
          ? ring.slice(0, -1)
          : ring;
      for (const p of open) {
        const x = Math.round((p[0]! + 180) * q);
        const y = Math.round((p[1]! + 90) * q);
        if (x === lastX && y === lastY) continue;
        pts.push(x - px, y - py);
        [px, py, lastX, lastY] = [x, y, x, y];
      }
      if (pts.length >= 6) out.push(pts);
    }
  return out;
}
