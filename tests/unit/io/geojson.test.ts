import { describe, expect, it } from 'vitest';
import { geojson } from '../../../src/lib/io/formats/geojson';
import { eventById, expectLoads, fixture, messages } from './helpers';

describe('GeoJSON FeatureCollection of Points', () => {
  const text = fixture('geojson-points.geojson');
  const result = geojson.parse(text, 'points.geojson');

  it('refuses the swapped point with the [lon, lat] hint and skips the polygon with a warning', () => {
    expect(geojson.detect(text, 'points.geojson')).toBe(true);
    expect(result.rows).toEqual({ total: 5, imported: 3, skipped: 2 });
    expect(result.problems).toEqual([
      {
        severity: 'error',
        row: 2,
        line: 27,
        message: 'row 2: latitude 120 out of range; GeoJSON is [lon, lat], did you swap?',
      },
      { severity: 'warning', row: 3, line: 41, message: 'row 3: geometry Polygon is not a Point; feature skipped' },
      {
        severity: 'warning',
        row: 4,
        line: 75,
        message: "row 4: date '2020-12-04T10:00:00' has a time but no time zone; only the day 2020-12-04 was kept",
      },
      {
        severity: 'warning',
        row: 5,
        line: 87,
        message: 'row 5: sources/0/url: "points.geojson" is not an http(s) link; it will be shown as plain text',
      },
    ]);
  });

  it('reads [lon, lat] in that order and maps properties by name', () => {
    const e = eventById(result, '17');
    expect(e.location).toEqual({ name: '48.8566, 2.3522', lat: 48.8566, lon: 2.3522, precision: 'site' });
    expect(e).toMatchObject({
      title: 'Paris rally',
      summary: 'A rally in Paris.',
      date: '2020-12-01',
      category: 'protest',
      actors: ['Union A', 'Union B'],
      tags: ['labour'],
    });
    expect(e.sources).toEqual([
      { publisher: 'News Example', title: 'News Example', url: 'https://news.example/paris' },
    ]);
  });

  it('keeps null-geometry features without a place, and the precision a feature states', () => {
    expect(eventById(result, 'feature-4')).toMatchObject({
      location: null,
      date: '2020-12-04',
      sources: [{ url: 'https://news.example/call' }],
    });
    expect(eventById(result, 'feature-5').location).toEqual({
      name: 'Kyiv',
      lat: 50.4501,
      lon: 30.5234,
      precision: 'city',
    });
    expectLoads(result);
  });

  it('never walks the coordinates of huge or odd geometries', () => {
    const ring = Array.from({ length: 200_000 }, (_, i) => [i % 180, i % 90]);
    const big = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { date: '2020' } },
        { type: 'Feature', geometry: { type: 'Pointz', coordinates: [1, 2] }, properties: { date: '2020' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2, 3, 4] }, properties: { date: '2020' } },
      ],
    };
    // Not timed (that would measure the machine): the behaviour is one problem per feature, none per coordinate.
    const out = geojson.parse(JSON.stringify(big), 'big.geojson');
    expect(out.rows).toEqual({ total: 3, imported: 0, skipped: 3 });
    expect(out.dataset).toBeNull();
    expect(out.problems.map((p) => p.message)).toEqual([
      'row 1: geometry Polygon is not a Point; feature skipped',
      'row 2: geometry Pointz is not a Point; feature skipped',
      'row 3: Point coordinates must be [lon, lat] numbers; feature skipped',
      'no events could be imported',
    ]);
  }, 60_000);

  it('refuses nesting deeper than the dataset limit before recursing', () => {
    const deep = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`;
    const out = geojson.parse(deep, 'deep.geojson');
    expect(out.dataset).toBeNull();
    expect(messages(out, 'error')[0]).toBe('line 1: not valid JSON: nesting deeper than 32 levels');
  });
});
