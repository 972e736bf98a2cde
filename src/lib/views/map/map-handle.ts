/**
 * The contract between MapView.svelte and leaflet-adapter.ts, kept apart from the adapter so
 * the view (and anything else) can name these types without touching Leaflet. A Leaflet 2
 * adapter, or a MapLibre one, would implement the same MapHandle.
 */
import type { MapView } from '../../state/app-state.svelte';
import type { Credit } from './basemap';
import type { MarkerCanvas, Picked } from './marker-layer';
import type { Scheme } from './paint';
import type { Extent } from './projection';

export interface MapCallbacks {
  /** After every move: the view rounded for the URL, and the bounds normalised for the filters. */
  onmoveend(view: MapView, bounds: Extent): void;
  onmovestart(): void;
  /** The item under the pointer changed (null: nothing). */
  onhover(picked: Picked | null): void;
  /** A click that did not drag the map. */
  onpick(picked: Picked | null, at: { lat: number; lon: number }): void;
  /** Something the analyst should know about the map itself (its config, its basemap), in words. */
  onnotice(message: string): void;
  /** The credits for the map's corner changed (the basemap chosen, names drawn or not). */
  oncredits(credits: readonly Credit[]): void;
}

export interface MapHandle {
  readonly markers: MarkerCanvas;
  /** The deepest zoom: the offline basemap's, or the configured tiles' once the config is read. */
  readonly maxZoom: number;
  zoom(): number;
  /** True when the map shows something other than `view`, beyond URL rounding. */
  differs(view: MapView): boolean;
  setView(view: MapView): void;
  zoomBy(delta: number): void;
  fit(extent: Extent, maxZoom: number, animate: boolean): void;
  /** Zooms towards a cluster's extent by at least one and at most `maxStep` levels. */
  zoomInto(extent: Extent, maxStep: number): void;
  /** Pans so the point shows, keeping the zoom unless it is below `minZoom`. */
  reveal(lat: number, lon: number, minZoom: number): void;
  /** A world pixel of the last render as a container pixel (to place DOM overlays). */
  toContainer(wx: number, wy: number): { x: number; y: number };
  setScheme(scheme: Scheme): void;
  remove(): void;
}
