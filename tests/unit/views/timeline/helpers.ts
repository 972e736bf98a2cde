/**
 * Builders for the timeline's pure-module tests: axis ms from ISO dates (through the model's
 * own parser, so tests share the app's calendar rules) and hand-made event columns.
 */
import { parseIsoDate, spanOf } from '../../../../src/lib/model/dates';
import { DATE_PRECISIONS, type EventColumns } from '../../../../src/lib/model/columns';
import type { DatePrecision } from '../../../../src/lib/model/types';

/** Start of the span an ISO date names: "2020-10" is 1 Oct 2020 00:00 on the axis. */
export function at(iso: string): number {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) throw new Error(parsed.message);
  return spanOf(parsed.value).start;
}

/** The whole span an ISO date names: [start, end). */
export function span(iso: string): { start: number; end: number } {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) throw new Error(parsed.message);
  return spanOf(parsed.value);
}

export interface Row {
  date: string;
  end?: string;
  approximate?: boolean;
  category?: number;
}

/** Columns for rows given in time order, as buildColumns would produce them. */
export function columnsOf(rows: Row[]): EventColumns {
  const n = rows.length;
  const c = {
    size: n,
    start: new Float64Array(n),
    end: new Float64Array(n),
    precision: new Uint8Array(n),
    approximate: new Uint8Array(n),
    isRange: new Uint8Array(n),
    category: new Uint16Array(n),
    lat: new Float64Array(n).fill(NaN),
    lon: new Float64Array(n).fill(NaN),
    locationPrecision: new Uint8Array(n),
    status: new Uint8Array(n),
    fatalMin: new Float64Array(n).fill(NaN),
    fatalMax: new Float64Array(n).fill(NaN),
  };
  rows.forEach((r, i) => {
    const parsed = parseIsoDate(r.date);
    if (!parsed.ok) throw new Error(parsed.message);
    c.start[i] = span(r.date).start;
    c.end[i] = span(r.end ?? r.date).end;
    c.precision[i] = DATE_PRECISIONS.indexOf(parsed.value.precision as DatePrecision);
    c.approximate[i] = r.approximate ? 1 : 0;
    c.isRange[i] = r.end ? 1 : 0;
    c.category[i] = r.category ?? 0;
  });
  return c;
}

export function allRows(n: number): Uint32Array {
  return Uint32Array.from({ length: n }, (_, i) => i);
}
