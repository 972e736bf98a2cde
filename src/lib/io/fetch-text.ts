import { LIMITS } from '../model/limits';
import { PACK_MAGIC } from '../model/pack';

export interface FetchTextOptions {
  /** Give up when no bytes arrive for this long (a slow but moving download is fine). */
  idleTimeoutMs?: number;
  /** Stop reading past this many bytes, whatever Content-Length said (default: by format, see capFor). */
  maxBytes?: number;
  onprogress?: (loaded: number, total: number | null) => void;
  signal?: AbortSignal;
}

const MB = 1024 * 1024;

/** JSON is capped lower than a pack: it is parsed into objects, a pack is viewed in place. */
function capFor(first: Uint8Array): number {
  return PACK_MAGIC.every((b, i) => first[i] === b) ? LIMITS.maxPackBytes : LIMITS.maxFileBytes;
}

export async function fetchText(url: string, opts: FetchTextOptions = {}): Promise<string> {
  return new TextDecoder('utf-8').decode(await fetchBytes(url, { maxBytes: LIMITS.maxFileBytes, ...opts }));
}

/**
 * Fetches a resource as a stream, so a size cap holds even when the server lies about or
 * omits Content-Length, and progress can be shown. Errors are sentences a person can act on.
 */
export async function fetchBytes(url: string, opts: FetchTextOptions = {}): Promise<ArrayBuffer> {
  const idle = opts.idleTimeoutMs ?? 30_000;
  let maxBytes = opts.maxBytes ?? Math.max(LIMITS.maxFileBytes, LIMITS.maxPackBytes);
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(new Error('timeout')), idle);
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error('timeout')), idle);
  };
  opts.signal?.addEventListener('abort', () => controller.abort(opts.signal?.reason));
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    const declared = Number(response.headers.get('content-length')) || null;
    if (declared !== null && declared > maxBytes) throw new Error(tooBig(declared, maxBytes));
    if (!response.body) return await response.arrayBuffer();
    const reader = response.body.getReader();
    // A stalled body does not always notice the abort; racing it makes the idle limit hold.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => {
        // Reject first: cancelling settles the pending read, which would otherwise win the race.
        reject(new Error('aborted'));
        void reader.cancel().catch(() => undefined);
      });
    });
    aborted.catch(() => undefined); // handled by the race; never an unhandled rejection later
    const chunks: Uint8Array[] = [];
    // With a declared length the bytes go straight into one buffer: no second copy of a large file.
    // (A compressed response decodes to more bytes than announced: then it falls back to chunks.)
    let direct = declared !== null ? new Uint8Array(declared) : null;
    let loaded = 0;
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      if (loaded === 0 && opts.maxBytes === undefined) maxBytes = capFor(value);
      loaded += value.byteLength;
      if (loaded > maxBytes) {
        await reader.cancel();
        throw new Error(tooBig(loaded, maxBytes, true));
      }
      if (direct && loaded <= direct.byteLength) direct.set(value, loaded - value.byteLength);
      else {
        if (direct) chunks.push(direct.subarray(0, loaded - value.byteLength));
        direct = null;
        chunks.push(value);
      }
      touch();
      opts.onprogress?.(loaded, declared);
    }
    if (direct) return loaded === direct.byteLength ? direct.buffer : direct.buffer.slice(0, loaded);
    return join(chunks, loaded);
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    if (controller.signal.aborted && reason instanceof Error && reason.message === 'timeout') {
      throw new Error(`no data arrived for ${Math.round(idle / 1000)} s`);
    }
    if (error instanceof TypeError)
      throw new Error('the server could not be reached (offline, or it does not allow cross-origin loading)');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function join(chunks: Uint8Array[], length: number): ArrayBuffer {
  const all = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all.buffer;
}

function tooBig(bytes: number, max: number, streamed = false): string {
  return `the file is ${streamed ? 'over ' : ''}${(bytes / MB).toFixed(1)} MB; the limit is ${(max / MB).toFixed(0)} MB`;
}
