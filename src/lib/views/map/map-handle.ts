/**
 * The contract between MapView.svelte and leaflet-adapter.ts, kept apart from the adapter so
 * the view (and anything else) can name these types without touching Leaflet. A Leaflet 2
 * adapter, or a MapLibre one, would implement the same MapHandle.
 */
import type { MapView } from '../../state/app-state.svelte';
import type { MapMode } from '../../state/map-mode';
import type { RowDelta } from '../../query/brushing';
import type { Credit } from './basemap';
import type { MarkerCanvas, Picked } from './marker-layer';
import type { MapLegendModel, OverlayData, OverlayPick } from './overlay-types';
import type { Scheme } from './paint';
import type { Extent } from './projection';

/** What the pointer is on: a marker or cluster, or a density bin or region in those modes. */
export type MapPick = Picked | OverlayPick;

export interface MapCallbacks {
  /** After every move: the view rounded for the URL, and the bounds normalised for the filters. */
  onmoveend(view: MapView, bounds: Extent): void;
  onmovestart(): void;
  /** The item under the pointer changed (null: nothing). */
  onhover(picked: MapPick | null): void;
  /** A click that did not drag the map. */
  onpick(picked: MapPick | null, at: { lat: number; lon: number }): void;
  /** The legend of the mode shown changed (null: none, as for the clusters). */
  onlegend(legend: MapLegendModel | null): void;
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
  /** `glide`: fly there (a story's step), unless the reader prefers reduced motion. */
  setView(view: MapView, glide?: boolean): void;
  zoomBy(delta: number): void;
  fit(extent: Extent, maxZoom: number, animate: boolean): void;
  /** Zooms towards a cluster's extent by at least one and at most `maxStep` levels. */
  zoomInto(extent: Extent, maxStep: number): void;
  /**
   * Brings a point into view at `minZoom` or deeper: nothing when it shows (32 px in from the
   * edges) and is `alone` (not hidden in a cluster); else it centres on the point, gliding unless
   * the reader prefers reduced motion.
   */
  reveal(lat: number, lon: number, minZoom: number, alone?: boolean): void;
  /** What the map draws; the density and choropleth code loads the first time it is asked for. */
  setMode(mode: MapMode): void;
  /** Loads the modes' code and shapes ahead of a likely switch (the mode menu is pointed at or focused). */
  prepareModes(): void;
  /** The rows the density or choropleth mode draws (the markers get theirs through `markers`). */
  setOverlayData(data: OverlayData, delta: RowDelta | null): void;
  setOverlayHighlight(selected: number | null, hovered: number | null): void;
  /** A world pixel of the last render as a container pixel (to place DOM overlays). */
  toContainer(wx: number, wy: number): { x: number; y: number };
  setScheme(scheme: Scheme): void;
  remove(): void;
}
