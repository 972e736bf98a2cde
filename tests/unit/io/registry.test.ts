import { describe, expect, it } from 'vitest';
import { acled } from '../../../src/lib/io/formats/acled';
import { toCsv, toGeoJson, toJson } from '../../../src/lib/io/formats/export';
import { htmlToText } from '../../../src/lib/io/formats/html-text';
import { IMPORTERS, detectImporter, importerById } from '../../../src/lib/io/formats/index';
import { ucdp } from '../../../src/lib/io/formats/ucdp';
import { expectLoads, fixture, messages } from './helpers';

describe('importer registry', () => {
  it('lists each format once with a label and extensions', () => {
    expect(IMPORTERS.map((i) => i.id)).toEqual([
      'faultline',
      'geojson',
      'faultline-csv',
      'acled',
      'ucdp',
      'timelinejs',
      'timemap',
    ]);
    for (const i of IMPORTERS) expect(i.label.length > 0 && i.extensions.length > 0).toBe(true);
    expect(importerById('ucdp')).toBe(ucdp);
  });

  it.each([
    ['acled-current.csv', 'acled'],
    ['acled-legacy.csv', 'acled'],
    ['acled-excel-semicolon.csv', 'acled'],
    ['ucdp-ged.csv', 'ucdp'],
    ['ucdp-ged-noheader.csv', 'ucdp'],
    ['ucdp-ged-api.json', 'ucdp'],
    ['timelinejs.json', 'timelinejs'],
    ['timelinejs-sheet.csv', 'timelinejs'],
    ['timemap-bundle.json', 'timemap'],
    ['geojson-points.geojson', 'geojson'],
  ])('detects %s as %s', (name, id) => {
    expect(detectImporter(fixture(name), name)?.id).toBe(id);
  });

  it('detects our own JSON, CSV and GeoJSON exports', () => {
    const result = acled.parse(fixture('acled-current.csv'), 'a.csv');
    const d = result.dataset!;
    expect(detectImporter(toJson(d), 'x.json')?.id).toBe('faultline');
    expect(detectImporter(toCsv(d.events, d.categories), 'x.csv')?.id).toBe('faultline-csv');
    expect(detectImporter(toGeoJson(d.events, d), 'x.json')?.id).toBe('geojson');
  });
});

describe('values that name Object.prototype members', () => {
  it('are plain text to every lookup table', () => {
    const csv =
      'event_id_cnty,event_date,event_type,location,latitude,longitude,geo_precision,source,notes\nX1,2020-01-01,constructor,Here,1,2,toString,__proto__,n';
    const result = acled.parse(csv, 'p.csv');
    expect(result.dataset!.categories).toEqual([
      { id: 'constructor', label: 'constructor', color: expect.stringMatching(/^#[0-9a-f]{6}$/) },
    ]);
    expect(result.dataset!.events.at(0)!.location?.precision).toBe('region');
    expect(messages(result, 'warning')).toEqual(["row 1: geo_precision 'toString' is not 1, 2 or 3; read as region"]);
    expectLoads(result);
    expect(htmlToText('&constructor; &toString;')).toBe('&constructor; &toString;');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
