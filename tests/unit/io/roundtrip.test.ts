import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, toGeoJson, toJson } from '../../../src/lib/io/formats/export';
import { faultline } from '../../../src/lib/io/formats/faultline';
import { faultlineCsv } from '../../../src/lib/io/formats/faultline-csv';
import { geojson } from '../../../src/lib/io/formats/geojson';
import { loadDataset } from '../../../src/lib/model/dataset';
import type { DatasetFile, EventRecord } from '../../../src/lib/model/types';
import { importText } from '../../../src/lib/io/formats/index';
import { dataset } from './arbitraries';
import { fixture } from './helpers';

const RUNS = { numRuns: 150 };

const byId = (events: readonly EventRecord[]): Map<string, EventRecord> => new Map(events.map((e) => [e.id, e]));

/** The generator itself must only produce what the validator accepts unchanged. */
function loaded(d: DatasetFile) {
  const result = loadDataset(toJson(d), 'x.json');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.pointer}: ${p.message}`).join('\n'));
  return result.dataset;
}

describe('round trips over arbitrary valid datasets', () => {
  it('toJson is byte-identical when run twice and ends with one newline', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const once = toJson(d);
        expect(toJson(d)).toBe(once);
        expect(once.endsWith('}\n')).toBe(true);
        expect(toJson(structuredClone(d))).toBe(once);
      }),
      RUNS,
    );
  }, 60_000);

  it('loadDataset(toJson(d)) gives back the same events (as a set by id) and meta, with no errors', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const back = loaded(d);
        expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(byId(back.events.toArray())).toEqual(byId(d.events));
        expect(back.meta).toEqual({
          title: d.title,
          description: d.description,
          license: d.license,
          updated: d.updated,
          categories: d.categories,
        });
      }),
      RUNS,
    );
  }, 60_000);

  it('the Faultline importer of toJson(d) gives d, and exporting that again gives the same bytes', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const result = faultline.parse(toJson(d), 'd.json');
        expect(result.rows).toEqual({ total: d.events.length, imported: d.events.length, skipped: 0 });
        expect(result.dataset).toEqual(d);
        expect(toJson(result.dataset!)).toBe(toJson(d));
      }),
      RUNS,
    );
  }, 60_000);

  it('the Faultline CSV importer of toCsv(d) gives back the same events, in order', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const result = faultlineCsv.parse(toCsv(d.events, d.categories), 'd.csv');
        expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(result.dataset!.events).toEqual(d.events);
        const labels = new Map(d.categories.map((c) => [c.id, c.label.trim() || c.id]));
        for (const c of result.dataset!.categories) expect(c.label).toBe(labels.get(c.id));
        // And a second pass through the CSV is stable byte for byte.
        expect(toCsv(result.dataset!.events, d.categories)).toBe(toCsv(d.events, d.categories));
      }),
      RUNS,
    );
  }, 60_000);

  it('the GeoJSON importer of toGeoJson(d) gives back every event (null geometry for unlocated ones) and the categories', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const text = toGeoJson(d.events, d);
        const result = geojson.parse(text, 'd.geojson');
        expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(result.dataset!.events).toEqual(d.events);
        const used = new Set(d.events.map((e) => e.category));
        expect(new Set(result.dataset!.categories)).toEqual(new Set(d.categories.filter((c) => used.has(c.id))));
        const parsed = JSON.parse(text) as { features: { geometry: { coordinates: number[] } | null }[] };
        parsed.features.forEach((f, i) => {
          const loc = d.events.at(i)!.location;
          expect(f.geometry?.coordinates ?? null).toEqual(loc ? [loc.lon, loc.lat] : null);
        });
      }),
      RUNS,
    );
  }, 60_000);
});

describe('fixtures: import → export JSON → import is the identity (T21)', () => {
  it.each([
    ['acled', 'acled-current.csv'],
    ['acled', 'acled-legacy.csv'],
    ['ucdp', 'ucdp-ged.csv'],
    ['ucdp', 'ucdp-ged-api.json'],
    ['timelinejs', 'timelinejs.json'],
    ['timelinejs', 'timelinejs-sheet.csv'],
    ['timemap', 'timemap-bundle.json'],
    ['geojson', 'geojson-points.geojson'],
  ])('%s %s', (format, name) => {
    const first = importText(fixture(name), name, { format });
    const json = toJson(first.dataset!);
    const again = faultline.parse(json, 'again.json');
    expect(again.dataset).toEqual(first.dataset);
    expect(toJson(again.dataset!)).toBe(json);
    // Through our CSV and GeoJSON as well.
    expect(
      faultlineCsv.parse(toCsv(first.dataset!.events, first.dataset!.categories), 'x.csv').dataset!.events,
    ).toEqual(first.dataset!.events);
    expect(geojson.parse(toGeoJson(first.dataset!.events, first.dataset!), 'x.geojson').dataset!.events).toEqual(
      first.dataset!.events,
    );
  });
});
