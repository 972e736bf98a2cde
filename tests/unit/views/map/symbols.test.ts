import { describe, expect, it } from 'vitest';
import {
  CLUSTER_CELL,
  SHAPES,
  clusterRadius,
  countLabel,
  hitRadius,
  markerStyle,
  shapeFor,
  textColorOn,
  tracePath,
  type PathSink,
  type Shape,
} from '../../../../src/lib/views/map/symbols';

// Codes from model/columns.ts.
const SITE = 1;
const CITY = 2;
const REGION = 3;
const COUNTRY = 4;
const CONFIRMED = 0;
const CLAIMED = 1;
const DISPUTED = 2;

describe('markerStyle: location precision is visible', () => {
  it.each([
    { precision: SITE, kind: 'site', solid: true, halo: false },
    { precision: CITY, kind: 'city', solid: false, halo: false },
    { precision: REGION, kind: 'area', solid: true, halo: true },
    { precision: COUNTRY, kind: 'area', solid: true, halo: true },
  ])('precision $precision → $kind', ({ precision, kind, solid, halo }) => {
    const style = markerStyle(precision, CONFIRMED);
    expect(style.kind).toBe(kind);
    expect(style.fillAlpha === 1).toBe(solid);
    expect(style.halo > 0).toBe(halo);
  });

  it('a city is a ring: thick outline, light fill', () => {
    const style = markerStyle(CITY, CONFIRMED);
    expect(style.strokeWidth).toBeGreaterThanOrEqual(2.5);
    expect(style.fillAlpha).toBeLessThan(0.5);
  });

  it('the halo grows with coarseness and the centre mark stays small', () => {
    const region = markerStyle(REGION, CONFIRMED);
    const country = markerStyle(COUNTRY, CONFIRMED);
    expect(country.halo).toBeGreaterThan(region.halo);
    expect(region.radius).toBeLessThan(markerStyle(SITE, CONFIRMED).radius);
    expect(country.haloAlpha).toBeLessThan(1);
  });

  it.each([
    { status: CONFIRMED, dashed: false },
    { status: CLAIMED, dashed: true },
    { status: DISPUTED, dashed: true },
  ])('status $status → dashed $dashed', ({ status, dashed }) => {
    for (const precision of [SITE, CITY, REGION, COUNTRY]) expect(markerStyle(precision, status).dashed).toBe(dashed);
  });

  it.each(['hover', 'selected'] as const)('%s enlarges the marker', (emphasis) => {
    for (const precision of [SITE, CITY, REGION, COUNTRY]) {
      expect(markerStyle(precision, CONFIRMED, emphasis).radius).toBeGreaterThan(
        markerStyle(precision, CONFIRMED).radius,
      );
    }
  });

  it('an unknown precision code is drawn as a city rather than claiming site accuracy', () => {
    expect(markerStyle(9, CONFIRMED).kind).toBe('city');
  });

  it('the hit area covers the drawn mark and its halo, and is never tiny', () => {
    for (const precision of [SITE, CITY, REGION, COUNTRY]) {
      const style = markerStyle(precision, CONFIRMED);
      expect(hitRadius(style)).toBeGreaterThanOrEqual(Math.max(style.radius, style.halo, 8));
    }
  });
});

describe('shapeFor: a cue that does not rely on colour', () => {
  it('gives the first categories distinct shapes and then cycles', () => {
    const first = SHAPES.map((_, i) => shapeFor(i));
    expect(new Set(first).size).toBe(SHAPES.length);
    expect(shapeFor(SHAPES.length)).toBe(shapeFor(0));
    expect(shapeFor(SHAPES.length + 3)).toBe(shapeFor(3));
  });
});

/** Records a path's points (arcs as their bounding extremes). */
function record(shape: Shape, r: number): { points: [number, number][]; closed: number; subpaths: number } {
  const points: [number, number][] = [];
  let closed = 0;
  let subpaths = 0;
  const sink: PathSink = {
    moveTo: (x, y) => {
      subpaths++;
      points.push([x, y]);
    },
    lineTo: (x, y) => points.push([x, y]),
    arc: (x, y, radius) => points.push([x - radius, y], [x + radius, y], [x, y - radius], [x, y + radius]),
    closePath: () => closed++,
  };
  tracePath(sink, shape, 100, 50, r);
  return { points, closed, subpaths };
}

describe('tracePath', () => {
  it.each(SHAPES)('%s is one closed sub-path of comparable size around the centre', (shape) => {
    const { points, closed, subpaths } = record(shape, 6);
    expect(subpaths).toBe(1);
    expect(closed).toBe(1);
    const reach = Math.max(...points.map(([x, y]) => Math.hypot(x - 100, y - 50)));
    expect(reach).toBeGreaterThanOrEqual(6);
    expect(reach).toBeLessThanOrEqual(6 * 1.6);
  });
});

describe('clusters', () => {
  it('the disc grows with the count but fits its cell', () => {
    const radii = [2, 10, 100, 1_000, 100_000].map(clusterRadius);
    for (let i = 1; i < radii.length; i++) expect(radii[i]).toBeGreaterThanOrEqual(radii[i - 1]!);
    expect(radii[0]).toBeGreaterThan(markerStyle(SITE, CONFIRMED).radius);
    expect(Math.max(...radii)).toBeLessThanOrEqual(CLUSTER_CELL / 2);
  });

  it.each([
    { count: 7, label: '7' },
    { count: 999, label: '999' },
    { count: 1_000, label: '1k' },
    { count: 1_250, label: '1.2k' },
    { count: 12_999, label: '12k' },
    { count: 100_000, label: '100k' },
    { count: 1_340_000, label: '1.3M' },
  ])('countLabel($count) = $label', ({ count, label }) => expect(countLabel(count)).toBe(label));

  it.each([
    { color: '#ffffff', text: '#000000' },
    { color: '#000000', text: '#ffffff' },
    { color: '#B2182B', text: '#ffffff' },
    { color: '#c3ccd8', text: '#000000' },
    { color: '#3c4858', text: '#ffffff' },
    { color: 'not a colour', text: '#ffffff' },
  ])('text on $color is $text', ({ color, text }) => expect(textColorOn(color)).toBe(text));
});
