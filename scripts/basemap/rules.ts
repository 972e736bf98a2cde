/**
 * Which names the bundled basemap shows from which zoom: the build's editorial rules, pure so
 * the unit tests can hold them. Places by importance (capitals and large cities first, towns as
 * the map zooms in); countries and regions once they are large enough on screen for a name.
 */

/** GeoNames feature codes not drawn: sections of a city (PPLX) and historical places (PPLH). */
export const SKIPPED_FEATURE_CODES = new Set(['PPLX', 'PPLH']);

/** The zoom from which a place is named, from its population and GeoNames feature code. */
export function placeMinZoom(population: number, featureCode: string): number {
  let zoom =
    population >= 5e6
      ? 3
      : population >= 1e6
        ? 4
        : population >= 3e5
          ? 5
          : population >= 1e5
            ? 6
            : population >= 3e4
              ? 7
              : population >= 1e4
                ? 8
                : population >= 3e3
                  ? 9
                  : 10;
  // A capital is named early whatever its size; a province's seat by the zoom its province is.
  if (featureCode === 'PPLC') zoom = Math.min(zoom, population >= 1e6 ? 3 : 4);
  else if (featureCode === 'PPLA') zoom = Math.min(zoom, 7);
  else if (featureCode === 'PPLA2') zoom = Math.min(zoom, 9);
  return zoom;
}

/** Screen size (px, the side of a square of the same area) from which a region is named. */
export const REGION_NAMED_FROM_PX = 100;
/** The same for a country: its name may spill over its edges, as on printed maps. */
export const COUNTRY_NAMED_FROM_PX = 40;

/**
 * The zoom from which an area is named: when the side of a square of its projected area
 * (`area0`, in world units² at zoom 0, where the world is 256 wide) reaches `px` pixels.
 * Rounded up to a quarter level (the map's zoom step), within [lowest, 12].
 */
export function areaMinZoom(area0: number, px: number, lowest: number): number {
  if (!(area0 > 0)) return 12;
  const zoom = Math.log2(px / Math.sqrt(area0));
  return Math.min(12, Math.max(lowest, Math.ceil(zoom * 4) / 4));
}

/** Signed area of a ring of [x, y] points (shoelace). */
export function ringArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum / 2;
}

/** A name reduced for comparison: no case, no diacritics, no "city", "rayon", "municipality"…. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(city|rayon|municipality|district|province|oblast)\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
