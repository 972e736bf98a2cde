import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../../scripts/terminal-text';

const dir = mkdtempSync(join(tmpdir(), 'faultline-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a hostile file uses to retitle, clear or rewrite a terminal, or to reorder what it shows. */
const RETITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const CSI_C1 = '\u009b2J';
const RTL = '\u202eevil\u202c';
const ISOLATE = '\u2066x\u2069';
const FAKE_LINE = '\r\n✔ 1 file, 0 errors';
/** Anything a terminal acts on rather than shows; a newline is allowed only as our own line break. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function run(script: string, args: string[]): { code: number | null; out: string } {
  const result = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout + result.stderr };
}

function expectSafe(out: string): void {
  expect(out).not.toMatch(RAW_CONTROL);
  expect(out).toContain('\\x1b]0;pwned\\x07');
  expect(out).toContain('\\x1b[2J');
  expect(out).toContain('\\u202eevil\\u202c');
}

const source = { publisher: 'P', title: 'T', url: 'https://example.org/a' };
function hostileDataset(): string {
  return JSON.stringify({
    format: 'faultline/1',
    title: 'Hostile',
    categories: [{ id: 'strike', label: 'Strike', color: '#b3261e' }],
    events: [
      { id: 'good', title: 'A', summary: 'S', date: '2021', category: 'strike', sources: [source] },
      { id: `x${RETITLE}`, title: RTL, summary: 'S', date: '2021', category: 'strike', sources: [source] },
      { id: 'y', title: 'B', summary: 'S', date: `2021${CSI_C1}`, category: `${CLEAR}${RTL}`, sources: [source] },
      { id: 'z', title: 'C', summary: 'S', date: `2021${FAKE_LINE}`, category: ISOLATE, sources: [source] },
    ],
  });
}

describe('terminalText', () => {
  it('shows every control and direction character as a visible escape, and leaves the rest alone', () => {
    expect(terminalText(`a${RETITLE}b${CLEAR}${RTL}\u0085\u007f\t\n`)).toBe(
      'a\\x1b]0;pwned\\x07b\\x1b[2J\\u202eevil\\u202c\\x85\\x7f\\t\\n',
    );
    expect(terminalText('Ganja – “quoted” ✔ 東京 \u200d')).toBe('Ganja – “quoted” ✔ 東京 \u200d');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = terminalText(text);
        expect(shown).not.toMatch(RAW_CONTROL);
        expect(shown).not.toContain('\n');
        if (!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text)) expect(shown).toBe(text);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe('the command-line tools print data escaped', () => {
  it('npm run validate: ids, values and the file name', () => {
    const file = join(dir, `data${CLEAR}${RTL}.json`);
    writeFileSync(file, hostileDataset());
    const { code, out } = run('validate', [file]);
    expect(code).toBe(1);
    expectSafe(out);
    // The fake summary line stays inside its problem's line.
    expect(out).not.toMatch(/^✔ 1 file/m);
  }, 90_000);

  it('npm run validate: an unreadable file name', () => {
    const { code, out } = run('validate', [join(dir, `missing${RETITLE}${CLEAR}${RTL}.json`)]);
    expect(code).toBe(1);
    expectSafe(out);
  }, 90_000);

  it('npm run import: column names, cells, messages and file names', () => {
    const header = ['id', 'title', 'summary', 'date', 'category', 'lat', 'lon', `notes${RETITLE}`];
    const rows = [
      ['a1', RTL, 'S', '2021', 'strike', '', '', 'n'],
      ['a2', 'T', 'S', '2021', 'strike', `1${CLEAR}`, '2', 'n'],
      ['a3', 'T', 'S', `2021${CLEAR}`, 'strike', '', '', 'n'],
    ];
    const csv = [header, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\n');
    const input = join(dir, `in${RTL}.csv`);
    writeFileSync(input, csv);
    const { out } = run('import', ['--from', 'faultline-csv', input, '-o', join(dir, `out${CLEAR}.json`)]);
    expectSafe(out);
  }, 90_000);

  it('npm run import: a usage error quoting the argument', () => {
    const { code, out } = run('import', ['--from', `${RETITLE}${CLEAR}${RTL}`, 'x.csv', '-o', 'y.json']);
    expect(code).toBe(2);
    expectSafe(out);
  }, 90_000);

  it('npm run pack: problems and file names', () => {
    const input = join(dir, `pack${RTL}.json`);
    writeFileSync(input, hostileDataset());
    const { out } = run('pack', [input, '-o', join(dir, `out${RETITLE}${CLEAR}.flpack`)]);
    expectSafe(out);
  }, 90_000);
});
