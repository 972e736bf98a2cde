/**
 * Web Mercator maths for the map, free of Leaflet so it can be unit-tested. Coordinates are
 * "normalised": x and y run 0..1 across the world (x = 0 at lon -180, y = 0 at the north edge).
 * At zoom z a normalised point sits at world pixel (x, y) * 256 * 2^z, the same pixel grid as
 * Leaflet's EPSG:3857 CRS, so the marker canvas and the basemap line up exactly.
 */

import { MAX_MERCATOR_LATITUDE, mercatorLatitude } from '../../model/mercator';

/** Where the square Mercator world ends; the in-view filter clamps to the same edge (model/mercator.ts). */
export const MAX_LATITUDE = MAX_MERCATOR_LATITUDE;

export interface Projected {
  /** Normalised x per row; NaN when the row has no location. */
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** A geographic box in degrees. */
export interface Extent {
  south: number;
  west: number;
  north: number;
  east: number;
}

export function worldSize(zoom: number): number {
  return 256 * 2 ** zoom;
}

export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
  const sin = Math.sin((mercatorLatitude(lat) * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

export function longitudeOf(x: number): number {
  return x * 360 - 180;
}

export function latitudeOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** Once per dataset: every later redraw only multiplies by the world size. */
export function projectColumns(lat: Float64Array, lon: Float64Array): Projected {
  const n = lat.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const la = lat[i]!;
    const lo = lon[i]!;
    if (Number.isNaN(la) || Number.isNaN(lo)) {
      x[i] = NaN;
      y[i] = NaN;
    } else {
      x[i] = mercatorX(lo);
      y[i] = mercatorY(la);
    }
  }
  return { x, y };
}

/** The box around the located rows (null: every row), or null when none has a location. */
export function extentOf(lat: Float64Array, lon: Float64Array, rows: ArrayLike<number> | null): Extent | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  const n = rows ? rows.length : lat.length;
  for (let i = 0; i < n; i++) {
    const row = rows ? rows[i]! : i;
    const la = lat[row]!;
    const lo = lon[row]!;
    if (Number.isNaN(la) || Number.isNaN(lo)) continue;
    if (la < south) south = la;
    if (la > north) north = la;
    if (lo < west) west = lo;
    if (lo > east) east = lo;
  }
  return south === Infinity ? null : { south, west, north, east };
}

function wrapLongitude(lon: number): number {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  // Keep the east edge at +180 rather than folding it onto -180.
  return wrapped === -180 && lon > 0 ? 180 : wrapped;
}

/**
 * The view's bounds as the filters expect them: latitudes clamped, longitudes in -180..180
 * (west > east means the view crosses the antimeridian), the whole world when it spans 360°.
 */
export function normaliseExtent(box: Extent): Extent {
  const south = Math.max(-90, box.south);
  const north = Math.min(90, box.north);
  if (box.east - box.west >= 360) return { south, west: -180, north, east: 180 };
  return { south, west: wrapLongitude(box.west), north, east: wrapLongitude(box.east) };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
