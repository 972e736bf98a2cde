/// <reference lib="webworker" />
// Parsing, validating and laying out columns run here so a large file never freezes the page;
// typed arrays (a pack's one buffer, or a JSON dataset's columns) go back as transfers, not copies.
import { loadBytes, transferables } from '../model/load-bytes';

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
    result = {
      ok: false as const,
      problems: [
        { severity: 'error' as const, pointer: '', message: `${name} could not be read: ${(error as Error).message}` },
      ],
    };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(result, transferables(result));
};
