/**
 * Reading stories (issue #25): which story is open at which step, moving between steps, and a
 * step's view put into the app or taken from it. Loaded with the story chunk only (views/story/
 * load.ts): the main chunk holds just the place (AppState.story), the step's view it compares
 * against (AppState.storyView) and the URL's story= and step=.
 *
 * Steps are counted from 0 here and from 1 wherever a person sees them (the panel, the URL's
 * step=, the host API's goToStep and step message).
 */
import { t } from '../i18n/i18n.svelte';
import type { Story, StoryStep, StoryView } from '../model/story';
import type { AppState, HistoryMode, StoryPlace } from './app-state.svelte';
import {
  DEFAULT_URL_STATE,
  axisToIso,
  decodeWindow,
  endToIso,
  reconcileUrlState,
  sameView,
  type UrlState,
} from './url';
import { snapshotOf } from './url-apply';

/** The stories of the data shown (none for a dataset without them). */
export function storiesOf(app: AppState): readonly Story[] {
  return app.dataset?.meta.stories ?? [];
}

/** A step's view as a link carries it; `place` names the step (null: the view alone, for a preview). */
export function viewState(view: StoryView, place: StoryPlace | null = null): UrlState {
  // The validator has read from and to already; a window it refused never reaches here.
  const window = view.from && view.to ? decodeWindow(view.from, view.to, []) : null;
  return {
    ...DEFAULT_URL_STATE,
    text: view.text ?? '',
    categories: view.categories ? [...view.categories] : null,
    actors: [...(view.actors ?? [])],
    tags: [...(view.tags ?? [])],
    window,
    inView: view.inView ?? false,
    event: view.event ?? null,
    map: view.map ? { lat: view.map.lat, lon: view.map.lon, zoom: view.map.zoom } : null,
    lanes: view.lanes ?? 'category',
    mapMode: view.mapMode ?? DEFAULT_URL_STATE.mapMode,
    mapBy: view.mapBy ?? 'events',
    story: place?.id ?? null,
    step: place ? place.step + 1 : null,
  };
}

/** The app's view now, as a step's view: what "Use this view" in the story editor keeps. */
export function captureView(app: AppState): StoryView {
  const s = snapshotOf(app);
  const view: StoryView = {};
  if (s.text.trim()) view.text = s.text;
  if (s.categories) view.categories = [...s.categories];
  if (s.actors.length) view.actors = [...s.actors];
  if (s.tags.length) view.tags = [...s.tags];
  if (s.window) {
    view.from = axisToIso(s.window.start);
    view.to = endToIso(s.window.end);
  }
  if (s.event) view.event = s.event;
  if (app.story && app.storyHighlight.length) view.highlight = [...app.storyHighlight];
  // Rounded as a link rounds them: a view captured twice from the same place is the same.
  if (s.map) view.map = { lat: round(s.map.lat, 4), lon: round(s.map.lon, 4), zoom: round(s.map.zoom, 2) };
  if (s.mapMode !== DEFAULT_URL_STATE.mapMode) view.mapMode = s.mapMode;
  if (s.mapBy !== 'events') view.mapBy = s.mapBy;
  if (s.inView) view.inView = true;
  if (s.lanes !== 'category') view.lanes = s.lanes;
  return view;
}

/** The event ids a step names (its selection and its marked events) that the data shown lacks. */
export function missingEvents(app: AppState, step: StoryStep): string[] {
  const dataset = app.dataset;
  if (!dataset) return [];
  const named = [...(step.view.event ? [step.view.event] : []), ...(step.view.highlight ?? [])];
  return [...new Set(named)].filter((id) => dataset.events.rowOf(id) === undefined);
}

/**
 * The reader: one per AppState (storyReaderOf), made when the story chunk first loads. Views and
 * the host bridge move through a story with its methods; the panel's edge calls `resolve` when a
 * link or back/forward names a step.
 */
export class StoryReader {
  readonly #app: AppState;

  constructor(app: AppState) {
    this.#app = app;
  }

