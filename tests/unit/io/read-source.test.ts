import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource, sizeError } from '../../../src/lib/io/read-source';
import { exportFileName, exportText } from '../../../src/lib/io/export-file';
import { loadDataset } from '../../../src/lib/model/dataset';
import { LIMITS } from '../../../src/lib/model/limits';

const bundled = readFileSync('data/events.json', 'utf8');

describe('readSource: text', () => {
  it('reads our JSON as is', () => {
    const out = readSource({ kind: 'text', text: bundled, name: 'events.json', origin: 'File: events.json' });
    expect(out.ok).toBe(true);
    expect(out.report).toEqual({ name: 'events.json', ok: true, error: null, problems: [], import: null });
    expect(out.ok && out.origin).toBe('File: events.json');
  }, 60_000);

  // Other formats open as files: their importers are a chunk the page loads only then.
  it('refuses text in another format (it opens as a file)', () => {
    const out = readSource({ kind: 'text', text: 'just some words\nmore words', name: 'notes.txt' });
    expect(out.ok).toBe(false);
    expect(out.report.error).toBe(
      'notes.txt is not Faultline JSON; open other formats as a file, which reads every format',
    );
  });
});

const asFile = (text: string, name: string): File => new File([text], name);

describe('readSource: files in other formats', () => {
  it('imports ACLED through the registry and names the format and counts in the origin', async () => {
    const out = await readSource({
      kind: 'file',
      file: asFile(readFileSync('tests/fixtures/import/acled-current.csv', 'utf8'), 'acled.csv'),
      origin: 'File: acled.csv',
    });
    expect(out.ok).toBe(true);
    expect(out.report.import?.format).toBe('ACLED CSV export');
    expect(out.ok && out.origin).toMatch(/^File: acled\.csv \(ACLED CSV export, \d+ rows imported, \d+ skipped\)$/);
    expect(out.ok && out.dataset.events.length).toBe(out.report.import!.rows!.imported);
  }, 60_000);

  it('an import gives the same events as its JSON read back (validated once, not re-parsed)', async () => {
    const text = readFileSync('tests/fixtures/import/acled-current.csv', 'utf8');
    const out = await readSource({ kind: 'file', file: asFile(text, 'acled.csv') });
    if (!out.ok) throw new Error('the ACLED fixture must import');
    const back = loadDataset(exportText(out.dataset, new Uint32Array(0), 'all'), 'back.json');
    expect(back.ok && back.dataset.events.toArray()).toEqual(out.dataset.events.toArray());
    expect(back.ok && back.dataset.meta).toEqual(out.dataset.meta);
  }, 60_000);

  it('refuses broken JSON with the problem at its position', () => {
    const out = readSource({ kind: 'text', text: '{"format": "faultline/1",', name: 'bad.json' });
    expect(out.ok).toBe(false);
    expect(out.report.problems[0]?.position).toBeDefined();
  });

  it('says so when the format is unknown', async () => {
    const out = await readSource({ kind: 'file', file: asFile('just some words\nmore words', 'notes.txt') });
    expect(out.ok).toBe(false);
    expect(out.report.error).toMatch(/could not tell the format of notes\.txt/);
  });

  it('caps the listed importer problems and counts the rest', async () => {
    const header = 'id,title,summary,date,category,sources\n';
    const rows = Array.from({ length: 250 }, (_, i) => `e${i},T,S,not-a-date,c,[]`).join('\n');
    const out = await readSource({ kind: 'file', file: asFile(header + rows, 'many.csv') });
    expect(out.report.import).not.toBeNull();
    expect(out.report.import!.problems.length).toBeLessThanOrEqual(LIMITS.maxReportedProblems);
    expect(out.report.import!.problems.length + out.report.import!.more).toBeGreaterThan(LIMITS.maxReportedProblems);
  }, 60_000);
});

describe('readSource: file', () => {
  it('refuses a file over the limit before reading it', async () => {
    const file = new File(['x'], 'huge.json');
    Object.defineProperty(file, 'size', { value: LIMITS.maxFileBytes + 1 });
    file.text = () => Promise.reject(new Error('must not be read'));
    const out = await readSource({ kind: 'file', file });
    expect(out.report.error).toMatch(/huge\.json is .* MB; the limit is 64 MB/);
    expect(sizeError('a', 10)).toBeNull();
  });
});

describe('exports', () => {
  const result = loadDataset(bundled, 'events.json');
  if (!result.ok) throw new Error('bundled dataset must load');
  const dataset = result.dataset;
  const visible = Uint32Array.from([0, 1, 2]);

  it('writes only the visible events, with the meta, and they load back', () => {
    const back = loadDataset(exportText(dataset, visible, 'json'), 'x');
    expect(back.ok && back.dataset.events.toArray().map((e) => e.id)).toEqual(
      [0, 1, 2].map((r) => dataset.events.at(r)!.id),
    );
    expect(back.ok && back.dataset.meta.title).toBe(dataset.meta.title);
  });

  it('writes CSV and GeoJSON of the visible events and the whole dataset', () => {
    expect(exportText(dataset, visible, 'csv').trim().split('\n').length).toBeGreaterThanOrEqual(4);
    expect((JSON.parse(exportText(dataset, visible, 'geojson')) as { features: unknown[] }).features).toHaveLength(3);
    const all = loadDataset(exportText(dataset, visible, 'all'), 'x');
    expect(all.ok && all.dataset.events.length).toBe(dataset.events.length);
  });

  it('names files from the title slug and the date', () => {
    const day = new Date('2026-01-05T12:00:00Z');
    expect(exportFileName('New START & NATO, 2020', 'csv', day)).toBe('new-start-nato-2020-2026-01-05-filtered.csv');
    expect(exportFileName('New START', 'all', day)).toBe('new-start-2026-01-05.json');
  });
});
