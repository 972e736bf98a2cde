/**
 * A time axis as a straight map from axis ms to px, and back: all the timeline asks of a scale.
 * d3-scale's scaleUtc brought its calendar's label formatter (d3-time-format) into the first load
 * for labels we write ourselves (ticks.ts).
 */
export interface LinearMap {
  (t: number): number;
  invert(px: number): number;
}

export function linearMap(start: number, end: number, width: number): LinearMap {
  const span = end - start;
  // As d3's continuous scales do, an empty domain maps to the middle of the range.
  const map = ((t: number) => (span ? ((t - start) / span) * width : width / 2)) as LinearMap;
  map.invert = (px) => (width ? start + (px / width) * span : start + span / 2);
  return map;
}
