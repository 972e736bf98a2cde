/**
 * The bundled map assets (basemap tiles, region lookup and shapes, gazetteer shards) are stored
 * gzipped on disk, named `….gz`: the whole set must fit the 15 MB a deployment copies, and JSON of
 * coordinates and names shrinks 3–4×. Any static server can serve them as plain files. Some servers
 * (Apache's `AddEncoding x-gzip .gz`, a CDN) instead send them with `Content-Encoding: gzip`, and
 * the browser has already unpacked them: so the bytes decide, not the name. Gzip's two magic bytes
 * never begin JSON text or a region lookup block (those start with "{", "[" or "FLRG").
 */

/** Gzip's magic: 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * An asset's bytes, unpacked if gzipped. Refused past `maxBytes`, before reading when the server
 * says the length and while unpacking (a small file that unpacks to gigabytes stops at the cap).
 */
export async function assetBytes(response: Response, label: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length')) || 0;
  if (declared > maxBytes) throw new Error(`${label}: ${declared} bytes, at most ${maxBytes}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new Error(`${label}: ${bytes.byteLength} bytes, at most ${maxBytes}`);
  return isGzip(bytes) ? gunzip(bytes, label, maxBytes) : bytes;
}

/** An asset's JSON value (gzipped or not). */
export async function assetJson(response: Response, label: string, maxBytes: number): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await assetBytes(response, label, maxBytes))) as unknown;
}

/** Unpacks with the platform's DecompressionStream (browsers, workers and Node 18+), stopping at maxBytes. */
export async function gunzip(bytes: Uint8Array, label: string, maxBytes: number): Promise<Uint8Array> {
  const stream = new Response(bytes as BlobPart).body!.pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new Error(`${label}: unpacks to more than ${maxBytes} bytes`);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof Error && error.message.startsWith(label)) throw error;
    throw new Error(`${label}: not a readable gzip file (${error instanceof Error ? error.message : String(error)})`);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
