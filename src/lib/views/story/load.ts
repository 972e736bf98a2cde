import type { Component } from 'svelte';

/**
 * The story views load when a story opens (a link, the host page, the Stories tab) or the Stories
 * tab is chosen: most sessions never read one, and the initial load budget (scripts/size-budget.mjs)
 * has no room for them. The reader's state (state/story.svelte.ts) comes with them.
 */
let panel: Promise<Component> | null = null;
let list: Promise<Component> | null = null;

export function loadStoryPanel(): Promise<Component> {
  panel ??= import('./StoryPanel.svelte').then((m) => m.default);
  return panel;
}

export function loadStoryList(): Promise<Component> {
  list ??= import('./StoryList.svelte').then((m) => m.default);
  return list;
}
