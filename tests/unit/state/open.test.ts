import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppState } from '../../../src/lib/state/app-state.svelte';
import type { DataSource, OpenReport } from '../../../src/lib/io/read-source';

// Every source opens through AppState.open: the same report shape, the same token, and a failed
// open never changes what is shown.

const bundled = readFileSync('data/events.json', 'utf8');
const acled = readFileSync('tests/fixtures/import/acled-current.csv', 'utf8');
const REPORT_KEYS = ['error', 'import', 'name', 'ok', 'problems'];

function served(body: string, status = 200): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status, headers: { 'content-length': String(body.length) } })),
  );
}

async function opened(app: AppState, source: DataSource): Promise<OpenReport> {
  return app.open(source);
}

/** An app showing the bundled dataset, to check that failures leave it as it was. */
function showing(): AppState {
  const app = new AppState();
  expect(app.open({ kind: 'text', text: bundled, name: 'events.json' }).ok).toBe(true);
  return app;
}

const good: Record<string, () => DataSource> = {
  paste: () => ({ kind: 'text', text: bundled, name: 'pasted JSON', origin: 'Pasted JSON' }),
  'file (picked or dropped)': () => ({ kind: 'file', file: new File([acled], 'acled.csv') }),
  'URL (bundled, ?data=, hot reload)': () => {
    served(bundled);
    return { kind: 'url', url: 'https://example.org/events.json', name: 'events.json', origin: 'URL: events.json' };
  },
};

const bad: Record<string, () => DataSource> = {
  paste: () => ({ kind: 'text', text: '{"format": "faultline/1", "events": [', name: 'pasted JSON' }),
  'file (picked or dropped)': () => ({ kind: 'file', file: new File(['just words\nno format'], 'notes.txt') }),
  'file with no usable event': () => ({
    kind: 'file',
    file: new File(['{"format":"faultline/1","title":"t","categories":[],"events":[]}'], 'empty.json'),
  }),
  'paste whose every event is invalid': () => ({
    kind: 'text',
    text: JSON.stringify({
      format: 'faultline/1',
      title: 'All bad',
      categories: [{ id: 'c', label: 'C', color: '#336699' }],
      events: [{ id: 'x', title: 'no date, no sources' }],
    }),
    name: 'all-bad.json',
  }),
  'file that declares no categories': () => ({
    kind: 'file',
    file: new File(
      [
        JSON.stringify({
          format: 'faultline/1',
          title: 'No categories',
          categories: [],
          events: [
            {
              id: 'x',
              title: 'T',
              summary: 'S',
              date: '2020-01-01',
              category: 'c',
              sources: [{ publisher: 'P', title: 'T' }],
            },
          ],
        }),
      ],
      'no-categories.json',
    ),
  }),
  'URL serving a dataset with no usable event': () => {
    served(JSON.stringify({ format: 'faultline/1', title: 't', categories: [], events: [{ id: 'x' }] }));
    return { kind: 'url', url: 'https://example.org/x.json', name: 'x.json', origin: 'URL: x.json' };
  },
  'URL (bundled, ?data=, hot reload)': () => {
    served('not found', 404);
    return { kind: 'url', url: 'https://example.org/missing.json', name: 'missing.json', origin: 'URL: missing.json' };
  },
};

afterEach(() => vi.unstubAllGlobals());

describe('AppState.open', () => {
  for (const [what, source] of Object.entries(good)) {
    it(`opens a ${what} and reports it in the common shape`, async () => {
      const app = new AppState();
      const report = await opened(app, source());
      expect(Object.keys(report).sort()).toEqual(REPORT_KEYS);
      expect(report.ok).toBe(true);
      expect(report.error).toBeNull();
      expect(app.dataset?.events.length).toBeGreaterThan(0);
      expect(app.status).toEqual({ kind: 'idle' });
      expect(app.origin).not.toBe('');
    }, 60_000);
  }

  for (const [what, source] of Object.entries(bad)) {
    it(`a failed ${what} reports why in the common shape and leaves the shown data untouched`, async () => {
      const app = showing();
      const before = app.dataset;
      const origin = app.origin;
      const report = await opened(app, source());
      expect(Object.keys(report).sort()).toEqual(REPORT_KEYS);
      expect(report.ok).toBe(false);
      expect(report.error ?? report.problems[0]?.message).toBeTruthy();
      expect(app.dataset).toBe(before);
      expect(app.origin).toBe(origin);
      expect(app.status.kind).toBe('failed');
    }, 60_000);
  }

  it("opens the editor's dataset in place, keeping the origin and dropping a deleted selection", () => {
    const app = showing();
    const origin = app.origin;
    const first = app.dataset!.events.at(0)!;
    app.select(first.id);
    const events = app.dataset!.events.toArray().filter((e) => e.id !== first.id);
    const edited = {
      ...app.dataset!,
      events: { ...app.dataset!.events, length: events.length, rowOf: () => undefined },
    };
    const report = app.open({ kind: 'edit', dataset: edited as never });
    expect(report.ok).toBe(true);
    expect(app.dataset).toBe(edited);
    expect(app.origin).toBe(origin);
    expect(app.selectedId).toBeNull();
  });

  it('a later open wins over an earlier one that finishes after it', async () => {
    const app = new AppState();
    let release!: (r: Response) => void;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (release = resolve))),
    );
    const slow = app.open({ kind: 'url', url: 'https://example.org/a.json', name: 'a.json', origin: 'URL: a.json' });
    expect(app.status.kind).toBe('loading');
    expect(app.open({ kind: 'text', text: bundled, name: 'pasted JSON' }).ok).toBe(true);
    const shown = app.dataset;
    release(new Response(bundled));
    const report = await slow;
    expect(report.ok).toBe(false);
    expect(app.dataset).toBe(shown);
    expect(app.status).toEqual({ kind: 'idle' });
  }, 60_000);

  it('Cancel stops a download under way; the data shown stays and the status says why', async () => {
    const app = showing();
    const before = app.dataset;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init?: RequestInit) =>
          new Promise<Response>((_resolve, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      ),
    );
    const pending = app.open({ kind: 'url', url: 'https://example.org/big.json', name: 'big.json', origin: 'URL' });
    expect(app.status.kind).toBe('loading');
    app.cancelOpen();
    const report = await pending;
    expect(report.ok).toBe(false);
    expect(report.error).toBe('big.json: the read was stopped');
    expect(app.dataset).toBe(before);
    expect(app.status).toMatchObject({ kind: 'failed', message: 'big.json: the read was stopped' });
  }, 60_000);
});
