import { describe, expect, it } from 'vitest';
import { DateReader, dateFormatOf } from '../../../src/lib/io/formats/date-format';
import { importText } from '../../../src/lib/io/formats/index';
import { expectLoads, fixture, messages } from './helpers';

/** A reader that has seen these cells (rows 1…n) and decided. */
function reader(
  cells: string[],
  format?: string,
): { dates: DateReader; said: { errors: string[]; warnings: string[] } } {
  const dates = new DateReader(format);
  cells.forEach((cell, i) => dates.see(cell, { row: i + 1 }));
  return { dates, said: dates.decide() };
}

describe('DateReader: the order decided by every date in the file', () => {
  it('a day above 12 settles day first for every row, unpadded parts included', () => {
    const { dates, said } = reader(['3/4/2022', '25/03/2022', '1/12/2022']);
    expect(said).toEqual({ errors: [], warnings: [] });
    expect(['3/4/2022', '25/03/2022', '1/12/2022'].map((c) => dates.read(c))).toEqual([
      { ok: true, date: '2022-04-03' },
      { ok: true, date: '2022-03-25' },
      { ok: true, date: '2022-12-01' },
    ]);
    expect(dates.report()).toEqual({
      format: 'DD/MM/YYYY',
      how: 'decided',
      note: "dates read as DD/MM/YYYY: '25/03/2022' (row 2) can only be day first",
      skipped: 0,
    });
  });

  it('a second part above 12 settles month first; dots and dashes separate as slashes do', () => {
    const { dates } = reader(['3.3.2022', '3-15-2022', '12/1/2022']);
    expect(dates.read('3.3.2022')).toEqual({ ok: true, date: '2022-03-03' });
    expect(dates.read('12/1/2022')).toEqual({ ok: true, date: '2022-12-01' });
    expect(dates.report()?.format).toBe('MM/DD/YYYY');
  });

  it('reports a file whose dates all read both ways, and skips only those rows', () => {
    const { dates, said } = reader(['03/04/2022', '05/06/2022', '07/07/2022', '2022-08-09']);
    expect(said.errors).toEqual([
      "dates are ambiguous: 2 dates such as '03/04/2022' (row 1) read as day/month or month/day, and no date in the file has a day above 12 to tell; choose a date format (DD/MM/YYYY or MM/DD/YYYY); those rows were skipped",
    ]);
    expect(dates.read('03/04/2022')).toEqual({
      ok: false,
      ambiguous: true,
      message: "'03/04/2022' could be 3 April or 4 March 2022; choose a date format",
    });
    // The same day either way, and ISO, are not ambiguous.
    expect(dates.read('07/07/2022')).toEqual({ ok: true, date: '2022-07-07' });
    expect(dates.read('2022-08-09')).toEqual({ ok: true, date: '2022-08-09' });
    expect(dates.report()?.how).toBe('ambiguous');
  });

  it('reports a file that writes both orders, naming a row of each', () => {
    const { said, dates } = reader(['25/03/2022', '03/25/2022', '01/02/2022']);
    expect(said.errors).toEqual([
      "dates are written in both orders: '25/03/2022' (row 1) can only be day first and '03/25/2022' (row 2) only month first; choose a date format (dates that read both ways were skipped)",
    ]);
    expect(dates.read('01/02/2022').ok).toBe(false);
    expect(dates.report()?.how).toBe('mixed');
  });

  it('reads two-digit years with the pivot 69 and says so', () => {
    const { dates, said } = reader(['24/02/22', '31/12/68', '1/1/69', '15/6/99', '1/1/00']);
    expect(said.warnings).toEqual([
      'dates have two-digit years read with the pivot 69: 00-68 → 2000-2068, 69-99 → 1969-1999',
    ]);
    expect(['24/02/22', '31/12/68', '1/1/69', '15/6/99', '1/1/00'].map((c) => dates.read(c))).toEqual([
      { ok: true, date: '2022-02-24' },
      { ok: true, date: '2068-12-31' },
      { ok: true, date: '1969-01-01' },
      { ok: true, date: '1999-06-15' },
      { ok: true, date: '2000-01-01' },
    ]);
    expect(dates.report()?.format).toBe('DD/MM/YY');
  });

  it('honours a given format over what the file shows, and names it when a date does not fit', () => {
    const { dates, said } = reader(['25/03/2022', '03/04/2022'], 'MM/DD/YYYY');
    expect(said.errors).toEqual([]);
    expect(dates.read('03/04/2022')).toEqual({ ok: true, date: '2022-03-04' });
    expect(dates.read('25/03/2022')).toEqual({ ok: false, message: "'25/03/2022' is not a calendar date (month 25)" });
    expect(dates.report()).toEqual({
      format: 'MM/DD/YYYY',
      how: 'given',
      note: 'dates read as MM/DD/YYYY (as chosen)',
      skipped: 0,
    });
    expect(reader(['03/04/2022'], 'YYYY-MM-DD').dates.read('03/04/2022')).toEqual({
      ok: false,
      message: "'03/04/2022' is not a date in YYYY-MM-DD",
    });
  });

  it('refuses days that do not exist instead of rolling them over, and keeps a time apart', () => {
    const { dates } = reader(['31/02/2020', '15/03/2020 14:05']);
    expect(dates.read('31/02/2020')).toEqual({
      ok: false,
      message: "'31/02/2020' is not a calendar date (February 2020 has 29 days)",
    });
    expect(dates.read('15/03/2020 14:05')).toEqual({ ok: true, date: '2020-03-15', time: '14:05' });
    expect(dates.read('2017-07-31 00:00:00.000')).toEqual({ ok: true, date: '2017-07-31', time: '00:00:00.000' });
    expect(dates.read('15 March 2020')).toEqual({ ok: true, date: '2020-03-15' });
  });

  it('knows every format by its names', () => {
    expect(['dd/mm/yyyy', 'M/D/YYYY', 'D/M/YY', 'iso', 'YYYY-MM-DD', 'nope'].map(dateFormatOf)).toEqual([
      'DD/MM/YYYY',
      'MM/DD/YYYY',
      'DD/MM/YY',
      'YYYY-MM-DD',
      'YYYY-MM-DD',
      undefined,
    ]);
  });
});