  get stories(): readonly Story[] {
    return storiesOf(this.#app);
  }

  // Getters, not $derived: the reader outlives the component that first asks for it, and a derived
  // made during a component's set-up would stop updating once that component is gone.

  /** The open story, when the data has it. */
  get story(): Story | null {
    const place = this.#app.story;
    return (place && storiesOf(this.#app).find((s) => s.id === place.id)) ?? null;
  }

  /** The open step's index (from 0), or -1 with no story open. */
  get index(): number {
    return this.story && this.#app.story ? this.#app.story.step : -1;
  }

  get step(): StoryStep | null {
    return this.story?.steps[this.index] ?? null;
  }

  /** How many steps the open story has. */
  get count(): number {
    return this.story?.steps.length ?? 0;
  }

  /** The reader has moved away from the step's view (filters, window, selection, lanes, map mode); panning the map alone is not leaving. */
  get explored(): boolean {
    const view = this.#app.storyView;
    return view !== null && !sameView(snapshotOf(this.#app), view);
  }

  /** Opens a story at a step (from 0); false, with nothing changed, when the data has no such story or step. */
  open(id: string, step = 0): boolean {
    const story = storiesOf(this.#app).find((s) => s.id === id);
    if (!story || !Number.isInteger(step) || step < 0 || step >= story.steps.length) return false;
    this.#show(story, step, 'push');
    return true;
  }

  /** Goes to a step of the open story (from 0); false when it has none there. */
  goTo(step: number): boolean {
    const story = this.story;
    if (!story || !Number.isInteger(step) || step < 0 || step >= story.steps.length) return false;
    this.#show(story, step, 'push');
    return true;
  }

  next(): boolean {
    return this.goTo(this.index + 1);
  }

  previous(): boolean {
    return this.goTo(this.index - 1);
  }

  first(): boolean {
    return this.goTo(0);
  }

  last(): boolean {
    return this.goTo(this.count - 1);
  }

  /** "Back to step n": the open step's view again, after the reader explored. */
  back(): boolean {
    return this.goTo(this.index);
  }

  /** Leaves the story; the view stays as it is, to explore from. */
  close(): void {
    this.#app.setStoryStep(null);
  }

  /** Puts a view into the app as a step would, without opening a story: the story editor's preview. */
  apply(view: StoryView): void {
    this.#app.applyUrl(this.#cleaned(viewState(view)), 'push');
    if (!view.map) this.#app.requestFit();
  }

  capture(): StoryView {
    return captureView(this.#app);
  }

  /**
   * The step a link or back/forward named (AppState.story without storyView): a story or step the
   * data lacks leaves story mode with a notice; a link with a view of its own keeps it (the reader
   * had explored from the step); else the step's view is shown. Writes no history entry.
   */
  resolve(): void {
    const app = this.#app;
    const place = app.story;
    if (!place || app.storyView || !app.dataset) return;
    const story = this.story;
    if (!story) {
      app.notify(t('story.notFound', { id: cut(place.id) }));
      app.setStoryStep(null, null, [], 'replace');
      return;
    }
    const count = story.steps.length;
    if (place.step >= count) {
      app.notify(t('story.noStep', { title: cut(story.title), step: place.step + 1, count }));
      app.setStoryStep(null, null, [], 'replace');
      return;
    }
    if (sameView(snapshotOf(app), DEFAULT_URL_STATE)) {
      this.#show(story, place.step, 'replace');
      return;
    }
    const step = story.steps[place.step]!;
    app.setStoryStep(place, this.#cleaned(viewState(step.view, place)), step.view.highlight ?? [], 'replace');
  }

  #show(story: Story, index: number, history: HistoryMode): void {
    const app = this.#app;
    const step = story.steps[index]!;
    const place = { id: story.id, step: index };
    const state = this.#cleaned(viewState(step.view, place));
    app.pause();
    app.applyUrl(state, history);
    app.setStoryStep(place, state, step.view.highlight ?? [], history);
    // No map view of its own: the map shows the step's events.
    if (!state.map) app.requestFit();
  }

  /** What the data lacks (a category, an actor, a deleted event) is dropped: the step still opens, and the panel says which events are gone. */
  #cleaned(state: UrlState): UrlState {
    const { dataset, index } = this.#app;
    return dataset && index ? reconcileUrlState(state, dataset, index).state : state;
  }
}

const readers = new WeakMap<AppState, StoryReader>();

/** The app's story reader, made on first use. */
export function storyReaderOf(app: AppState): StoryReader {
  let reader = readers.get(app);
  if (!reader) readers.set(app, (reader = new StoryReader(app)));
  return reader;
}

function cut(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
