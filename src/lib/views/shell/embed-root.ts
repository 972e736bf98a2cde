/**
 * Embed mode's code (the host-page API and the embed's layout) loads only in an embed: the
 * explorer's initial load (150 KB gzip, scripts/size-budget.mjs) never carries it. The host waits
 * for the `ready` message, which the bridge sends once it and the data are in.
 */
type EmbedRoot = typeof import('./EmbedRoot.svelte').default;

let root: Promise<EmbedRoot> | null = null;

export function loadEmbedRoot(): Promise<EmbedRoot> {
  root ??= import('./EmbedRoot.svelte').then((m) => m.default);
  return root;
}
