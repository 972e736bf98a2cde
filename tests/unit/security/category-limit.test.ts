import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/lib/io/formats';
import { buildDataset, loadDataset } from '../../../src/lib/model/dataset';
import { LIMITS } from '../../../src/lib/model/limits';
import { loadBytes } from '../../../src/lib/model/load-bytes';
import { packDataset } from '../../../src/lib/model/pack-build';
import type { Category, EventRecord } from '../../../src/lib/model/types';

// Tens of thousands of categories froze the page for minutes, and past 65,535 an event's 16-bit
// category wrapped to another one with "0 errors". Every way in stops at LIMITS.maxCategories
// with a message that names the limit; at the limit everything still opens.

const LIMIT = LIMITS.maxCategories;
const REFUSED = new RegExp(
  `${(LIMIT + 1).toLocaleString('en-GB')} categories; the limit is ${LIMIT.toLocaleString('en-GB')}`,
);
const SOURCE = { publisher: 'Agency', title: 'Report' };

const categories = (n: number): Category[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `Category ${i}`, color: '#336699' }));
const events = (n: number): EventRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    title: `Event ${i}`,
    summary: 'S',
    date: '2020-01-01',
    category: `c${i}`,
    sources: [SOURCE],
  })) as EventRecord[];
const json = (n: number): string =>
  JSON.stringify({ format: 'faultline/1', title: 'Many', categories: categories(n), events: events(n) });

/** One row per category in each importer's own shape. */
const importers: Record<string, (n: number) => string> = {
  'TimelineJS (groups)': (n) =>
    JSON.stringify({
      events: Array.from({ length: n }, (_, i) => ({
        start_date: { year: '2020', month: '1', day: '1' },
        text: { headline: `Slide ${i}`, text: 'Text' },
        group: `Group ${i}`,
      })),
    }),
  'ACLED (event types)': (n) => {
    const header = readFileSync('tests/fixtures/import/acled-current.csv', 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n')[0]!;
    const columns = header.trim().split(',');
    const value = (column: string, i: number): string =>
      ({
        event_id_cnty: `SOM${i}`,
        event_date: '2024-03-15',
        year: '2024',
        time_precision: '1',
        event_type: `Type ${i}`,
        sub_event_type: 'Armed clash',
        actor1: 'Side A',
        country: 'Somalia',
        location: 'Mogadishu',
        latitude: '2.0371',
        longitude: '45.3438',
        geo_precision: '1',
        source: 'Radio',
        notes: 'Notes',
        fatalities: '0',
      })[column] ?? '';
    return [header, ...Array.from({ length: n }, (_, i) => columns.map((c) => value(c, i)).join(','))].join('\n');
  },
  'GeoJSON (category property)': (n) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: n }, (_, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [45, 2] },
        properties: { title: `Feature ${i}`, date: '2020-01-01', category: `Kind ${i}` },
      })),
    }),
};

describe('the category limit', () => {
  it('our JSON: refused past the limit before the categories are read, opened at it', () => {
    const over = loadDataset(json(LIMIT + 1), 'many.json');
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problems.map((p) => p.message).join('\n')).toMatch(REFUSED);
    const at = loadDataset(json(LIMIT), 'limit.json');
    expect(at.ok && at.dataset.meta.categories.length).toBe(LIMIT);
    // Every event keeps its own category: nothing wraps.
    expect(
      at.ok &&
        at.dataset.events.toArray().every((e, r) => at.dataset.columns.category[r] === Number(e.category.slice(1))),
    ).toBe(true);
  });

  it("a pack's header: refused past the limit", () => {
    const many = buildDataset(
      'p',
      { title: 'P', description: '', license: '', updated: '', categories: categories(LIMIT + 1) },
      events(3),
    );
    const result = loadBytes(packDataset(many).buffer as ArrayBuffer, 'many.flpack');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(REFUSED);
  });

  for (const [format, write] of Object.entries(importers)) {
    it(`${format}: refused past the limit with the reason, imported at it`, () => {
      const over = importText(write(LIMIT + 1), 'many');
      expect(over.dataset).toBeNull();
      expect(over.problems.map((p) => p.message).join('\n')).toMatch(REFUSED);
      const at = importText(write(LIMIT), 'limit');
      expect(at.dataset?.categories.length).toBe(LIMIT);
    }, 60_000);
  }
});
