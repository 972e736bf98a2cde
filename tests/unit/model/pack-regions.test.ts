import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { loadBytes } from '../../../src/lib/model/load-bytes';
import { readPackHeader, viewPack } from '../../../src/lib/model/pack';
import { packDataset } from '../../../src/lib/model/pack-build';
import { regionCodes } from '../../../src/lib/model/region-lookup';
import { regionLabel } from '../../../src/lib/model/regions';
import type { EventRecord, LocationPrecision } from '../../../src/lib/model/types';
import { attachTable, regionColumnsOf } from '../../../src/lib/io/region-assign';
import { regionFixture, type RegionFixture } from './region-fixture';

let f: RegionFixture;
beforeAll(() => {
  f = regionFixture();
});

const meta = {
  title: 'T',
  description: '',
  license: '',
  updated: '',
  categories: [{ id: 'c', label: 'C', color: '#000000' }],
};
const event = (id: string, date: string, place: [number, number, LocationPrecision] | null): EventRecord => ({
  id,
  title: id,
  summary: '',
  date,
  category: 'c',
  location: place ? { name: id, lat: place[0], lon: place[1], precision: place[2] } : null,
  sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
});
const events = [
  event('shusha', '2020-11-08', [39.7583, 46.7508, 'city']),
  event('yerevan', '2020-11-09', [40.1792, 44.4991, 'site']),
  event('azerbaijan', '2020-11-10', [40.1431, 47.5769, 'country']),
  event('nowhere', '2020-11-11', null),
  event('sea', '2020-11-12', [43, 34, 'site']),
];

describe('a pack carries its regions', () => {
  it('round-trips the codes and their table key, and reads back the same places', () => {
    const d = buildDataset('t', meta, events);
    const codes = regionCodes(f.lookup, d.columns);
    const bytes = packDataset(d, codes);
    const read = loadBytes(bytes.slice().buffer, 't.flpack');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const carried = regionColumnsOf(read)!;
    expect(carried.key).toBe(f.pointer.key);
    expect([...carried.country]).toEqual([...codes.country]);
    expect([...carried.admin1]).toEqual([...codes.admin1]);
    const withTable = attachTable(carried, f.table)!;
    const labels = events.map((_, r) => regionLabel(f.table, withTable.country[r]!, withTable.admin1[r]!));
    expect(labels).toEqual(['Shusha, Azerbaijan', 'Yerevan, Armenia', 'Azerbaijan', '', '']);
  });

  it('a pack packed without regions says so, and has none', () => {
    const d = buildDataset('t', meta, events);
    const bytes = packDataset(d, null);
    const header = readPackHeader(bytes.slice().buffer);
    expect(header.ok && header.header.regions).toBe(null);
    const read = loadBytes(bytes.slice().buffer, 't.flpack');
    expect(read.ok && regionColumnsOf(read)).toBe(null);
  });

  it('a region on an event without a place is refused; a code past the table drops them all', () => {
    const d = buildDataset('t', meta, events);
    const codes = regionCodes(f.lookup, d.columns);
    const bytes = packDataset(d, codes).slice();
    const buffer = bytes.buffer;
    const read = readPackHeader(buffer);
    if (!read.ok) throw new Error(read.message);
    const a = viewPack(buffer, read.header);
    const unlocated = events.findIndex((e) => !e.location);
    a.regionCountry[unlocated] = 1;
    const refused = loadBytes(buffer, 't.flpack');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]!.message).toMatch(/has a region but no location/);

    const past = { ...codes, country: codes.country.slice() };
    past.country[0] = f.table.countries.length + 1;
    expect(attachTable(past, f.table)).toBe(null);
    const wrongCountry = { ...codes, country: codes.country.slice() };
    wrongCountry.country[0] = f.table.countries.findIndex((c) => c.id === 'ARM') + 1;
    expect(attachTable(wrongCountry, f.table)).toBe(null);
    expect(attachTable({ ...codes, key: 'other' }, f.table)).toBe(null);
  });
});
