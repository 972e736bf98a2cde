import { describe, expect, it } from 'vitest';
import { binIso, binLabel, binTick, binYear, isoDayOf } from '../../../src/lib/model/bin-labels';
import { daysFromCivil, DAY_MS } from '../../../src/lib/model/dates';
import { binOf, type TimeUnit } from '../../../src/lib/model/time-units';

const at = (y: number, m: number, d: number) => daysFromCivil(y, m, d) * DAY_MS;

describe('bin labels', () => {
  const cases: [TimeUnit, number, string, string, string][] = [
    ['day', at(2020, 9, 27), '2020-09-27', '27 Sep 2020', '27 Sep'],
    // 27 Sep 2020 was a Sunday: its ISO week began on Monday 21 Sep.
    ['week', at(2020, 9, 27), '2020-09-21', '21–27 Sep 2020', '21 Sep'],
    ['week', at(2020, 12, 31), '2020-12-28', '28 Dec 2020 – 3 Jan 2021', '28 Dec'],
    ['month', at(2020, 11, 10), '2020-11', 'Nov 2020', 'Nov'],
    ['year', at(2021, 2, 5), '2021', '2021', '2021'],
    ['day', at(1969, 12, 31), '1969-12-31', '31 Dec 1969', '31 Dec'],
    ['month', at(850, 3, 1), '0850-03', 'Mar AD 850', 'Mar'],
  ];
  it.each(cases)('%s bin of %d: iso %s, label %s, tick %s', (unit, t, iso, label, tick) => {
    const bin = binOf(t, unit);
    expect(binIso(bin, unit)).toBe(iso);
    expect(binLabel(bin, unit)).toBe(label);
    expect(binTick(bin, unit)).toBe(tick);
  });

  it('gives the year a bin lies in and pads early years', () => {
    expect(binYear(binOf(at(2020, 12, 31), 'month'), 'month')).toBe(2020);
    expect(isoDayOf(at(99, 1, 2))).toBe('0099-01-02');
  });
});
