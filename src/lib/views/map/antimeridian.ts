/**
 * world-atlas 2 stores spherical geometry for d3-geo: Russia, Fiji or Antarctica simply step
 * from lon 179.9 to -179.9. Leaflet draws that step as a line across the whole world, so the
 * basemap passes through here first. Pure, so it is unit-tested.
 *
 * The approach avoids cutting polygons along the meridian (fiddly with holes): a ring that
 * crosses is "unwrapped" into continuous longitudes (e.g. 170..190) and drawn twice, once as is
 * and once shifted by 360°, so both halves show. A ring around a pole (Antarctica) winds once
 * around the world; it is closed along the pole instead.
 */
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

interface Unwrapped {
  ring: Position[];
  /** Net eastward turns around the world: non-zero only for a ring around a pole. */
  winding: number;
  min: number;
  max: number;
}

/** Rewrites longitudes so consecutive points never differ by more than 180°. */
export function unwrap(points: readonly Position[]): Unwrapped {
  const ring: Position[] = [];
  let prev = NaN;
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    let lon = p[0]!;
    if (!Number.isNaN(prev)) {
      while (lon - prev > 180) lon -= 360;
      while (lon - prev < -180) lon += 360;
    }
    prev = lon;
    if (lon < min) min = lon;
    if (lon > max) max = lon;
    ring.push([lon, p[1]!]);
  }
  const first = ring[0]?.[0] ?? 0;
  return { ring, winding: Math.round((prev - first) / 360), min, max };
}

function shift(ring: readonly Position[], by: number): Position[] {
  return ring.map((p) => [p[0]! + by, p[1]!]);
}

/** Which copy, if any, also has to be drawn for a shape spanning min..max longitude. */
function copyOffset(min: number, max: number): number {
  if (max > 180) return -360;
  if (min < -180) return 360;
  return 0;
}

/** A polygon (outer ring + holes) as one or two polygons that Leaflet draws correctly. */
export function fixPolygon(rings: readonly Position[][]): Position[][][] {
  const [outerRing, ...holeRings] = rings;
  if (!outerRing) return [];
  const outer = unwrap(outerRing);
  if (outer.winding !== 0) {
    // Around a pole: run down to the pole and back along the edge of the map.
    const pole = outer.ring.reduce((s, p) => s + p[1]!, 0) < 0 ? -90 : 90;
    const last = outer.ring[outer.ring.length - 1]!;
    const first = outer.ring[0]!;
    return [[[...outer.ring, [last[0]!, pole], [first[0]!, pole], first]]];
  }
  const centre = (outer.min + outer.max) / 2;
  // Holes move into the outer ring's copy of the world.
  const holes = holeRings.map((h) => {
    const u = unwrap(h);
    return shift(u.ring, 360 * Math.round((centre - (u.min + u.max) / 2) / 360));
  });
  const polygon = [outer.ring, ...holes];
  const offset = copyOffset(outer.min, outer.max);
  return offset === 0 ? [polygon] : [polygon, polygon.map((r) => shift(r, offset))];
}

export function fixPolygons(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return { type: 'MultiPolygon', coordinates: polygons.flatMap(fixPolygon) };
}

/** Lines (coasts, borders) get the same treatment: unwrap, and draw the shifted copy too. */
export function fixLines(geometry: MultiLineString): MultiLineString {
  return {
    type: 'MultiLineString',
    coordinates: geometry.coordinates.flatMap((line) => {
      const u = unwrap(line);
      const offset = copyOffset(u.min, u.max);
      return offset === 0 ? [u.ring] : [u.ring, shift(u.ring, offset)];
    }),
  };
}
