import type { EventRecord } from '../model/types';
import type { ReadResult } from './read-bytes';

/**
 * What the load worker sends back: the result with its columns, then, for a dataset held as
 * objects, its events in slices (each unpacked by the page in a task of its own: a slice of
 * 1,000 takes a few milliseconds; 5,000 took 50-90 ms, and 250,000 at once hundreds).
 */
export type LoadMessage =
  { kind: 'read'; read: ReadResult; events: number } | { kind: 'events'; events: EventRecord[] };

export const EVENTS_PER_MESSAGE = 1_000;
