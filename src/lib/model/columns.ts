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
  /**
   * The reported fatality range (a figure of one number has max = min); NaN in both when the
   * event carries no figure, so "no figure" is never summed as zero.
   */
  readonly fatalMin: Float64Array;
  readonly fatalMax: Float64Array;
}

/**
 * Builds the columns with rows in time order (start, then end, then id, so the order is stable
 * across loads of the same data). Dates are parsed once; the sort moves indices, not objects.
 */
export function buildColumns(
  input: readonly EventRecord[],
  categoryIds: readonly string[],
): { events: EventRecord[]; columns: EventColumns } {
  const size = input.length;
  const starts = new Float64Array(size);
  const ends = new Float64Array(size);
  const precisions = new Uint8Array(size);
  input.forEach((event, i) => {
    const start = parseIsoDate(event.date);
    const end = event.end ? parseIsoDate(event.end) : undefined;
    if (!start.ok || (end && !end.ok)) throw new Error(`event ${event.id} reached the columns with an invalid date`);
    const span = eventSpan(start.value, end?.ok ? end.value : undefined);
    starts[i] = span.start;
    ends[i] = span.end;
    precisions[i] = DATE_PRECISIONS.indexOf(start.value.precision);
  });
  const order = Uint32Array.from({ length: size }, (_, i) => i).sort(
    (a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || compareIds(input[a]!.id, input[b]!.id),
  );
  const cols = {
    size,
    start: new Float64Array(size),
    end: new Float64Array(size),
    precision: new Uint8Array(size),
    approximate: new Uint8Array(size),
    isRange: new Uint8Array(size),
    category: categoryColumn(size, categoryIds.length),
    lat: new Float64Array(size).fill(NaN),
    lon: new Float64Array(size).fill(NaN),
    locationPrecision: new Uint8Array(size),
    status: new Uint8Array(size),
    fatalMin: new Float64Array(size).fill(NaN),
    fatalMax: new Float64Array(size).fill(NaN),
  };
  const categoryIndex = new Map(categoryIds.map((id, i) => [id, i]));
  const events = new Array<EventRecord>(size);
  for (let row = 0; row < size; row++) {
    const i = order[row]!;
    const event = input[i]!;
    events[row] = event;
    cols.start[row] = starts[i]!;
    cols.end[row] = ends[i]!;
    cols.precision[row] = precisions[i]!;
    cols.approximate[row] = event.approximate ? 1 : 0;
    cols.isRange[row] = event.end ? 1 : 0;
    cols.category[row] = categoryIndex.get(event.category) ?? 0;
    if (event.location) {
      cols.lat[row] = event.location.lat;
      cols.lon[row] = event.location.lon;
      cols.locationPrecision[row] = LOCATION_CODES.indexOf(event.location.precision);
    }
    cols.status[row] = STATUS_CODES.indexOf(event.status?.kind ?? 'confirmed');
    if (event.fatalities) {
      cols.fatalMin[row] = event.fatalities.min;
      cols.fatalMax[row] = event.fatalities.max ?? event.fatalities.min;
    }
  }
  return { events, columns: cols };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows sorted by end (ties by row): brushing finds the rows that cross the window's left edge. */
export function rowsByEnd(end: Float64Array): Uint32Array {
  return Uint32Array.from({ length: end.length }, (_, i) => i).sort((a, b) => end[a]! - end[b]! || a - b);
}

/** Category codes are 16-bit: the category limit keeps them far below the point where they would wrap. */
function categoryColumn(size: number, categories: number): Uint16Array {
  if (categories > 0xffff) throw new RangeError(`${categories} categories do not fit a 16-bit column`);
  return new Uint16Array(size);
}
