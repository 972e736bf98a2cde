import type { AppState } from './app-state.svelte';
import { DEFAULT_URL_STATE, sameView, type UrlState } from './url';

/** The view as the URL codec sees it: what a link must carry. */
export function snapshotOf(app: AppState): UrlState {
  const f = app.filters;
  return {
    data: null,
    text: f.text,
    categories: f.categories ? [...f.categories] : null,
    actors: [...f.actors],
    tags: [...f.tags],
    regions: [...f.regions],
    window: f.window,
    inView: f.inView,
    event: app.selectedId,
    map: app.mapView,
    lanes: app.laneMode,
    mapMode: app.mapMode,
    mapBy: app.mapMeasure,
    story: app.story?.id ?? null,
    step: app.story ? app.story.step + 1 : null,
  };
}

/**
 * What the address bar carries: at a story's step, only story= and step= (the step's own link);
 * once the reader has moved away from the step's view, the view as well.
 */
export function linkStateOf(app: AppState): UrlState {
  const s = snapshotOf(app);
  const step = app.storyView;
  return step && sameView(s, step) ? { ...DEFAULT_URL_STATE, story: s.story, step: s.step } : s;
}
