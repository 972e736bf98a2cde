/**
 * Web Mercator's square world ends at this latitude (Leaflet's SphericalMercator.MAX_LATITUDE,
 * a hair inside the edge Leaflet computes, so a view at the edge includes it). The map cannot
 * show anything beyond it: an event nearer a pole is drawn at the edge, and the "only events in
 * the map view" filter counts it there, so what is drawn in view is counted in view.
 */
export const MAX_MERCATOR_LATITUDE = 85.0511287798;

/** A latitude as the map places it: beyond the Mercator edge, at the edge. NaN stays NaN. */
export function mercatorLatitude(lat: number): number {
  return lat > MAX_MERCATOR_LATITUDE
    ? MAX_MERCATOR_LATITUDE
    : lat < -MAX_MERCATOR_LATITUDE
      ? -MAX_MERCATOR_LATITUDE
      : lat;
}
