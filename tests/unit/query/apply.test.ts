import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { DAY_MS, eventSpan, parseIsoDate } from '../../../src/lib/model/dates';
import type { DatasetMeta, EventRecord } from '../../../src/lib/model/types';
import { applyFilters, facetCounts } from '../../../src/lib/query/apply';
import { evaluate } from '../../../src/lib/query/evaluate';
import { NO_FILTERS, type Filters } from '../../../src/lib/query/filters';
import { buildQueryIndex } from '../../../src/lib/query/query-index';
import { normalizeText, queryWords } from '../../../src/lib/query/text';

const CATEGORIES = ['strike', 'ceasefire', 'meeting'];
const ACTORS = ['Armenia', 'Azerbaijan', 'Russia', 'NATO'];
const TAGS = ['karabakh', 'new-start', 'belarus'];
const WORDS = ['Ganja', 'Shusha', 'Çavuşoğlu', 'truce', 'missile'];
const meta: DatasetMeta = {
  title: 'T', description: '', license: '', updated: '',
  categories: CATEGORIES.map((id) => ({ id, label: id, color: '#000000' })),
};

const pad = (n: number) => String(n).padStart(2, '0');
const eventArb = fc.record({
  // A narrow range of days so window edges often meet event edges, where off-by-one bugs live.
  day: fc.integer({ min: 0, max: 60 }),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  precision: fc.constantFrom('day', 'month', 'year'),
  category: fc.constantFrom(...CATEGORIES),
  actors: fc.subarray(ACTORS),
  tags: fc.subarray(TAGS),
  word: fc.constantFrom(...WORDS),
  located: fc.boolean(),
  lat: fc.double({ min: -60, max: 70, noNaN: true }),
  lon: fc.double({ min: -179, max: 179, noNaN: true }),
});

type Spec = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function toEvents(specs: Spec[]): EventRecord[] {
  return specs.map((s, i) => {
    const d = new Date(Date.UTC(2020, 0, 1) + s.day * DAY_MS);
    const iso = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const date = s.precision === 'year' ? iso.slice(0, 4) : s.precision === 'month' ? iso.slice(0, 7) : iso;
    const e = new Date(d.getTime() + s.length * DAY_MS);
    const end = `${e.getUTCFullYear()}-${pad(e.getUTCMonth() + 1)}-${pad(e.getUTCDate())}`;
    return {
      id: `e${i}`,
      title: `Event ${i} ${s.word}`,
      summary: 'Summary',
      date,
      ...(s.length && s.precision === 'day' ? { end } : {}),
      category: s.category,
      actors: s.actors,
      tags: s.tags,
      location: s.located ? { name: 'Place', lat: s.lat, lon: s.lon, precision: 'city' as const } : null,
      sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
    };
  });
}

const filtersArb = fc.record({
  categories: fc.option(fc.subarray(CATEGORIES), { nil: null }),
  actors: fc.subarray(ACTORS, { maxLength: 2 }),
  tags: fc.subarray(TAGS, { maxLength: 2 }),
  text: fc.oneof(fc.constant(''), fc.constantFrom(...WORDS).map((w) => w.toUpperCase()), fc.constant('cavusoglu event')),
  window: fc.option(
    fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: 1, max: 30 })).map(([d, len]) => ({
      start: Date.UTC(2020, 0, 1) + d * DAY_MS,
      end: Date.UTC(2020, 0, 1) + (d + len) * DAY_MS,
    })),
    { nil: null },
  ),
  inView: fc.boolean(),
  bounds: fc.option(
    fc.record({ south: fc.constant(-20), north: fc.constant(50), west: fc.constantFrom(-100, 150), east: fc.constantFrom(60, -150) }),
    { nil: null },
  ),
});

/** The obvious, slow definition the engine must agree with. */
function reference(events: EventRecord[], f: Filters): string[] {
  return events
    .filter((e) => {
      const start = parseIsoDate(e.date);
      const end = e.end ? parseIsoDate(e.end) : undefined;
      if (!start.ok) return false;
      const span = eventSpan(start.value, end?.ok ? end.value : undefined);
      if (f.window && !(span.start < f.window.end && span.end > f.window.start)) return false;
      if (f.categories && !f.categories.includes(e.category)) return false;
      if (f.actors.length && !f.actors.some((a) => e.actors?.includes(a))) return false;
      if (f.tags.length && !f.tags.some((t) => e.tags?.includes(t))) return false;
      const hay = normalizeText(`${e.title}\n${e.summary}\n${e.location?.name ?? ''}\n${(e.actors ?? []).join('\n')}\n${(e.tags ?? []).join('\n')}\nP\nT`);
      if (!queryWords(f.text).every((w) => hay.includes(w))) return false;
      if (f.inView && f.bounds) {
        if (!e.location) return false;
        const { south, north, west, east } = f.bounds;
        const inLon = west > east ? e.location.lon >= west || e.location.lon <= east : e.location.lon >= west && e.location.lon <= east;
        if (!(e.location.lat >= south && e.location.lat <= north && inLon)) return false;
      }
      return true;
    })
    .map((e) => e.id)
    .sort();
}

describe('applyFilters', () => {
  it('agrees with a brute-force reference on random data and filters', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 0, maxLength: 60 }), filtersArb, (specs, filters) => {
        const events = toEvents(specs);
        const index = buildQueryIndex(buildDataset('t', meta, events));
        const rows = applyFilters(index, filters);
        const ids = [...rows].map((r) => index.dataset.events[r]!.id).sort();
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
