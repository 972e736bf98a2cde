import { describe, expect, it } from 'vitest';
import {
  checkAgainstCatalog,
  validateCommand,
  type Catalog,
  type Command,
  type Validation,
} from '../../../src/lib/embed/protocol';
import { LIMITS } from '../../../src/lib/model/limits';
import { parseRegionIds, regionIdName } from '../../../src/lib/model/region-filter';
import type { RegionTable } from '../../../src/lib/model/regions';
import { decodeUrlState } from '../../../src/lib/state/url';

/** Two countries, one with two admin-1 regions: the ids and names the host API reads against. */
const TABLE: RegionTable = {
  key: 'test',
  countries: [
    { index: 0, id: 'ARM', iso2: 'AM', name: 'Armenia', label: [45, 40], bbox: [43, 38, 47, 41], admin1: [] },
    { index: 1, id: 'AZE', iso2: 'AZ', name: 'Azerbaijan', label: [48, 40], bbox: [44, 38, 51, 42], admin1: [0, 1] },
  ],
  admin1: [
    {
      index: 0,
      id: 'AZE-5565',
      name: 'Shusha',
      kind: 'Municipality',
      country: 1,
    },
    {
      index: 1,
      id: 'AZE-2440',
      name: 'Baku',
      kind: 'Municipality',
      country: 1,
    },
  ],
  languages: ['ru'],
};

const catalog = (regions: RegionTable | null): Catalog => ({
  categories: ['strike'],
  actors: new Set(),
  tags: new Set(),
  regions,
  hasEvent: () => false,
});

function refused(result: Validation): [string, unknown] | null {
  return result.ok ? null : [result.message, result.inReplyTo];
}

function command(data: unknown): Command {
  const result = validateCommand(data);
  if (!result.ok) throw new Error(`expected valid, got: ${result.message}`);
  return result.command;
}

const setRegions = (regions: unknown) => validateCommand({ v: 1, type: 'setFilters', id: 'r', payload: { regions } });

