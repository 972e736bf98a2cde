// What the map's other modes (density, choropleth) share with the adapter and the view, kept apart
// from their code so that code can load lazily while the types are named everywhere.
import type { RowDelta } from '../../query/brushing';
import type { RegionTallies } from '../../query/regions';
import type { MapMeasure } from '../../state/map-mode';
import type { Viewport } from './marker-layer';
import type { Scheme } from './paint';
import type { Projected } from './projection';
import type { Message } from '../../i18n/types';

/** The rows an overlay draws, as the markers get them. */
export interface OverlayData {
  projected: Projected;
  /** Visible rows, ascending. */
  rows: Uint32Array;
  /** The choropleth's per-region totals of those rows (query/regions.ts), and what it shades by. */
  regions?: { tallies: RegionTallies; measure: MapMeasure; unlocated: number } | null;
}

/** A legend as the view shows it: a title and classes of colour, smallest first. */
export interface MapLegendModel {
  /** Messages, rendered by the legend in the interface's language (a switch needs no redraw). */
  title: Message;
  classes: readonly { color: string; label: string }[];
  /** A note under the classes ("No located events in view"…), or null. */
  note: Message | null;
}

/** What the pointer is on in an overlay mode; x, y are world pixels at the zoom of the last render. */
export type OverlayPick =
  | { kind: 'bin'; count: number; x: number; y: number }
  | { kind: 'region'; code: string; name: string; country: string; value: number; x: number; y: number };

/** A canvas drawn in place of the markers: what the adapter asks of each mode. */
export interface MapOverlay {
  readonly canvas: HTMLCanvasElement;
  /** New rows; with `delta`, counts are updated by the rows that changed. */
  setData(data: OverlayData, delta: RowDelta | null): void;
  render(view: Viewport): void;
  setHighlight(selected: number | null, hovered: number | null): void;
  setScheme(scheme: Scheme): void;
  hitTest(wx: number, wy: number): OverlayPick | null;
  /** Called with the legend whenever it changes (after a render or new rows). */
  onlegend: ((legend: MapLegendModel | null) => void) | null;
  dispose(): void;
}
