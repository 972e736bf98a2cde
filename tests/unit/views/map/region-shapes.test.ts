import { describe, expect, it, vi } from 'vitest';
import { regionFixture } from '../../model/region-fixture';
import {
  decodePlaces,
  decodeShapes,
  fineShapesPath,
  parsePointer,
  type ShapesPart,
} from '../../../../src/lib/model/region-format';
import { RegionAssets } from '../../../../src/lib/io/region-assets';
import { RegionShapes } from '../../../../src/lib/views/map/region-shapes';
import {
  anyMeets,
  boxesMeet,
  mercatorBox,
  regionBoxes,
  shapePartsFor,
  type MercatorBox,
  type ShapePart,
} from '../../../../src/lib/views/map/region-shape-plan';

const f = regionFixture();
const json = (path: string): unknown => JSON.parse(f.files.get(path) as string) as unknown;
const country = (id: string) => f.table.countries.find((c) => c.id === id)!;
const admin1Range = (id: string) => ({ first: country(id).admin1[0]!, count: country(id).admin1.length });
const places = decodePlaces(json(f.pointer.shapes.places), f.table.admin1.length);
const boxOf = (i: number): number[] => [...places.bbox.subarray(4 * i, 4 * i + 4)];
const pointCount = (part: ShapesPart): number =>
  part.rings.reduce((sum, rings) => sum + rings.reduce((s, r) => s + r.length / 2, 0), 0);

describe('the split shapes files', () => {
  it('a world file per level holds every region; a fine file one country, at its place in the table', () => {
    const { shapes } = f.pointer;
    expect(shapes.fineFrom).toBe(5);
    const world = decodeShapes(json(shapes.admin1.world), 'admin1', { first: 0, count: f.table.admin1.length });
    // Every region can be drawn at low zooms, even a city region the harder simplification collapses.
    expect(world.rings.every((rings) => rings.length > 0)).toBe(true);
    const aze = decodeShapes(json(fineShapesPath(shapes, 'admin1', 'AZE')!), 'admin1', admin1Range('AZE'));
    expect(aze.first).toBe(country('AZE').admin1[0]);
    const shusha = f.table.admin1.find((a) => a.id === 'AZE-5565')!;
    const [lon, lat] = [46.7508, 39.7583];
    const rings = aze.rings[shusha.index - aze.first]!;
    expect(rings.length).toBeGreaterThan(0);
    // Its rings lie around the town, within its box.
    const [w, s, e, n] = boxOf(shusha.index) as [number, number, number, number];
    for (const ring of rings)
      for (let i = 0; i < ring.length; i += 2) {
        expect(ring[i]!).toBeGreaterThanOrEqual(w - 0.011);
        expect(ring[i]!).toBeLessThanOrEqual(e + 0.011);
        expect(ring[i + 1]!).toBeGreaterThanOrEqual(s - 0.011);
        expect(ring[i + 1]!).toBeLessThanOrEqual(n + 0.011);
      }
    expect(lon > w && lon < e && lat > s && lat < n).toBe(true);
    const outline = decodeShapes(json(fineShapesPath(shapes, 'country', 'ARM')!), 'country', {
      first: country('ARM').index,
      count: 1,
    });
    expect(outline.rings[0]!.length).toBeGreaterThan(0);
  });

  it('the world file is simplified harder than the fine files it stands for', () => {
    const { shapes } = f.pointer;
    const world = decodeShapes(json(shapes.admin1.world), 'admin1', { first: 0, count: f.table.admin1.length });
    let fine = 0;
    for (const c of f.table.countries)
      fine += pointCount(decodeShapes(json(fineShapesPath(shapes, 'admin1', c.id)!), 'admin1', admin1Range(c.id)));
    expect(pointCount(world)).toBeLessThan(fine / 2);
  });

  it('a file of another level, version or country is refused, never drawn in the wrong place', () => {
    const { shapes } = f.pointer;
    const aze = json(fineShapesPath(shapes, 'admin1', 'AZE')!);
    expect(() => decodeShapes(aze, 'admin1', admin1Range('ARM'))).toThrow(/do not match/);
    expect(() => decodeShapes(aze, 'country', admin1Range('AZE'))).toThrow(/not a file of country/);
    expect(() => decodeShapes({ ...(aze as object), version: 1 }, 'admin1', admin1Range('AZE'))).toThrow(/version/);
    expect(() =>
      decodeShapes({ ...(aze as object), rings: [[[1, 2, 3]]] }, 'admin1', {
        first: admin1Range('AZE').first,
        count: 1,
      }),
    ).toThrow(/ring/);
  });

  it("the admin-1 places (label points, boxes) are the choropleth's file, aligned with the table", () => {
    const shusha = f.table.admin1.find((a) => a.id === 'AZE-5565')!.index;
    const [lon, lat] = [places.label[2 * shusha]!, places.label[2 * shusha + 1]!];
    const [w, s, e, n] = boxOf(shusha);
    expect(lon > w! && lon < e! && lat > s! && lat < n!).toBe(true);
    // Boxes are whole hundredths of a degree, grown outward; the table no longer carries them.
    for (const v of places.bbox) expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-9);
    expect(Object.keys(f.table.admin1[shusha]!)).not.toContain('bbox');
    const file = json(f.pointer.shapes.places) as { label: number[] };
    expect(() => decodePlaces(file, f.table.admin1.length + 1)).toThrow(/does not match/);
    expect(() =>
      decodePlaces({ ...file, label: file.label.map((v, i) => (i === 0 ? 0.5 : v)) }, f.table.admin1.length),
    ).toThrow(/bad label/);
  });

  it('the pointer names the files; a path leaving the folder is refused', () => {
    const pointer = json('regions.json') as Record<string, unknown>;
    expect(parsePointer(pointer).shapes.admin1.fine).toMatch(/shapes\/admin1\/$/);
    const bad = {
      ...pointer,
      shapes: { ...(pointer['shapes'] as object), admin1: { world: '../x.json.gz', fine: 'a/' } },
    };
    expect(() => parsePointer(bad)).toThrow(/shapes\.admin1/);
    expect(() => parsePointer({ ...pointer, shapes: 'shapes.json' })).toThrow(/shapes/);
    expect(fineShapesPath(f.pointer.shapes, 'admin1', '../etc')).toBeNull();
  });
});

