import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cluster,
  ClusterGrid,
  isOneSpot,
  membersOf,
  sameRows,
  type ClusterInput,
  type Clusters,
} from '../../../../src/lib/views/map/cluster';
import { mercatorX, mercatorY, worldSize } from '../../../../src/lib/views/map/projection';

const CELL = 48;

/** Points given in world pixels at `zoom`, turned into the normalised columns cluster() reads. */
function fromPixels(
  points: readonly (readonly [number, number] | null)[],
  zoom: number,
): { x: Float64Array; y: Float64Array } {
  const ws = worldSize(zoom);
  return {
    x: Float64Array.from(points, (p) => (p ? p[0] / ws : NaN)),
    y: Float64Array.from(points, (p) => (p ? p[1] / ws : NaN)),
  };
}

/** A view of the whole world at `zoom` unless told otherwise. */
function run(
  points: readonly (readonly [number, number] | null)[],
  zoom: number,
  extra: Partial<ClusterInput> = {},
): Clusters {
  const ws = worldSize(zoom);
  return cluster({
    ...fromPixels(points, zoom),
    rows: points.map((_, i) => i),
    worldSize: ws,
    left: 0,
    top: 0,
    width: ws,
    height: ws,
    cell: CELL,
    ...extra,
  });
}

/** [count, rows] per cluster, in output order. */
function summary(c: Clusters): [number, number[]][] {
  return Array.from({ length: c.length }, (_, i) => [c.count[i]!, Array.from(membersOf(c, i))]);
}

describe('cluster: grid cells', () => {
  const cases: { name: string; points: ([number, number] | null)[]; zoom: number; expected: [number, number[]][] }[] = [
    {
      name: 'two points in one cell merge',
      points: [
        [10, 10],
        [30, 40],
      ],
      zoom: 2,
      expected: [[2, [0, 1]]],
    },
    {
      name: 'points in separate cells stay apart',
      points: [
        [10, 10],
        [200, 300],
      ],
      zoom: 2,
      expected: [
        [1, [0]],
        [1, [1]],
      ],
    },
    {
      name: 'counts per cell, in grid order',
      points: [
        [500, 500],
        [5, 5],
        [6, 6],
        [7, 7],
        [501, 502],
      ],
      zoom: 3,
      expected: [
        [3, [1, 2, 3]],
        [2, [0, 4]],
      ],
    },
    { name: 'unlocated rows are skipped', points: [null, [10, 10], null], zoom: 2, expected: [[1, [1]]] },
    // The world holds a whole number of cells: at zoom 2, 21 cells of 1024 / 21 = 48.76 px.
    {
      name: 'cell edges are half-open: 48.76 and 48.77 fall apart',
      points: [
        [48.76, 5],
        [48.77, 5],
      ],
      zoom: 2,
      expected: [
        [1, [0]],
        [1, [1]],
      ],
    },
    {
      name: 'a cell is the world width over a whole number: 47.9 and 48.7 share one',
      points: [
        [47.9, 5],
        [48.7, 5],
      ],
      zoom: 2,
      expected: [[2, [0, 1]]],
    },
    { name: 'nothing to cluster', points: [], zoom: 2, expected: [] },
  ];
  for (const { name, points, zoom, expected } of cases) {
    it(name, () => expect(summary(run(points, zoom))).toEqual(expected));
  }

  it('a cell with one row yields that exact row at its exact position', () => {
    const c = run([[123.25, 77.5]], 4);
    expect(c.length).toBe(1);
    expect(membersOf(c, 0)[0]).toBe(0);
    expect([c.x[0], c.y[0]]).toEqual([123.25, 77.5]);
  });

  it('a cluster sits at its members\u2019 centroid', () => {
    const c = run(
      [
        [10, 10],
        [20, 30],
        [30, 20],
      ],
      2,
    );
    expect(c.x[0]).toBeCloseTo(20);
    expect(c.y[0]).toBeCloseTo(20);
  });

  it('only the rows passed in are clustered, in the order given', () => {
    const { x, y } = fromPixels(
      [
        [10, 10],
        [11, 11],
        [12, 12],
        [13, 13],
      ],
      2,
    );
    const c = cluster({ x, y, rows: [3, 1], worldSize: 1024, left: 0, top: 0, width: 1024, height: 1024, cell: CELL });
    expect(summary(c)).toEqual([[2, [3, 1]]]);
  });

  it('rows outside the view are culled', () => {
    const c = run(
      [
        [10, 10],
        [600, 600],
        [100, 700],
      ],
      3,
      { left: 0, top: 0, width: 400, height: 400 },
    );
    expect(summary(c)).toEqual([[1, [0]]]);
  });
});

