/**
 * The Share dialog and the Data menu load when first opened: neither is on screen at start, and
 * the initial load budget (150 KB gzip, scripts/size-budget.mjs) keeps room for what is (the
 * interface's English messages among it). Once loaded they stay mounted, so closing and opening
 * again costs nothing.
 */
type ShareDialog = typeof import('./ShareDialog.svelte').default;
type DataMenu = typeof import('../controls/DataMenu.svelte').default;

let share: Promise<ShareDialog> | null = null;
let data: Promise<DataMenu> | null = null;

export function loadShareDialog(): Promise<ShareDialog> {
  share ??= import('./ShareDialog.svelte').then((m) => m.default);
  return share;
}

export function loadDataMenu(): Promise<DataMenu> {
  data ??= import('../controls/DataMenu.svelte').then((m) => m.default);
  return data;
}

type EventForm = typeof import('../edit/EventForm.svelte').default;
let form: Promise<EventForm> | null = null;

/** The event form, likewise: loaded when an event is first added or edited. */
export function loadEventForm(): Promise<EventForm> {
  form ??= import('../edit/EventForm.svelte').then((m) => m.default);
  return form;
}
