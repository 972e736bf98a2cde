import { describe, expect, it } from 'vitest';
import {
  MAX_LATITUDE,
  extentOf,
  latitudeOf,
  longitudeOf,
  mercatorX,
  mercatorY,
  normaliseExtent,
  projectColumns,
  round,
  worldSize,
} from '../../../../src/lib/views/map/projection';

describe('Web Mercator, normalised', () => {
  // Reference values: Leaflet's EPSG3857 at zoom 0 gives 256 × these (e.g. lat 45 → y 92.09).
  it.each([
    { lon: -180, x: 0 },
    { lon: 0, x: 0.5 },
    { lon: 90, x: 0.75 },
    { lon: 180, x: 1 },
  ])('mercatorX($lon) = $x', ({ lon, x }) => expect(mercatorX(lon)).toBeCloseTo(x, 12));

  it.each([
    { lat: 0, y: 0.5 },
    { lat: 45, y: 0.359725036915 },
    { lat: -45, y: 0.640274963085 },
    { lat: MAX_LATITUDE, y: 0 },
    { lat: -MAX_LATITUDE, y: 1 },
    // Beyond the square world, latitudes clamp like Leaflet's SphericalMercator.
    { lat: 90, y: 0 },
    { lat: -89, y: 1 },
  ])('mercatorY($lat) = $y', ({ lat, y }) => expect(mercatorY(lat)).toBeCloseTo(y, 9));

  it('matches Leaflet pixels: lat 45, lon 45 at zoom 3 is (1280, 736.717)', () => {
    expect(mercatorX(45) * worldSize(3)).toBeCloseTo(1280, 9);
    expect(mercatorY(45) * worldSize(3)).toBeCloseTo(736.7169, 3);
  });

  it.each([-85, -60, -12.5, 0, 33.3, 70, 85])('latitudeOf inverts mercatorY at %d°', (lat) => {
    expect(latitudeOf(mercatorY(lat))).toBeCloseTo(lat, 9);
  });

  it.each([-180, -45.5, 0, 120, 180])('longitudeOf inverts mercatorX at %d°', (lon) => {
    expect(longitudeOf(mercatorX(lon))).toBeCloseTo(lon, 9);
  });

  it('worldSize doubles per zoom level from 256', () => {
    expect([0, 1, 2, 10].map(worldSize)).toEqual([256, 512, 1024, 262144]);
  });
});

describe('projectColumns', () => {
  it('projects every row once and keeps unlocated rows NaN', () => {
    const lat = Float64Array.from([0, NaN, 45]);
    const lon = Float64Array.from([0, NaN, -90]);
    const { x, y } = projectColumns(lat, lon);
    expect(Array.from(x)).toEqual([0.5, NaN, 0.25]);
    expect(y[0]).toBe(0.5);
    expect(y[1]).toBeNaN();
    expect(y[2]).toBeCloseTo(0.359725036915, 9);
  });
});

describe('extentOf', () => {
  const lat = Float64Array.from([40, NaN, 55.7, -10]);
  const lon = Float64Array.from([45, NaN, 37.6, -70]);
  it.each([
    { rows: [0, 2], expected: { south: 40, west: 37.6, north: 55.7, east: 45 } },
    { rows: [0], expected: { south: 40, west: 45, north: 40, east: 45 } },
    { rows: null, expected: { south: -10, west: -70, north: 55.7, east: 45 } },
    { rows: [1], expected: null },
    { rows: [], expected: null },
  ])('rows $rows', ({ rows, expected }) => expect(extentOf(lat, lon, rows)).toEqual(expected));
});

describe('normaliseExtent (bounds for the filters)', () => {
  it.each([
    {
      name: 'inside one world: unchanged',
      box: { south: 30, west: 20, north: 50, east: 60 },
      expected: { south: 30, west: 20, north: 50, east: 60 },
    },
    {
      name: 'whole world when it spans 360°',
      box: { south: -95, west: -300, north: 95, east: 320 },
      expected: { south: -90, west: -180, north: 90, east: 180 },
    },
    {
      name: 'across the antimeridian: west > east',
      box: { south: -20, west: 170, north: -10, east: 190 },
      expected: { south: -20, west: 170, north: -10, east: -170 },
    },
    {
      name: 'a shifted copy comes back',
      box: { south: 0, west: 380, north: 10, east: 400 },
      expected: { south: 0, west: 20, north: 10, east: 40 },
    },
    {
      name: 'east edge stays +180',
      box: { south: 0, west: 100, north: 10, east: 180 },
      expected: { south: 0, west: 100, north: 10, east: 180 },
    },
  ])('$name', ({ box, expected }) => expect(normaliseExtent(box)).toEqual(expected));
});

describe('round', () => {
  it.each([
    { value: 40.123456, digits: 4, expected: 40.1235 },
    { value: -0.00004, digits: 4, expected: -0 },
    { value: 6.499, digits: 2, expected: 6.5 },
  ])('round($value, $digits) = $expected', ({ value, digits, expected }) =>
    expect(round(value, digits)).toBe(expected),
  );
});
