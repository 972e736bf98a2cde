import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS } from '../../../../src/lib/model/dates';
import { brushUnit, snapBrush, type SnapUnit } from '../../../../src/lib/views/timeline/snap';
import { chooseTicks, type TickUnit } from '../../../../src/lib/views/timeline/ticks';
import { at } from './helpers';

describe('brushUnit', () => {
  it.each<[string, TickUnit, number, SnapUnit]>([
    ['a day axis snaps to days', 'day', DAY_MS / 12, 'day'],
    ['a month axis to months', 'month', DAY_MS, 'month'],
    ['a year axis to months while a month is 4 px or wider', 'year', (30.44 * DAY_MS) / 5, 'month'],
    ['a year axis to years where a month is thinner', 'year', (30.44 * DAY_MS) / 2, 'year'],
    ['an hour axis to hours', 'hour', 60_000, 'hour'],
    ['a minute axis to minutes', 'minute', 1000, 'minute'],
  ])('%s', (_, axis, msPerPx, expected) => {
    expect(brushUnit(axis, msPerPx)).toBe(expected);
  });

  it.each<[string, string, string, number, SnapUnit]>([
    // The bundled data's span on a 1,030 px strip (1200 px screen) and a 256 px one (360 px screen).
    ['sixteen years, wide', '2009-07-01', '2026-06-01', 1030, 'month'],
    ['sixteen years, narrow', '2009-07-01', '2026-06-01', 256, 'year'],
    ['a year', '2020-01-01', '2021-01-01', 1000, 'month'],
    ['six weeks', '2020-09-20', '2020-11-15', 1000, 'day'],
    ['a day', '2020-10-01', '2020-10-02', 1000, 'hour'],
  ])("for the strip's own axis: %s", (_, from, to, width, expected) => {
    const domain = { start: at(from), end: at(to) };
    const axis = chooseTicks(domain, width).unit;
    expect(brushUnit(axis, (domain.end - domain.start) / width)).toBe(expected);
  });
});

describe('snapBrush', () => {
  it.each<[string, string, string, SnapUnit, string, string]>([
    ['days', '2020-09-27T00:50Z', '2020-11-10T15:09Z', 'day', '2020-09-27', '2020-11-11'],
    ['months', '2020-06-24T00:50Z', '2021-03-01T15:09Z', 'month', '2020-07-01', '2021-03-01'],
    ['years', '2019-11-24T00:50Z', '2021-03-01T15:09Z', 'year', '2020-01-01', '2021-01-01'],
    ['hours', '2020-10-01T10:29Z', '2020-10-01T13:31Z', 'hour', '2020-10-01T10:00Z', '2020-10-01T14:00Z'],
    ['minutes', '2020-10-01T10:29:31Z', '2020-10-01T10:40:10Z', 'minute', '2020-10-01T10:30Z', '2020-10-01T10:40Z'],
    ['a sliver of an hour', '2020-10-01T10:05Z', '2020-10-01T10:20Z', 'hour', '2020-10-01T10:00Z', '2020-10-01T11:00Z'],
    ['hours before 1970', '1969-12-31T22:20Z', '1969-12-31T23:50Z', 'hour', '1969-12-31T22:00Z', '1970-01-01T00:00Z'],
    [
      'a sliver before 1970',
      '1969-12-31T22:40Z',
      '1969-12-31T23:10Z',
      'hour',
      '1969-12-31T22:00Z',
      '1969-12-31T23:00Z',
    ],
  ])('%s', (_, from, to, unit, wantFrom, wantTo) => {
    expect(snapBrush({ start: at(from), end: at(to) }, unit)).toEqual({ start: at(wantFrom), end: at(wantTo) });
  });

  it('never leaves a window empty, nor a second or millisecond in it', () => {
    const instant = fc.integer({ min: at('1500-01-01'), max: at('2500-01-01') });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 3 * DAY_MS }),
        fc.constantFrom<SnapUnit>('hour', 'minute'),
        (s, n, u) => {
          const w = snapBrush({ start: s, end: s + n }, u);
          expect(w.end).toBeGreaterThan(w.start);
          expect(w.start % 60_000 === 0 && w.end % 60_000 === 0).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);
});
