/**
 * The chart's numbers as rows: the table a screen reader reads and the CSV an analyst downloads
 * hold the same cells. Pure.
 */
import { binIso, binLabel } from '../../model/bin-labels';
import { dates } from '../../state/dates.svelte';
import { binOf } from '../../model/time-units';
import type { BinSeries } from '../../query/summary';
import { writeCsv, type CsvCell } from '../../io/csv';

export interface TableRow {
  /** ISO text of the bin at its unit ("2020-09", "2020-W…" is written as its Monday). */
  iso: string;
  label: string;
  /** Per stack. */
  counts: number[];
  total: number;
  fatalEvents: number;
  fatalMin: number;
  fatalMax: number;
}

export function tableRows(series: BinSeries): TableRow[] {
  const rows: TableRow[] = [];
  for (let i = 0; i < series.edges.length - 1; i++) {
    const bin = binOf(series.edges[i]!, series.unit);
    const counts = series.counts.map((stack) => stack[i]!);
    rows.push({
      iso: binIso(bin, series.unit),
      label: binLabel(bin, series.unit, dates.words),
      counts,
      total: counts.reduce((a, b) => a + b, 0),
      fatalEvents: series.fatalEvents[i]!,
      fatalMin: series.fatalMin[i]!,
      fatalMax: series.fatalMax[i]!,
    });
  }
  return rows;
}

/**
 * The table as CSV (formula-safe, as every CSV we write: category labels are the data's text),
 * one row per bin: when, each stack's count, the total, and the fatality figures. A first row
 * counts the events that began before the first bin, so the column sums equal the events selected.
 */
export function summaryCsv(series: BinSeries, stackLabels: readonly string[]): string {
  const lines: CsvCell[][] = [
    [
      `${series.unit} starting`,
      'label',
      ...stackLabels,
      'events',
      'events with a fatality figure',
      'fatalities (lowest reported)',
      'fatalities (highest reported)',
    ],
  ];
  const b = series.before;
  if (b.events > 0)
    lines.push([
      'before',
      'began before the first bin',
      ...stackLabels.map(() => null),
      b.events,
      null,
      b.fatalMin,
      b.fatalMax,
    ]);
  for (const r of tableRows(series))
    lines.push([r.iso, r.label, ...r.counts, r.total, r.fatalEvents, r.fatalMin, r.fatalMax]);
  return writeCsv(lines);
}