describe('setFilters regions', () => {
  it('takes country and admin-1 ids, read as a link reads region=', () => {
    expect(command({ v: 1, type: 'setFilters', payload: { regions: ['AZE', 'AZE-5565'] } })).toEqual({
      type: 'setFilters',
      id: null,
      patch: { regions: ['AZE', 'AZE-5565'] },
    });
    // A comma names several, a repeat counts once, a blank is nothing, [] shows every region: as in a link.
    expect(command({ v: 1, type: 'setFilters', payload: { regions: ['AZE,ARM', 'ARM', ''] } })).toEqual({
      type: 'setFilters',
      id: null,
      patch: { regions: ['AZE', 'ARM'] },
    });
    expect(command({ v: 1, type: 'setFilters', payload: { regions: [] } })).toEqual({
      type: 'setFilters',
      id: null,
      patch: { regions: [] },
    });
    const link = decodeUrlState('?region=AZE,ARM&region=ARM&region=AZE-5565').state.regions;
    expect(parseRegionIds(['AZE,ARM', 'ARM', 'AZE-5565'])).toEqual(link);
  });

  it('refuses what is not a list of strings, with the request id', () => {
    const typeError = 'setFilters: regions must be an array of region ids such as "AZE" or "AZE-5565"';
    expect(refused(setRegions('AZE'))).toEqual([typeError, 'r']);
    expect(refused(setRegions(null))).toEqual([typeError, 'r']);
    expect(refused(setRegions({ 0: 'AZE' }))).toEqual([typeError, 'r']);
    expect(refused(setRegions(['AZE', 7]))).toEqual(['setFilters: regions[1] must be a string', 'r']);
    expect(refused(setRegions(['x'.repeat(301)]))).toEqual([
      'setFilters: regions[0] is longer than 300 characters',
      'r',
    ]);
  });

  it('counts the ids before reading any', () => {
    const max = LIMITS.maxRegionFilter;
    expect(setRegions(Array.from({ length: max }, (_, i) => `R-${i}`)).ok).toBe(true);
    // Not strings either: the count is what is reported, so nothing was read.
    expect(refused(setRegions(Array.from({ length: max + 1 }, () => 0)))).toEqual([
      `setFilters: regions names ${max + 1} regions; the limit is ${max}`,
      'r',
    ]);
    // Few values, many ids once the commas are read.
    const packed = Array.from({ length: 40 }, (_, v) => Array.from({ length: 30 }, (_, i) => `${v}-${i}`).join(','));
    expect(refused(setRegions(packed))).toEqual([`setFilters: regions names 1200 regions; the limit is ${max}`, 'r']);
  });

  it('names the ids the data has no region for', () => {
    const check = (regions: string[]) =>
      checkAgainstCatalog(command({ v: 1, type: 'setFilters', payload: { regions } }), catalog(TABLE));
    expect(check(['AZE', 'AZE-5565', 'ARM'])).toBeNull();
    expect(check(['AZE', 'XYZ'])).toBe('unknown region "XYZ"');
    expect(check(['aze', 'AZE-9999'])).toBe('unknown regions "aze", "AZE-9999"');
    expect(check(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('unknown regions "A", "B", "C", "D", "E" and 2 more');
  });

  it('says when the data has no regions at all, but lets a host clear the filter', () => {
    const check = (regions: string[]) =>
      checkAgainstCatalog(command({ v: 1, type: 'setFilters', payload: { regions } }), catalog(null));
    expect(check(['AZE'])).toBe(
      'this dataset has no regions (no located events, or the region boundaries could not be loaded)',
    );
    expect(check([])).toBeNull();
  });
});

describe('setMapMode', () => {
  it('takes a mode, a measure or both', () => {
    expect(command({ v: 1, type: 'setMapMode', id: 'm', payload: { mode: 'countries' } })).toEqual({
      type: 'setMapMode',
      id: 'm',
      mode: 'countries',
    });
    expect(command({ v: 1, type: 'setMapMode', payload: { measure: 'fatalities' } })).toEqual({
      type: 'setMapMode',
      id: null,
      measure: 'fatalities',
    });
    expect(command({ v: 1, type: 'setMapMode', payload: { mode: 'density', measure: 'events' } })).toEqual({
      type: 'setMapMode',
      id: null,
      mode: 'density',
      measure: 'events',
    });
  });

  it('refuses unknown names and wrong shapes, quoting the value', () => {
    const mode = (payload: unknown) => refused(validateCommand({ v: 1, type: 'setMapMode', id: 3, payload }));
    expect(mode({ mode: 'heatmap' })).toEqual([
      'setMapMode: unknown mode "heatmap" (known: clusters, density, countries, regions)',
      3,
    ]);
    expect(mode({ measure: 'deaths' })).toEqual([
      'setMapMode: unknown measure "deaths" (known: events, fatalities)',
      3,
    ]);
    expect(mode({ mode: 2 })).toEqual(['setMapMode: mode must be a string', 3]);
    expect(mode({})).toEqual(['setMapMode: payload needs mode, measure or both', 3]);
    expect(mode(null)).toEqual(['setMapMode: payload must be {mode?, measure?}', 3]);
    expect(mode({ mode: 'density', zoom: 4 })).toEqual([
      'setMapMode payload has an unknown field "zoom" (allowed: mode, measure)',
      3,
    ]);
    // Nothing the data could lack: every mode is allowed (a choropleth without regions says so in its legend).
    expect(
      checkAgainstCatalog(command({ v: 1, type: 'setMapMode', payload: { mode: 'regions' } }), catalog(null)),
    ).toBeNull();
  });
});

describe('region names in the state message', () => {
  it('names countries and admin-1 regions, in the given language where it has a name', () => {
    expect(regionIdName(TABLE, 'AZE')).toBe('Azerbaijan');
    expect(regionIdName(TABLE, 'AZE-5565')).toBe('Shusha, Azerbaijan');
    const ru = { language: 'ru', countries: ['Армения', 'Азербайджан'], admin1: ['Шуша', ''] };
    expect(regionIdName(TABLE, 'AZE-5565', ru)).toBe('Шуша, Азербайджан');
    // A name the language lacks is the English one.
    expect(regionIdName(TABLE, 'AZE-2440', ru)).toBe('Baku, Азербайджан');
    // With the language's wording of kinds, as the details say it.
    const wording = {
      kind: (k: string) => (k === 'Municipality' ? 'муниципалитет' : ''),
      pattern: '{name} ({kind})',
      said: [],
    };
    expect(regionIdName(TABLE, 'AZE-5565', ru, wording)).toBe('Шуша (муниципалитет), Азербайджан');
    expect(regionIdName(TABLE, 'AZE', ru, wording)).toBe('Азербайджан');
    // An id kept without a table (a link's, on data without regions) is its own name.
    expect(regionIdName(null, 'AZE')).toBe('AZE');
    expect(regionIdName(TABLE, 'XYZ')).toBe('XYZ');
  });
});
