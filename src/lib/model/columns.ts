import { eventSpan, parseIsoDate } from './dates';
import type { DatePrecision, EventRecord, LocationPrecision, StatusKind } from './types';

export const DATE_PRECISIONS: readonly DatePrecision[] = ['year', 'month', 'day', 'minute', 'second'];
/** Index 0 means "no location". */
export const LOCATION_CODES: readonly (LocationPrecision | 'none')[] = ['none', 'site', 'city', 'region', 'country'];
export const STATUS_CODES: readonly StatusKind[] = ['confirmed', 'claimed', 'disputed'];

/**
 * The events as typed-array columns, one row per event in time order. Filters and views read
 * these and produce index arrays; nobody copies event objects. Times are axis ms (see dates.ts).
 */
export interface EventColumns {
  readonly size: number;
  readonly start: Float64Array;
  /** Exclusive end of the event's span: a day-precision event ends at the next midnight. */
  readonly end: Float64Array;
  readonly precision: Uint8Array;
  readonly approximate: Uint8Array;
  /** 1 when the event has an explicit end (a range), 0 for a point event. */
  readonly isRange: Uint8Array;
  readonly category: Uint16Array;
  /** NaN when the event has no location. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly locationPrecision: Uint8Array;
  readonly status: Uint8Array;
}

/** Sorts by start, then end, then id, so row order is stable across loads of the same data. */
export function timeOrder(events: readonly EventRecord[]): EventRecord[] {
  const keyed = events.map((event) => {
    const start = parseIsoDate(event.date);
    const end = event.end ? parseIsoDate(event.end) : undefined;
    if (!start.ok || (end && !end.ok)) throw new Error(`event ${event.id} reached the columns with an invalid date`);
    return { event, span: eventSpan(start.value, end?.ok ? end.value : undefined) };
  });
  keyed.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return keyed.map((k) => k.event);
}

export function buildColumns(events: readonly EventRecord[], categoryIds: readonly string[]): EventColumns {
  const size = events.length;
  const cols = {
    size,
    start: new Float64Array(size),
    end: new Float64Array(size),
    precision: new Uint8Array(size),
    approximate: new Uint8Array(size),
    isRange: new Uint8Array(size),
    category: new Uint16Array(size),
    lat: new Float64Array(size).fill(NaN),
    lon: new Float64Array(size).fill(NaN),
    locationPrecision: new Uint8Array(size),
    status: new Uint8Array(size),
  };
  const categoryIndex = new Map(categoryIds.map((id, i) => [id, i]));
  events.forEach((event, row) => {
    const start = parseIsoDate(event.date);
    const end = event.end ? parseIsoDate(event.end) : undefined;
    if (!start.ok || (end && !end.ok)) throw new Error(`event ${event.id} reached the columns with an invalid date`);
    const span = eventSpan(start.value, end?.ok ? end.value : undefined);
    cols.start[row] = span.start;
    cols.end[row] = span.end;
    cols.precision[row] = DATE_PRECISIONS.indexOf(start.value.precision);
    cols.approximate[row] = event.approximate ? 1 : 0;
    cols.isRange[row] = event.end ? 1 : 0;
    cols.category[row] = categoryIndex.get(event.category) ?? 0;
    if (event.location) {
      cols.lat[row] = event.location.lat;
      cols.lon[row] = event.location.lon;
      cols.locationPrecision[row] = LOCATION_CODES.indexOf(event.location.precision);
    }
    cols.status[row] = STATUS_CODES.indexOf(event.status?.kind ?? 'confirmed');
  });
  return cols;
}