describe('which files a view needs', () => {
  const shusha = f.table.admin1.find((a) => a.id === 'AZE-5565')!.index;
  const yerevan = f.table.admin1.find((a) => a.country === country('ARM').index)!.index;

  it('below fineFrom, the world file alone, whatever is in view; none for a view with nothing to fill', () => {
    expect(shapePartsFor(2, 5, 'admin1', [shusha, yerevan], f.table)).toEqual(['world']);
    expect(shapePartsFor(4.99, 5, 'country', [0], f.table)).toEqual(['world']);
    expect(shapePartsFor(2, 5, 'admin1', [], f.table)).toEqual([]);
  });

  it('from fineFrom, the files of the countries whose regions are filled in view, no others', () => {
    const parts = shapePartsFor(7, 5, 'admin1', [shusha, yerevan, shusha], f.table);
    expect(parts).toEqual([country('ARM').index, country('AZE').index].sort((a, b) => a - b));
    expect(shapePartsFor(5, 5, 'country', [country('GEO').index], f.table)).toEqual([country('GEO').index]);
    expect(shapePartsFor(9, 5, 'admin1', [], f.table)).toEqual([]);
  });
});

describe('what a view meets', () => {
  const view = (west: number, south: number, east: number, north: number): MercatorBox =>
    mercatorBox([west, south, east, north]);
  const caucasus = view(43, 38, 50, 43);

  it('a box across the antimeridian meets views at either edge of the world, not every view', () => {
    const fiji = mercatorBox([177, -21, -178, -12]);
    expect(boxesMeet(fiji, view(175, -20, 179.9, -15))).toBe(true);
    expect(boxesMeet(fiji, view(-179.9, -20, -176, -15))).toBe(true);
    expect(boxesMeet(fiji, caucasus)).toBe(false);
  });

  it('a country is culled by its regions: a view of the Caucasus meets Azerbaijan, not Fiji or Kenya', () => {
    const boxes = regionBoxes(f.table, 'country', places);
    const met = f.table.countries.filter((c) => anyMeets(boxes[c.index]!, caucasus)).map((c) => c.id);
    expect(met).toEqual(expect.arrayContaining(['AZE', 'ARM', 'GEO']));
    expect(met).not.toContain('FJI');
    expect(met).not.toContain('KEN');
  });
});

