import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assetBytes, assetJson, isGzip } from '../../../src/lib/io/asset-bytes';

const json = JSON.stringify({ name: 'Şuşa', points: Array.from({ length: 2000 }, (_, i) => i) });
const respond = (body: Uint8Array | string, init: ResponseInit = {}): Response =>
  new Response(typeof body === 'string' ? body : (body as BlobPart), init);

describe('bundled map assets, gzipped on disk', () => {
  it('unpacks a gzipped file and reads it as the JSON it holds', async () => {
    const packed = gzipSync(json);
    expect(isGzip(packed)).toBe(true);
    expect(await assetJson(respond(packed), 'a.json.gz', 1e6)).toEqual(JSON.parse(json));
  });

  it('reads a file the server already unpacked (Content-Encoding: gzip) as it is', async () => {
    expect(isGzip(new TextEncoder().encode(json))).toBe(false);
    expect(await assetJson(respond(json), 'a.json.gz', 1e6)).toEqual(JSON.parse(json));
  });

  it('refuses a file that unpacks past the cap, naming it', async () => {
    const bomb = gzipSync(new Uint8Array(4_000_000));
    expect(bomb.byteLength).toBeLessThan(10_000);
    await expect(assetBytes(respond(bomb), 'lookup/1-2.bin.gz', 1_000_000)).rejects.toThrow(
      /lookup\/1-2\.bin\.gz: unpacks to more than 1000000 bytes/,
    );
  });

  it('refuses a declared length past the cap before reading, and an HTTP error', async () => {
    const big = respond('{}', { headers: { 'content-length': '5000000' } });
    await expect(assetBytes(big, 'names/ru.json.gz', 1_000_000)).rejects.toThrow(/5000000 bytes, at most 1000000/);
    await expect(assetBytes(respond('', { status: 404 }), 'x.json.gz', 10)).rejects.toThrow(/x\.json\.gz: HTTP 404/);
  });

  it('says a damaged gzip file is not readable', async () => {
    const damaged = gzipSync(json).slice(0, 40);
    await expect(assetBytes(respond(damaged), 't.json.gz', 1e6)).rejects.toThrow(
      /t\.json\.gz: not a readable gzip file/,
    );
  });
});
