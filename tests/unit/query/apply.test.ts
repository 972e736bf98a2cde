import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { applyFilters, facetCounts } from '../../../src/lib/query/apply';
import { Evaluator } from '../../../src/lib/query/brushing';
import { NO_FILTERS } from '../../../src/lib/query/filters';
import { buildQueryIndex, groupBySpan } from '../../../src/lib/query/query-index';
import { normalizeText, queryWords } from '../../../src/lib/query/text';
import { CATEGORIES, eventArb, filtersArb, meta, reference, toEvents, type Spec } from './arbitraries';

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
  }, 60_000);

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
  }, 60_000);

  it('the Evaluator gives the same rows, counts and timeless rows as the reference, through any sequence of changes', () => {
    // A session: random filter changes, most of them window moves (the incremental path).
    const windowArb = filtersArb.map((f) => f.window);
    const categoriesArb = filtersArb.map((f) => f.categories);
    const stepArb = fc.oneof(
      { arbitrary: filtersArb.map((f) => ({ kind: 'filters' as const, f })), weight: 1 },
      { arbitrary: windowArb.map((w) => ({ kind: 'window' as const, w })), weight: 3 },
      { arbitrary: categoriesArb.map((c) => ({ kind: 'categories' as const, c })), weight: 2 },
      // Idle time: the evaluator builds and writes ahead (its warm-up toggles rows and puts them back).
      { arbitrary: fc.constant({ kind: 'idle' as const }), weight: 1 },
    );
    let deltas = 0;
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 60 }),
        filtersArb,
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        (specs, initial, steps) => {
          const index = buildQueryIndex(buildDataset('t', meta, toEvents(specs)));
          const evaluator = new Evaluator(index);
          let filters = initial;
          let previous: Uint32Array | null = null;
          // Every list handed out, with a copy: views keep them, so none may change afterwards.
          const handed: [Uint32Array, number[]][] = [];
          for (const step of [{ kind: 'filters' as const, f: initial }, ...steps]) {
            if (step.kind === 'idle') {
              while (evaluator.prepare());
              continue;
            }
            filters =
              step.kind === 'filters'
                ? step.f
                : step.kind === 'window'
                  ? { ...filters, window: step.w }
                  : { ...filters, categories: step.c };
            const before = evaluator.run(filters);
            expect([...before.rows]).toEqual([...applyFilters(index, filters)]);
            expect(before.counts).toEqual(facetCounts(index, filters));
            expect([...before.timeless]).toEqual([...applyFilters(index, { ...filters, window: null })]);
            // The map's "no location" count, kept by difference, matches a count of the rows.
            expect(before.unlocated).toBe(
              [...before.rows].filter((r) => Number.isNaN(index.dataset.columns.lat[r]!)).length,
            );
            // A delta refers to the previous rows and turns them into these.
            if (before.delta) {
              deltas += before.delta.entered.length + before.delta.left.length;
              expect(before.delta.from).toBe(previous);
              const left = new Set(before.delta.left);
              const rebuilt = [...previous!]
                .filter((r) => !left.has(r))
                .concat([...before.delta.entered])
                .sort((a, b) => a - b);
              expect(rebuilt).toEqual([...before.rows]);
              expect(before.delta.left.every((r) => previous!.includes(r))).toBe(true);
              expect(before.delta.entered.every((r) => !previous!.includes(r))).toBe(true);
              // Each list ascending, as views that merge them rely on.
              const ascending = (rows: Uint32Array) => rows.every((r, i) => i === 0 || rows[i - 1]! < r);
              expect(ascending(before.delta.entered) && ascending(before.delta.left)).toBe(true);
            }
            previous = before.rows;
            for (const list of [before.rows, before.timeless, before.delta?.entered, before.delta?.left])
              if (list) handed.push([list, [...list]]);
          }
          for (const [list, copy] of handed) expect([...list]).toEqual(copy);
        },
      ),
      { numRuns: 300 },
    );
    // The incremental path ran, with rows crossing the window's edges.
    expect(deltas).toBeGreaterThan(0);
  }, 60_000);

  it('lists the window\u2019s rows right when a few long ranges sit among many short events', () => {
    // Days and short ranges, with a year-long event now and then: several span groups.
    const specs = fc
      .sample(eventArb, { numRuns: 1500, seed: 11 })
      .map((s, i) => ({ ...s, precision: i % 97 === 0 ? 'year' : 'day' }) as Spec);
    const index = buildQueryIndex(buildDataset('t', meta, toEvents(specs)));
    expect(index.spanGroups.length).toBeGreaterThan(2);
    const evaluator = new Evaluator(index);
    const windows = fc.sample(
      filtersArb.map((f) => f.window),
      { numRuns: 300, seed: 13 },
    );
    let moved = 0;
    for (const base of fc.sample(filtersArb, { numRuns: 8, seed: 12 })) {
      // Brushing: the other filters stay, the window moves (the incremental path).
      for (const window of windows) {
        const filters = { ...base, window };
        const result = evaluator.run(filters);
        if (result.delta) moved++;
        expect([...result.rows]).toEqual([...applyFilters(index, filters)]);
      }
    }
    expect(moved).toBeGreaterThan(100);
  }, 60_000);

  it('prepares ahead in a few pieces, one per call, and gives the same answers after', () => {
    const specs = fc.sample(eventArb, { numRuns: 300, seed: 21 });
    const index = buildQueryIndex(buildDataset('t', meta, toEvents(specs)));
    const evaluator = new Evaluator(index);
    // Row orders, the toggle's warm-up, then memory for the lists written ahead.
    let pieces = 1;
    while (evaluator.prepare()) pieces++;
    expect(pieces).toBeGreaterThan(2);
    expect(pieces).toBeLessThan(10);
    expect(evaluator.prepare()).toBe(false);
    for (const base of fc.sample(filtersArb, { numRuns: 20, seed: 22 })) {
      for (const categories of [null, ['strike'], ['strike', 'meeting']]) {
        const filters = { ...base, categories };
        expect([...evaluator.run(filters).rows]).toEqual([...applyFilters(index, filters)]);
      }
    }
  });

  it('hands back the same timeless array while only the window moves', () => {
    const index = buildQueryIndex(buildDataset('t', meta, toEvents(fc.sample(eventArb, { numRuns: 40, seed: 7 }))));
    const evaluator = new Evaluator(index);
    const day = 86_400_000;
    const base = {
      ...NO_FILTERS,
      categories: [CATEGORIES[0]!],
      window: { start: Date.UTC(2020, 0, 5), end: Date.UTC(2020, 0, 20) },
    };
    const a = evaluator.run(base);
    const b = evaluator.run({ ...base, window: { start: base.window.start + day, end: base.window.end + day } });
    expect(b.timeless).toBe(a.timeless);
    expect(a.delta).toBeNull();
    expect(b.delta?.from).toBe(a.rows);
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

describe('groupBySpan', () => {
  it('puts every row in one group, ascending, with no row longer than its group\u2019s span', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e11 })), { maxLength: 300 }),
        (spans) => {
          const start = Float64Array.from(spans, ([s]) => s);
          const end = Float64Array.from(spans, ([s, d]) => s + d);
          const groups = groupBySpan(start, end);
          expect(groups.flatMap((g) => [...g.rows]).sort((a, b) => a - b)).toEqual(spans.map((_, i) => i));
          for (const g of groups) {
            expect([...g.rows]).toEqual([...g.rows].sort((a, b) => a - b));
            for (const row of g.rows) expect(end[row]! - start[row]!).toBeLessThanOrEqual(g.span);
            // Within a power of two: the group's shortest member is over half its span.
            const shortest = Math.min(...[...g.rows].map((r) => end[r]! - start[r]!));
            expect(shortest === 0 || shortest <= 1 || shortest * 2 > g.span).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('keeps the one multi-year range apart from thousands of one-day events', () => {
    const day = 86_400_000;
    const n = 5000;
    const start = Float64Array.from({ length: n }, (_, i) => i * day);
    const end = Float64Array.from({ length: n }, (_, i) => i * day + (i === 10 ? 3000 * day : day));
    const groups = groupBySpan(start, end);
    expect(groups.map((g) => [g.span / day, g.rows.length])).toEqual([
      [1, n - 1],
      [3000, 1],
    ]);
  });
});