describe('cluster: across zooms', () => {
  // Two places 0.5° apart in longitude: about 1.4 px at zoom 2, 182 px at zoom 9.
  const lon = [44.5, 45];
  const points = (zoom: number): [number, number][] =>
    lon.map((l) => [mercatorX(l) * worldSize(zoom), mercatorY(40) * worldSize(zoom)]);
  const cases: { zoom: number; clusters: number }[] = [
    { zoom: 2, clusters: 1 },
    { zoom: 5, clusters: 1 },
    { zoom: 7, clusters: 2 },
    { zoom: 9, clusters: 2 },
  ];
  for (const { zoom, clusters } of cases) {
    it(`zoom ${zoom}: ${clusters} cluster(s)`, () => {
      const ws = worldSize(zoom);
      const [a] = points(zoom);
      // A 1000 × 1000 px view around the first place, as the map would ask for.
      const view = { left: a![0] - 500, top: a![1] - 500, width: 1000, height: 1000 };
      expect(run(points(zoom), zoom, { ...view, worldSize: ws }).length).toBe(clusters);
    });
  }
});

describe('cluster: antimeridian', () => {
  const zoom = 5;
  const ws = worldSize(zoom);
  const east = mercatorX(179.99) * ws;
  const west = mercatorX(-179.99) * ws;
  const y = mercatorY(-17) * ws;

  it('lon 179.99 and -179.99 share a cluster in a view centred on the antimeridian', () => {
    // The antimeridian is a cell edge (the world holds whole cells): the two cells merge.
    const c = run(
      [
        [east, y],
        [west, y],
      ],
      zoom,
      { left: ws - 400, top: y - 300, width: 800, height: 600, merge: 28 },
    );
    expect(summary(c)).toEqual([[2, [0, 1]]]);
    // The -179.99 point was moved into this world copy, past the right edge of the world.
    expect(c.x[0]).toBeGreaterThan(ws - 1);
    expect(c.x[0]).toBeLessThan(ws + 1);
  });

  it('the same points are far apart in a view of the whole world', () => {
    expect(
      run(
        [
          [east, y],
          [west, y],
        ],
        zoom,
      ).length,
    ).toBe(2);
  });

  it('a view wider than the world draws each point once, on the world shown', () => {
    const ws1 = worldSize(1);
    const paris = [mercatorX(2.35) * ws1, mercatorY(48.85) * ws1] as [number, number];
    const c = run([paris], 1, { left: -400, top: 0, width: ws1 + 800, height: ws1 });
    expect(c.length).toBe(1);
    expect(c.x[0]).toBeCloseTo(paris[0], 5);
  });
});

describe('cluster: merging neighbouring cells', () => {
  // 4 px apart, but on either side of the cell edge at x = 48.
  const straddling: [number, number][] = [
    [46, 10],
    [50, 10],
  ];
  it.each([
    { merge: 0, clusters: 2 },
    { merge: 28, clusters: 1 },
  ])('merge $merge → $clusters cluster(s)', ({ merge, clusters }) => {
    expect(run(straddling, 2, { merge }).length).toBe(clusters);
  });

  it('does not merge neighbours whose centroids are far apart', () => {
    expect(
      run(
        [
          [2, 10],
          [94, 10],
        ],
        2,
        { merge: 28 },
      ).length,
    ).toBe(2);
  });
});

describe('cluster: categories and spots', () => {
  it('a cluster with one category keeps it; a mixed one gets -1', () => {
    const category = [2, 2, 1, 0];
    const c = run(
      [
        [5, 5],
        [6, 6],
        [300, 300],
        [301, 301],
      ],
      3,
      { category },
    );
    expect(Array.from(c.category)).toEqual([2, -1]);
  });

  it('events on one spot stay one spot down to the deepest zoom; nearby ones do not', () => {
    const c = run(
      [
        [5, 5],
        [5, 5],
        [300, 300],
        [300.01, 300],
      ],
      3,
    );
    expect(isOneSpot(c, 0, 12)).toBe(true);
    expect(isOneSpot(c, 1, 12)).toBe(false);
    expect(isOneSpot(c, 1, 3)).toBe(true);
  });
});

describe('sameRows', () => {
  it.each([
    { a: [1, 2, 3], b: [1, 2, 3], same: true },
    { a: [1, 2, 3], b: [1, 2], same: false },
    { a: [1, 2, 3], b: [1, 3, 2], same: false },
    { a: [], b: [], same: true },
  ])('$a vs $b → $same', ({ a, b, same }) => {
    expect(sameRows(Uint32Array.from(a), Uint32Array.from(b))).toBe(same);
  });
});

