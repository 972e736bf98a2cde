/// <reference lib="webworker" />
// Parsing, validating, importing and laying out columns run here so a large file never freezes
// the page; typed arrays (a pack's one buffer, or a dataset's columns) go back as transfers.
import { transferables } from '../model/load-bytes';
import { readBytes, type ReadResult } from './read-bytes';
import { EVENTS_PER_MESSAGE, type LoadMessage } from './load-messages';

export interface LoadRequest {
  buffer: ArrayBuffer;
  name: string;
}

const post = (message: LoadMessage, transfer: Transferable[] = []): void =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = (message: MessageEvent<LoadRequest>) => {
  const { buffer, name } = message.data;
  let read: ReadResult;
  try {
    read = readBytes(buffer, name);
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
