/**
 * The summary chart's geometry, pure: bars per bin (stacked by category, or a fatality range),
 * the count axis and the time labels. The component draws what this returns, the SVG export
 * draws the same, and the tests read it without a browser.
 */
import { scaleLinear } from 'd3-scale';
import { binLabel, binTick, binYear } from '../../model/bin-labels';
import { isolated } from '../../model/date-text';
import { dates } from '../../state/dates.svelte';
import { formatNumber, localName, t } from '../../i18n/i18n.svelte';
import { binOf } from '../../model/time-units';
import type { BinSeries } from '../../query/summary';

export type Measure = 'events' | 'fatalities';

export interface Segment {
  stack: number;
  y: number;
  height: number;
  value: number;
}

export interface Bar {
  /** Index into the series' bins. */
  index: number;
  x: number;
  width: number;
  /** Events: one segment per stack with events, bottom up. */
  segments: Segment[];
  /** Fatalities: the solid bar to the sum of low figures, the pale one up to the sum of high figures. */
  range: { low: Segment; high: Segment } | null;
  total: number;
}

export interface ChartLayout {
  bars: Bar[];
  yTicks: { value: number; y: number }[];
  xTicks: { x: number; label: string }[];
  /** Top of the count axis. */
  max: number;
  plot: { left: number; top: number; width: number; height: number };
}

export const MARGIN = { left: 40, right: 8, top: 8, bottom: 20 } as const;
/** Room a time label needs, with a gap: "28 Sep 2020" is wider than "Sep 2020" or "2020". */
const LABEL_PX = { day: 74, week: 74, month: 58, year: 40 } as const;

export function layoutChart(series: BinSeries, measure: Measure, width: number, height: number): ChartLayout {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, width - MARGIN.left - MARGIN.right),
    height: Math.max(1, height - MARGIN.top - MARGIN.bottom),
  };
  const bins = series.edges.length - 1;
  const totals = Array.from({ length: bins }, (_, i) =>
    measure === 'events' ? series.counts.reduce((sum, stack) => sum + stack[i]!, 0) : series.fatalMax[i]!,
  );
  const top = Math.max(1, ...totals);
  const y = scaleLinear()
    .domain([0, top])
    .nice(4)
    .range([plot.top + plot.height, plot.top]);
  const max = y.domain()[1]!;
  const step = plot.width / Math.max(1, bins);
  // A gap between bars while they are wide enough to spare it.
  const gap = step >= 4 ? 1 : 0;
  const segment = (stack: number, from: number, value: number): Segment => ({
    stack,
    y: y(from + value),
    height: y(from) - y(from + value),
    value,
  });
  const bars: Bar[] = [];
  for (let i = 0; i < bins; i++) {
    const x = plot.left + i * step;
    let segments: Segment[] = [];
    let range: Bar['range'] = null;
    if (measure === 'events') {
      let from = 0;
      series.counts.forEach((counts, stack) => {
        const v = counts[i]!;
        if (v > 0) segments.push(segment(stack, from, v));
        from += v;
      });
    } else {
      const low = series.fatalMin[i]!;
      const high = series.fatalMax[i]!;
      range = { low: segment(0, 0, low), high: segment(0, low, high - low) };
      segments = [];
    }
    bars.push({ index: i, x: x + gap / 2, width: Math.max(1, step - gap), segments, range, total: totals[i]! });
  }
  // Counts and figures are whole numbers: no tick at 0.5.
  const yTicks = y
    .ticks(Math.min(4, max))
    .filter(Number.isInteger)
    .map((value) => ({ value, y: y(value) }));
  return { bars, yTicks, xTicks: timeTicks(series, plot.left, step, bins), max, plot };
}

/**
 * Every k-th bin is labelled, k chosen so labels keep LABEL_PX apart; the first label and the
 * first of each year carry the year, so "Sep … Jan 2021" never leaves the year to guess.
 */
function timeTicks(series: BinSeries, left: number, step: number, bins: number): { x: number; label: string }[] {
  const unit = series.unit;
  const first = binOf(series.edges[0]!, unit);
  const every = Math.max(1, Math.ceil(LABEL_PX[unit] / step));
  const ticks: { x: number; label: string }[] = [];
  let lastYear: number | null = null;
  // A label needs its room before the plot's right edge, or it is cut off there.
  const right = left + step * bins;
  for (let i = 0; i < bins; i += every) {
    if (i > 0 && left + i * step + LABEL_PX[unit] > right + MARGIN.right) break;
    const bin = first + i;
    const year = binYear(bin, unit);
    let label = binTick(bin, unit, dates.words);
    if (unit !== 'year' && year !== lastYear) label = `${label} ${year}`;
    lastYear = year;
    // Time runs left to right here too: a right-to-left language's label is isolated (ticks.ts).
    ticks.push({ x: left + i * step, label: isolated(label, dates.words) });
  }
  return ticks;
}

/** "Other" (several small categories together): a neutral grey that reads in both themes. */
export const OTHER_COLOR = '#8a94a3';

/** Each stack's colour: its category's, lifted on a dark panel as the timeline lifts it. */
export function stackColors(
  members: readonly (readonly number[])[],
  categories: readonly { color: string }[],
  lift: (hex: string) => string,
): string[] {
  return members.map((cats) => (cats.length === 1 ? lift(categories[cats[0]!]!.color) : OTHER_COLOR));
}

/** A stack's name: its category's label, or "Other (n categories)". */
export function stackLabels(
  members: readonly (readonly number[])[],
  categories: readonly { label: string; labels?: Record<string, string> }[],
): string[] {
  return members.map((cats) => {
    const only = cats.length === 1 ? categories[cats[0]!]! : null;
    return only ? localName(only.label, only.labels) : t('summary.otherStack', { count: cats.length });
  });
}

const n = (v: number): string => formatNumber(v);

/** A range of reported figures in words: "12", or "12–20". */
export function figureRange(low: number, high: number): string {
  return low === high ? n(low) : `${n(low)}–${n(high)}`;
}

/** What one bar says, for the hover line, the keyboard's announcement and the table. */
export function describeBar(series: BinSeries, index: number, measure: Measure, labels: readonly string[]): string {
  const when = binLabelOf(series, index);
  if (measure === 'fatalities') {
    const events = series.fatalEvents[index]!;
    if (events === 0) return t('summary.barNoFigures', { when });
    const range = figureRange(series.fatalMin[index]!, series.fatalMax[index]!);
    return t('summary.barFatalities', { when, range, count: events });
  }
  const parts = series.counts
    .map((counts, stack) => [labels[stack]!, counts[index]!] as const)
    .filter(([, v]) => v > 0)
    .map(([label, v]) => `${label} ${n(v)}`);
  const total = series.counts.reduce((sum, stack) => sum + stack[index]!, 0);
  const events = t('summary.barEvents', { when, count: total });
  return parts.length ? `${events} (${parts.join(', ')})` : events;
}

export function binLabelOf(series: BinSeries, index: number): string {
  return binLabel(binOf(series.edges[index]!, series.unit), series.unit, dates.words);
}
