import { describe, expect, it } from 'vitest';
import { AppState } from '../../../src/lib/state/app-state.svelte';
import { captureView, storyReaderOf, viewState } from '../../../src/lib/state/story.svelte';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState } from '../../../src/lib/state/url';
import { linkStateOf, snapshotOf } from '../../../src/lib/state/url-apply';

const SOURCE = { publisher: 'P', title: 'T', url: 'https://example.org/' };
const event = (id: string, date: string, category: string) => ({
  id,
  title: id,
  summary: 'S',
  date,
  category,
  location: { name: 'X', lat: 40, lon: 46, precision: 'city' },
  sources: [SOURCE],
});

const VIEWS = [
  { from: '2021-01', to: '2021-01', event: 'a', map: { lat: 40, lon: 46, zoom: 6 } },
  { categories: ['k'], highlight: ['b', 'gone'], lanes: 'actor' },
  {},
];

function app(): AppState {
  const app = new AppState();
  const text = JSON.stringify({
    format: 'faultline/1',
    title: 'T',
    categories: [
      { id: 'c', label: 'C', color: '#123456' },
      { id: 'k', label: 'K', color: '#654321' },
    ],
    stories: [
      {
        id: 's',
        title: 'Story',
        summary: 'S.',
        steps: VIEWS.map((view, i) => ({ heading: `H${i + 1}`, text: 'T', view })),
      },
    ],
    events: [event('a', '2021-01-10', 'c'), event('b', '2021-02-10', 'k'), event('c', '2021-03-10', 'c')],
  });
  expect(app.open({ kind: 'text', text, name: 't.json' }).ok).toBe(true);
  return app;
}

describe('reading a story', () => {
  it('opens at a step and moves through it, each step setting the whole view', () => {
    const a = app();
    const reader = storyReaderOf(a);
    expect(reader.stories.map((s) => s.id)).toEqual(['s']);
    expect(reader.open('s')).toBe(true);
    expect([reader.index, reader.count, reader.step?.heading]).toEqual([0, 3, 'H1']);
    expect(a.selectedId).toBe('a');
    expect(a.filters.window).toEqual({ start: Date.UTC(2021, 0, 1), end: Date.UTC(2021, 1, 1) });
    expect(a.mapView).toEqual({ lat: 40, lon: 46, zoom: 6 });
    expect(a.visible.length).toBe(1);

    expect(reader.next()).toBe(true);
    // Step 2 leaves out the window and the event: they go back to their defaults.
    expect([a.story, a.selectedId, a.filters.window, a.filters.categories, a.laneMode]).toEqual([
      { id: 's', step: 1 },
      null,
      null,
      ['k'],
      'actor',
    ]);
    // Its marked events the data has, and that are shown.
    expect([...(a.highlightedRows ?? [])].map((r) => a.dataset!.events.id(r))).toEqual(['b']);

    expect(reader.last()).toBe(true);
    expect(reader.index).toBe(2);
    expect(reader.next()).toBe(false);
    expect(reader.index).toBe(2);
    expect(reader.first()).toBe(true);
    expect(reader.previous()).toBe(false);
    expect(reader.goTo(7)).toBe(false);
    expect(reader.goTo(1.5)).toBe(false);
    expect(reader.open('nope')).toBe(false);
    expect(reader.open('s', 3)).toBe(false);
    expect(reader.index).toBe(0);
  });

  it('knows when the reader explored away, and "back" returns to the step; the map alone is not leaving', () => {
    const a = app();
    const reader = storyReaderOf(a);
    reader.open('s', 0);
    expect(reader.explored).toBe(false);
    a.setMapView({ lat: 1, lon: 2, zoom: 3 }, { south: 0, west: 0, north: 1, east: 1 });
    expect(reader.explored).toBe(false);
    a.toggleCategory('c');
    expect(reader.explored).toBe(true);
    expect(reader.back()).toBe(true);
    expect(reader.explored).toBe(false);
    expect(a.filters.categories).toBeNull();
    reader.close();
    expect([a.story, reader.story, reader.index]).toEqual([null, null, -1]);
    // The view stays to explore from.
    expect(a.selectedId).toBe('a');
  });

  it("writes the step's own link while the view is the step's, and the whole view once explored", () => {
    const a = app();
    const reader = storyReaderOf(a);
    reader.open('s', 1);
    expect(encodeUrlState(linkStateOf(a))).toBe('story=s&step=2');
    a.setText('b');
    expect(encodeUrlState(linkStateOf(a))).toBe('q=b&cat=k&lanes=actor&story=s&step=2');
    reader.close();
    expect(encodeUrlState(linkStateOf(a))).toBe('q=b&cat=k&lanes=actor');
  });

  it('round-trips story= and step= through the URL, and refuses a step that is not a number from 1', () => {
    const state = { ...DEFAULT_URL_STATE, story: 'war-2020', step: 12 };
    expect(encodeUrlState(state)).toBe('story=war-2020&step=12');
    expect(decodeUrlState('story=war-2020&step=12')).toEqual({ state, notices: [] });
    expect(decodeUrlState('story=s').state).toMatchObject({ story: 's', step: null });
    for (const bad of ['0', '-1', '2.5', 'x', '1e3']) {
      const { state: read, notices } = decodeUrlState(`story=s&step=${bad}`);
      expect(read.step).toBeNull();
      expect(notices).toEqual([`Ignored step="${bad}": a step is a number from 1.`]);
    }
  });

  it('a link names a step: its view is applied once read; a missing story or step leaves story mode with a notice', () => {
    const a = app();
    const reader = storyReaderOf(a);
    a.applyUrl({ ...DEFAULT_URL_STATE, story: 's', step: 1 });
    expect(a.storyView).toBeNull();
    reader.resolve();
    expect(a.selectedId).toBe('a');
    expect(a.storyView).not.toBeNull();

    // A link that carries a view of its own (the reader had explored): the view is kept.
    a.applyUrl({ ...DEFAULT_URL_STATE, text: 'c', story: 's', step: 2 });
    reader.resolve();
    expect([a.filters.text, a.story?.step, reader.explored]).toEqual(['c', 1, true]);

    a.applyUrl({ ...DEFAULT_URL_STATE, story: 'gone', step: 1 });
    reader.resolve();
    expect(a.story).toBeNull();
    a.applyUrl({ ...DEFAULT_URL_STATE, story: 's', step: 9 });
    reader.resolve();
    expect(a.story).toBeNull();
    expect(a.notices).toEqual([
      'No story “gone” in this dataset: showing all events.',
      'The story “Story” has no step 9 (it has 3): showing all events.',
    ]);
  });

  it("captures the app's view as a step's view, which shows the same view again", () => {
    const a = app();
    const reader = storyReaderOf(a);
    reader.open('s', 0);
    const view = captureView(a);
    expect(view).toEqual({ from: '2021-01-01', to: '2021-01-31', event: 'a', map: { lat: 40, lon: 46, zoom: 6 } });
    reader.close();
    a.clearFilters();
    reader.apply(view);
    expect(snapshotOf(a)).toEqual({ ...viewState(view), story: null, step: null });
  });
});
