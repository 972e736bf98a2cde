import { describe, expect, it } from 'vitest';
import { importTextFiles, mergeImports } from '../../../src/lib/io/formats/multi';
import { importText } from '../../../src/lib/io/formats/index';
import { timemapRole } from '../../../src/lib/io/formats/timemap';
import { eventById, expectLoads, fixture } from './helpers';

const file = (name: string): { name: string; text: string } => ({ name, text: fixture(name) });
const EXPORT = ['timemap-events.csv', 'timemap-sources.csv', 'timemap-associations.csv'];

describe('a timemap export: events, sources and associations files opened together', () => {
  // Any order: each file's part is told by its columns.
  const { label, result } = mergeImports(importTextFiles([EXPORT[2]!, EXPORT[0]!, EXPORT[1]!].map(file)));

  it('tells the three files apart by their columns', () => {
    expect(EXPORT.map((n) => timemapRole(fixture(n)))).toEqual(['events', 'sources', 'associations']);
    expect(label).toBe('timemap export (3 files joined)');
  });

  it('joins sources into our sources with their links and titles, and associations into categories and tags', () => {
    expect(result.rows).toEqual({ total: 5, imported: 4, skipped: 1 });
    const e1 = eventById(result, 'e1');
    expect(e1).toMatchObject({ date: '2022-03-03', category: 'protest', tags: ['tactics/crowd-control'] });
    expect(e1.sources).toEqual([
      {
        publisher: 'Video',
        title: 'Fictional video of the gathering',
        url: 'https://example.org/fictional/video1.mp4',
      },
      {
        publisher: 'Eyewitness',
        title: 'Fictional eyewitness account',
        url: 'https://example.org/fictional/account.html',
      },
    ]);
    expect(eventById(result, 'e2')).toMatchObject({ date: '2022-03-15', category: 'road-block' });
    expect(result.dataset!.categories.map((c) => [c.id, c.label])).toEqual([
      ['protest', 'Protest'],
      ['road-block', 'Road block'],
      ['event', 'Event'],
    ]);
    expectLoads(result);
  });

  it('reports what cannot be joined by file and line, and reads unpadded month-first dates', () => {
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'timemap-events.csv',
        row: 3,
        line: 4,
        message: "timemap-events.csv row 3: source 'src9' is not in timemap-sources.csv; left out",
      },
      {
        severity: 'warning',
        file: 'timemap-events.csv',
        row: 4,
        line: 5,
        message: "timemap-events.csv row 4: association 'asc99' is not in timemap-associations.csv; left out",
      },
      {
        severity: 'error',
        file: 'timemap-events.csv',
        row: 5,
        line: 6,
        message: 'timemap-events.csv row 5: description is empty (timemap requires it); row skipped',
      },
      {
        severity: 'warning',
        message: '1 event time had no time zone; only the day was kept (give a UTC offset to keep times)',
      },
      {
        severity: 'warning',
        file: 'timemap-sources.csv',
        row: 4,
        line: 5,
        message: "timemap-sources.csv row 4: source 'src4' is not cited by any event",
      },
      {
        severity: 'warning',
        file: 'timemap-events.csv',
        row: 2,
        line: 3,
        message:
          'timemap-events.csv row 2: sources/0/url: "timemap source src3" is not an http(s) link; it will be shown as plain text',
      },
      {
        severity: 'warning',
        file: 'timemap-events.csv',
        row: 3,
        line: 4,
        message:
          'timemap-events.csv row 3: sources/0/url: "timemap-events.csv" is not an http(s) link; it will be shown as plain text',
      },
    ]);
    expect(result.dates).toEqual({
      format: 'MM/DD/YYYY',
      how: 'decided',
      note: "dates read as MM/DD/YYYY: '3/15/2022' (row 2) can only be month first",
      skipped: 0,
    });
  });

  it('with the events file alone, says how to join the ids instead of inventing sources', () => {
    const alone = importText(fixture('timemap-events.csv'), 'timemap-events.csv');
    expect(alone.rows).toEqual({ total: 5, imported: 4, skipped: 1 });
    expect(alone.problems.map((p) => p.message).slice(0, 4)).toEqual([
      'row 5: description is empty (timemap requires it); row skipped',
      '1 event time had no time zone; only the day was kept (give a UTC offset to keep times)',
      'events cite sources by id (src1, src2, src3, src9) but no sources file was given; open the events, sources and associations files together to join them (each such event keeps the file as its source)',
      'events name associations by id (asc1, asc14, asc2, asc99) but no associations file was given; they are kept as tags until the associations file is opened with the events',
    ]);
  });

  it('merges files that are not one export, reporting an id met twice with both files', () => {
    const acled = fixture('acled-current.csv');
    const { label: both, result: merged } = mergeImports(
      importTextFiles([
        { name: 'a.csv', text: acled },
        { name: 'b.csv', text: acled },
      ]),
    );
    expect(both).toBe('2 imports: ACLED CSV export');
    expect(merged.rows).toEqual({ total: 12, imported: 4, skipped: 8 });
    expect(merged.problems.filter((p) => p.message.includes('duplicate id')).map((p) => p.message)).toEqual([
      'b.csv: duplicate id "SOM1001" (also in a.csv); event skipped',
      'b.csv: duplicate id "SOM1002" (also in a.csv); event skipped',
      'b.csv: duplicate id "SOM1004" (also in a.csv); event skipped',
      'b.csv: duplicate id "SOM1006" (also in a.csv); event skipped',
    ]);
    expect(merged.problems.find((p) => p.file === 'b.csv' && p.line === 6)?.message).toBe(
      'b.csv row 3: expected 31 fields, found 29; row skipped',
    );
    expectLoads(merged);
  });
});
