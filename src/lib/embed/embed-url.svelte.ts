import { untrack } from 'svelte';
import type { AppState } from '../state/app-state.svelte';
import { decodeUrlState, reconcileUrlState } from '../state/url';
import { applyUrlState, snapshotOf } from '../state/url-apply';

/**
 * Embed mode reads its view from the URL once and never writes history: a frame's history
 * entries join the host page's, so an embed that pushed them would take over the host's Back
 * button. The current view still travels: "Open full view" and the host-page API carry it.
 * Call during App's initialisation instead of useUrlSync.
 */
export function useEmbedUrlState(app: AppState): void {
  const initial = decodeUrlState(location.search);
  app.historyMode = 'replace';
  applyUrlState(app, initial.state);
  initial.notices.forEach((n) => app.notify(n));
  let reconciled = false;

  // Names in the URL can only be checked once the data is there (as url-sync does).
  $effect(() => {
    const { dataset, index } = app;
    if (!dataset || !index || reconciled) return;
    reconciled = true;
    untrack(() => {
      const { state, notices } = reconcileUrlState(snapshotOf(app), dataset, index);
      app.historyMode = 'replace';
      applyUrlState(app, state);
      notices.forEach((n) => app.notify(n));
    });
  });
}
