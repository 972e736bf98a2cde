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
