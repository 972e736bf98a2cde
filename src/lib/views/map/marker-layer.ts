/**
 * Every event marker on one <canvas>: the app must carry 100k events, so there is never a DOM
 * node or a Leaflet layer per event. This class is Leaflet-free bookkeeping (cluster, order,
 * paint, hit-test); leaflet-adapter.ts owns the Leaflet layer that positions the canvas and
 * hands it a Viewport after every move.
 */
import { isOneSpot, membersOf, type Clusters } from './cluster';
import { GridCache } from './grid-cache';
import { cancelIdle, whenIdle } from '../idle';
import { CountLabels } from './count-labels';
import {
  paintCluster,
  paintHoverHalo,
  paintHoverRing,
  paintMarker,
  paintSelectionRing,
  PALETTES,
  type Palette,
  type Scheme,
} from './paint';
import type { RowDelta } from '../../query/brushing';
import type { Projected } from './projection';
import { CLUSTER_CELL, CLUSTER_MERGE, clusterRadius, hitRadius, markerStyle, shapeFor, type Emphasis } from './symbols';
import { fitCanvas } from './canvas-fit';

export interface MarkerData {
  projected: Projected;
  /** Visible rows, ascending (row numbers are in time order; a cluster's members keep it). */
  rows: Uint32Array;
  category: Uint16Array;
  locationPrecision: Uint8Array;
  status: Uint8Array;
  /** #rrggbb per category index. */
  colors: readonly string[];
  idOf: (row: number) => string;
}

/** Where the canvas sits in the world at the current zoom, all in CSS pixels. */
export interface Viewport {
  zoom: number;
  minZoom: number;
  maxZoom: number;
  worldSize: number;
  /** World pixel of the canvas's top-left corner. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** World pixel of the map container's top-left corner (for the test hook). */
  containerLeft: number;
  containerTop: number;
  pixelRatio: number;
}

/** What the pointer is on; x/y are world pixels at the zoom of the last render. */
export type Picked =
  | { kind: 'marker'; row: number; x: number; y: number }
  | { kind: 'cluster'; rows: Uint32Array; x: number; y: number; oneSpot: boolean };

/** The test hook lists at most this many drawn items, in container pixels. */
const HOOK_LIMIT = 500;

/** How long the map must be still (no move, no new rows) before grids are built ahead. */
const QUIET_MS = 200;

/** Rows of a highlighted span looked up per paint (see #paintSpan). */
const MAX_SPAN_ROWS = 20_000;

export class MarkerCanvas {
  readonly canvas: HTMLCanvasElement = document.createElement('canvas');
  /** Milliseconds spent in the last cluster and paint passes (read by benchmarks). */
  readonly timings = { cluster: 0, paint: 0 };
  #data: MarkerData | null = null;
  #view: Viewport | null = null;
  #clusters: Clusters | null = null;
  /** The sums behind #clusters: for this zoom, kept from others, built ahead for the next. */
  readonly #grids = new GridCache();
  #ahead = 0;
  #aheadIdle = 0;
  /** Cluster indices in paint order: coarse places first so finer marks stay on top. */
  #order = new Uint32Array(0);
  #selected: number | null = null;
  #hovered: number | null = null;
  /** Rows of a summary bar under the pointer: their clusters get the hover ring. */
  #spanRows: Uint32Array | null = null;
  #palette: Palette = PALETTES.light;
  readonly #labels = new CountLabels();
  /** Called when the clusters change (a move, new rows): the basemap's names keep clear of them. */
  onclusters: (() => void) | null = null;

  /** @param hook element that gets the data-markers attribute that browser tests read */
  constructor(private readonly hook: HTMLElement | null) {
    this.canvas.className = 'faultline-markers';
    this.canvas.style.pointerEvents = 'none';
  }

  /** New rows to draw; with `delta`, the clusters are updated by the rows that changed. */
  setData(data: MarkerData, delta: RowDelta | null = null): void {
    const last = this.#data;
    const same = last !== null && last.projected === data.projected && last.category === data.category;
    this.#data = data;
    const started = performance.now();
    if (!(delta && same && this.#grids.update(delta, data.rows))) {
      const { x, y } = data.projected;
      this.#grids.reset(
        { x, y, category: data.category, categories: data.colors.length, cell: CLUSTER_CELL, merge: CLUSTER_MERGE },
        data.rows,
      );
    }
    this.#recount(started);
    this.#paint();
    this.#planAhead();
  }

