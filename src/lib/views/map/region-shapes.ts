/**
 * Drawable shapes of countries and admin-1 regions, for choropleths: simplified rings in lon/lat,
 * per region index of the region table (model/regions.ts). Loaded once, on first ask, from the
 * region assets beside the basemap (about 0.02° detail: a pixel at zoom 6; the borders drawn at
 * deeper zooms are the basemap's). Rings are filled even-odd: a hole is a ring inside a ring.
 */
import { regionAssets } from '../../io/region-assets';
import type { RegionRings } from '../../model/region-format';
import type { RegionLevel, RegionTable } from '../../model/regions';

export type { RegionRings };

export interface RegionShapes {
  readonly table: RegionTable;
  readonly level: RegionLevel;
  /** rings[index]: the rings of RegionTable.countries[index] (or admin1[index]); [] for none. */
  readonly rings: readonly RegionRings[];
}

/** The shapes of one level; rejects (once per page) when the assets cannot be loaded. */
export async function loadRegionShapes(level: RegionLevel): Promise<RegionShapes> {
  const assets = regionAssets();
  if (!assets) throw new Error('no region assets here');
  const [table, rings] = await Promise.all([assets.table(), assets.shapes(level)]);
  return { table, level, rings };
}
