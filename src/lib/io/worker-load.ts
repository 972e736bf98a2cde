import type { EventRecord } from '../model/types';
import type { LoadMessage } from './load-messages';
import type { ImportOptions } from './formats';
import { loadBytes } from '../model/load-bytes';
import { isColumnar } from './formats/columnar-kind';
import type { ReadRequest, ReadResult } from './read-bytes';
import { isModelReadable } from './sniff';
import { regionRoot } from './region-root';

/** A load that takes longer than this is stopped: a hostile file must not hold a core forever. */
export const LOAD_WATCHDOG_MS = 120_000;

/**
 * Runs loadBytes in a worker (one per load, ended after), transferring the buffer both ways.
 * Where no worker can start (jsdom, an opaque-origin sandbox) the same function runs in place.
 */
/** Below this a file is read in place: starting a worker (loading and compiling its module) costs more than the work. */
const IN_PLACE_BYTES = 1024 * 1024;
/** A download this large will go to a worker: start it while the rest arrives. */
export const PREWARM_AFTER_BYTES = IN_PLACE_BYTES;

let warm: Worker | null = null;

function startWorker(): Worker {
  if (typeof Worker === 'undefined') throw new Error('no workers here');
  return new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module', name: 'faultline-load' });
}

/** Starts a worker while a large download runs, so its script is loaded and compiled by the time the bytes arrive. */
export function prewarmLoader(): void {
  try {
    warm ??= startWorker();
  } catch {
    // No workers here: loads run in place.
  }
}

/** Stops the read: the worker is ended and the result says so. */
export const CANCELLED = 'the read was stopped';

/**
 * Reads a file's bytes (readBytes) in a worker, or in place when small or where no worker can
 * start. The watchdog and `signal` end the worker; either way the promise settles with a result.
 */
export function readBytesOffThread(
  buffer: ArrayBuffer,
  name: string,
  options: { watchdogMs?: number; signal?: AbortSignal; importOptions?: ImportOptions } = {},
): Promise<ReadResult> {
  const request: ReadRequest = { buffer, name };
  if (options.importOptions) request.options = options.importOptions;
  // Parquet and Arrow are decompressed as they are read: a small file may hold a great deal.
  const inPlace =
    buffer.byteLength <= IN_PLACE_BYTES &&
    !isColumnar(new Uint8Array(buffer, 0, Math.min(16, buffer.byteLength)), name);
  return readOffThread(request, [buffer], inPlace, options);
}

/** Several files read as one import (read-bytes.ts readFiles), in the worker unless they are all small text. */
export function readFilesOffThread(
  files: { name: string; buffer: ArrayBuffer }[],
  name: string,
  options: { watchdogMs?: number; signal?: AbortSignal; importOptions?: ImportOptions } = {},
): Promise<ReadResult> {
  const request: ReadRequest = { files, name };
  if (options.importOptions) request.options = options.importOptions;
  const total = files.reduce((sum, f) => sum + f.buffer.byteLength, 0);
  const inPlace =
    total <= IN_PLACE_BYTES &&
    !files.some((f) => isColumnar(new Uint8Array(f.buffer, 0, Math.min(16, f.buffer.byteLength)), f.name));
  return readOffThread(
    request,
    files.map((f) => f.buffer),
    inPlace,
    options,
  );
}

function readOffThread(
  request: ReadRequest,
  transfer: ArrayBuffer[],
  inPlace: boolean,
  { watchdogMs = LOAD_WATCHDOG_MS, signal }: { watchdogMs?: number; signal?: AbortSignal },
): Promise<ReadResult> {
  const { name } = request;
  const failed = (message: string): ReadResult => ({
    result: { ok: false, problems: [] },
    error: message,
    import: null,
  });
  if (signal?.aborted) return Promise.resolve(failed(CANCELLED));
  // In place, a pack or our JSON (the bundled dataset) is read by the model's loader at once; any
  // other format loads read-bytes.ts and its importers first (a chunk of their own).
  const here = (): Promise<ReadResult> =>
    Promise.resolve()
      .then(async () => {
        let read: ReadResult;
        if ('buffer' in request && !request.options && isModelReadable(new Uint8Array(request.buffer)))
          read = { result: loadBytes(request.buffer, name), import: null };
        else {
          const { readRequest } = await import('./read-bytes');
          read = await readRequest(request);
        }
        const { withRegions, regionAssets } = await import('./region-assign');
        return { ...read, result: await withRegions(read.result, regionAssets()) };
      })
      .catch((error: unknown) => failed(`${name} could not be read: ${(error as Error).message}`));
  if (inPlace) {
    warm?.terminate();
    warm = null;
    return here();
  }
  let worker: Worker;
  try {
    worker = warm ?? startWorker();
    warm = null;
  } catch {
    // A frame sandboxed without allow-same-origin has an opaque origin and may not start one.
    return here();
  }
  return new Promise((resolve) => {
    const watchdog = setTimeout(
      () => finish(failed(`${name} took more than ${Math.round(watchdogMs / 1000)} s to read and was stopped`)),
      watchdogMs,
    );
    const cancel = (): void => finish(failed(CANCELLED));
    signal?.addEventListener('abort', cancel);
    const finish = (result: ReadResult) => {
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', cancel);
      worker.terminate();
      performance.mark('faultline:data-read');
      // Handed over in a task of its own: showing the data (and drawing it) does not run in the
      // task that unpacked the last slice of events.
      setTimeout(() => resolve(result), 0);
    };
    let head: ReadResult | null = null;
    let expected = 0;
    const events: EventRecord[] = [];
    // The id lookup is built a slice at a time as the events arrive, not in one pass at the end.
    const rowById = new Map<string, number>();
    worker.onmessage = (e: MessageEvent<LoadMessage>) => {
      const message = e.data;
      if (message.kind === 'read') {
        head = message.read;
        expected = message.events;
      } else {
        for (const event of message.events) rowById.set(event.id, events.push(event) - 1);
      }
      if (!head || events.length < expected) return;
      const { result } = head;
      finish(
        result.ok && result.kind === 'parts'
          ? { ...head, result: { ...result, parts: { ...result.parts, events, rowById } } }
          : head,
      );
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(failed(`${name} could not be read (${e.message || 'the loader stopped'})`));
    };
    const regions = regionRoot();
    worker.postMessage(regions ? { ...request, regions } : request, transfer);
  });
}
