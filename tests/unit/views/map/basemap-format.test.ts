import { describe, expect, it } from 'vitest';
import {
  decodeLabels,
  decodeLines,
  encodeLine,
  FORMAT_VERSION,
  LABEL_Q,
  LabelKind,
  LEVELS,
  levelFor,
  linesLevelFor,
  parseManifest,
  refBox,
  tilePath,
  tilesFor,
  weightOf,
} from '../../../../src/lib/views/map/basemap-format';

describe('zoom bands', () => {
  const cases: [number, number, number][] = [
    // zoom, level of names, level of region borders
    [1, 0, -1],
    [3.75, 0, -1],
    [4, 1, 1],
    [5.75, 1, 1],
    [6, 2, 2],
    [8, 3, 3],
    [9.5, 3, 3],
    // Level 4 has names only: its zooms draw level 3's borders.
    [10, 4, 3],
    [12, 4, 3],
  ];
  it.each(cases)('zoom %d shows the names of levels up to %d and the borders of level %d', (zoom, names, lines) => {
    expect(levelFor(zoom)).toBe(names);
    expect(linesLevelFor(zoom)).toBe(lines);
  });

  it('gives each level tiles 512 px wide at its first zoom, or wider', () => {
    for (const level of LEVELS.slice(1)) expect(256 * 2 ** (level.from - level.maxGrid)).toBeGreaterThanOrEqual(512);
  });
});

describe('asset tile lookup', () => {
  // A quadtree: the west half whole (zoom 1), the east half split into its four quarters at zoom 2,
  // one of which is missing (nothing there).
  const tiles = [1, 0, 0, 1, 0, 1, 2, 2, 0, 2, 3, 0, 2, 2, 1];

  it('finds the tiles a box meets, whatever their depth', () => {
    // A box in the north-east quarter of the world's east half.
    const found = tilesFor(1, tiles, [130, 10, 200, 60]);
    expect(found).toEqual([
      { level: 1, z: 2, x: 2, y: 0 },
      { level: 1, z: 2, x: 3, y: 0 },
    ]);
    expect(tilesFor(1, tiles, [10, 10, 20, 20])).toEqual([{ level: 1, z: 1, x: 0, y: 0 }]);
  });

  it('asks for nothing where no tile exists', () => {
    expect(tilesFor(1, tiles, [200, 140, 250, 250])).toEqual([]);
  });

  it('names each tile by level, square and kind', () => {
    expect(tilePath({ level: 3, z: 6, x: 40, y: 24 }, 'lines')).toBe('3/6-40-24.lines.json.gz');
    expect(refBox({ z: 1, x: 1, y: 0 })).toEqual([128, 0, 256, 128]);
  });
});

describe('the manifest', () => {
  const valid = {
    version: FORMAT_VERSION,
    base: 'v0123456789/',
    levels: LEVELS.map(() => ({ lines: [0, 0, 0], labels: [1, 1, 0] })),
  };

  it('reads a well-formed manifest', () => {
    expect(parseManifest(valid)).toEqual(valid);
  });

  const damaged: [string, unknown][] = [
    ['not an object', 'manifest'],
    ['another version', { ...valid, version: 99 }],
    ['a base that leaves the folder', { ...valid, base: '../../etc/' }],
    ['a base that is a URL', { ...valid, base: 'https://evil.example/' }],
    ['too few levels', { ...valid, levels: valid.levels.slice(1) }],
    ['a tile outside its grid', { ...valid, levels: [{ lines: [], labels: [1, 2, 0] }, ...valid.levels.slice(1)] }],
    [
      'a tile deeper than its level goes',
      { ...valid, levels: [{ lines: [], labels: [5, 0, 0] }, ...valid.levels.slice(1)] },
    ],
    ['a list that is not of triples', { ...valid, levels: [{ lines: [0, 0], labels: [] }, ...valid.levels.slice(1)] }],
  ];
  it.each(damaged)('refuses %s', (_, value) => {
    expect(() => parseManifest(value)).toThrow(/basemap manifest/);
  });
});

describe('lines', () => {
  it('round-trip through the delta encoding into world units', () => {
    const q = 11;
    const points: [number, number][] = [
      [1000, 2000],
      [1010, 1990],
      [1005, 2100],
    ];
    const set = decodeLines([encodeLine(points)], q);
    expect([...set.starts]).toEqual([0, 3]);
    expect([...set.points]).toEqual(points.flat().map((v) => Math.fround(v / 2 ** q)));
    expect([...set.boxes]).toEqual([1000, 1990, 1010, 2100].map((v) => Math.fround(v / 2 ** q)));
  });

  it('skip damaged lines and keep the rest', () => {
    const set = decodeLines([[1, 2, 3], 'x', [1, 2, 3, 4.5], [0, 0, 1, 1]], 8);
    expect([...set.starts]).toEqual([0, 2]);
    expect(decodeLines('nothing', 8).starts.length).toBe(1);
  });
});

describe('labels', () => {
  const unit = 2 ** LABEL_Q;
  const tile = {
    x0: 128 * unit,
    y0: 64 * unit,
    kind: [LabelKind.Capital, LabelKind.Town],
    zoom: [12, 36],
    weight: [weightOf(1_093_485), weightOf(20_379)],
    x: [unit, 2 * unit],
    y: [0, unit / 2],
    name: ['Yerevan', 'Goris'],
  };

  it('decode to world units, first zooms and names', () => {
    expect(decodeLabels(tile)).toEqual([
      { kind: LabelKind.Capital, minZoom: 3, weight: 201, x: 129, y: 64, name: 'Yerevan' },
      { kind: LabelKind.Town, minZoom: 9, weight: 143, x: 130, y: 64.5, name: 'Goris' },
    ]);
  });

  it('skip damaged records, and give nothing for a damaged tile', () => {
    const damaged = { ...tile, kind: [9, LabelKind.Town], name: ['Yerevan', 'Goris'] };
    expect(decodeLabels(damaged).map((e) => e.name)).toEqual(['Goris']);
    expect(decodeLabels({ ...tile, name: ['only one'] })).toEqual([]);
    expect(decodeLabels({ ...tile, name: ['', 42] })).toEqual([]);
    expect(decodeLabels(null)).toEqual([]);
  });

  it('cut a name longer than any place has', () => {
    const long = decodeLabels({ ...tile, name: ['x'.repeat(500), 'Goris'] });
    expect(long[0]!.name.length).toBe(60);
  });

  it('weigh by log: ten times the population is 33 more', () => {
    expect(weightOf(10_000) - weightOf(1_000)).toBe(33);
    expect(weightOf(0)).toBe(0);
  });
});
