import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { applyFilters, facetCounts } from '../../../src/lib/query/apply';
import { evaluate } from '../../../src/lib/query/evaluate';
import { NO_FILTERS } from '../../../src/lib/query/filters';
import { buildQueryIndex } from '../../../src/lib/query/query-index';
import { normalizeText, queryWords } from '../../../src/lib/query/text';
import { CATEGORIES, eventArb, filtersArb, meta, reference, toEvents } from './arbitraries';

describe('applyFilters', () => {
  it('agrees with a brute-force reference on random data and filters', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 0, maxLength: 60 }), filtersArb, (specs, filters) => {
        const events = toEvents(specs);
        const index = buildQueryIndex(buildDataset('t', meta, events));
        const rows = applyFilters(index, filters);
        const ids = [...rows].map((r) => index.dataset.events.at(r)!.id).sort();
        expect(ids).toEqual(reference(events, filters));
        // Rows come back in time order.
        for (let i = 1; i < rows.length; i++) expect(rows[i]!).toBeGreaterThan(rows[i - 1]!);
      }),
      { numRuns: 300 },
    );
  });

  it('counts each facet under the other filters only', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), filtersArb, (specs, filters) => {
        const events = toEvents(specs);
        const index = buildQueryIndex(buildDataset('t', meta, events));
        const counts = facetCounts(index, filters);
        CATEGORIES.forEach((id, i) => {
          const expected = reference(events, { ...filters, categories: [id] }).length;
          expect(counts.categories[i]).toBe(expected);
        });
        index.actors.values.forEach((actor, i) => {
          const expected = reference(events, { ...filters, actors: [actor] }).length;
          expect(counts.actors[i]).toBe(expected);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('evaluate() gives the same rows and counts in one pass', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), filtersArb, (specs, filters) => {
        const index = buildQueryIndex(buildDataset('t', meta, toEvents(specs)));
        const { rows, counts } = evaluate(index, filters);
        expect([...rows]).toEqual([...applyFilters(index, filters)]);
        expect(counts).toEqual(facetCounts(index, filters));
        // Asked for them, the same pass also gives the rows that pass every filter but the window.
        const both = evaluate(index, filters, true);
        expect([...both.rows]).toEqual([...rows]);
        expect(both.counts).toEqual(counts);
        expect([...both.timeless!]).toEqual([...applyFilters(index, { ...filters, window: null })]);
      }),
      { numRuns: 300 },
    );
  });

  it('with no filters returns every row', () => {
    const events = toEvents(fc.sample(eventArb, { numRuns: 20, seed: 4 }));
    const index = buildQueryIndex(buildDataset('t', meta, events));
    expect([...applyFilters(index, NO_FILTERS)]).toEqual(events.map((_, i) => i));
  });
});

describe('text search', () => {
  it.each([
    ['Çavuşoğlu', 'cavusoglu'],
    ['SHUSHA', 'shusha'],
    ['Nagorno-Karabakh', 'nagorno-karabakh'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
  it('splits a query into words', () => {
    expect(queryWords('  Ganja   STRIKE ')).toEqual(['ganja', 'strike']);
  });
});
