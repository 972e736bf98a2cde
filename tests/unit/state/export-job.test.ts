import { describe, expect, it, vi } from 'vitest';
import { generate } from '../../../scripts/synthetic';
import { AppState } from '../../../src/lib/state/app-state.svelte';
import { ExportJob, type ExportProgress } from '../../../src/lib/state/export-job.svelte';
import { exportText } from '../../../src/lib/io/export-file';
import { Editor } from '../../../src/lib/state/editor.svelte';

/** vi.waitFor gives up after 1 s by default; a busy machine may take longer to get there. */
const WAIT = { timeout: 15_000 };

/** A Blob's text through FileReader: jsdom's Blob has no text(). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** An app with 300 synthetic events, half of them shown, and a job that writes in slices above `slicedAbove`. */
function setup(slicedAbove: number) {
  const app = new AppState();
  expect(app.open({ kind: 'text', text: JSON.stringify(generate(300, 5)), name: 'synthetic.json' }).ok).toBe(true);
  app.setWindow({ start: app.dataset!.columns.start[0]!, end: app.dataset!.columns.start[150]! }, true);
  const saved: { blob: Blob; name: string }[] = [];
  const job = new ExportJob(app, { save: (blob, name) => saved.push({ blob, name }), slicedAbove, partChars: 5_000 });
  return { app, job, saved };
}

describe('ExportJob', () => {
  it('writes a small export at once: the shown events, named for the dataset', async () => {
    const { app, job, saved } = setup(10_000);
    const done = vi.fn();
    await job.start('csv', done);
    // Written at once, without progress; handed over once the browser has read it back.
    expect(job.progress).toBeNull();
    await vi.waitFor(() => expect(saved).toHaveLength(1), WAIT);
    expect(done).toHaveBeenCalledOnce();
    expect(saved[0]!.name).toMatch(/-filtered\.csv$/);
    expect(saved[0]!.blob.type).toBe('text/csv;charset=utf-8');
    expect(await textOf(saved[0]!.blob)).toBe(exportText(app.dataset!, app.visible, 'csv'));
    expect(app.visible.length).toBeGreaterThan(100);
    expect(app.visible.length).toBeLessThan(300);
  }, 60_000);

  it('writes a large one in slices, with its progress, into the same bytes (gathered in Blob parts of 5,000 characters)', async () => {
    const { app, job, saved } = setup(10);
    const seen: ExportProgress[] = [];
    const expected = exportText(app.dataset!, app.visible, 'all');
    await job.start('all');
    expect(saved).toHaveLength(0);
    expect(job.progress).toEqual({ kind: 'all', done: 0, total: 300 });
    seen.push(job.progress!);
    await vi.waitFor(() => expect(saved).toHaveLength(1), WAIT);
    expect(job.progress).toBeNull();
    expect(seen[0]!.total).toBe(300);
    expect(await textOf(saved[0]!.blob)).toBe(expected);
    expect(saved[0]!.name).toMatch(/^synthetic-.*\d{4}-\d\d-\d\d\.json$/);
  });

  it('writes what was shown when it started, though the filters change meanwhile', async () => {
    const { app, job, saved } = setup(10);
    const expected = exportText(app.dataset!, app.visible, 'json');
    await job.start('json');
    app.setWindow(null, true);
    await vi.waitFor(() => expect(saved).toHaveLength(1), WAIT);
    expect(await textOf(saved[0]!.blob)).toBe(expected);
  });

  it('downloads nothing when cancelled', async () => {
    const { job, saved } = setup(10);
    const done = vi.fn();
    const started = job.start('geojson', done);
    job.cancel();
    expect(job.progress).toBeNull();
    expect(job.busy).toBe(false);
    await started;
    expect(job.progress).toBeNull();
    expect(saved).toHaveLength(0);
    expect(done).not.toHaveBeenCalled();
  });

  it('says why when an event cannot be written, and downloads nothing', async () => {
    const { app, job, saved } = setup(10);
    vi.spyOn(app.dataset!.events, 'read').mockImplementation((row) => {
      if (row > 200) throw new Error('record 201 is damaged');
      return {
        record: { id: `e${row}`, title: 't', summary: '', date: '2020-01-01', category: 'x', sources: [] },
        problem: null,
      };
    });
    await job.start('all');
    await vi.waitFor(() => expect(app.notices).toHaveLength(1), WAIT);
    expect(app.notices[0]).toBe(
      'The dataset file could not be written (record 201 is damaged); nothing was downloaded.',
    );
    expect(saved).toHaveLength(0);
    expect(job.progress).toBeNull();
  });
});

