import type { AppState } from './app-state.svelte';
import type { UrlState } from './url';

/** The view as the URL codec sees it: what a link must carry. */
export function snapshotOf(app: AppState): UrlState {
  const f = app.filters;
  return {
    data: null,
    text: f.text,
    categories: f.categories ? [...f.categories] : null,
    actors: [...f.actors],
    tags: [...f.tags],
    window: f.window,
    inView: f.inView,
    event: app.selectedId,
    map: app.mapView,
    lanes: app.laneMode,
  };
}

/** Puts a decoded URL state into the app (the caller decides how history records it). */
export function applyUrlState(app: AppState, s: UrlState): void {
  app.filters = {
    ...app.filters,
    text: s.text,
    categories: s.categories,
    actors: s.actors,
    tags: s.tags,
    window: s.window,
    inView: s.inView,
  };
  app.selectedId = s.event;
  app.mapView = s.map;
  app.laneMode = s.lanes;
}
