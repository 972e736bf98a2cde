import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { eventSpan, parseIsoDate } from '../../../src/lib/model/dates';
import { packDataset } from '../../../src/lib/model/pack-build';
import { loadBytes } from '../../../src/lib/model/load-bytes';
import { datasetFromPack } from '../../../src/lib/model/dataset';
import { verifyPack } from '../../../src/lib/model/pack-verify';
import { binOf, binStart, TIME_UNITS, type TimeUnit } from '../../../src/lib/model/time-units';
import type { EventRecord, StatusKind } from '../../../src/lib/model/types';
import { Evaluator } from '../../../src/lib/query/brushing';
import { buildQueryIndex } from '../../../src/lib/query/query-index';
import { planStacks, SummaryTally, top, TOP_N, type Summary } from '../../../src/lib/query/summary';
import { eventArb, filtersArb, meta, reference, toEvents, type Spec } from './arbitraries';

const extraArb = fc.record({
  fatal: fc.option(
    fc.record({
      min: fc.integer({ min: 0, max: 50 }),
      extra: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      by: fc.option(fc.constantFrom('ACLED', 'UN OHCHR', 'Ministry of Defence'), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  status: fc.constantFrom<StatusKind>('confirmed', 'claimed', 'disputed'),
  place: fc.constantFrom('Shusha', 'Ganja', 'Stepanakert', 'Agdam'),
});

type Extra = typeof extraArb extends fc.Arbitrary<infer T> ? T : never;

function withExtras(specs: Spec[], extras: Extra[]): EventRecord[] {
  return toEvents(specs).map((e, i) => {
    const x = extras[i % Math.max(1, extras.length)];
    if (!x) return e;
    const out: EventRecord = { ...e, status: x.status === 'confirmed' ? { kind: 'confirmed' } : { kind: x.status } };
    if (out.location) out.location = { ...out.location, name: x.place };
    if (x.fatal) {
      out.fatalities = { min: x.fatal.min };
      if (x.fatal.extra) out.fatalities.max = x.fatal.min + x.fatal.extra;
      if (x.fatal.by) out.fatalities.by = x.fatal.by;
    }
    return out;
  });
}

/** The obvious definition over event objects. */
function expected(events: EventRecord[], ids: string[]): Summary {
  const chosen = events.filter((e) => ids.includes(e.id));
  const tally = (values: (string | undefined)[]) => {
    const m = new Map<string, number>();
    for (const v of values) if (v !== undefined) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const ranked = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_N)
      .map(([value, count]) => ({ value, count }));
  const withFigure = chosen.filter((e) => e.fatalities);
  return {
    events: chosen.length,
    located: chosen.filter((e) => e.location).length,
    categories: meta.categories.map((c) => chosen.filter((e) => e.category === c.id).length),
    statuses: ['confirmed', 'claimed', 'disputed'].map(
      (k) => chosen.filter((e) => (e.status?.kind ?? 'confirmed') === k).length,
    ),
    fatalities: {
      events: withFigure.length,
      min: withFigure.reduce((s, e) => s + e.fatalities!.min, 0),
      max: withFigure.reduce((s, e) => s + (e.fatalities!.max ?? e.fatalities!.min), 0),
      sources: ranked(tally(withFigure.map((e) => e.fatalities!.by))),
      unnamed: withFigure.filter((e) => !e.fatalities!.by).length,
    },
    actors: ranked(tally(chosen.flatMap((e) => e.actors ?? []))),
    actorCount: tally(chosen.flatMap((e) => e.actors ?? [])).size,
    places: ranked(tally(chosen.map((e) => e.location?.name))),
    placeCount: tally(chosen.map((e) => e.location?.name)).size,
  };
}

function startOf(e: EventRecord): number {
  const s = parseIsoDate(e.date);
  const end = e.end ? parseIsoDate(e.end) : undefined;
  if (!s.ok) throw new Error(s.message);
  return eventSpan(s.value, end?.ok ? end.value : undefined).start;
}

const unitArb = fc.constantFrom<TimeUnit>(...TIME_UNITS);

describe('SummaryTally', () => {
  it('agrees with a brute-force count through any sequence of filter changes, window moves and units', () => {
    const stepArb = fc.oneof(
      { arbitrary: filtersArb.map((f) => ({ kind: 'filters' as const, f })), weight: 1 },
      { arbitrary: filtersArb.map((f) => ({ kind: 'window' as const, w: f.window })), weight: 3 },
      { arbitrary: filtersArb.map((f) => ({ kind: 'categories' as const, c: f.categories })), weight: 2 },
      { arbitrary: unitArb.map((u) => ({ kind: 'unit' as const, u })), weight: 1 },
    );
    let incremental = 0;
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 60 }),
        fc.array(extraArb, { minLength: 1, maxLength: 60 }),
        filtersArb,
        fc.array(stepArb, { minLength: 1, maxLength: 10 }),
        (specs, extras, initial, steps) => {
          const events = withExtras(specs, extras);
          const dataset = buildDataset('t', meta, events);
          const index = buildQueryIndex(dataset);
          const evaluator = new Evaluator(index);
          const tally = new SummaryTally(dataset);
          const plan = planStacks(dataset);
          let filters = initial;
          let unit: TimeUnit = 'day';
          for (const step of [{ kind: 'filters' as const, f: initial }, ...steps]) {
            if (step.kind === 'unit') unit = step.u;
            else
              filters =
                step.kind === 'filters'
                  ? step.f
                  : step.kind === 'window'
                    ? { ...filters, window: step.w }
                    : { ...filters, categories: step.c };
            const result = evaluator.run(filters);
            if (result.delta) incremental++;
            tally.update(result.rows, result.delta);
            const ids = reference(events, filters);
            expect(tally.summary()).toEqual(expected(events, ids));
            if (events.length === 0) continue;
            // The chart's bins over the window (or the data), against each chosen event's start bin.
            const from = filters.window?.start ?? Math.min(...events.map(startOf));
            const to = filters.window?.end ?? Math.max(...events.map(startOf)) + 1;
            const series = tally.series(unit, from, to);
            const chosen = events.filter((e) => ids.includes(e.id));
            const b0 = binOf(from, unit);
            const bins = series.edges.length - 1;
            expect(series.edges[0]).toBe(binStart(b0, unit));
            const want = Array.from({ length: plan.members.length }, () => new Array<number>(bins).fill(0));
            const wantMin = new Array<number>(bins).fill(0);
            const wantMax = new Array<number>(bins).fill(0);
            let before = 0;
            for (const e of chosen) {
              const k = binOf(startOf(e), unit) - b0;
              if (k < 0) {
                before++;
                continue;
              }
              want[plan.stackOf[meta.categories.findIndex((c) => c.id === e.category)]!]![k]!++;
              wantMin[k]! += e.fatalities?.min ?? 0;
              wantMax[k]! += e.fatalities ? (e.fatalities.max ?? e.fatalities.min) : 0;
            }
            expect(series.counts).toEqual(want);
            expect(series.fatalMin).toEqual(wantMin);
            expect(series.fatalMax).toEqual(wantMax);
            expect(series.before.events).toBe(before);
            // Every chosen event is in a bin shown or counted as begun before.
            expect(series.counts.flat().reduce((a, b) => a + b, 0) + before).toBe(chosen.length);
          }
        },
      ),
      { numRuns: 250 },
    );
    expect(incremental).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the fatality and place columns through a pack, and reads them back', () => {
    const events = withExtras(
      fc.sample(eventArb, { numRuns: 80, seed: 5 }),
      fc.sample(extraArb, { numRuns: 80, seed: 6 }),
    );
    const dataset = buildDataset('t', meta, events);
    const loaded = loadBytes(packDataset(dataset).buffer as ArrayBuffer, 't.flpack');
    expect(loaded.ok && loaded.kind).toBe('pack');
    if (!loaded.ok || loaded.kind !== 'pack') return;
    const check = verifyPack(loaded.pack);
    if (!check.ok) throw new Error(check.message);
    const packed = datasetFromPack('t', check);
    const all = new Uint32Array(events.length).map((_, i) => i);
    const a = new SummaryTally(dataset);
    const b = new SummaryTally(packed);
    a.update(all, null);
    b.update(all, null);
    expect(b.summary()).toEqual(a.summary());
    expect(b.summary().fatalities.events).toBeGreaterThan(0);
    // Each record still agrees with its columns (a damaged record would say so).
    for (let r = 0; r < events.length; r++) expect(packed.events.problem(r)).toBeNull();
  });

  it('refuses a pack whose fatality columns are out of range', () => {
    const events = withExtras(fc.sample(eventArb, { numRuns: 10, seed: 7 }), [
      { fatal: { min: 3, extra: 2, by: 'ACLED' }, status: 'confirmed', place: 'Ganja' },
    ]);
    const bytes = packDataset(buildDataset('t', meta, events));
    const check = verifyPack(bytes.buffer as ArrayBuffer);
    if (!check.ok) throw new Error(check.message);
    // Low figure above the high one, in the pack's own bytes.
    check.arrays.fatalMin[0] = 10;
    check.arrays.fatalMax[0] = 2;
    const again = verifyPack(bytes.buffer as ArrayBuffer);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toMatch(/event 0 has an invalid fatality range/);
  });

  it('stacks the largest categories and puts the rest in one "Other" stack', () => {
    const many = {
      ...meta,
      categories: Array.from({ length: 14 }, (_, i) => ({ id: `c${i}`, label: `C${i}`, color: '#000000' })),
    };
    const events = Array.from({ length: 140 }, (_, i) => ({
      id: `e${i}`,
      title: 't',
      summary: '',
      date: '2020-01-01',
      // c13 is the largest, c0 the smallest.
      category: `c${Math.min(13, Math.floor(Math.sqrt(i * 1.4)))}`,
      sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
    }));
    const plan = planStacks(buildDataset('t', many, events));
    expect(plan.members.length).toBe(10);
    expect(plan.other).toBe(true);
    expect(plan.members[0]).toEqual([13]);
    expect(plan.members[9]!.length).toBe(5);
  });

  it('lists the largest counts first, ties in the dictionary order', () => {
    const column = { values: ['a', 'b', 'c', 'd'], offsets: new Uint32Array(1), codes: new Uint32Array(0) };
    expect(top(Uint32Array.from([2, 5, 0, 5]), column, 2)).toEqual([
      { value: 'b', count: 5 },
      { value: 'd', count: 5 },
    ]);
    expect(top(Uint32Array.from([0, 0, 0, 0]), column, 3)).toEqual([]);
  });
});