describe('ExportJob with events that cannot be read', () => {
  it('leaves them out of the file and names them', async () => {
    const { app, job, saved } = setup(10);
    const store = app.dataset!.events;
    const read = store.read.bind(store);
    const damaged = new Set([0, 7, 8, 9, 10, 11, 12]);
    vi.spyOn(store, 'read').mockImplementation((row) =>
      damaged.has(row) ? { record: read(row).record, problem: 'its stored record cannot be read' } : read(row),
    );
    await job.start('all');
    await vi.waitFor(() => expect(saved).toHaveLength(1), WAIT);
    const ids = (JSON.parse(await textOf(saved[0]!.blob)) as { events: { id: string }[] }).events.map((e) => e.id);
    expect(ids).toHaveLength(300 - damaged.size);
    // Named in the order the file meets them: a dataset read from JSON is written in its file's order.
    const damagedIds = new Set([...damaged].map((row) => store.id(row)));
    const left = app.dataset!.layout!.order.filter((id) => damagedIds.has(id));
    expect(ids.some((id) => left.includes(id))).toBe(false);
    expect(app.notices).toEqual([
      `7 events could not be read from the data and were left out of the file: ${left.slice(0, 5).join(', ')} and 2 more.`,
    ]);
  });
});

describe('ExportJob with a file the browser cannot hold', () => {
  it('says so, with what to do instead, and downloads nothing', async () => {
    const app = new AppState();
    expect(app.open({ kind: 'text', text: JSON.stringify(generate(300, 5)), name: 'synthetic.json' }).ok).toBe(true);
    const save = vi.fn();
    const done = vi.fn();
    const job = new ExportJob(app, { save, slicedAbove: 10, readable: () => Promise.resolve(false) });
    await job.start('json', done);
    await vi.waitFor(() => expect(app.notices).toHaveLength(1), WAIT);
    expect(app.notices[0]).toMatch(
      /^The JSON file could not be written \(the browser could not hold \d+ MB; filter to fewer events, or choose CSV, which is about half the size\); nothing was downloaded\.$/,
    );
    await job.start('all');
    await vi.waitFor(() => expect(app.notices).toHaveLength(2), WAIT);
    expect(app.notices[1]).toMatch(/with no filter set, the CSV download holds every event in about half the size/);
    expect(save).not.toHaveBeenCalled();
    expect(done).not.toHaveBeenCalled();
    expect(job.progress).toBeNull();
  });
});

describe('Editor.download', () => {
  it('counts the draft as saved only if it was not edited while the file was written', async () => {
    const app = new AppState();
    expect(app.open({ kind: 'text', text: JSON.stringify(generate(300, 5)), name: 'synthetic.json' }).ok).toBe(true);
    const editor = new Editor(app);
    const markSaved = vi.spyOn(editor.draft, 'markSaved');
    const save = vi.fn();
    Object.defineProperty(app, 'exports', { value: new ExportJob(app, { save, slicedAbove: 10 }) });
    editor.download();
    expect(editor.writing).toBe(true);
    // A second press while the file is written does not start it over.
    editor.download();
    await vi.waitFor(() => expect(save).toHaveBeenCalledOnce(), WAIT);
    expect(markSaved).toHaveBeenCalledOnce();
    editor.download();
    // An edit meanwhile replaces the dataset: the file written holds the one before it.
    app.open({ kind: 'edit', dataset: { ...app.dataset! } });
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2), WAIT);
    expect(markSaved).toHaveBeenCalledOnce();
  });
});
