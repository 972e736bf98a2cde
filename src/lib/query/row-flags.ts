/**
 * The Evaluator's per-row record of which filters a row fails, and the facet counts it keeps by
 * difference from those flags: shared by its passes and by the category toggle's loops.
 */
import type { FacetCounts } from './apply';
import type { MultiColumn, QueryIndex } from './query-index';
import type { RegionColumns } from '../model/regions';

/** Why a row is out, as bits: which facet it fails; OTHER for text or map bounds (out of every count). */
export const CATEGORY = 1;
export const ACTOR = 2;
export const TAG = 4;
export const REGION = 8;
export const OTHER = 128;

/** Adds (by 1) or takes away (by -1) a row's share of every count its flags let it into. */
export function count(index: QueryIndex, counts: FacetCounts, fl: number, row: number, by: number): void {
  if (fl === 0 || fl === CATEGORY) counts.categories[index.dataset.columns.category[row]!]! += by;
  if (fl === 0 || fl === ACTOR) countRow(index.actors, row, counts.actors, by);
  if (fl === 0 || fl === TAG) countRow(index.tags, row, counts.tags, by);
  if (fl === 0 || fl === REGION) countRegion(index.dataset.regions, counts, row, by);
}

/** A row's share of the region facet: its country and its admin-1 (code 0 counts the rows of none). */
export function countRegion(regions: RegionColumns | undefined, counts: FacetCounts, row: number, by: number): void {
  if (!regions) return;
  counts.countries[regions.country[row]!]! += by;
  counts.admin1[regions.admin1[row]!]! += by;
}

export function emptyCounts(index: QueryIndex): FacetCounts {
  return {
    categories: new Uint32Array(index.dataset.meta.categories.length),
    actors: new Uint32Array(index.actors.values.length),
    tags: new Uint32Array(index.tags.values.length),
    ...regionCounts(index),
  };
}

/** Region facet counts by code (1 + index into the table; 0 for none), sized for the data's table. */
export function regionCounts(index: QueryIndex): { countries: Uint32Array; admin1: Uint32Array } {
  const table = index.dataset.regions?.table;
  return {
    countries: new Uint32Array((table?.countries.length ?? 0) + 1),
    admin1: new Uint32Array((table?.admin1.length ?? 0) + 1),
  };
}

export function countRow(column: MultiColumn, row: number, counts: Uint32Array, by: number): void {
  for (let k = column.offsets[row]!; k < column.offsets[row + 1]!; k++) counts[column.codes[k]!]! += by;
}
