/// <reference lib="webworker" />
// Parsing, validating, importing and laying out columns run here so a large file never freezes
// the page; typed arrays (a pack's one buffer, or a dataset's columns) go back as transfers.
import { transferables } from '../model/load-bytes';
import { readRequest, type ReadRequest, type ReadResult } from './read-bytes';
import { EVENTS_PER_MESSAGE, type LoadMessage } from './load-messages';
import { regionAssetsAt } from './region-assets';
import { withRegions } from './region-assign';

/** One file's bytes, or several files read as one import (each buffer transferred); `regions`: the page's region assets (absolute). */
export type LoadRequest = ReadRequest & { regions?: string };

const post = (message: LoadMessage, transfer: Transferable[] = []): void =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async (message: MessageEvent<LoadRequest>) => {
  const { name } = message.data;
  let read: ReadResult;
  try {
    // Parquet and Arrow load their reader here, in the worker, as a chunk of their own.
    read = await readRequest(message.data);
    // Each row's country and region, here too: at a million rows it is a second's work.
    const { regions } = message.data;
    read = { ...read, result: await withRegions(read.result, regions ? regionAssetsAt(regions) : null) };
  } catch (error) {
    read = {
      result: {
        ok: false,
        problems: [
          { severity: 'error', pointer: '', message: `${name} could not be read: ${(error as Error).message}` },
        ],
      },
      import: null,
    };
  }
  const { result } = read;
  if (!result.ok || result.kind !== 'parts') {
    post({ kind: 'read', read, events: 0 }, transferables(result));
    return;
  }
  // The events are objects, copied across: in slices, so the page unpacks each in a short task
  // of its own instead of 250,000 at once in one long one.
  const { events } = result.parts;
  const head: ReadResult = { ...read, result: { ...result, parts: { ...result.parts, events: [] } } };
  post({ kind: 'read', read: head, events: events.length }, transferables(result));
  for (let i = 0; i < events.length; i += EVENTS_PER_MESSAGE) {
    post({ kind: 'events', events: events.slice(i, i + EVENTS_PER_MESSAGE) });
  }
};
