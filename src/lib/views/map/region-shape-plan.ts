/**
 * Which shapes files a choropleth view needs (model/region-format.ts ShapesPointer): below the
 * pointer's fineFrom zoom the one world file of the level, from it the fine file of each country
 * that has a region to fill in view. Pure: the layer asks with the regions it fills, the build's
 * report (scripts/build-basemap.ts) with every region in a view, to measure the worst case.
 */
import type { RegionLevel, RegionPlaces, RegionTable } from '../../model/regions';
import { mercatorX, mercatorY } from './projection';

/** A part of a level's shapes: the world file, or one country's (its index in the table). */
export type ShapePart = 'world' | number;

/** A box in normalised Mercator (0 … 1 across the world, y down). */
export interface MercatorBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether a view at `zoom` draws the fine files. */
export function drawsFine(zoom: number, fineFrom: number): boolean {
  return zoom >= fineFrom;
}

/**
 * The parts a view needs: `regions` are the indexes (of `level` in the table) it fills, i.e. the
 * regions with events whose boxes meet the view. Countries in table order.
 */
export function shapePartsFor(
  zoom: number,
  fineFrom: number,
  level: RegionLevel,
  regions: Iterable<number>,
  table: RegionTable,
): ShapePart[] {
  if (!drawsFine(zoom, fineFrom)) {
    for (const _ of regions) return ['world'];
    return [];
  }
  const countries = new Set<number>();
  for (const i of regions) {
    const country = level === 'country' ? i : table.admin1[i]?.country;
    if (country !== undefined && country >= 0 && country < table.countries.length) countries.add(country);
  }
  return [...countries].sort((a, b) => a - b);
}

/**
 * A table box [west, south, east, north] in normalised Mercator. One across the antimeridian
 * (west > east) runs on past 1 (x1 = east + 1), so it meets views at either edge of the world, not
 * every view.
 */
export function mercatorBox([west, south, east, north]: readonly [number, number, number, number]): MercatorBox {
  return {
    x0: mercatorX(west),
    x1: mercatorX(east) + (west > east ? 1 : 0),
    y0: mercatorY(north),
    y1: mercatorY(south),
  };
}

/** Whether two boxes meet, either being a world's width (1) east or west of where it is given. */
export function boxesMeet(a: MercatorBox, b: MercatorBox): boolean {
  if (a.y1 < b.y0 || a.y0 > b.y1) return false;
  for (const shift of [0, -1, 1]) if (a.x1 + shift >= b.x0 && a.x0 + shift <= b.x1) return true;
  return false;
}

/** Whether a box holds a point (normalised Mercator), likewise a world's width either way. */
export function boxHolds(b: MercatorBox, x: number, y: number): boolean {
  return boxesMeet(b, { x0: x, x1: x, y0: y, y1: y });
}

/**
 * The boxes a region is culled and hit by: an admin-1 region's own; a country's, its admin-1
 * regions' (France's box spans the Atlantic and the Indian Ocean, its regions' do not).
 */
export function regionBoxes(table: RegionTable, level: RegionLevel, places: RegionPlaces): MercatorBox[][] {
  const b = places.bbox;
  const admin1 = table.admin1.map((_, i) => mercatorBox([b[4 * i]!, b[4 * i + 1]!, b[4 * i + 2]!, b[4 * i + 3]!]));
  if (level === 'admin1') return admin1.map((b) => [b]);
  return table.countries.map((c) => (c.admin1.length ? c.admin1.map((i) => admin1[i]!) : [mercatorBox(c.bbox)]));
}

/** Whether any of a region's boxes meets a view. */
export function anyMeets(boxes: readonly MercatorBox[], view: MercatorBox): boolean {
  for (const b of boxes) if (boxesMeet(b, view)) return true;
  return false;
}
