import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { applyFilters, facetCounts } from '../../../src/lib/query/apply';
import { Evaluator } from '../../../src/lib/query/brushing';
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

  it('the Evaluator gives the same rows, counts and timeless rows as the reference, through any sequence of changes', () => {
    // A session: random filter changes, most of them window moves (the incremental path).
    const windowArb = filtersArb.map((f) => f.window);
    const stepArb = fc.oneof({ arbitrary: filtersArb.map((f) => ({ kind: 'filters' as const, f })), weight: 1 }, { arbitrary: windowArb.map((w) => ({ kind: 'window' as const, w })), weight: 3 });
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), filtersArb, fc.array(stepArb, { minLength: 1, maxLength: 12 }), (specs, initial, steps) => {
        const index = buildQueryIndex(buildDataset('t', meta, toEvents(specs)));
        const evaluator = new Evaluator(index);
        let filters = initial;
        for (const step of [{ kind: 'filters' as const, f: initial }, ...steps]) {
          filters = step.kind === 'filters' ? step.f : { ...filters, window: step.w };
          const before = evaluator.run(filters);
          expect([...before.rows]).toEqual([...applyFilters(index, filters)]);
          expect(before.counts).toEqual(facetCounts(index, filters));
          expect([...before.timeless]).toEqual([...applyFilters(index, { ...filters, window: null })]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hands back the same timeless array while only the window moves', () => {
    const index = buildQueryIndex(buildDataset('t', meta, toEvents(fc.sample(eventArb, { numRuns: 40, seed: 7 }))));
    const evaluator = new Evaluator(index);
    const day = 86_400_000;
    const base = { ...NO_FILTERS, categories: [CATEGORIES[0]!], window: { start: Date.UTC(2020, 0, 5), end: Date.UTC(2020, 0, 20) } };
    const a = evaluator.run(base);
    const b = evaluator.run({ ...base, window: { start: base.window.start + day, end: base.window.end + day } });
    expect(b.timeless).toBe(a.timeless);
    const c = evaluator.run({ ...base, categories: [...CATEGORIES] });
    expect(c.timeless).not.toBe(a.timeless);
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