describe('every tabular and GeoJSON importer reads dates the same way', () => {
  const dated = (date: string): Record<string, string> => ({
    acled: `event_id_cnty,event_date,event_type,latitude,longitude\nX1,${date},Protests,1,2\nX2,2022-05-05,Protests,1,2`,
    ucdp: `id,type_of_violence,date_start,date_end,latitude,longitude,where_prec,date_prec\n1,1,${date},${date},1,2,1,1\n2,1,2022-05-05,2022-05-05,1,2,1,1`,
    'faultline-csv': `id,title,summary,date,category,sources\na,T,S,${date},c,"[{""publisher"":""P"",""title"":""T"",""url"":""https://example.org/a""}]"\nb,T,S,2022-05-05,c,"[{""publisher"":""P"",""title"":""T"",""url"":""https://example.org/b""}]"`,
    geojson: JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: null, properties: { title: 'A', date, url: 'https://example.org/a' } },
        {
          type: 'Feature',
          geometry: null,
          properties: { title: 'B', date: '2022-05-05', url: 'https://example.org/b' },
        },
      ],
    }),
    timelinejs: `Start Date,Headline,Text\n${date},A,x\n2022-05-05,B,y`,
    timemap: `id,description,date\na,Fictional A,${date}\nb,Fictional B,2022-05-05`,
  });

  for (const format of ['acled', 'ucdp', 'faultline-csv', 'geojson', 'timelinejs', 'timemap']) {
    it(`${format}: an ambiguous date is reported, and the given format reads it`, () => {
      const text = dated('03/04/2022')[format]!;
      const unknown = importText(text, `x.${format === 'geojson' ? 'geojson' : 'csv'}`, { format });
      expect(unknown.rows).toMatchObject({ total: 2, imported: 1, skipped: 1 });
      // UCDP sees the date twice (date_start and date_end).
      const seen = format === 'ucdp' ? '2 dates' : '1 date';
      expect(messages(unknown, 'error')[0]).toMatch(new RegExp(`^dates are ambiguous: ${seen} such as '03/04/2022'`));
      expect(unknown.dates?.how).toBe('ambiguous');
      const given = importText(text, 'x', { format, dateFormat: 'DD/MM/YYYY' });
      expect(given.rows).toMatchObject({ total: 2, imported: 2, skipped: 0 });
      expect(given.dataset!.events.map((e) => e.date)).toContain('2022-04-03');
      expect(given.dates).toMatchObject({ format: 'DD/MM/YYYY', how: 'given' });
    });
  }

  it('a DD/MM/YY GeoJSON tracker file imports (it imported 0 rows when only ISO was read)', () => {
    const result = importText(fixture('osint-tracker-dmy.geojson'), 'tracker.geojson');
    expect(result.rows).toEqual({ total: 5, imported: 4, skipped: 1 });
    expect(result.problems.map((p) => p.message)).toEqual([
      'dates have two-digit years read with the pivot 69: 00-68 → 2000-2068, 69-99 → 1969-1999',
      "row 5: date '30/02/22' is not a calendar date (February 2022 has 28 days); feature skipped",
    ]);
    expect(result.dataset!.events.map((e) => [e.date, e.end])).toEqual([
      ['2022-02-24', undefined],
      ['2022-03-03', undefined],
      ['2022-04-01', '2022-04-05'],
      ['1999-12-31', undefined],
    ]);
    expect(result.dates).toEqual({
      format: 'DD/MM/YY',
      how: 'decided',
      note: "dates read as DD/MM/YY: '24/02/22' (row 1) can only be day first",
      skipped: 1,
    });
    expectLoads(result);
  });

  it('an ambiguous Faultline CSV: 2 rows skipped with the reason, all 4 with the format given', () => {
    const text = fixture('ambiguous-dates.csv');
    const result = importText(text, 'ambiguous-dates.csv');
    expect(result.rows).toEqual({ total: 4, imported: 2, skipped: 2 });
    expect(messages(result, 'error')).toEqual([
      "dates are ambiguous: 2 dates such as '03/04/2022' (row 1) read as day/month or month/day, and no date in the file has a day above 12 to tell; choose a date format (DD/MM/YYYY or MM/DD/YYYY); those rows were skipped",
      "row 1: date '03/04/2022' could be 3 April or 4 March 2022; choose a date format; row skipped",
      "row 2: date '05/06/2022' could be 5 June or 6 May 2022; choose a date format; row skipped",
    ]);
    expect(result.dates).toMatchObject({ how: 'ambiguous', skipped: 2 });
    const given = importText(text, 'ambiguous-dates.csv', { dateFormat: 'MM/DD/YYYY' });
    expect(given.rows).toEqual({ total: 4, imported: 4, skipped: 0 });
    expect(given.dataset!.events.map((e) => e.date)).toEqual(['2022-03-04', '2022-05-06', '2022-07-07', '2022-08-09']);
    expectLoads(given);
  });

  it('formats whose dates are numbers or ISO by definition say the date format does not apply', () => {
    const tl = importText(fixture('timelinejs.json'), 'tl.json', { dateFormat: 'DD/MM/YYYY' });
    expect(messages(tl, 'warning')).toContain(
      'TimelineJS JSON dates are {year, month, day} numbers; the date format DD/MM/YYYY does not apply',
    );
    const ours = importText('{"format": "faultline/1", "title": "t", "categories": [], "events": []}', 'o.json', {
      dateFormat: 'DD/MM/YYYY',
    });
    expect(messages(ours, 'warning')).toContain(
      'dates in Faultline JSON are ISO 8601 by definition; the date format DD/MM/YYYY does not apply',
    );
  });
});
