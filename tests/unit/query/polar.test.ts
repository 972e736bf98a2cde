import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { MAX_MERCATOR_LATITUDE } from '../../../src/lib/model/mercator';
import type { EventRecord } from '../../../src/lib/model/types';
import { applyFilters } from '../../../src/lib/query/apply';
import { Evaluator } from '../../../src/lib/query/brushing';
import { NO_FILTERS, type Bounds } from '../../../src/lib/query/filters';
import { buildQueryIndex } from '../../../src/lib/query/query-index';
import { MAX_LATITUDE, mercatorY } from '../../../src/lib/views/map/projection';
import { meta } from './arbitraries';

/** Where Leaflet puts the top of the square world (its unproject of pixel row 0). */
const LEAFLET_EDGE = (2 * Math.atan(Math.exp(Math.PI)) - Math.PI / 2) * (180 / Math.PI);

const at = (id: string, lat: number, lon = 10): EventRecord => ({
  id,
  title: id,
  summary: 'S',
  date: '2021',
  category: 'strike',
  location: { name: 'Pole', lat, lon, precision: 'region' },
  sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
});
const EVENTS = [
  at('north-pole', 90),
  at('almost-north', 89.9999),
  at('past-north-edge', 85.06),
  at('south-pole', -90),
  at('almost-south', -89.9999),
  at('middle', 10),
];
const index = buildQueryIndex(buildDataset('t', meta, EVENTS));

/** The rows in view, by both engines, which must agree. */
function inView(bounds: Bounds): string[] {
  const filters = { ...NO_FILTERS, inView: true, bounds };
  const plain = [...applyFilters(index, filters)].map((r) => index.dataset.events.at(r)!.id).sort();
  const fast = [...new Evaluator(index).run(filters).rows].map((r) => index.dataset.events.at(r)!.id).sort();
  expect(fast).toEqual(plain);
  return plain;
}

describe('events beyond the Web Mercator edge', () => {
  it('have one limit, the one the map draws with', () => {
    expect(MAX_LATITUDE).toBe(MAX_MERCATOR_LATITUDE);
    expect(MAX_MERCATOR_LATITUDE).toBeLessThanOrEqual(LEAFLET_EDGE);
    expect(LEAFLET_EDGE - MAX_MERCATOR_LATITUDE).toBeLessThan(1e-9);
    // Drawn at the edge: y 0 at the top, 1 at the bottom.
    for (const lat of [90, 89.9999, 85.06]) expect(mercatorY(lat)).toBe(mercatorY(MAX_MERCATOR_LATITUDE));
    for (const lat of [-90, -89.9999]) expect(mercatorY(lat)).toBe(mercatorY(-MAX_MERCATOR_LATITUDE));
  });

  it('count as in view when the map shows the top edge', () => {
    const top = ['almost-north', 'north-pole', 'past-north-edge'];
    expect(inView({ south: 0, west: -180, north: LEAFLET_EDGE, east: 180 })).toEqual([...top, 'middle'].sort());
    // Leaflet reports a latitude above the edge when the view reaches past the world.
    expect(inView({ south: 30, west: 0, north: 88.5, east: 20 })).toEqual(top);
    expect(inView({ south: 30, west: 0, north: 90, east: 20 })).toEqual(top);
  });

  it('count as in view when the map shows the bottom edge', () => {
    expect(inView({ south: -LEAFLET_EDGE, west: -180, north: -30, east: 180 })).toEqual(['almost-south', 'south-pole']);
    expect(inView({ south: -90, west: 5, north: 0, east: 15 })).toEqual(['almost-south', 'south-pole']);
  });

  it('are not in view when the map stops short of the edge, or at another longitude', () => {
    expect(inView({ south: 0, west: -180, north: 85.05, east: 180 })).toEqual(['middle']);
    expect(inView({ south: -85.05, west: -180, north: 0, east: 180 })).toEqual([]);
    expect(inView({ south: 30, west: 20, north: 90, east: 40 })).toEqual([]);
    // Only the grey beyond the world's top: nothing is drawn there.
    expect(inView({ south: 86, west: -180, north: 90, east: 180 })).toEqual([]);
  });
});