  /** The same rows in a new array (a filter result that changed nothing): later deltas refer to it. */
  follow(rows: Uint32Array): void {
    if (this.#data) this.#data = { ...this.#data, rows };
    this.#grids.follow(rows);
  }

  /** Stops building ahead (the layer is leaving the map). */
  dispose(): void {
    clearTimeout(this.#ahead);
    cancelIdle(this.#aheadIdle);
  }

  setHighlight(selected: number | null, hovered: number | null): void {
    if (selected === this.#selected && hovered === this.#hovered) return;
    this.#selected = selected;
    this.#hovered = hovered;
    this.#paint();
  }

  setSpanRows(rows: Uint32Array | null): void {
    if (rows === this.#spanRows) return;
    this.#spanRows = rows;
    this.#paint();
  }

  setScheme(scheme: Scheme): void {
    if (this.#palette === PALETTES[scheme]) return;
    this.#palette = PALETTES[scheme];
    this.#paint();
  }

  /** After every move or resize: the canvas now covers `view`. */
  render(view: Viewport): void {
    this.#view = view;
    fitCanvas(this.canvas, view);
    this.#recount(performance.now());
    this.#paint();
    this.#planAhead();
  }

  /** The clusters of the view, from a grid that covers it (summed now only when none does). */
  #recount(started: number): void {
    const view = this.#view;
    const grid = view && this.#grids.gridFor(view);
    if (!grid) return;
    this.#setClusters(grid.clusters(this.#grids.rows, view));
    this.timings.cluster = performance.now() - started;
  }

  /**
   * Once the map has been still for QUIET_MS, lists the clusters' members (a hover asks for them)
   * and builds the grids of the next zooms, in idle slices of a few ms, so that neither waits for
   * a pass over every visible row. Any move or new rows starts over.
   */
  #planAhead(): void {
    clearTimeout(this.#ahead);
    cancelIdle(this.#aheadIdle);
    this.#ahead = window.setTimeout(() => {
      const view = this.#view;
      const clusters = this.#clusters;
      if (!view) return;
      this.#grids.plan(view);
      const slice = (more: () => boolean): void => {
        const left = (clusters?.listMembers(more) ?? false) || this.#grids.work(more);
        if (left) this.#aheadIdle = whenIdle(slice);
      };
      this.#aheadIdle = whenIdle(slice);
    }, QUIET_MS);
  }

  #setClusters(c: Clusters): void {
    const data = this.#data!;
    // Paint order by bucket: country (0), region, city, site (3) singles, then clusters (4) on top.
    const bucketOf = (k: number): number =>
      c.count[k]! > 1 ? 4 : 4 - Math.min(4, data.locationPrecision[c.single[k]!]!);
    const order = new Uint32Array(c.length);
    let at = 0;
    for (let bucket = 0; bucket <= 4; bucket++)
      for (let k = 0; k < c.length; k++) if (bucketOf(k) === bucket) order[at++] = k;
    this.#clusters = c;
    this.#order = order;
    this.onclusters?.();
  }

  /** What the clusters draw, as discs (x, y, radius, flattened; world px at `zoom`); null before any. */
  discs(): { zoom: number; discs: Float64Array } | null {
    const c = this.#clusters;
    const data = this.#data;
    const view = this.#view;
    if (!c || !data || !view) return null;
    const out = new Float64Array(c.length * 3);
    for (let k = 0; k < c.length; k++) {
      let r = clusterRadius(c.count[k]!) + 1;
      if (c.count[k]! === 1) {
        const row = c.single[k]!;
        const style = markerStyle(data.locationPrecision[row]!, data.status[row]!);
        r = style.radius + style.strokeWidth / 2 + 1;
      }
      out[3 * k] = c.x[k]!;
      out[3 * k + 1] = c.y[k]!;
      out[3 * k + 2] = r;
    }
    return { zoom: view.zoom, discs: out };
  }

  /** True when the last render drew the row as a marker of its own (not inside a cluster). */
  drawnAlone(row: number): boolean {
    const k = this.#clusterOf(row);
    return k >= 0 && this.#clusters!.count[k] === 1;
  }

  /** The cluster that drew a row, or -1 when the row is not drawn (filtered out or off canvas). */
  #clusterOf(row: number | null): number {
    return row === null || !this.#clusters ? -1 : this.#clusters.clusterOf(row);
  }

  #paintRow(ctx: CanvasRenderingContext2D, row: number, x: number, y: number, emphasis: Emphasis): void {
    const data = this.#data!;
    const style = markerStyle(data.locationPrecision[row]!, data.status[row]!, emphasis);
    const cat = data.category[row]!;
    if (emphasis === 'hover') paintHoverHalo(ctx, x, y, Math.max(style.radius + 3, style.halo), this.#palette);
    paintMarker(ctx, x, y, shapeFor(cat), style, data.colors[cat] ?? '#777777', this.#palette);
    if (emphasis === 'selected') paintSelectionRing(ctx, x, y, style.radius + 2, this.#palette);
  }

  /**
   * Rings the clusters and markers that hold a summary bar's events. A bar may hold most of the
   * data: the rows looked at are capped, so a hover never costs more than MAX_SPAN_ROWS lookups.
   */
  #paintSpan(ctx: CanvasRenderingContext2D, view: Viewport): void {
    const rows = this.#spanRows;
    const c = this.#clusters;
    if (!rows || !c) return;
    const ringed = new Set<number>();
    for (let i = 0; i < Math.min(rows.length, MAX_SPAN_ROWS); i++) {
      const k = c.clusterOf(rows[i]!);
      if (k < 0 || ringed.has(k)) continue;
      ringed.add(k);
      const x = c.x[k]! - view.left;
      const y = c.y[k]! - view.top;
      if (c.count[k]! === 1) this.#paintRow(ctx, c.single[k]!, x, y, 'hover');
      else paintHoverRing(ctx, x, y, clusterRadius(c.count[k]!) + 4, this.#palette);
    }
  }

  #paint(): void {
    const ctx = this.canvas.getContext('2d');
    const data = this.#data;
    const view = this.#view;
    const c = this.#clusters;
    if (!ctx || !view) return;
    const started = performance.now();
    ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
    ctx.clearRect(0, 0, view.width, view.height);
    if (!data || !c) return;
    for (const k of this.#order) {
      const x = c.x[k]! - view.left;
      const y = c.y[k]! - view.top;
      if (c.count[k]! > 1)
        paintCluster(
          ctx,
          x,
          y,
          c.count[k]!,
          c.category[k]! >= 0 ? (data.colors[c.category[k]!] ?? null) : null,
          this.#palette,
          this.#labels,
          view.pixelRatio,
        );
      else this.#paintRow(ctx, c.single[k]!, x, y, 'normal');
    }
    this.#paintSpan(ctx, view);
    // Hovered and selected rows are drawn again on top. Inside a cluster the disc gets the ring
    // instead, so its count stays readable and it stays the thing to click.
    for (const [row, emphasis] of [
      [this.#hovered, 'hover'],
      [this.#selected, 'selected'],
    ] as const) {
      const k = emphasis === 'hover' && row === this.#selected ? -1 : this.#clusterOf(row);
      if (k < 0 || row === null) continue;
      const x = c.x[k]! - view.left;
      const y = c.y[k]! - view.top;
      if (c.count[k]! === 1) this.#paintRow(ctx, row, x, y, emphasis);
      else if (emphasis === 'selected') paintSelectionRing(ctx, x, y, clusterRadius(c.count[k]!) + 1, this.#palette);
      else paintHoverRing(ctx, x, y, clusterRadius(c.count[k]!) + 4, this.#palette);
    }
    this.timings.paint = performance.now() - started;
    this.#writeHook();
  }

  /** The topmost item under a world pixel, searched in reverse paint order. */
  hitTest(wx: number, wy: number): Picked | null {
    const data = this.#data;
    const view = this.#view;
    const c = this.#clusters;
    if (!data || !view || !c) return null;
    const near = (x: number, y: number, r: number): boolean => (x - wx) ** 2 + (y - wy) ** 2 <= r * r;
    // The emphasised copies drawn on top are not tested on purpose: a selected event inside a
    // cluster must leave the cluster clickable, or its neighbours could not be reached again.
    for (let i = this.#order.length - 1; i >= 0; i--) {
      const k = this.#order[i]!;
      const x = c.x[k]!;
      const y = c.y[k]!;
      if (c.count[k]! > 1) {
        if (near(x, y, clusterRadius(c.count[k]!) + 2))
          return { kind: 'cluster', rows: membersOf(c, k), x, y, oneSpot: isOneSpot(c, k, view.maxZoom) };
      } else {
        const row = c.single[k]!;
        if (near(x, y, hitRadius(markerStyle(data.locationPrecision[row]!, data.status[row]!))))
          return { kind: 'marker', row, x, y };
      }
    }
    return null;
  }

  /** data-markers: JSON [{id, count, x, y}] in container pixels, topmost last; id is null for clusters. */
  #writeHook(): void {
    const data = this.#data;
    const view = this.#view;
    const c = this.#clusters;
    if (!this.hook || !data || !view || !c) return;
    const items: { id: string | null; count: number; x: number; y: number }[] = [];
    for (let i = Math.max(0, this.#order.length - HOOK_LIMIT); i < this.#order.length; i++) {
      const k = this.#order[i]!;
      const count = c.count[k]!;
      items.push({
        id: count === 1 ? data.idOf(c.single[k]!) : null,
        count,
        x: Math.round((c.x[k]! - view.containerLeft) * 10) / 10,
        y: Math.round((c.y[k]! - view.containerTop) * 10) / 10,
      });
    }
    this.hook.dataset['markers'] = JSON.stringify(items);
  }
}