describe('ClusterGrid: updated by the rows that changed', () => {
  // Mostly crowded into a few cells (so cells go from many rows to one and back), some anywhere.
  // Hundredths of a pixel: fc.double would crowd the points onto 0 and the maximum.
  const coord = (max: number) => fc.integer({ min: 0, max: Math.floor(max * 100) }).map((v) => v / 100);
  const pointArb = fc.option(
    fc.oneof(
      {
        arbitrary: fc.tuple(
          coord(200).map((v) => v + 120),
          coord(150).map((v) => v + 60),
        ),
        weight: 4,
      },
      { arbitrary: fc.tuple(coord(1023.99), coord(1023.99)), weight: 1 },
    ),
    { freq: 8 },
  );
  const view = { worldSize: 1024, left: 100, top: 50, width: 700, height: 600, cell: CELL, merge: 28, categories: 3 };

  it('gives the clusters a from-scratch pass gives, after any sequence of additions and removals', () => {
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 80 }),
        fc.array(fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }), { minLength: 1, maxLength: 6 }),
        (points, sets) => {
          const { x, y } = fromPixels(points, 2);
          const category = points.map((_, i) => i % 3);
          const grid = new ClusterGrid({ x, y, category, ...view });
          let current: number[] = [];
          for (const set of sets) {
            const next = points.map((_, i) => i).filter((i) => set[i]);
            grid.add(
              current.filter((r) => !next.includes(r)),
              -1,
            );
            grid.add(
              next.filter((r) => !current.includes(r)),
              1,
            );
            current = next;
            const got = grid.clusters(current, view);
            const want = cluster({ x, y, rows: current, category, ...view });
            expect(summary(got)).toEqual(summary(want));
            expect(Array.from(got.category)).toEqual(Array.from(want.category));
            expect(Array.from(got.single)).toEqual(Array.from(want.single));
            for (let k = 0; k < want.length; k++) {
              expect(got.x[k]).toBeCloseTo(want.x[k]!, 6);
              expect(got.y[k]).toBeCloseTo(want.y[k]!, 6);
              expect(got.spread(k)).toBeCloseTo(want.spread(k), 9);
              for (const row of membersOf(want, k)) expect(got.clusterOf(row)).toBe(k);
            }
            // A row that is not clustered belongs to no cluster, even where its cell has others.
            for (let row = 0; row < points.length; row++)
              if (!current.includes(row)) expect(got.clusterOf(row)).toBe(-1);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a cluster of one is its exact row at its exact position', () => {
    const { x, y } = fromPixels(
      [
        [150.125, 99.75],
        [700, 500],
        [702, 503],
      ],
      2,
    );
    const grid = new ClusterGrid({ x, y, ...view });
    grid.add([0, 1, 2], 1);
    grid.add([2], -1);
    const c = grid.clusters([0, 1], view);
    expect(Array.from(c.single)).toEqual([0, 1]);
    expect([c.x[0], c.y[0]]).toEqual([150.125, 99.75]);
  });
});

