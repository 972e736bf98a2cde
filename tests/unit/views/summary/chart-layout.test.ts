import { describe, expect, it } from 'vitest';
import { daysFromCivil, DAY_MS } from '../../../../src/lib/model/dates';
import { binStart, binOf, type TimeUnit } from '../../../../src/lib/model/time-units';
import type { BinSeries } from '../../../../src/lib/query/summary';
import { describeBar, layoutChart, MARGIN } from '../../../../src/lib/views/summary/chart-layout';

function series(unit: TimeUnit, from: number, counts: number[][], fatal?: [number, number, number][]): BinSeries {
  const n = counts[0]!.length;
  const b0 = binOf(from, unit);
  return {
    unit,
    edges: Array.from({ length: n + 1 }, (_, k) => binStart(b0 + k, unit)),
    counts,
    fatalEvents: fatal?.map((f) => f[0]) ?? new Array<number>(n).fill(0),
    fatalMin: fatal?.map((f) => f[1]) ?? new Array<number>(n).fill(0),
    fatalMax: fatal?.map((f) => f[2]) ?? new Array<number>(n).fill(0),
    before: { events: 0, fatalMin: 0, fatalMax: 0 },
  };
}

const oct2020 = daysFromCivil(2020, 10, 1) * DAY_MS;

describe('layoutChart', () => {
  it('stacks each bar’s categories bottom up to its total, on whole-number ticks', () => {
    const s = series('day', oct2020, [
      [1, 0, 2],
      [1, 1, 0],
    ]);
    const layout = layoutChart(s, 'events', 300, 168);
    expect(layout.yTicks.map((t) => t.value)).toEqual([0, 1, 2]);
    const [first] = layout.bars;
    expect(first!.total).toBe(2);
    expect(first!.segments.map((g) => g.stack)).toEqual([0, 1]);
    // The upper segment sits on the lower one.
    expect(first!.segments[1]!.y + first!.segments[1]!.height).toBeCloseTo(first!.segments[0]!.y, 6);
    // Bars never overlap and stay inside the plot.
    for (const [a, b] of layout.bars.slice(0, -1).map((bar, i) => [bar, layout.bars[i + 1]!]))
      expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x + 1e-9);
    const last = layout.bars.at(-1)!;
    expect(last.x + last.width).toBeLessThanOrEqual(300 - MARGIN.right + 1e-9);
  });

  it('draws a fatality range as a solid low part and a pale part up to the high sum', () => {
    const s = series(
      'month',
      oct2020,
      [[3, 1]],
      [
        [2, 10, 25],
        [0, 0, 0],
      ],
    );
    const { bars } = layoutChart(s, 'fatalities', 300, 168);
    expect(bars[0]!.total).toBe(25);
    expect(bars[0]!.range!.low.value).toBe(10);
    expect(bars[0]!.range!.high.value).toBe(15);
    expect(describeBar(s, 0, 'fatalities', ['A'])).toBe('Oct 2020: 10–25 fatalities reported, in 2 events');
    expect(describeBar(s, 1, 'fatalities', ['A'])).toBe('Nov 2020: no fatality figures reported');
  });

  it('labels time without running past the right edge, and puts the year on the first label and on each new year', () => {
    const counts = [new Array<number>(60).fill(1)];
    const s = series('day', daysFromCivil(2020, 12, 1) * DAY_MS, counts);
    const layout = layoutChart(s, 'events', 360, 168);
    expect(layout.xTicks[0]!.label).toBe('1 Dec 2020');
    expect(layout.xTicks.some((t) => t.label.endsWith('2021'))).toBe(true);
    for (const t of layout.xTicks) expect(t.x).toBeLessThanOrEqual(360 - 74 + MARGIN.right);
    for (let i = 1; i < layout.xTicks.length; i++)
      expect(layout.xTicks[i]!.x - layout.xTicks[i - 1]!.x).toBeGreaterThanOrEqual(74 - 1e-9);
  });

  it('describes a bar with its categories', () => {
    const s = series('year', daysFromCivil(2020, 1, 1) * DAY_MS, [[3], [1]]);
    expect(describeBar(s, 0, 'events', ['Strike', 'Ceasefire'])).toBe('2020: 4 events (Strike 3, Ceasefire 1)');
  });
});
