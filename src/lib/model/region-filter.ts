/**
 * The region ids a filter names, read one way wherever they come from: a link's `region=` (state/url.ts)
 * and the embed host API's setFilters `regions` (embed/protocol.ts). Pure.
 */
import {
  NO_REGION,
  regionIds,
  regionLabel,
  type RegionId,
  type RegionNames,
  type RegionTable,
  type RegionWording,
} from './regions';

/**
 * Ids as given: each value split at commas (ids hold none: adm0_a3, adm1_code), blanks dropped,
 * a repeat kept once, in the order first named.
 */
export function parseRegionIds(values: readonly string[]): RegionId[] {
  return [...new Set(values.flatMap((v) => v.split(',')).filter(Boolean))];
}

/** The ids the table has no country or admin-1 region for, in order. */
export function unknownRegionIds(table: RegionTable, ids: readonly RegionId[]): RegionId[] {
  const known = regionIds(table);
  return ids.filter((id) => !known.has(id));
}

/**
 * What a region id is called, as the details name it: "Azerbaijan", "Shusha Municipality, Azerbaijan"
 * (with `wording`), in `names` where they give one, else in English; an id the table lacks is its own name.
 */
export function regionIdName(
  table: RegionTable | null,
  id: RegionId,
  names?: RegionNames | null,
  wording?: RegionWording | null,
): string {
  const hit = table ? regionIds(table).get(id) : undefined;
  if (!hit) return id;
  if (hit.level === 'country') return regionLabel(table!, hit.index + 1, NO_REGION, names, wording);
  return regionLabel(table!, table!.admin1[hit.index]!.country + 1, hit.index + 1, names, wording);
}
