import type { Component } from 'svelte';

/**
 * The summary's code loads when it is first shown: most sessions look at the list, and the
 * initial load budget (150 KB gzip, scripts/size-budget.mjs) has no room for a view not on screen.
 */
let loading: Promise<Component> | null = null;

export function loadSummaryPanel(): Promise<Component> {
  loading ??= import('./SummaryPanel.svelte').then((m) => m.default);
  return loading;
}

let printing: Promise<Component> | null = null;

/** The summary's print section: loaded in idle time after start, so it is there when printing begins. */
export function loadPrintSummary(): Promise<Component> {
  printing ??= import('./PrintSummary.svelte').then((m) => m.default);
  return printing;
}
