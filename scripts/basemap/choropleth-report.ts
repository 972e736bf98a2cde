/**
 * What a choropleth view loads at most, per zoom (issue #23: ~500 KB of basemap data per view):
 * the drawn basemap's tiles it needs, plus the region table, the admin-1 places and the shapes files
 * (views/map/region-shape-plan.ts) the Regions or Countries mode needs there, as if every region
 * had events (a world-wide dataset: the worst case). Read from the built folder, so it measures
 * the files as written, raw and gzipped (a file gzipped on disk is unpacked to count its raw size).
 * Views are centred on every country's box (its centre and corners) and every admin-1 label point.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodePlaces, decodeTable, parsePointer } from '../../src/lib/model/region-format.ts';
import type { RegionLevel } from '../../src/lib/model/regions.ts';
import {
  DEEPEST_ZOOM,
  levelFor,
  LEVELS,
  linesLevelFor,
  tilePath,
  tilesFor,
  type AssetKind,
  type Manifest,
} from '../../src/lib/views/map/basemap-format.ts';
import { latitudeOf, longitudeOf, mercatorX, mercatorY } from '../../src/lib/views/map/projection.ts';
import {
  anyMeets,
  boxesMeet,
  mercatorBox,
  regionBoxes,
  shapePartsFor,
  type MercatorBox,
} from '../../src/lib/views/map/region-shape-plan.ts';
import { fineShapesPath } from '../../src/lib/model/region-format.ts';

export interface ChoroplethWorst {
  zoom: number;
  mode: 'regions' | 'countries';
  /** gzip bytes: the total and its parts; raw: the total unpacked. */
  gzip: number;
  tiles: number;
  shapes: number;
  table: number;
  places: number;
  raw: number;
  files: number;
  at: string;
}

interface Sized {
  raw: number;
  gzip: number;
}

export function choroplethReport(
  out: string,
  manifest: Manifest,
  view: { width: number; height: number },
): ChoroplethWorst[] {
  const cache = new Map<string, Sized>();
  const size = (path: string): Sized => {
    let s = cache.get(path);
    if (!s) {
      const bytes = readFileSync(join(out, path));
      const zipped = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
      s = zipped
        ? { raw: gunzipSync(bytes).length, gzip: bytes.length }
        : { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      cache.set(path, s);
    }
    return s;
  };
  const json = (path: string): unknown => {
    const bytes = readFileSync(join(out, path));
    return JSON.parse((bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8')) as unknown;
  };
  const pointer = parsePointer(json('regions.json'));
  const table = decodeTable(json(pointer.table));
  const places = decodePlaces(json(pointer.shapes.places), table.admin1.length);
  const tableSize = size(pointer.table);
  const placesSize = size(pointer.shapes.places);
  const countryBoxes = table.countries.map((c) => mercatorBox(c.bbox));
  const admin1Boxes = regionBoxes(table, 'admin1', places);
  const countryParts = regionBoxes(table, 'country', places);
  // Where views are centred (normalised Mercator).
  const centres: [number, number][] = [];
  for (const b of countryBoxes)
    for (const [x, y] of [
      [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2],
      [b.x0, b.y0],
      [b.x1, b.y0],
      [b.x0, b.y1],
      [b.x1, b.y1],
    ] as const)
      centres.push([x, y]);
  for (let i = 0; i < table.admin1.length; i++)
    centres.push([mercatorX(places.label[2 * i]!), mercatorY(places.label[2 * i + 1]!)]);

  const inView = (level: RegionLevel, box: MercatorBox): number[] => {
    const found: number[] = [];
    countryBoxes.forEach((cb, c) => {
      // As the layer culls (choropleth-layer.ts): a country by its regions' boxes.
      if (!boxesMeet(cb, box)) return;
      if (level === 'country') {
        if (anyMeets(countryParts[c]!, box)) found.push(c);
      } else for (const i of table.countries[c]!.admin1) if (anyMeets(admin1Boxes[i]!, box)) found.push(i);
    });
    return found;
  };
  const partPath = (level: RegionLevel, part: 'world' | number): string =>
    part === 'world'
      ? level === 'country'
        ? pointer.shapes.countries.world
        : pointer.shapes.admin1.world
      : fineShapesPath(pointer.shapes, level, table.countries[part]!.id)!;

  const rows: ChoroplethWorst[] = [];
  for (let zoom = 0; zoom <= DEEPEST_ZOOM; zoom++) {
    const world = 256 * 2 ** zoom;
    const level = levelFor(zoom);
    const linesLevel = linesLevelFor(zoom);
    const wanted: [number, AssetKind][] = [...LEVELS.keys()]
      .filter((l) => l <= level)
      .map((l) => [l, 'labels'] as [number, AssetKind]);
    if (linesLevel >= 0) wanted.push([linesLevel, 'lines']);
    for (const [mode, regionLevel] of [
      ['regions', 'admin1'],
      ['countries', 'country'],
    ] as const) {
      let worst: ChoroplethWorst | null = null;
      for (const [cx, cy] of centres) {
        const left = Math.max(0, Math.min(world - view.width, cx * world - view.width / 2));
        const top = Math.max(0, Math.min(world - view.height, cy * world - view.height / 2));
        const box: MercatorBox = {
          x0: left / world,
          y0: top / world,
          x1: Math.min(1, (left + view.width) / world),
          y1: Math.min(1, (top + view.height) / world),
        };
        const tiles = { raw: 0, gzip: 0, files: 0 };
        for (const [l, kind] of wanted)
          for (const ref of tilesFor(l, manifest.levels[l]![kind], [
            box.x0 * 256,
            box.y0 * 256,
            box.x1 * 256,
            box.y1 * 256,
          ])) {
            const s = size(manifest.base + tilePath(ref, kind));
            tiles.raw += s.raw;
            tiles.gzip += s.gzip;
            tiles.files++;
          }
        const parts = shapePartsFor(zoom, pointer.shapes.fineFrom, regionLevel, inView(regionLevel, box), table);
        const shapes = { raw: 0, gzip: 0 };
        for (const part of parts) {
          const s = size(partPath(regionLevel, part));
          shapes.raw += s.raw;
          shapes.gzip += s.gzip;
        }
        const gzip = tiles.gzip + shapes.gzip + tableSize.gzip + placesSize.gzip;
        if (!worst || gzip > worst.gzip)
          worst = {
            zoom,
            mode,
            gzip,
            tiles: tiles.gzip,
            shapes: shapes.gzip,
            table: tableSize.gzip,
            places: placesSize.gzip,
            raw: tiles.raw + shapes.raw + tableSize.raw + placesSize.raw,
            files: tiles.files + parts.length + 2,
            at: `${longitudeOf(Math.min(1, (left + view.width / 2) / world)).toFixed(1)}E ${latitudeOf(Math.min(1, (top + view.height / 2) / world)).toFixed(1)}N`,
          };
      }
      if (worst) rows.push(worst);
    }
  }
  return rows;
}
