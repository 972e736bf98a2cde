import type { AppState } from '../state/app-state.svelte';
import { restoreUrlState } from '../state/url-restore.svelte';

/**
 * Embed mode reads its view from the URL once and never writes history: a frame's history
 * entries join the host page's, so an embed that pushed them would take over the host's Back
 * button. The current view still travels: "Open full view" and the host-page API carry it.
 * Call during App's initialisation instead of useUrlSync.
 */
export function useEmbedUrlState(app: AppState): void {
  restoreUrlState(app);
}
