import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type Dataset } from '../../../src/lib/model/dataset';
import { regionCodes } from '../../../src/lib/model/region-lookup';
import { regionLabel } from '../../../src/lib/model/regions';
import type { EventRecord } from '../../../src/lib/model/types';
import { applyChanges } from '../../../src/lib/state/draft-core';
import { regionFixture, type RegionFixture } from '../model/region-fixture';

let f: RegionFixture;
let base: Dataset;
const meta = {
  title: 'T',
  description: '',
  license: '',
  updated: '',
  categories: [{ id: 'c', label: 'C', color: '#000000' }],
};
const event = (id: string, date: string, lat: number, lon: number): EventRecord => ({
  id,
  title: id,
  summary: '',
  date,
  category: 'c',
  location: { name: id, lat, lon, precision: 'city' },
  sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
});

beforeAll(() => {
  f = regionFixture();
  const d = buildDataset('t', meta, [
    event('a', '2020-10-01', 40.1792, 44.4991),
    event('b', '2020-10-02', 2.0469, 45.3182),
  ]);
  const lookup = f.lookup;
  base = {
    ...d,
    regions: { ...regionCodes(lookup, d.columns), table: f.table, assign: (c) => regionCodes(lookup, c) },
  };
});

const placeOf = (d: Dataset, id: string): string => {
  const row = d.events.rowOf(id)!;
  return regionLabel(f.table, d.regions!.country[row]!, d.regions!.admin1[row]!);
};

describe('the editor re-assigns regions', () => {
  it('an event moved to another place, and a new one, get the regions of their new places', () => {
    expect(placeOf(base, 'a')).toBe('Yerevan, Armenia');
    const edited = applyChanges(
      base,
      new Map([
        ['a', event('a', '2020-10-01', 39.2089, 45.4122)],
        ['c', event('c', '2020-09-30', 39.7583, 46.7508)],
      ]),
    );
    expect(placeOf(edited, 'a')).toBe('Nakhchivan, Azerbaijan');
    expect(placeOf(edited, 'b')).toBe('Banaadir, Somalia');
    expect(placeOf(edited, 'c')).toBe('Shusha, Azerbaijan');
    // Moved to the sea: none, not the nearest shore.
    const atSea = applyChanges(base, new Map([['a', event('a', '2020-10-01', 43, 34)]]));
    expect(placeOf(atSea, 'a')).toBe('');
  });
});
