import { describe, expect, it } from 'vitest';
import { timemap } from '../../../src/lib/io/formats/timemap';
import { eventById, expectLoads, fixture, messages } from './helpers';

describe('timemap bundle {events, sources, associations}', () => {
  const text = fixture('timemap-bundle.json');
  const result = timemap.parse(text, 'timemap.json');

  it('counts events and reports each bad one with its row and line', () => {
    expect(timemap.detect(text, 'timemap.json')).toBe(true);
    expect(result.rows).toEqual({ total: 5, imported: 2, skipped: 3 });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        severity: 'error',
        row: 3,
        line: 41,
        message: 'row 3: no date: Faultline places every event in time; row skipped',
      },
      {
        severity: 'error',
        row: 4,
        line: 51,
        message:
          "row 4: latitude '33,8950' has a decimal comma; import with the decimal-comma option to read it as 33.895; row skipped",
      },
      {
        severity: 'error',
        row: 5,
        line: 61,
        message: "row 5: date '02/30/2020' is not a calendar date (February 2020 has 29 days); row skipped",
      },
    ]);
    expect(messages(result, 'warning')).toEqual([
      "row 2: source 'src-missing' is not in timemap.json; left out",
      '1 event time had no time zone; only the day was kept (give a UTC offset to keep times)',
      'row 2: sources/0/url: "timemap source src-3" is not an http(s) link; it will be shown as plain text',
    ]);
  });

  it('maps MM/DD/YYYY dates, CATEGORY associations to categories and FILTER paths to tags', () => {
    const e = eventById(result, '1');
    expect(e).toMatchObject({ date: '2020-08-05', category: 'police-violence', tags: ['weapons/tear-gas'] });
    expect(e.title).toBe('Police fired tear gas at protesters near the square.');
    expect(e.summary).toBe('Police fired tear gas at protesters near the square. Several people were injured.');
    expect(e.location).toEqual({ name: "Martyrs' Square", lat: 33.8959, lon: 35.5074, precision: 'site' });
    expect(result.dataset!.categories.map((c) => [c.id, c.label])).toEqual([
      ['police-violence', 'Police violence'],
      ['official-statement', 'Official statement'],
    ]);
  });

  it('resolves source ids to sources, preferring an http(s) url or path', () => {
    expect(eventById(result, '1').sources).toEqual([
      {
        publisher: 'Eyewitness',
        title: 'Video of tear gas',
        url: 'https://example.org/video1.mp4',
        date: '2020-08-05',
        author: 'A. Person',
      },
      { publisher: 'Article', title: 'News report', url: 'https://news.example/report' },
    ]);
    expect(eventById(result, '2').location).toBeNull();
    expectLoads(result);
  });

  it('keeps times with a UTC offset, reads other date formats and decimal commas on request', () => {
    const timed = timemap.parse(text, 't.json', { utcOffset: '+03:00', decimalComma: true });
    expect(eventById(timed, '1').date).toBe('2020-08-05T14:30+03:00');
    expect(eventById(timed, '4').location).toMatchObject({ lat: 33.895, lon: 35.517 });
    const dayFirst = timemap.parse(text, 't.json', { dateFormat: 'DD/MM/YYYY' });
    expect(eventById(dayFirst, '1').date).toBe('2020-05-08');
    expect(messages(dayFirst, 'error')).toContain(
      "row 5: date '02/30/2020' is not a calendar date (month 30); row skipped",
    );
    const loose = timemap.parse(
      JSON.stringify([{ description: 'A thing happened somewhere.', date: '8/5/2020' }]),
      'x.json',
      { dateFormat: 'M/D/YYYY' },
    );
    expect(loose.dataset!.events.at(0)!.date).toBe('2020-08-05');
    // Without a format, one date that reads both ways is reported, never guessed (issue #27).
    expect(
      messages(timemap.parse(JSON.stringify([{ description: 'x', date: '8/5/2020' }]), 'x.json'), 'error'),
    ).toEqual([
      "dates are ambiguous: 1 date such as '8/5/2020' (row 1) reads as day/month or month/day, and no date in the file has a day above 12 to tell; choose a date format (DD/MM/YYYY or MM/DD/YYYY); those rows were skipped",
      "row 1: date '8/5/2020' could be 8 May or 5 August 2020; choose a date format; row skipped",
    ]);
  });

  it('accepts a bare events array, with associations as tags', () => {
    const bare = timemap.parse(
      JSON.stringify([
        {
          id: 'a',
          description: 'Only an event.',
          date: '01/02/2021',
          associations: ['Riot police'],
          category: 'Arrest',
        },
      ]),
      'e.json',
      { dateFormat: 'MM/DD/YYYY' },
    );
    expect(bare.dataset!.events.at(0)).toMatchObject({
      id: 'a',
      date: '2021-01-02',
      category: 'arrest',
      tags: ['riot-police'],
      location: null,
    });
    expectLoads(bare);
  });
});
