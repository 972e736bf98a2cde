/// <reference lib="webworker" />
// Parsing, validating and packing run here so a large file never freezes the page; the pack's
// one buffer goes back as a transfer, not a copy.
import { loadBytes } from '../model/load-bytes';

export interface LoadRequest {
  buffer: ArrayBuffer;
  name: string;
}

self.onmessage = (message: MessageEvent<LoadRequest>) => {
  const { buffer, name } = message.data;
  let result;
  try {
    result = loadBytes(buffer, name);
  } catch (error) {
    result = { ok: false as const, problems: [{ severity: 'error' as const, pointer: '', message: `${name} could not be read: ${(error as Error).message}` }] };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(result, result.ok ? [result.pack] : []);
};
