import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchText } from '../../../src/lib/io/fetch-text';

/** A body that sends `chunks` pieces of `size` bytes, then ends (or hangs when `hang`). */
function body(
  chunks: number,
  size: number,
  hang = false,
): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent < chunks) {
        sent++;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      } else if (!hang) controller.close();
      else return new Promise(() => undefined);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

function serve(response: Response): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => response),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchText', () => {
  it('reads a streamed body and reports progress', async () => {
    const { stream } = body(4, 1000);
    serve(new Response(stream, { headers: { 'content-length': '4000' } }));
    const progress: [number, number | null][] = [];
    const text = await fetchText('https://x.example/d.json', { onprogress: (l, t) => progress.push([l, t]) });
    expect(text).toBe('a'.repeat(4000));
    expect(progress).toEqual([
      [1000, 4000],
      [2000, 4000],
      [3000, 4000],
      [4000, 4000],
    ]);
  });

  it('refuses a declared size over the cap before reading', async () => {
    serve(new Response('x', { headers: { 'content-length': String(100 * 1024 * 1024) } }));
    await expect(fetchText('https://x.example/d.json', { maxBytes: 1024 * 1024 })).rejects.toThrow(
      'the file is 100.0 MB; the limit is 1 MB',
    );
  });

  it('stops reading at the cap when the length is not declared, and cancels the stream', async () => {
    const b = body(1000, 64 * 1024);
    serve(new Response(b.stream));
    await expect(fetchText('https://x.example/d.json', { maxBytes: 1024 * 1024 })).rejects.toThrow(
      /the file is over 1\.\d MB; the limit is 1 MB/,
    );
    expect(b.cancelled()).toBe(true);
  });

  it('names the status of a failed answer', async () => {
    serve(new Response('nope', { status: 404, statusText: 'Not Found' }));
    await expect(fetchText('https://x.example/d.json')).rejects.toThrow('the server answered 404 Not Found');
  });

  it('gives up when no bytes arrive for the idle time', async () => {
    const b = body(1, 10, true);
    serve(new Response(b.stream));
    await expect(fetchText('https://x.example/d.json', { idleTimeoutMs: 50 })).rejects.toThrow(
      'no data arrived for 0 s',
    );
  });
});
