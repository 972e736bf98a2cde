import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/model/dataset';
import { FIXTURES } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'faultline-import-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { code: number | null; out: string } {
  const result = spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('npm run import with several inputs, Parquet and date formats', () => {
  it('joins a timemap export given as three files and reports by file and line', () => {
    const output = join(dir, 'timemap.json');
    const files = ['timemap-events.csv', 'timemap-sources.csv', 'timemap-associations.csv'].map(
      (f) => `${FIXTURES}/${f}`,
    );
    const { code, out } = run([...files, '-o', output]);
    expect(code).toBe(0);
    expect(out).toContain(
      `${FIXTURES}/timemap-events.csv:4: warning: timemap-events.csv row 3: source 'src9' is not in timemap-sources.csv; left out\n`,
    );
    expect(out).toContain(
      `${FIXTURES}/timemap-sources.csv:5: warning: timemap-sources.csv row 4: source 'src4' is not cited by any event\n`,
    );
    expect(out).toContain("dates: dates read as MM/DD/YYYY: '3/15/2022' (row 2) can only be month first\n");
    expect(out).toContain('rows: 5 read, 4 imported, 1 skipped\n');
    const loaded = loadDataset(readFileSync(output, 'utf8'), output);
    expect(loaded.ok && loaded.dataset.events.toArray().find((e) => e.id === 'e1')?.sources[0]?.url).toBe(
      'https://example.org/fictional/video1.mp4',
    );
  }, 90_000);

  it('reads a Parquet file and honours --date-format for every format', () => {
    const parquet = run([`${FIXTURES}/events.parquet`, '-o', join(dir, 'p.json')]);
    expect(parquet.code).toBe(0);
    expect(parquet.out).toContain('rows: 12 read, 12 imported, 0 skipped\n');
    const ambiguous = run([`${FIXTURES}/ambiguous-dates.csv`, '-o', join(dir, 'a.json')]);
    expect(ambiguous.out).toContain('rows: 4 read, 2 imported, 2 skipped\n');
    const given = run([`${FIXTURES}/ambiguous-dates.csv`, '--date-format', 'D/M/YYYY', '-o', join(dir, 'b.json')]);
    expect(given.out).toContain('dates: dates read as DD/MM/YYYY (as chosen)\n');
    expect(given.out).toContain('rows: 4 read, 4 imported, 0 skipped\n');
    const bad = run([`${FIXTURES}/ambiguous-dates.csv`, '--date-format', 'YY/DD/MM', '-o', join(dir, 'c.json')]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain(
      'unknown date format "YY/DD/MM"; use one of DD/MM/YYYY, MM/DD/YYYY, DD/MM/YY, MM/DD/YY, YYYY-MM-DD',
    );
  }, 120_000);
});
