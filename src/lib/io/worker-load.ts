import { loadBytes, type BytesResult } from '../model/load-bytes';

/**
 * Runs loadBytes in a worker (one per load, ended after), transferring the buffer both ways.
 * Where no worker can start (jsdom, an opaque-origin sandbox) the same function runs in place.
 */
export function loadBytesOffThread(buffer: ArrayBuffer, name: string): Promise<BytesResult> {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('no workers here');
    worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module', name: 'faultline-load' });
  } catch {
    // A frame sandboxed without allow-same-origin has an opaque origin and may not start one.
    return Promise.resolve(loadBytes(buffer, name));
  }
  return new Promise((resolve) => {
    const finish = (result: BytesResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (e: MessageEvent<BytesResult>) => finish(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      finish({ ok: false, problems: [{ severity: 'error', pointer: '', message: `${name} could not be read (${e.message || 'the loader stopped'})` }] });
    };
    worker.postMessage({ buffer, name }, [buffer]);
  });
}
