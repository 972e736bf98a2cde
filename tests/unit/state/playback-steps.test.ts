import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS } from '../../../src/lib/model/dates';
import { binOf, binStart, floorTo, TIME_UNITS, type TimeUnit } from '../../../src/lib/model/time-units';
import {
  defaultUnit,
  firstStep,
  holdsEvents,
  nextStep,
  stepLabel,
  trackOf,
  type PlaybackPlan,
  type Track,
} from '../../../src/lib/state/playback-steps';
import type { TimeWindow } from '../../../src/lib/query/filters';
import { at, span } from '../views/timeline/helpers';

/** A track of events given as ISO dates ("2020-10-01", or [start, end] for a range), in time order. */
function trackFrom(dates: (string | [string, string])[]): Track {
  const start = new Float64Array(dates.length);
  const end = new Float64Array(dates.length);
  dates.forEach((d, i) => {
    start[i] = span(typeof d === 'string' ? d : d[0]).start;
    end[i] = span(typeof d === 'string' ? d : d[1]).end;
  });
  return trackOf(Uint32Array.from(dates.keys()), start, end);
}

/** Every window a playback shows, from its first to its last (bounded, so a loop that never ends fails). */
function play(track: Track, current: TimeWindow | null, plan: PlaybackPlan): TimeWindow[] {
  const shown: TimeWindow[] = [];
  let w = firstStep(track, current, plan);
  while (w && shown.length < 10_000) {
    shown.push(w);
    w = nextStep(track, w, plan);
  }
  return shown;
}

/** Windows as "from/to" (to exclusive) ISO days, to read at a glance. */
function iso(windows: TimeWindow[]): string[] {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return windows.map((w) => `${day(w.start)}/${day(w.end)}`);
}

/** Like the bundled data: two events in 2010-2011, none in 2012-2019, a war in 2020, a few since. */
const BUNDLED = trackFrom([
  '2010-03-01',
  '2011-05-01',
  '2020-09-27',
  '2020-10-10',
  '2020-11-10',
  '2021-02-01',
  '2023-06-15',
  '2025-01-20',
]);

describe('holdsEvents', () => {
  const track = trackFrom(['2015-03-01', ['2016-01-01', '2017-12-31'], '2019-05-05']);
  it.each<[string, string, string, boolean]>([
    ['an event starts inside', '2015-01-01', '2015-04-01', true],
    ['the window ends as the event starts', '2015-01-01', '2015-03-01', false],
    ['the window starts as the event ends', '2015-03-02', '2015-04-01', false],
    ['a range that began before still runs', '2017-06-01', '2017-07-01', true],
    ['after the range, before the next event', '2018-01-01', '2019-01-01', false],
    ['after everything', '2020-01-01', '2021-01-01', false],
  ])('%s', (_, from, to, expected) => {
    expect(holdsEvents(track, at(from), at(to))).toBe(expected);
  });
});

