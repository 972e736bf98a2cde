import { describe, expect, it } from 'vitest';
import { acled } from '../../../src/lib/io/formats/acled';
import { ImportLog } from '../../../src/lib/io/formats/common';
import { ucdp } from '../../../src/lib/io/formats/ucdp';
import { importReport, notListed } from '../../../src/lib/io/import-report';
import { LIMITS } from '../../../src/lib/model/limits';

describe('ACLED geo_precision, read conservatively (never a site)', () => {
  const header = 'event_id_cnty,event_date,event_type,location,latitude,longitude,geo_precision';
  const rows = ['1', '2', '3', '7', ''].map((p, i) => `X${i},2024-01-0${i + 1},Protests,Town ${i},1.5,2.5,${p}`);
  const result = acled.parse([header, ...rows].join('\n'), 'p.csv');

  it('maps 1 to the named town (city), 2 and 3 to region, anything else to region with a warning', () => {
    expect(result.dataset!.events.map((e) => [e.id, e.location?.precision, e.location?.note])).toEqual([
      ['X0', 'city', 'ACLED geo_precision 1: the named town or village (assumed meaning; read as city precision)'],
      [
        'X1',
        'region',
        'ACLED geo_precision 2: near the named place or part of a region (assumed meaning; read as region precision)',
      ],
      ['X2', 'region', 'ACLED geo_precision 3: a larger region (assumed meaning; read as region precision)'],
      ['X3', 'region', 'ACLED geo_precision 7: not 1, 2 or 3 (read as region precision)'],
      ['X4', 'region', 'ACLED geo_precision missing: not 1, 2 or 3 (read as region precision)'],
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      "row 4: geo_precision '7' is not 1, 2 or 3; read as region",
      "row 5: geo_precision '' is not 1, 2 or 3; read as region",
    ]);
  });
});

describe('UCDP where_prec', () => {
  const header = 'id,type_of_violence,date_start,date_end,latitude,longitude,where_prec,date_prec';
  const rows = ['1', '2', '3', '4', '5', '6', '7', '9'].map(
    (p, i) => `${i + 1},1,2017-07-31,2017-07-31,1.5,2.5,${p},1`,
  );
  const result = ucdp.parse([header, ...rows].join('\n'), 'g.csv');

  it('maps 1 to site, 2 to city, 3-4 to region, 5-7 to country, each with its reading in the note', () => {
    expect(result.dataset!.events.map((e) => [e.location?.precision, e.location?.note])).toEqual([
      ['site', 'UCDP where_prec 1: the exact location (read as site precision)'],
      ['city', 'UCDP where_prec 2: a limited area around the named location (read as city precision)'],
      [
        'region',
        'UCDP where_prec 3: the centroid of a second-order administrative division (ADM2) (read as region precision)',
      ],
      [
        'region',
        'UCDP where_prec 4: the centroid of a first-order administrative division (ADM1) (read as region precision)',
      ],
      ['country', 'UCDP where_prec 5: coarser than ADM1 (meaning unverified) (read as country precision)'],
      ['country', 'UCDP where_prec 6: coarser than ADM1 (meaning unverified) (read as country precision)'],
      ['country', 'UCDP where_prec 7: coarser than ADM1 (meaning unverified) (read as country precision)'],
      ['region', 'UCDP where_prec 9: not 1-7 (read as region precision)'],
    ]);
  });
});

describe('errors first: a skipped row\u2019s reason is never hidden behind warnings', () => {
  it('keeps every error when warnings came first and fill the log, and counts what it drops', () => {
    const log = new ImportLog();
    for (let i = 1; i <= 2600; i++) log.warn({ row: i }, 'a warning');
    log.error({ row: 2601, line: 2602 }, 'the only skipped row; row skipped');
    expect(log.problems).toHaveLength(LIMITS.maxImportProblems);
    expect(log.problems.filter((p) => p.severity === 'error')).toEqual([
      { severity: 'error', row: 2601, line: 2602, message: 'row 2601: the only skipped row; row skipped' },
    ]);
    // In file order: the kept warnings, then the error.
    expect(log.problems.at(-1)!.severity).toBe('error');
    expect(log.omitted).toEqual({ errors: 0, warnings: 2101 });
  });

  it('errors themselves are capped at the limit, and counted beyond it', () => {
    const log = new ImportLog();
    for (let i = 1; i <= 700; i++) log.error({ row: i }, 'bad; row skipped');
    log.warn({ row: 701 }, 'a warning');
    expect(log.problems.every((p) => p.severity === 'error')).toBe(true);
    expect(log.problems).toHaveLength(LIMITS.maxImportProblems);
    expect(log.omitted).toEqual({ errors: 200, warnings: 1 });
  });

  it('the import panel lists errors before warnings within its own limit and says how many of each are not listed', () => {
    const log = new ImportLog();
    log.total = 2;
    for (let i = 1; i <= 300; i++) log.warn({ row: 1 }, `warning ${i}`);
    log.error({ row: 2 }, 'date is empty; row skipped');
    const report = importReport({ label: 'X' }, log.fail('nothing'));
    expect(report.problems.slice(0, 2).map((p) => p.message)).toEqual(['row 2: date is empty; row skipped', 'nothing']);
    expect(report.problems).toHaveLength(LIMITS.maxReportedProblems);
    expect([report.moreErrors, report.moreWarnings, report.more]).toEqual([0, 102, 102]);
    expect(notListed(report)).toBe('and 102 more warnings not listed');
    expect(notListed({ moreErrors: 1, moreWarnings: 2569 })).toBe(
      'and 1 more error and 2,569 more warnings not listed',
    );
  });
});
