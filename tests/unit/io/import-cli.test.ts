import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/model/dataset';
import { FIXTURES } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'faultline-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { code: number | null; out: string } {
  const result = spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('npm run import', () => {
  it('converts the ACLED fixture, prints mapped/dropped/problems and the validator summary, and writes valid JSON', () => {
    const output = join(dir, 'acled.json');
    const input = `${FIXTURES}/acled-current.csv`;
    const { code, out } = run(['--from', 'acled', input, '-o', output]);
    expect(code).toBe(0);
    expect(out).toContain('mapped:\n  event_id_cnty → id\n');
    expect(out).toContain('dropped:\n');
    expect(out).toContain(`${input}:6: row 3: expected 31 fields, found 29; row skipped\n`);
    expect(out).toContain(`${input}:7: warning: row 4: latitude 'n/a' is not a number; location left empty\n`);
    expect(out).toContain('rows: 6 read, 4 imported, 2 skipped\n');
    expect(out).toContain(`✔ wrote ${output}: 4 valid events, 0 errors, 0 warnings`);
    const loaded = loadDataset(readFileSync(output, 'utf8'), output);
    expect(loaded.ok && loaded.dataset.problems).toEqual([]);
    expect(loaded.ok && loaded.dataset.events.toArray().map((e) => e.id)).toEqual([
      'SOM1001',
      'SOM1002',
      'SOM1004',
      'SOM1006',
    ]);
  }, 90_000);

  it('exits 1 and writes nothing when no row can be imported, and 2 on a usage error', () => {
    const output = join(dir, 'none.json');
    const failed = run(['--from', 'acled', `${FIXTURES}/acled-excel-semicolon.csv`, '-o', output]);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('✖ nothing could be imported; no file written');
    expect(existsSync(output)).toBe(false);
    expect(run(['--from', 'nope', 'x', '-o', output]).code).toBe(2);
    // With the option the same file imports.
    expect(
      execFileSync(
        'npx',
        [
          'tsx',
          'scripts/import.ts',
          '--from',
          'acled',
          '--decimal-comma',
          `${FIXTURES}/acled-excel-semicolon.csv`,
          '-o',
          output,
        ],
        { encoding: 'utf8' },
      ),
    ).toContain('3 valid events');
  }, 120_000);
});