describe('sliding playback', () => {
  it('steps a year at a time and skips the empty years', () => {
    expect(iso(play(BUNDLED, null, { unit: 'year', mode: 'slide' }))).toEqual([
      '2010-01-01/2011-01-01',
      '2011-01-01/2012-01-01',
      '2020-01-01/2021-01-01',
      '2021-01-01/2022-01-01',
      '2023-01-01/2024-01-01',
      '2025-01-01/2026-01-01',
    ]);
  });

  it('keeps the window two months wide and moves it a month a step, from the current window', () => {
    const current = { start: at('2020-08-01'), end: at('2020-10-01') };
    expect(iso(play(BUNDLED, current, { unit: 'month', mode: 'slide' })).slice(0, 5)).toEqual([
      '2020-08-01/2020-10-01',
      '2020-09-01/2020-11-01',
      '2020-10-01/2020-12-01',
      '2020-11-01/2021-01-01',
      // December to January holds nothing: the next window holding February 2021.
      '2021-01-01/2021-03-01',
    ]);
  });

  it('snaps a window set by hand to the unit first', () => {
    const current = { start: at('2020-09-27T10:15Z'), end: at('2020-11-10T18:00Z') };
    expect(iso([firstStep(BUNDLED, current, { unit: 'day', mode: 'slide' })!])).toEqual(['2020-09-27/2020-11-11']);
    expect(iso([firstStep(BUNDLED, current, { unit: 'week', mode: 'slide' })!])).toEqual(['2020-09-28/2020-11-09']);
  });

  it('starts over from the data when the window has nothing after it', () => {
    const current = { start: at('2025-01-01'), end: at('2026-01-01') };
    expect(iso([firstStep(BUNDLED, current, { unit: 'year', mode: 'slide' })!])).toEqual(['2010-01-01/2011-01-01']);
  });

  it('shows the years a long range runs through, though no event starts in them', () => {
    const track = trackFrom(['2014-06-01', ['2015-01-01', '2016-12-31'], '2019-05-05']);
    expect(iso(play(track, null, { unit: 'year', mode: 'slide' }))).toEqual([
      '2014-01-01/2015-01-01',
      '2015-01-01/2016-01-01',
      '2016-01-01/2017-01-01',
      '2019-01-01/2020-01-01',
    ]);
  });

  it('weeks start on Monday', () => {
    const track = trackFrom(['2020-10-01', '2020-10-08']);
    expect(iso(play(track, null, { unit: 'week', mode: 'slide' }))).toEqual([
      '2020-09-28/2020-10-05',
      '2020-10-05/2020-10-12',
    ]);
  });
});

describe('cumulative playback', () => {
  it('keeps the data start and moves the end to each unit that adds events, ending with all of them', () => {
    expect(iso(play(BUNDLED, null, { unit: 'year', mode: 'cumulative' }))).toEqual([
      '2010-01-01/2011-01-01',
      '2010-01-01/2012-01-01',
      '2010-01-01/2021-01-01',
      '2010-01-01/2022-01-01',
      '2010-01-01/2024-01-01',
      '2010-01-01/2026-01-01',
    ]);
  });

  it('resumes a cumulative window that has events still to come; starts over otherwise', () => {
    const plan: PlaybackPlan = { unit: 'month', mode: 'cumulative' };
    const paused = { start: at('2010-03-01'), end: at('2020-10-01') };
    expect(iso([firstStep(BUNDLED, paused, plan)!])).toEqual(['2010-03-01/2020-10-01']);
    expect(iso([nextStep(BUNDLED, paused, plan)!])).toEqual(['2010-03-01/2020-11-01']);
    const elsewhere = { start: at('2020-09-01'), end: at('2020-12-01') };
    expect(iso([firstStep(BUNDLED, elsewhere, plan)!])).toEqual(['2010-03-01/2010-04-01']);
    const done = { start: at('2010-03-01'), end: at('2025-02-01') };
    expect(iso([firstStep(BUNDLED, done, plan)!])).toEqual(['2010-03-01/2010-04-01']);
  });
});

describe('no events', () => {
  it('has no first step', () => {
    const empty = trackFrom([]);
    expect(firstStep(empty, null, { unit: 'day', mode: 'slide' })).toBeNull();
    expect(firstStep(empty, null, { unit: 'day', mode: 'cumulative' })).toBeNull();
  });
});

