import type { EventRecord } from './types';

/** A row's record as stored; `problem` says why it could not be read (its record is then a stand-in). */
export interface StoredEvent {
  record: EventRecord;
  problem: string | null;
}

/**
 * The events of a dataset by row (time order). Views ask for the record of the few rows they
 * show; a packed store decodes those on demand, so a million events never exist as objects.
 */
export interface EventStore {
  readonly length: number;
  /** The full record of a row. */
  at(row: number): EventRecord;
  /**
   * The same record and what is wrong with it (`problem`), not kept for later: for passes over
   * many rows (an export), which through `at` would churn the cache of the rows on screen and
   * leave the garbage collector records to move.
   */
  read(row: number): StoredEvent;
  id(row: number): string;
  title(row: number): string;
  /** Why a row's stored record could not be read (a damaged pack); null when it is fine. */
  problem(row: number): string | null;
  /** Row of an event id, or undefined. */
  rowOf(id: string): number | undefined;
  /** Every record, in row order. Materialises a packed store: for exports and edits, not for views. */
  toArray(): EventRecord[];
}

/** Events already held as objects: small datasets, tests, the editor's rebuilt drafts. */
export function arrayStore(events: readonly EventRecord[], built?: Map<string, number>): EventStore {
  let rowById = built;
  if (!rowById) {
    rowById = new Map<string, number>();
    for (let row = 0; row < events.length; row++) rowById.set(events[row]!.id, row);
  }
  const ids = rowById;
  return {
    length: events.length,
    at: (row) => events[row]!,
    read: (row) => ({ record: events[row]!, problem: null }),
    id: (row) => events[row]!.id,
    title: (row) => events[row]!.title,
    problem: () => null,
    rowOf: (id) => ids.get(id),
    toArray: () => events.slice(),
  };
}
