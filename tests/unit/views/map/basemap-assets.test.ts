import { describe, expect, it, vi } from 'vitest';
import { BasemapAssets } from '../../../../src/lib/views/map/basemap-assets';
import { FORMAT_VERSION, LabelKind, LEVELS } from '../../../../src/lib/views/map/basemap-format';

/** One labels tile at level 0 (the whole world) and one lines tile at level 1 (the north-west quarter). */
const manifest = {
  version: FORMAT_VERSION,
  base: 'v1/',
  levels: LEVELS.map((_, i) => ({ lines: i === 1 ? [1, 0, 0] : [], labels: i === 0 ? [0, 0, 0] : [] })),
};
const files: Record<string, unknown> = {
  'basemap/manifest.json': manifest,
  'basemap/v1/0/0-0-0.labels.json.gz': {
    x0: 0,
    y0: 0,
    kind: [LabelKind.Country],
    zoom: [8],
    weight: [100],
    x: [2 ** 20],
    y: [2 ** 20],
    name: ['Armenia'],
  },
  'basemap/v1/1/1-0-0.lines.json.gz': { q: 6, lines: [[100, 100, 10, 0]] },
};

function setup(fail: (url: string) => boolean = () => false) {
  const asked: string[] = [];
  const fetcher = vi.fn(async (url: string) => {
    asked.push(url);
    if (fail(url) || !(url in files)) throw new Error(`${url}: failed`);
    return files[url];
  });
  const assets = new BasemapAssets('basemap/', fetcher);
  const loads: string[] = [];
  const failures: unknown[] = [];
  assets.onload = (kind) => loads.push(kind);
  assets.onfail = (error) => failures.push(error);
  return { assets, asked, loads, failures };
}

const WORLD = [0, 0, 256, 256];

describe('basemap assets', () => {
  it('asks for the manifest first, then only the tiles a view needs that exist', async () => {
    const { assets, asked, loads } = setup();
    expect(assets.labels(8, WORLD)).toEqual({ tiles: [], complete: false });
    await vi.waitFor(() => expect(loads).toContain('labels'));
    // Zoom 5: level 0 and 1 names (level 1 has none) and level 1 borders, in the north-west only.
    assets.labels(5, WORLD);
    assets.lines(5, [10, 10, 20, 20]);
    assets.lines(5, [200, 200, 210, 210]);
    await vi.waitFor(() => expect(loads.length).toBe(4));
    expect(asked).toEqual([
      'basemap/manifest.json',
      'basemap/v1/0/0-0-0.labels.json.gz',
      'basemap/v1/1/1-0-0.lines.json.gz',
    ]);
    const { tiles, complete } = assets.labels(5, WORLD);
    expect(complete).toBe(true);
    expect(tiles[0]!.entries.map((e) => e.name)).toEqual(['Armenia']);
    expect(assets.lines(5, [10, 10, 20, 20])[0]!.starts.length).toBe(2);
    // Below zoom 4 there are no region borders to ask for.
    expect(assets.lines(3, WORLD)).toEqual([]);
  });

  it('asks for a tile once, however often views need it while it loads', async () => {
    const { assets, asked, loads } = setup();
    assets.labels(8, WORLD);
    await vi.waitFor(() => expect(loads.length).toBe(2));
    for (let i = 0; i < 5; i++) assets.labels(8, WORLD);
    await vi.waitFor(() => expect(loads.length).toBe(3));
    expect(asked.filter((u) => u.endsWith('.labels.json.gz'))).toHaveLength(1);
  });

  it('turns the layer off at the first failure, says so once, and asks for nothing more', async () => {
    const { assets, asked, failures } = setup((url) => url.endsWith('.labels.json.gz'));
    assets.labels(8, WORLD);
    await vi.waitFor(() => expect(asked).toContain('basemap/manifest.json'));
    await vi.waitFor(() => expect(assets.labels(8, WORLD).tiles).toEqual([]));
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect(assets.failed).toBe(true);
    const before = asked.length;
    // Complete (nothing to wait for) and empty: the map shows countries only.
    expect(assets.labels(8, WORLD)).toEqual({ tiles: [], complete: true });
    expect(assets.lines(5, WORLD)).toEqual([]);
    expect(asked.length).toBe(before);
    expect(failures).toHaveLength(1);
  });

  it('refuses a damaged manifest as a failure', async () => {
    files['basemap/manifest.json'] = { ...manifest, base: '../' };
    try {
      const { assets, failures } = setup();
      assets.labels(8, WORLD);
      await vi.waitFor(() => expect(failures).toHaveLength(1));
      expect(String(failures[0])).toMatch(/bad base folder/);
    } finally {
      files['basemap/manifest.json'] = manifest;
    }
  });
});