describe('any events, any unit', () => {
  /** Events as [start day, length in days], sorted by start, from about 1962 to 1978. */
  const eventsArb = fc
    .array(fc.tuple(fc.integer({ min: -3_000, max: 3_000 }), fc.integer({ min: 1, max: 400 })), {
      minLength: 1,
      maxLength: 40,
    })
    .map((events) => events.sort((a, b) => a[0] - b[0]));
  const trackOfDays = (events: [number, number][]): Track =>
    trackOf(
      Uint32Array.from(events.keys()),
      Float64Array.from(events, ([s]) => s * DAY_MS),
      Float64Array.from(events, ([s, n]) => (s + n) * DAY_MS),
    );
  const count = (events: [number, number][], w: TimeWindow) => {
    let n = 0;
    for (const [s, length] of events) if (s * DAY_MS < w.end && (s + length) * DAY_MS > w.start) n++;
    return n;
  };
  const onBoundaries = (w: TimeWindow, u: TimeUnit) => floorTo(w.start, u) === w.start && floorTo(w.end, u) === w.end;

  it('sliding: every window shown holds events, every one skipped holds none', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom(...TIME_UNITS), fc.integer({ min: 1, max: 4 }), (events, unit, width) => {
        const track = trackOfDays(events);
        const first = binOf(events[0]![0] * DAY_MS, unit);
        const shown = play(
          track,
          { start: binStart(first, unit), end: binStart(first + width, unit) },
          {
            unit,
            mode: 'slide',
          },
        );
        expect(shown.length).toBeGreaterThan(0);
        const bad = shown.filter(
          (w) =>
            !onBoundaries(w, unit) || binOf(w.end, unit) - binOf(w.start, unit) !== width || count(events, w) === 0,
        );
        expect(bad).toEqual([]);
        // Between two shown windows (and after the last, up to the latest end) none holds an event.
        const lastEnd = Math.max(...events.map(([s, n]) => (s + n) * DAY_MS));
        const starts = new Set(shown.map((w) => binOf(w.start, unit)));
        const wrong: number[] = [];
        for (let k = binOf(shown[0]!.start, unit); binStart(k, unit) < lastEnd; k++) {
          const w = { start: binStart(k, unit), end: binStart(k + width, unit) };
          if (count(events, w) > 0 !== starts.has(k)) wrong.push(k);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('cumulative: a fixed start, each step adds events, and the last shows them all', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom(...TIME_UNITS), (events, unit) => {
        const track = trackOfDays(events);
        const shown = play(track, null, { unit, mode: 'cumulative' });
        let before = 0;
        for (const w of shown) {
          expect(onBoundaries(w, unit)).toBe(true);
          expect(w.start).toBe(floorTo(events[0]![0] * DAY_MS, unit));
          const now = count(events, w);
          expect(now).toBeGreaterThan(before);
          before = now;
        }
        expect(before).toBe(events.length);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('defaultUnit', () => {
  it.each<[string, string | null, string | null, TimeUnit]>([
    ['a brushed month steps by months', '2020-10-01', '2020-11-01', 'month'],
    ['a whole year by years', '2020-01-01', '2021-01-01', 'year'],
    ['three whole months by months', '2020-09-01', '2020-12-01', 'month'],
    ['ten whole days by days', '2020-10-03', '2020-10-13', 'day'],
    ['27 Sep - 10 Nov (whole days, too many of them) by weeks', '2020-09-27', '2020-11-11', 'week'],
    ['two years and a bit, not on month edges, by years', '2019-12-15', '2022-01-20', 'year'],
    ["no window: across the bundled data's span by years", null, null, 'year'],
  ])('%s', (_, from, to, expected) => {
    const window = from && to ? { start: at(from), end: at(to) } : null;
    expect(defaultUnit(window, { start: at('2009-07-01'), end: at('2026-06-01') })).toBe(expected);
  });

  it('without a window, a few months of data step by weeks', () => {
    expect(defaultUnit(null, { start: at('2020-09-20'), end: at('2020-11-20') })).toBe('week');
  });
});

describe('stepLabel', () => {
  it.each<[string, string, string, TimeUnit, string]>([
    ['a day', '2020-09-28', '2020-09-29', 'day', '28 Sep 2020'],
    ['days', '2020-09-27', '2020-11-11', 'day', '27 Sep – 10 Nov 2020'],
    ['a week', '2020-09-28', '2020-10-05', 'week', '28 Sep – 4 Oct 2020'],
    ['a month', '2020-10-01', '2020-11-01', 'month', 'Oct 2020'],
    ['months in a year', '2020-09-01', '2020-12-01', 'month', 'Sep – Nov 2020'],
    ['months across years', '2020-11-01', '2021-03-01', 'month', 'Nov 2020 – Feb 2021'],
    ['a year', '2020-01-01', '2021-01-01', 'year', '2020'],
    ['a cumulative window', '2010-01-01', '2021-01-01', 'year', '2010 – 2020'],
  ])('%s', (_, from, to, unit, expected) => {
    expect(stepLabel({ start: at(from), end: at(to) }, unit)).toBe(expected);
  });
});