describe('ClusterGrid: one grid for many views', () => {
  const ws = 2048;
  // Hundredths of a pixel: fc.double would crowd the points onto 0 and the world's edge.
  const coord = fc.integer({ min: 0, max: ws * 100 - 1 }).map((v) => v / 100);
  const spec = { worldSize: ws, cell: CELL, merge: 28, categories: 3 };

  it('a view inside the summed area gets the clusters of a grid built for that view alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 300 }),
        (points, left, top, width, height, wide, margin) => {
          const { x, y } = fromPixels(points, 3);
          const category = points.map((_, i) => i % 3);
          const rows = points.map((_, i) => i);
          const view = { left, top, width, height };
          // The whole world, or a band of columns around the view.
          const bounds = wide
            ? { left: 0, top: 0, width: ws, height: ws }
            : { left: left - margin, top: top - margin, width: width + 2 * margin, height: height + 2 * margin };
          const area = new ClusterGrid({ x, y, category, ...spec, ...bounds });
          area.add(rows, 1);
          expect(area.covers({ worldSize: ws, ...view })).toBe(true);
          const got = area.clusters(rows, view);
          const want = cluster({ x, y, rows, category, ...spec, ...view });
          expect(summary(got)).toEqual(summary(want));
          expect(Array.from(got.category)).toEqual(Array.from(want.category));
          for (let k = 0; k < want.length; k++) {
            expect(got.x[k]).toBeCloseTo(want.x[k]!, 6);
            expect(got.y[k]).toBeCloseTo(want.y[k]!, 6);
            // Drawn in the world copy the view shows, within a cell of its edges.
            expect(got.x[k]).toBeGreaterThanOrEqual(left - CELL);
            expect(got.x[k]).toBeLessThanOrEqual(left + width + CELL);
            for (const row of membersOf(want, k)) expect(got.clusterOf(row)).toBe(k);
          }
          // Rows in cells the view does not reach belong to no drawn cluster.
          const drawn = new Set(Array.from({ length: want.length }, (_, k) => Array.from(membersOf(want, k))).flat());
          for (const row of rows) if (!drawn.has(row)) expect(got.clusterOf(row)).toBe(-1);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a cell at the view\u2019s edge keeps its members beyond the edge, so sliding the view does not change it', () => {
    const { x, y } = fromPixels(
      [
        [100, 100],
        [140, 110],
      ],
      3,
    );
    const grid = new ClusterGrid({ x, y, ...spec, left: 0, top: 0, width: 1000, height: 1000 });
    grid.add([0, 1], 1);
    for (const left of [0, 110, 120]) {
      const c = grid.clusters([0, 1], { left, top: 0, width: 400, height: 400 });
      expect(summary(c)).toEqual([[2, [0, 1]]]);
    }
    // Once the view has left the cell, the cluster is not drawn.
    expect(grid.clusters([0, 1], { left: 150, top: 0, width: 400, height: 400 }).length).toBe(0);
  });

  it.each([
    {
      name: 'a view inside the area',
      area: { left: 0, width: 1000 },
      view: { left: 100, width: 500 },
      zoomed: false,
      covers: true,
    },
    {
      name: 'a view past the area\u2019s edge',
      area: { left: 0, width: 1000 },
      view: { left: 600, width: 500 },
      zoomed: false,
      covers: false,
    },
    {
      name: 'another zoom',
      area: { left: 0, width: 1000 },
      view: { left: 100, width: 500 },
      zoomed: true,
      covers: false,
    },
    {
      name: 'the same view wider than the world',
      area: { left: -200, width: 2500 },
      view: { left: -200, width: 2500 },
      zoomed: false,
      covers: true,
    },
    {
      name: 'any view at that zoom, when the area spans the world',
      area: { left: -200, width: 2500 },
      view: { left: 5000, width: 1000 },
      zoomed: false,
      covers: true,
    },
    {
      name: 'a band of columns across the antimeridian',
      area: { left: 1500, width: 1000 },
      view: { left: -300, width: 400 },
      zoomed: false,
      covers: true,
    },
    {
      name: 'a view past that band, in another world copy',
      area: { left: 1500, width: 1000 },
      view: { left: 2200 + 2048, width: 400 },
      zoomed: false,
      covers: false,
    },
  ])('covers: $name → $covers', ({ area, view, zoomed, covers }) => {
    const grid = new ClusterGrid({
      x: new Float64Array(0),
      y: new Float64Array(0),
      ...spec,
      ...area,
      top: 0,
      height: 800,
    });
    expect(grid.covers({ worldSize: zoomed ? ws * 2 : ws, ...view, top: 100, height: 400 })).toBe(covers);
  });
});

describe('Clusters.listMembers: the member lists built ahead, in slices', () => {
  it('lists in slices the members members() lists at once', () => {
    const n = 200_000;
    let s = 3;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const x = Float64Array.from({ length: n }, () => 0.4 + 0.2 * rnd());
    const y = Float64Array.from({ length: n }, () => 0.3 + 0.1 * rnd());
    const rows = Uint32Array.from({ length: n }, (_, i) => i).filter((r) => r % 5 !== 0);
    const input = {
      x,
      y,
      rows,
      worldSize: worldSize(4),
      left: 0.45 * worldSize(4),
      top: 0.32 * worldSize(4),
      width: 900,
      height: 600,
      cell: CELL,
      merge: 28,
    };
    const ahead = cluster(input);
    const slices: boolean[] = [];
    for (let left = true; left;) slices.push((left = ahead.listMembers(() => false)));
    // 160,000 rows at 65,536 a slice: three slices, the last one finishing.
    expect(slices).toEqual([true, true, false]);
    expect(ahead.listMembers(() => false)).toBe(false);
    const fresh = cluster(input);
    expect(fresh.length).toBeGreaterThan(1);
    for (let k = 0; k < fresh.length; k++)
      expect(Array.from(membersOf(ahead, k))).toEqual(Array.from(membersOf(fresh, k)));
  }, 60_000);
});
