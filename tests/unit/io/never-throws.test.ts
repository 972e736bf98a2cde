import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORTERS, detectImporter, importText } from '../../../src/lib/io/formats/index';
import { UCDP_COLUMNS } from '../../../src/lib/io/formats/ucdp';
import { CSV_COLUMNS } from '../../../src/lib/io/formats/export';
import { wellFormed } from './helpers';

const HEADERS = [
  'event_id_cnty,event_date,event_type,location,latitude,longitude,geo_precision,source,notes,fatalities,time_precision',
  UCDP_COLUMNS.join(','),
  'Year,Month,Day,Time,End Year,Headline,Text,Media,Type,Group',
  CSV_COLUMNS.join(','),
];

/** CSV text under a real header: the importers get past detection and into their row code. */
const csvish = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(
      fc.array(
        fc.oneof(
          fc.string(),
          fc.constantFrom('1', '2020-01-01', '-91', '1e400', '"', '""', 'n/a', '[', '["a"]', '01/02/2020'),
        ),
        { maxLength: 12 },
      ),
      { maxLength: 5 },
    ),
  )
  .map(([h, rows]) => [h, ...rows.map((r) => r.join(','))].join('\n'));

/** JSON shaped like each format, with arbitrary values inside. */
const jsonish = fc
  .oneof(
    fc.record({
      format: fc.constant('faultline/1'),
      title: fc.jsonValue(),
      categories: fc.jsonValue(),
      events: fc.array(fc.jsonValue(), { maxLength: 4 }),
    }),
    fc.record({
      type: fc.constant('FeatureCollection'),
      features: fc.array(
        fc.record({
          type: fc.constant('Feature'),
          geometry: fc.jsonValue(),
          properties: fc.dictionary(
            fc.constantFrom('id', 'date', 'title', 'sources', 'status', 'fatalities', 'actors', 'location'),
            fc.jsonValue(),
          ),
        }),
        { maxLength: 4 },
      ),
    }),
    fc.record({
      title: fc.jsonValue(),
      events: fc.array(
        fc.record({
          start_date: fc.jsonValue(),
          end_date: fc.jsonValue(),
          text: fc.jsonValue(),
          media: fc.jsonValue(),
          unique_id: fc.jsonValue(),
        }),
        { maxLength: 4 },
      ),
      eras: fc.jsonValue(),
    }),
    fc.record({
      events: fc.array(
        fc.dictionary(
          fc.constantFrom('id', 'description', 'date', 'time', 'latitude', 'longitude', 'associations', 'sources'),
          fc.jsonValue(),
        ),
        { maxLength: 4 },
      ),
      sources: fc.jsonValue(),
      associations: fc.jsonValue(),
    }),
    fc.record({ Result: fc.array(fc.dictionary(fc.constantFrom(...UCDP_COLUMNS), fc.jsonValue()), { maxLength: 4 }) }),
  )
  .map((v) => JSON.stringify(v));

const inputs = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), csvish, jsonish);

describe('no importer throws on arbitrary input', () => {
  it.each(IMPORTERS.map((i) => [i.id, i] as const))(
    '%s returns a result for any text',
    (_id, importer) => {
      fc.assert(
        fc.property(inputs, (text) => {
          expect(() => importer.detect(text, 'f')).not.toThrow();
          wellFormed(importer.parse(text, 'f.txt'));
          wellFormed(
            importer.parse(text, 'f.txt', { decimalComma: true, utcOffset: 'bogus', dateFormat: 'DD/MM/YYYY' }),
          );
        }),
        { numRuns: 200 },
      );
    },
    60_000,
  );

  it('detection and importText never throw either', () => {
    fc.assert(
      fc.property(inputs, (text) => {
        detectImporter(text, 'x');
        wellFormed(importText(text, 'x'));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('names an unknown format and an undetectable file', () => {
    expect(importText('hello', 'x.txt').problems[0]!.message).toBe(
      'could not tell the format of x.txt; name it (faultline, geojson, faultline-csv, acled, ucdp, timelinejs, timemap)',
    );
    expect(importText('hello', 'x.txt', { format: 'kml' }).problems[0]!.message).toMatch(/^unknown format "kml"/);
  });
});
