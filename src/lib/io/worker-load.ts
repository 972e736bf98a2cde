import { loadBytes, type BytesResult } from '../model/load-bytes';

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

export function loadBytesOffThread(
  buffer: ArrayBuffer,
  name: string,
  watchdogMs = LOAD_WATCHDOG_MS,
): Promise<BytesResult> {
  if (buffer.byteLength <= IN_PLACE_BYTES) {
    warm?.terminate();
    warm = null;
    return Promise.resolve(loadBytes(buffer, name));
  }
  let worker: Worker;
  try {
    worker = warm ?? startWorker();
    warm = null;
  } catch {
    // A frame sandboxed without allow-same-origin has an opaque origin and may not start one.
    return Promise.resolve(loadBytes(buffer, name));
  }
  return new Promise((resolve) => {
    const watchdog = setTimeout(() => {
      finish({
        ok: false,
        problems: [
          {
            severity: 'error',
            pointer: '',
            message: `${name} took more than ${Math.round(watchdogMs / 1000)} s to read and was stopped`,
          },
        ],
      });
    }, watchdogMs);
    const finish = (result: BytesResult) => {
      clearTimeout(watchdog);
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (e: MessageEvent<BytesResult>) => finish(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      finish({
        ok: false,
        problems: [
          {
            severity: 'error',
            pointer: '',
            message: `${name} could not be read (${e.message || 'the loader stopped'})`,
          },
        ],
      });
    };
    worker.postMessage({ buffer, name }, [buffer]);
  });
}
