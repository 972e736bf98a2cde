import { untrack } from 'svelte';
import type { AppState } from './app-state.svelte';
import { decodeUrlState, encodeUrlState, reconcileUrlState } from './url';
import { restoreUrlState } from './url-restore.svelte';
import { applyUrlState, snapshotOf } from './url-apply';

/**
 * Keeps the query string and the app state in step: state → URL on every change (pushing
 * discrete changes, replacing continuous ones), URL → state on load and on back/forward.
 * Call during App's initialisation.
 */
export function useUrlSync(app: AppState): void {
  restoreUrlState(app);

  $effect(() => {
    const encoded = encodeUrlState(snapshotOf(app), new URLSearchParams(location.search));
    untrack(() => {
      const current = location.search.replace(/^\?/, '');
      const mode = app.historyMode;
      app.historyMode = 'push';
      if (encoded === current) return;
      const url = `${location.pathname}${encoded ? `?${encoded}` : ''}${location.hash}`;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    });
  });

  $effect(() => {
    const onpop = () => {
      const { state, notices } = decodeUrlState(location.search);
      const dataset = app.dataset;
      const index = app.index;
      const checked = dataset && index ? reconcileUrlState(state, dataset, index) : { state, notices: [] };
      app.historyMode = 'replace';
      applyUrlState(app, checked.state);
      [...notices, ...checked.notices].forEach((n) => app.notify(n));
    };
    window.addEventListener('popstate', onpop);
    return () => window.removeEventListener('popstate', onpop);
  });
}
