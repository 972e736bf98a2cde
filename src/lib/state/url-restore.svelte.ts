import { untrack } from 'svelte';
import type { AppState } from './app-state.svelte';
import { decodeUrlState, reconcileUrlState } from './url';
import { snapshotOf } from './url-apply';

/**
 * Applies the page's query string to the app, then, once the data is there, drops the names
 * it does not have (categories, actors, tags, the event) with a notice. Shared by the full app
 * and embed mode; neither step writes a history entry. Call during a component's initialisation.
 */
export function restoreUrlState(app: AppState): void {
  const initial = decodeUrlState(location.search);
  app.applyUrl(initial.state, 'replace');
  initial.notices.forEach((n) => app.notify(n));
  let reconciled = false;

  $effect(() => {
    const { dataset, index } = app;
    if (!dataset || !index || reconciled) return;
    reconciled = true;
    untrack(() => {
      const { state, notices } = reconcileUrlState(snapshotOf(app), dataset, index);
      app.applyUrl(state, 'replace');
      notices.forEach((n) => app.notify(n));
    });
  });
}
