import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFile, openText, sizeError, type Loader } from '../../../src/lib/io/open-file';
import { exportFileName, exportText } from '../../../src/lib/io/export-file';
import { loadDataset, type Dataset } from '../../../src/lib/model/dataset';
import { LIMITS } from '../../../src/lib/model/limits';

/** Records what reached the loader, and accepts it only when loadDataset does (as AppState does). */
function recorder(): Loader & { loaded: { name: string; origin?: string; dataset?: Dataset }[] } {
  const loaded: { name: string; origin?: string; dataset?: Dataset }[] = [];
  return {
    loaded,
    loadText(text, name, origin) {
      const result = loadDataset(text, name);
      if (result.ok) loaded.push({ name, origin, dataset: result.dataset });
      return result.ok;
    },
  };
}

const bundled = readFileSync('data/events.json', 'utf8');

describe('openText', () => {
  it('loads our JSON as is', () => {
    const app = recorder();
    const out = openText(app, bundled, 'events.json', 'File: events.json');
    expect(out).toEqual({ ok: true, report: null, error: null });
    expect(app.loaded[0]!.origin).toBe('File: events.json');
  });

  it('imports ACLED through the registry and names the format and counts in the origin', () => {
    const app = recorder();
    const out = openText(
      app,
      readFileSync('tests/fixtures/import/acled-current.csv', 'utf8'),
      'acled.csv',
      'File: acled.csv',
    );
    expect(out.ok).toBe(true);
    expect(out.report?.format).toBe('ACLED CSV export');
    expect(app.loaded[0]!.origin).toMatch(/^File: acled\.csv \(ACLED CSV export, \d+ rows imported, \d+ skipped\)$/);
    expect(app.loaded[0]!.dataset!.events.length).toBe(out.report!.rows!.imported);
  });

  it('passes broken JSON to the loader, which refuses it with a position', () => {
    const app = recorder();
    const out = openText(app, '{"format": "faultline/1",', 'bad.json', 'x');
    expect(out.ok).toBe(false);
    expect(app.loaded).toEqual([]);
  });

  it('says so when the format is unknown, without touching the loader', () => {
    const app = recorder();
    const out = openText(app, 'just some words\nmore words', 'notes.txt', 'x');
    expect(out.ok).toBe(false);
    expect(out.error).toMatch(/could not tell the format of notes\.txt/);
  });

  it('caps the listed importer problems and counts the rest', () => {
    const header = 'id,title,summary,date,category,sources\n';
    const rows = Array.from({ length: 250 }, (_, i) => `e${i},T,S,not-a-date,c,[]`).join('\n');
    const out = openText(recorder(), header + rows, 'many.csv', 'x');
    expect(out.report).not.toBeNull();
    expect(out.report!.problems.length).toBeLessThanOrEqual(LIMITS.maxReportedProblems);
    expect(out.report!.problems.length + out.report!.more).toBeGreaterThan(LIMITS.maxReportedProblems);
  });
});

describe('openFile', () => {
  it('refuses a file over the limit before reading it', async () => {
    const file = new File(['x'], 'huge.json');
    Object.defineProperty(file, 'size', { value: LIMITS.maxFileBytes + 1 });
    file.text = () => Promise.reject(new Error('must not be read'));
    const out = await openFile(recorder(), file);
    expect(out.error).toMatch(/huge\.json is .* MB; the limit is 64 MB/);
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