describe('the shapes as they arrive', () => {
  const fake = (fail = new Set<ShapePart>()) => {
    const asked: ShapePart[] = [];
    const assets = {
      shapePart: vi.fn(async (level: 'country' | 'admin1', part: ShapePart): Promise<ShapesPart> => {
        asked.push(part);
        if (fail.has(part)) throw new Error('HTTP 503');
        const path =
          part === 'world'
            ? f.pointer.shapes.admin1.world
            : fineShapesPath(f.pointer.shapes, level, f.table.countries[part]!.id)!;
        const range =
          part === 'world' ? { first: 0, count: f.table.admin1.length } : admin1Range(f.table.countries[part]!.id);
        return decodeShapes(json(path), level, range);
      }),
    };
    return { assets, asked };
  };
  const shusha = f.table.admin1.find((a) => a.id === 'AZE-5565')!.index;
  const aze = country('AZE').index;

  it('a region is not drawn before its file arrives; each file is asked for once', async () => {
    const { assets, asked } = fake();
    const shapes = new RegionShapes(assets, f.table, places, 'admin1', 5);
    const changed = vi.fn();
    shapes.onchange = changed;
    expect(shapes.ringsFor(shusha, true)).toBeUndefined();
    shapes.want([aze]);
    shapes.want([aze]);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(shapes.ringsFor(shusha, true)!.length).toBeGreaterThan(0);
    shapes.want([aze]);
    expect(asked).toEqual([aze]);
  });

  it('coarse below fineFrom and fine from it, each standing in for the other while it comes', async () => {
    const { assets } = fake();
    const shapes = new RegionShapes(assets, f.table, places, 'admin1', 5);
    shapes.want(['world']);
    await vi.waitFor(() => expect(shapes.has('world')).toBe(true));
    const coarse = shapes.ringsFor(shusha, false)!;
    // Zoomed in, before the country's file: the world file's rings, not a gap.
    expect(shapes.ringsFor(shusha, true)).toBe(coarse);
    shapes.want([aze]);
    await vi.waitFor(() => expect(shapes.has(aze)).toBe(true));
    const fine = shapes.ringsFor(shusha, true)!;
    expect(fine).not.toBe(coarse);
    expect(shapes.ringsFor(shusha, false)).toBe(coarse);
  });

  it('a file that failed is asked for again by the next view, not remembered as a failure', async () => {
    const fail = new Set<ShapePart>([aze]);
    const { assets, asked } = fake(fail);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shapes = new RegionShapes(assets, f.table, places, 'admin1', 5);
    shapes.want([aze]);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(shapes.has(aze)).toBe(false);
    fail.clear();
    shapes.want([aze]);
    await vi.waitFor(() => expect(shapes.has(aze)).toBe(true));
    expect(asked).toEqual([aze, aze]);
    warn.mockRestore();
  });
});

describe('RegionAssets.shapePart', () => {
  it('fetches each file once, checks it against the table, and fetches a failed one again', async () => {
    const requests: string[] = [];
    let down = true;
    const assets = new RegionAssets('https://example.org/basemap/', async (url) => {
      const path = url.replace('https://example.org/basemap/', '');
      requests.push(path);
      if (path.includes('/shapes/') && down) return new Response('', { status: 503 });
      const body = f.files.get(path);
      return body === undefined ? new Response('', { status: 404 }) : new Response(body as string);
    });
    const aze = country('AZE').index;
    await expect(assets.shapePart('admin1', aze)).rejects.toThrow(/503/);
    down = false;
    const [a, b] = await Promise.all([assets.shapePart('admin1', aze), assets.shapePart('admin1', aze)]);
    expect(a).toBe(b);
    expect(a.first).toBe(country('AZE').admin1[0]);
    const world = await assets.shapePart('country', 'world');
    expect(world.rings).toHaveLength(f.table.countries.length);
    const shapeRequests = requests.filter((p) => p.includes('/shapes/'));
    expect(shapeRequests).toEqual([
      fineShapesPath(f.pointer.shapes, 'admin1', 'AZE'),
      fineShapesPath(f.pointer.shapes, 'admin1', 'AZE'),
      f.pointer.shapes.countries.world,
    ]);
  });
});
