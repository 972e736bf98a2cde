/**
 * The place finder's code (its box, the gazetteer's matching and fetching) loads when a view that
 * shows it first appears: the initial load budget (150 KB gzip) has no room for it.
 */
import type GoToPlace from './GoToPlace.svelte';
import type PlaceCombobox from './PlaceCombobox.svelte';

let combobox: Promise<typeof PlaceCombobox> | null = null;
let goTo: Promise<typeof GoToPlace> | null = null;

/** The event form's place box. */
export function loadPlaceCombobox(): Promise<typeof PlaceCombobox> {
  combobox ??= import('./PlaceCombobox.svelte').then((m) => m.default);
  return combobox;
}

/** The map's "Go to place" box. */
export function loadGoToPlace(): Promise<typeof GoToPlace> {
  goTo ??= import('./GoToPlace.svelte').then((m) => m.default);
  return goTo;
}
