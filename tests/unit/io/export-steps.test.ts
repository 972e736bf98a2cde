import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/lib/io/csv';
import {
  csvSteps,
  geoJsonSteps,
  jsonSteps,
  sourceOf,
  toCsv,
  toGeoJson,
  toJson,
  written,
  type Sink,
} from '../../../src/lib/io/formats/export';
import type { Steps } from '../../../src/lib/model/steps';
import type { DatasetFile, EventRecord } from '../../../src/lib/model/types';

/** Strings that could break a writer that splices text: line breaks, escapes, the writer's own placeholder. */
const AWKWARD = [
  'line\nbreak',
  'tab\tand "quotes"',
  'back\\slash',
  '\u2028\u2029',
  '\u0000faultline-list\u0000',
  '"events": "x"',
  '\ud83d\udca5 ✓ Ünïcode',
];

function events(n: number): EventRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    title: AWKWARD[i % AWKWARD.length]!,
    summary: `Summary ${i}: ${AWKWARD[(i + 3) % AWKWARD.length]}`,
    date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
    category: 'strike',
    actors: i % 2 ? ['A', 'B; C'] : [],
    location: i % 3 ? { name: 'Place', lat: 40.5 + i / 1000, lon: -12.25, precision: 'city' } : undefined,
    sources: [{ publisher: 'P', title: 'T', url: `https://example.org/${i}` }],
  }));
}

const meta: Omit<DatasetFile, 'events'> = {
  format: 'faultline/1',
  title: 'D "quoted"',
  description: AWKWARD.join(' | '),
  license: 'CC-BY-4.0',
  updated: '2026-12-03',
  categories: [{ id: 'strike', label: 'Strike', color: '#d55e00' }],
};

/** The steps' pieces and how many times they yielded. */
function run(write: (sink: Sink) => Steps<void>): { text: string; yields: number } {
  const parts: string[] = [];
  const steps = write((t) => parts.push(t));
  let yields = 0;
  while (!steps.next().done) yields++;
  return { text: parts.join(''), yields };
}

describe('streamed exporters', () => {
  it.each([0, 1, 63, 64, 65, 200])('write %i events as JSON with the bytes of one JSON.stringify of the file', (n) => {
    const list = events(n);
    const { text, yields } = run((sink) => jsonSteps(meta, sourceOf(list), sink));
    // JSON.stringify of the parsed text, indented alike, gives the same bytes only if every piece
    // was indented and separated as one call over the whole file would have done it.
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    const back = JSON.parse(text) as DatasetFile;
    expect(back.events.map((e) => e.id)).toEqual(list.map((e) => e.id));
    expect(back.events.map((e) => e.title)).toEqual(list.map((e) => e.title));
    expect(back.description).toBe(meta.description);
    expect(Object.keys(back)).toEqual(['format', 'title', 'description', 'license', 'updated', 'categories', 'events']);
    expect(yields).toBe(Math.floor(n / 64));
    expect(toJson({ ...meta, events: list })).toBe(text);
  });

  it('writes GeoJSON with the bytes of one JSON.stringify, places as geometry, the meta first', () => {
    const list = events(130);
    const { text, yields } = run((sink) => geoJsonSteps(sourceOf(list), meta, sink));
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    const back = JSON.parse(text) as { features: { id: string; geometry: { coordinates: number[] } | null }[] };
    expect(Object.keys(back)).toEqual(['type', 'faultline:meta', 'features']);
    expect(back.features.map((f) => f.id)).toEqual(list.map((e) => e.id));
    expect(back.features[1]!.geometry!.coordinates).toEqual([-12.25, 40.501]);
    expect(back.features[0]!.geometry).toBeNull();
    expect(yields).toBe(2);
    expect(toGeoJson(list, meta)).toBe(text);
    expect(JSON.parse(toGeoJson([]))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('writes CSV a line per event, which reads back as one record per event', () => {
    const list = events(100);
    const { text, yields } = run((sink) => csvSteps(sourceOf(list), meta.categories, sink));
    const records = readCsv(text).records;
    expect(records).toHaveLength(101);
    expect(records.slice(1).map((r) => r.fields[0])).toEqual(list.map((e) => e.id));
    expect(records[1]!.fields[1]).toBe(list[0]!.title);
    expect(yields).toBe(1);
    expect(toCsv(list, meta.categories)).toBe(text);
  });

  it.each([[[0]], [[5]], [[9]], [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]], [[0, 9]]])(
    'leaves out events that cannot be read (%j of 10), the text still that of one JSON.stringify',
    (gone) => {
      const list = events(10);
      const source = { count: 10, at: (i: number) => (gone.includes(i) ? null : list[i]!) };
      const kept = list.filter((_, i) => !gone.includes(i));
      const json = written((sink) => jsonSteps(meta, source, sink));
      expect(json).toBe(toJson({ ...meta, events: kept }));
      expect(JSON.parse(json).events).toHaveLength(kept.length);
      expect(written((sink) => geoJsonSteps(source, meta, sink))).toBe(toGeoJson(kept, meta));
      expect(written((sink) => csvSteps(source, meta.categories, sink))).toBe(toCsv(kept, meta.categories));
    },
  );

  it('reads each event when it writes it, not before', () => {
    const list = events(200);
    const read: number[] = [];
    const steps = jsonSteps(meta, { count: list.length, at: (i) => (read.push(i), list[i]!) }, () => {});
    steps.next();
    expect(read).toEqual(Array.from({ length: 64 }, (_, i) => i));
    expect(written((sink) => jsonSteps(meta, sourceOf(list), sink))).toBe(toJson({ ...meta, events: list }));
  });
});
