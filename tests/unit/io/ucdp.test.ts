import { describe, expect, it } from 'vitest';
import { ucdp } from '../../../src/lib/io/formats/ucdp';
import { eventById, expectLoads, fixture, messages } from './helpers';

describe('UCDP GED CSV with a header', () => {
  const result = ucdp.parse(fixture('ucdp-ged.csv'), 'ged.csv');

  it('imports every row; a row without coordinates has no location', () => {
    expect(ucdp.detect(fixture('ucdp-ged.csv'), 'ged.csv')).toBe(true);
    expect(result.rows).toEqual({ total: 4, imported: 4, skipped: 0 });
    expect(result.problems).toEqual([
      { severity: 'warning', row: 4, line: 5, message: 'row 4: no coordinates; location left empty' },
    ]);
    expect(eventById(result, 'ucdp-244660').location).toBeNull();
  });

  it('maps date_prec 1 to the day, truncating "00:00:00.000" as text', () => {
    const e = eventById(result, 'ucdp-244657');
    expect(e).toMatchObject({
      date: '2017-07-31',
      category: 'state-based',
      title: 'Government of Afghanistan - Taleban in Kabul city',
    });
    expect(e.end).toBeUndefined();
    expect(e.approximate).toBeUndefined();
    expect(e.location).toEqual({
      name: 'Kabul city',
      lat: 34.531094,
      lon: 69.162796,
      precision: 'site',
      note: 'UCDP where_prec 1: the exact location (read as site precision)',
    });
    expect(e.fatalities).toEqual({ min: 10, max: 15, by: 'UCDP GED (best: 12)' });
    expect(e.actors).toEqual(['Government of Afghanistan', 'Taleban']);
    expect(e.tags).toEqual(['afghanistan-government', 'afghanistan']);
  });

  it('zips the ;-joined sources; a citation that is not a link points at ucdp.uu.se and stays in the title', () => {
    expect(eventById(result, 'ucdp-244657').sources).toEqual([
      {
        publisher: 'Reuters',
        title: 'Clashes in Kabul',
        url: 'https://www.reuters.com/article/afghan-kabul',
        date: '2017-07-31',
      },
      {
        publisher: 'AFP',
        title: 'Kabul fighting (Agence France Presse,2017-08-01,"Kabul fighting")',
        url: 'https://ucdp.uu.se/',
        date: '2017-08-01',
      },
    ]);
    expect(eventById(result, 'ucdp-244658').sources).toEqual([
      { publisher: 'UCDP GED', title: 'UCDP GED event 244658', url: 'https://ucdp.uu.se/' },
    ]);
  });

  it('maps date_prec 4 to months, 5 to years, 3 to approximate days, and where_prec to precisions', () => {
    expect(eventById(result, 'ucdp-244658')).toMatchObject({
      date: '2017-07',
      end: '2017-08',
      category: 'one-sided',
      location: { precision: 'region' },
      fatalities: { min: 5, by: 'UCDP GED (best: 5)' },
    });
    expect(eventById(result, 'ucdp-244658').fatalities?.max).toBeUndefined();
    expect(eventById(result, 'ucdp-244659')).toMatchObject({
      date: '2017',
      category: 'non-state',
      location: { precision: 'country' },
    });
    expect(eventById(result, 'ucdp-244659').end).toBeUndefined();
    expect(eventById(result, 'ucdp-244660')).toMatchObject({
      date: '2017-07-28',
      end: '2017-07-31',
      approximate: true,
    });
  });

  it('documents the assumptions and drops the codes it does not use', () => {
    expect(result.mapped).toContain(
      'date_prec 1 → day; 2-3 → day with approximate: true; 4 → month; 5 → year (4 and 5 are assumptions)',
    );
    expect(
      result.mapped.some((m) => m.startsWith('where_prec') && m.includes('reading them as country is an assumption')),
    ).toBe(true);
    expect(result.dropped).toEqual(expect.arrayContaining(['relid', 'geom_wkt', 'priogrid_gid', 'gwnoa', 'gwnob']));
    expectLoads(result);
  });
});

describe('UCDP GED CSV without a header row', () => {
  const result = ucdp.parse(fixture('ucdp-ged-noheader.csv'), 'ged.csv');

  it('uses the known column order and reports an impossible date with its row and line', () => {
    expect(ucdp.detect(fixture('ucdp-ged-noheader.csv'), 'ged.csv')).toBe(true);
    expect(result.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
    expect(result.problems).toEqual([
      {
        severity: 'error',
        row: 3,
        line: 3,
        message:
          "row 3: date_start '2017-02-30 00:00:00.000' is not a calendar date (February 2017 has 28 days); row skipped",
      },
    ]);
    expect(result.mapped[0]).toBe('no header row: columns read in the GED order (id, relid, year, …, gwnoa, gwnob)');
    expect(eventById(result, 'ucdp-244657').location?.lat).toBe(34.531094);
    expectLoads(result);
  });

  it('refuses a header-less file of the wrong width', () => {
    expect(ucdp.parse('1,2,3\n4,5,6\n', 'x.csv').problems[0]!.message).toBe(
      'line 1: a UCDP GED file without a header row has 49 (or 47) columns; this one has 3',
    );
  });
});

describe('UCDP GED API JSON', () => {
  const result = ucdp.parse(fixture('ucdp-ged-api.json'), 'ged.json');

  it('reads {Result: [...]} with numbers as numbers and T00:00:00 dates', () => {
    expect(ucdp.detect(fixture('ucdp-ged-api.json'), 'ged.json')).toBe(true);
    expect(result.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
    expect(result.problems).toEqual([
      { severity: 'error', row: 3, line: 105, message: "row 3: type_of_violence '9' is not 1, 2 or 3; row skipped" },
    ]);
    expect(eventById(result, 'ucdp-244657')).toMatchObject({ date: '2017-07-31', fatalities: { min: 10, max: 15 } });
    expect(eventById(result, 'ucdp-244658')).toMatchObject({ date: '2017-07', end: '2017-08' });
    expectLoads(result);
  });

  it('also reads a bare array', () => {
    const text = JSON.stringify((JSON.parse(fixture('ucdp-ged-api.json')) as { Result: unknown[] }).Result.slice(0, 1));
    const bare = ucdp.parse(text, 'a.json');
    expect(bare.rows).toEqual({ total: 1, imported: 1, skipped: 0 });
    expect(messages(bare, 'error')).toEqual([]);
  });
});
