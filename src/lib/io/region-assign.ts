/**
 * Region codes for what a read produced (model/regions.ts): assigned where the rows are read (the
 * load worker, or the page for a small file), from the lookup's blocks the located rows need, and
 * their table attached on the page. A pack that carries codes for the current table keeps them; one
 * of another table, or none, is assigned again. Regions are an addition: when their assets cannot
 * be loaded, the data shows without them.
 */
import type { Dataset } from '../model/dataset';
import { LIMITS } from '../model/limits';
import type { BytesResult } from '../model/load-bytes';
import { readPackHeader, viewPack } from '../model/pack';
import { anyLocated, assignRegions, regionCodes } from '../model/region-lookup';
import type { RegionCodes, RegionColumns, RegionTable } from '../model/regions';
import type { RegionAssets } from './region-assets';

export { regionAssets } from './region-assets';

/** `result` with region codes for its rows, when it has located rows and the assets load. */
export async function withRegions(result: BytesResult, assets: RegionAssets | null): Promise<BytesResult> {
  if (!result.ok || !assets) return result;
  try {
    if (result.kind === 'parts') {
      const c = result.parts.columns;
      if (result.parts.regions || !anyLocated(c.locationPrecision)) return result;
      const lookup = await assets.lookupFor(c);
      return { ...result, parts: { ...result.parts, regions: regionCodes(lookup, c) } };
    }
    const read = readPackHeader(result.pack);
    if (!read.ok || result.regions) return result;
    const pointer = await assets.pointer();
    if (read.header.regions?.key === pointer.key) return result;
    const a = viewPack(result.pack, read.header);
    const columns = { lat: a.lat, lon: a.lon, locationPrecision: a.locationPrecision };
    if (!anyLocated(columns.locationPrecision)) return result;
    return { ...result, regions: regionCodes(await assets.lookupFor(columns), columns) };
  } catch {
    // No regions (the assets are missing or damaged): the data itself is unaffected.
    return result;
  }
}

/** The codes a read produced: assigned at load, or carried by the pack. */
export function regionColumnsOf(result: Extract<BytesResult, { ok: true }>): RegionColumns | null {
  if (result.kind === 'parts') return result.parts.regions ?? null;
  if (result.regions) return result.regions;
  const read = readPackHeader(result.pack);
  if (!read.ok || !read.header.regions) return null;
  const a = viewPack(result.pack, read.header);
  return { key: read.header.regions.key, country: a.regionCountry, admin1: a.regionAdmin1 };
}

/**
 * The codes with their table, when the table is the one they index and every code is in range
 * (a pack is untrusted: a code past the table, or a province of another country, drops them all).
 */
export function attachTable(codes: RegionColumns, table: RegionTable): RegionCodes | null {
  if (codes.key !== table.key) return null;
  const countries = table.countries.length;
  const admin1 = table.admin1;
  const { country, admin1: a1 } = codes;
  if (country.length !== a1.length) return null;
  for (let i = 0; i < country.length; i++) {
    const c = country[i]!;
    const a = a1[i]!;
    if (c > countries || a > admin1.length) return null;
    if (a !== 0 && admin1[a - 1]!.country + 1 !== c) return null;
  }
  return { key: codes.key, country, admin1: a1, table };
}

/** A dataset with its region codes and their table, when both load; else as it is. */
export async function datasetWithRegions(
  dataset: Dataset,
  codes: RegionColumns | null,
  assets: RegionAssets | null,
): Promise<Dataset> {
  if (!codes || !assets) return dataset;
  try {
    // The page keeps a lookup of its own for data it may edit (the worker's is gone with it).
    const editable = dataset.columns.size <= LIMITS.maxEditablePackEvents || dataset.packedSearch === null;
    const [table, lookup] = await Promise.all([
      assets.table(),
      editable ? assets.lookupFor(dataset.columns).catch(() => null) : null,
    ]);
    const regions = attachTable(codes, table);
    if (!regions) return dataset;
    const assign = lookup && lookup.key === table.key ? (c: Located) => regionCodes(lookup, c) : undefined;
    return { ...dataset, regions: assign ? { ...regions, assign } : regions };
  } catch {
    return dataset;
  }
}

type Located = { lat: Float64Array; lon: Float64Array; locationPrecision: Uint8Array };

/**
 * A dataset built on the page (the editor's rows, a pasted file) with codes from the lookup as
 * far as it is loaded: rows in a block not yet fetched get none. `like` gives the table.
 */
export function assignLoaded(dataset: Dataset, assets: RegionAssets | null, table: RegionTable | null): Dataset {
  const lookup = assets?.loadedLookup;
  if (!lookup || !table || lookup.key !== table.key) return dataset;
  const c = dataset.columns;
  if (!anyLocated(c.locationPrecision)) return dataset;
  const n = c.size;
  const codes = { key: lookup.key, country: new Uint16Array(n), admin1: new Uint16Array(n), table };
  assignRegions(lookup, c.lat, c.lon, c.locationPrecision, codes);
  return { ...dataset, regions: { ...codes, assign: (located: Located) => regionCodes(lookup, located) } };
}
