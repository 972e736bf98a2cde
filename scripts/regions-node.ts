/**
 * The region lookup in Node, for assigning regions at pack time (npm run pack, the benchmark's
 * synthetic packs): the same assets the app serves, from the basemap cache (built first if the
 * cache lacks them, as `vite build` would), every block loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { isGzip } from '../src/lib/io/asset-bytes.ts';
import { parsePointer } from '../src/lib/model/region-format.ts';
import { blockFile, decodeBlock, type RegionLookup } from '../src/lib/model/region-lookup.ts';
import { buildIfNeeded } from './vite-basemap-plugin.ts';

/** Bundled assets are gzipped on disk (io/asset-bytes.ts says why). */
const unpacked = (bytes: Buffer): Buffer => (isGzip(bytes) ? gunzipSync(bytes) : bytes);

export async function nodeRegionLookup(root = process.cwd()): Promise<RegionLookup> {
  const dir = await buildIfNeeded(root);
  const pointerFile = join(dir, 'regions.json');
  if (!existsSync(pointerFile)) throw new Error(`no region assets in ${dir}`);
  const pointer = parsePointer(JSON.parse(readFileSync(pointerFile, 'utf8')));
  const present = new Uint8Array(36 * 18);
  const lookup: RegionLookup = {
    key: pointer.key,
    admin1Country: Uint16Array.from(pointer.admin1Country),
    present,
    blocks: new Map(),
  };
  for (const b of pointer.blocks) {
    present[b] = 1;
    const bytes = unpacked(readFileSync(join(dir, `${pointer.lookup}${blockFile(b)}`)));
    lookup.blocks.set(
      b,
      decodeBlock(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
        b,
        pointer.admin1Country.length,
      ),
    );
  }
  return lookup;
}
