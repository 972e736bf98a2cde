import { untrack } from 'svelte';
import type { AppState } from './app-state.svelte';
import { decodeUrlState, reconcileUrlState } from './url';
import { snapshotOf } from './url-apply';

/**
 * Applies the page's query string to the app, then, once the data is there, drops the names
 * it does not have (categories, actors, tags, the event) with a notice. Shared by the full app
 * and embed mode; neither step writes a history entry. Call during a component's initialisation.
 *
 * `settled` says whether the data shown is final for this check: in the full app, a stored draft
 * offered for the loaded dataset may add the very event (or actors, tags) a link names, so those
 * are checked only once the draft has been restored or declined; categories, which a draft never
 * adds, are checked as soon as the data arrives.
 */
export function restoreUrlState(app: AppState, settled: () => boolean = () => true): void {
  const initial = decodeUrlState(location.search);
  app.applyUrl(initial.state, 'replace');
  initial.notices.forEach((n) => app.notify(n));
  let categoriesChecked = false;
  let reconciled = false;

  $effect(() => {
    const { dataset, index } = app;
    if (!dataset || !index || reconciled) return;
    const final = settled();
    untrack(() => {
      const now = snapshotOf(app);
      if (final) {
        reconciled = true;
        const { state, notices } = reconcileUrlState(now, dataset, index);
        app.applyUrl(state, 'replace');
        notices.forEach((n) => app.notify(n));
        return;
      }
      if (categoriesChecked) return;
      categoriesChecked = true;
      // Only the categories for now: the rest waits for the draft (and is checked then).
      const { state, notices } = reconcileUrlState({ ...now, actors: [], tags: [], event: null }, dataset, index);
      app.applyUrl({ ...state, actors: now.actors, tags: now.tags, event: now.event }, 'replace');
      notices.forEach((n) => app.notify(n));
    });
  });
}
