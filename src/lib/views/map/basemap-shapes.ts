/**
 * Natural Earth (world-atlas TopoJSON) to the tile painter's packed shapes: land rings and the
 * mesh of coastlines and borders, fixed at the antimeridian and projected. The heavy step of a
 * basemap detail (the 1:50m set has ≈80k points), so it runs in basemap-worker.ts; pure, so the
 * page can run it in place where no worker starts.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fixLines, fixPolygons } from './antimeridian';
import { packShapes, type ShapeSet } from './world-shapes';

export type Atlas = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

export interface WorldShapes {
  /** Every polygon ring, holes included: filled even-odd. */
  land: ShapeSet;
  lines: ShapeSet;
}

export function atlasShapes(atlas: Atlas): WorldShapes {
  const countries = atlas.objects.countries;
  const rings: (readonly (readonly number[])[])[] = [];
  for (const f of feature(atlas, countries).features) {
    const g = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    for (const polygon of fixPolygons(g).coordinates) rings.push(...polygon);
  }
  return { land: packShapes(rings), lines: packShapes(fixLines(mesh(atlas, countries)).coordinates) };
}

/** The buffers to transfer from a worker. */
export function shapeBuffers(shapes: WorldShapes): ArrayBuffer[] {
  return [shapes.land, shapes.lines].flatMap(
    (s) => [s.points.buffer, s.starts.buffer, s.boxes.buffer] as ArrayBuffer[],
  );
}
