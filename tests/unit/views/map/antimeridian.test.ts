import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { fixLines, fixPolygon, fixPolygons, unwrap } from '../../../../src/lib/views/map/antimeridian';

/** Largest longitude step between consecutive points: Leaflet draws a step > 180 across the map. */
function maxStep(ring: readonly Position[]): number {
  let step = 0;
  for (let i = 1; i < ring.length; i++) step = Math.max(step, Math.abs(ring[i]![0]! - ring[i - 1]![0]!));
  return step;
}

const square: Position[] = [
  [10, 10],
  [20, 10],
  [20, 20],
  [10, 20],
  [10, 10],
];
// An island on the antimeridian, like Taveuni in Fiji.
const crossing: Position[] = [
  [179, -16],
  [-179, -16],
  [-179, -17],
  [179, -17],
  [179, -16],
];
// A ring around the south pole, like Antarctica: it goes once around the world.
const polar: Position[] = [
  [-180, -70],
  [-90, -72],
  [0, -69],
  [90, -66],
  [180, -70],
];

describe('unwrap', () => {
  it.each([
    { name: 'plain ring', ring: square, winding: 0, min: 10, max: 20 },
    { name: 'ring across the antimeridian', ring: crossing, winding: 0, min: 179, max: 181 },
    { name: 'ring around a pole', ring: polar, winding: 1, min: -180, max: 180 },
  ])('$name', ({ ring, winding, min, max }) => {
    const u = unwrap(ring);
    expect(u.winding).toBe(winding);
    expect([u.min, u.max]).toEqual([min, max]);
    expect(maxStep(u.ring)).toBeLessThanOrEqual(180);
  });
});

describe('fixPolygon', () => {
  it('leaves a polygon inside the world as it is', () => {
    expect(fixPolygon([square])).toEqual([[square]]);
  });

  it('draws a crossing polygon unwrapped and once more shifted by 360°', () => {
    const out = fixPolygon([crossing]);
    expect(out).toHaveLength(2);
    expect(out[0]![0]!.map((p) => p[0])).toEqual([179, 181, 181, 179, 179]);
    expect(out[1]![0]!.map((p) => p[0])).toEqual([-181, -179, -179, -181, -181]);
    for (const polygon of out) expect(maxStep(polygon[0]!)).toBeLessThanOrEqual(180);
  });

  it('moves a hole into the copy of the world its outer ring uses', () => {
    const outer: Position[] = [
      [170, 0],
      [-170, 0],
      [-170, 10],
      [170, 10],
      [170, 0],
    ];
    const hole: Position[] = [
      [-178, 4],
      [-176, 4],
      [-176, 6],
      [-178, 6],
      [-178, 4],
    ];
    const [first] = fixPolygon([outer, hole]);
    expect(first![1]!.map((p) => p[0])).toEqual([182, 184, 184, 182, 182]);
  });

  it('closes a ring around the south pole along the pole instead of across the map', () => {
    const [polygon, ...rest] = fixPolygon([polar]);
    expect(rest).toHaveLength(0);
    const ring = polygon![0]!;
    expect(ring.slice(-3)).toEqual([
      [180, -90],
      [-180, -90],
      [-180, -70],
    ]);
    expect(maxStep(ring.slice(0, -2))).toBeLessThanOrEqual(180);
  });

  it('fixPolygons flattens polygons and multipolygons into one multipolygon', () => {
    expect(fixPolygons({ type: 'Polygon', coordinates: [square] })).toEqual({
      type: 'MultiPolygon',
      coordinates: [[square]],
    });
    expect(fixPolygons({ type: 'MultiPolygon', coordinates: [[square], [crossing]] }).coordinates).toHaveLength(3);
  });
});

describe('fixLines', () => {
  it('keeps lines inside the world and doubles a line across the antimeridian', () => {
    const out = fixLines({
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [10, 5],
        ],
        [
          [175, 60],
          [-175, 62],
        ],
      ],
    });
    expect(out.coordinates).toEqual([
      [
        [0, 0],
        [10, 5],
      ],
      [
        [175, 60],
        [185, 62],
      ],
      [
        [-185, 60],
        [-175, 62],
      ],
    ]);
  });
});
