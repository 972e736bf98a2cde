import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generate } from '../../../scripts/synthetic';
import { AppState } from '../../../src/lib/state/app-state.svelte';
import { TextSearch, TYPING_PAUSE_MS } from '../../../src/lib/state/text-search.svelte';
import { applyFilters } from '../../../src/lib/query/apply';

/** vi.waitFor gives up after 1 s by default; a busy machine may take longer to get there. */
const WAIT = { timeout: 15_000 };

/** An app with 300 synthetic events, and a search that treats them as a large dataset. */
function setup(slicedAbove = 0): { app: AppState; search: TextSearch; setText: ReturnType<typeof vi.spyOn> } {
  const app = new AppState();
  expect(app.open({ kind: 'text', text: JSON.stringify(generate(300, 5)), name: 'synthetic.json' }).ok).toBe(true);
  const search = new TextSearch(app, slicedAbove);
  return { app, search, setText: vi.spyOn(app, 'setText') };
}

describe('TextSearch', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('filters a small dataset at each key', () => {
    const { app, search } = setup(10_000);
    search.type('sahel');
    expect(app.filters.text).toBe('sahel');
    expect(search.searching).toBe(false);
  });

  it('searches a large one after a pause in typing, then sets the filter to what was typed', async () => {
    const { app, search, setText } = setup();
    search.type('sah');
    search.type('sahel');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    expect(search.searching).toBe(false);
    expect(app.filters.text).toBe('');
    vi.advanceTimersByTime(1);
    expect(search.searching).toBe(true);
    // The filter still holds the old text while the words are matched.
    expect(app.filters.text).toBe('');
    await vi.waitFor(() => expect(search.searching).toBe(false), WAIT);
    expect(setText.mock.calls).toEqual([['sahel']]);
    const rows = [...app.visible];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual([...applyFilters(app.index!, app.filters)]);
  });

  it('gives up a search under way when another key comes, and applies only the last text', async () => {
    const { app, search, setText } = setup();
    search.type('sahel');
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    expect(search.searching).toBe(true);
    search.type('sahel battle');
    expect(search.searching).toBe(false);
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    await vi.waitFor(() => expect(search.searching).toBe(false), WAIT);
    expect(setText.mock.calls).toEqual([['sahel battle']]);
    expect(app.filters.text).toBe('sahel battle');
  });

  it('drops what was typed when the text filter is set elsewhere meanwhile (Clear all, history)', async () => {
    const { app, search } = setup();
    search.type('sahel');
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    app.setFilters({ text: 'levant' });
    await vi.waitFor(() => expect(search.searching).toBe(false), WAIT);
    expect(app.filters.text).toBe('levant');
  });

  it('clears the text at once, with no search to wait for', () => {
    const { app, search } = setup();
    app.setText('sahel');
    search.type('  ');
    expect(app.filters.text).toBe('  ');
    expect(search.searching).toBe(false);
  });
});
