import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset, type Dataset } from '../../../src/lib/model/dataset';
import type { RegionTable } from '../../../src/lib/model/regions';
import type { EventRecord } from '../../../src/lib/model/types';
import { applyFilters, facetCounts } from '../../../src/lib/query/apply';
import { Evaluator } from '../../../src/lib/query/brushing';
import type { Filters } from '../../../src/lib/query/filters';
import { buildQueryIndex } from '../../../src/lib/query/query-index';
import { RegionTally } from '../../../src/lib/query/regions';
import { eventArb, filtersArb, meta, reference, toEvents } from './arbitraries';

// A made-up table (two countries of two provinces each, split by the equator and the meridian),
// so that which event lies where is plain to the reference below.
const box = [0, 0, 0, 0] as const;
const TABLE: RegionTable = {
  key: 't',
  languages: [],
  countries: [
    { index: 0, id: 'W', iso2: '', name: 'West', label: [0, 0], bbox: box, admin1: [0, 1] },
    { index: 1, id: 'E', iso2: '', name: 'East', label: [0, 0], bbox: box, admin1: [2, 3] },
  ],
  admin1: [
    { index: 0, id: 'W-S', name: 'South-West', kind: '', country: 0 },
    { index: 1, id: 'W-N', name: 'North-West', kind: '', country: 0 },
    { index: 2, id: 'E-S', name: 'South-East', kind: '', country: 1 },
    { index: 3, id: 'E-N', name: 'North-East', kind: '', country: 1 },
  ],
};

/** An event's [country id, admin-1 id], or nulls: what the reference filters by. */
function regionOf(e: EventRecord): [string | null, string | null] {
  if (!e.location) return [null, null];
  const country = e.location.lon < 0 ? 'W' : 'E';
  // Far north is "at sea" here: an event outside every polygon.
  if (e.location.lat > 60) return [null, null];
  return [country, `${country}-${e.location.lat < 0 ? 'S' : 'N'}`];
}

function withRegions(d: Dataset): Dataset {
  const n = d.columns.size;
  const country = new Uint16Array(n);
  const admin1 = new Uint16Array(n);
  for (let r = 0; r < n; r++) {
    const [c, a] = regionOf(d.events.at(r));
    country[r] = c ? TABLE.countries.findIndex((x) => x.id === c) + 1 : 0;
    admin1[r] = a ? TABLE.admin1.findIndex((x) => x.id === a) + 1 : 0;
  }
  return { ...d, regions: { key: 't', country, admin1, table: TABLE } };
}

const regionsArb = fc.subarray(['W', 'E', 'W-S', 'W-N', 'E-S', 'E-N', 'XX']);
const withRegionFilter = fc.tuple(filtersArb, regionsArb).map(([f, regions]) => ({ ...f, regions }));

function referenceWithRegions(events: EventRecord[], f: Filters): string[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return reference(events, f).filter((id) => {
    if (!f.regions.length) return true;
    const [c, a] = regionOf(byId.get(id)!);
    return (c !== null && f.regions.includes(c)) || (a !== null && f.regions.includes(a));
  });
}

describe('the region filter and facet', () => {
  it('the plain engine agrees with a brute-force reference, and counts the facet under the other filters', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 50 }), withRegionFilter, (specs, filters) => {
        const events = toEvents(specs);
        const index = buildQueryIndex(withRegions(buildDataset('t', meta, events)));
        const ids = [...applyFilters(index, filters)].map((r) => index.dataset.events.at(r).id).sort();
        expect(ids).toEqual(referenceWithRegions(events, filters));
        const counts = facetCounts(index, filters);
        TABLE.countries.forEach((c) =>
          expect(counts.countries[c.index + 1]).toBe(
            referenceWithRegions(events, { ...filters, regions: [c.id] }).length,
          ),
        );
        TABLE.admin1.forEach((a) =>
          expect(counts.admin1[a.index + 1]).toBe(referenceWithRegions(events, { ...filters, regions: [a.id] }).length),
        );
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('the Evaluator keeps rows, facet counts and the region tally by difference through any session', () => {
    const stepArb = fc.oneof(
      { arbitrary: withRegionFilter.map((f) => ({ kind: 'filters' as const, f })), weight: 1 },
      { arbitrary: filtersArb.map((f) => ({ kind: 'window' as const, w: f.window })), weight: 3 },
      { arbitrary: filtersArb.map((f) => ({ kind: 'categories' as const, c: f.categories })), weight: 2 },
      { arbitrary: regionsArb.map((r) => ({ kind: 'regions' as const, r })), weight: 2 },
    );
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 60 }),
        withRegionFilter,
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        (specs, initial, steps) => {
          const dataset = withRegions(buildDataset('t', meta, toEvents(specs)));
          const index = buildQueryIndex(dataset);
          const evaluator = new Evaluator(index);
          const tally = new RegionTally(dataset, dataset.regions!, 2, 4);
          let filters: Filters = initial;
          for (const step of [{ kind: 'filters' as const, f: initial }, ...steps]) {
            filters =
              step.kind === 'filters'
                ? step.f
                : step.kind === 'window'
                  ? { ...filters, window: step.w }
                  : step.kind === 'categories'
                    ? { ...filters, categories: step.c }
                    : { ...filters, regions: step.r };
            const out = evaluator.run(filters);
            expect([...out.rows]).toEqual([...applyFilters(index, filters)]);
            expect(out.counts).toEqual(facetCounts(index, filters));
            // The tally, by delta where one is given, equals a count of the rows shown.
            const t = tally.update(out.rows, out.delta);
            const expected = { count: new Uint32Array(5), fatalMin: new Float64Array(5) };
            for (const r of out.rows) {
              expected.count[dataset.regions!.admin1[r]!]!++;
              const lo = dataset.columns.fatalMin[r]!;
              if (!Number.isNaN(lo)) expected.fatalMin[dataset.regions!.admin1[r]!]! += lo;
            }
            expect([...t.admin1.count]).toEqual([...expected.count]);
            expect([...t.admin1.fatalMin]).toEqual([...expected.fatalMin]);
            expect(t.countries.count.reduce((a, b) => a + b, 0)).toBe(out.rows.length);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('without region columns the filter does not apply, and the facet counts only "none"', () => {
    const events = toEvents(fc.sample(eventArb, { numRuns: 30, seed: 3 }));
    const index = buildQueryIndex(buildDataset('t', meta, events));
    const f = { ...fc.sample(filtersArb, { numRuns: 1, seed: 4 })[0]!, regions: ['W'] };
    expect([...applyFilters(index, f)]).toEqual([...applyFilters(index, { ...f, regions: [] })]);
    const out = new Evaluator(index).run(f);
    expect(out.counts.countries).toHaveLength(1);
  });
});
