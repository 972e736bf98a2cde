/**
 * The cluster grids of one set of rows: the one in use, those kept from zooms and places left,
 * and those built ahead for the zooms one button press or wheel notch away. A new zoom sums
 * every visible row (~20 ms at 1M in Chromium); built ahead, in idle slices, the zoom only
 * reads the cells it shows. Leaflet- and DOM-free: MarkerCanvas decides when to call work().
 */
import { ClusterGrid } from './cluster-grid';
import type { RowDelta } from '../../query/brushing';
import { worldSize } from './projection';

/** What the grids are built from, besides the rows and the area. */
export interface GridSource {
  x: Float64Array;
  y: Float64Array;
  category: ArrayLike<number>;
  categories: number;
  cell: number;
  merge: number;
}

/** An area of the world at one zoom, in world pixels. */
export interface ZoomArea {
  worldSize: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A view to plan from: its area and the zooms the map allows. */
export interface ZoomView extends ZoomArea {
  zoom: number;
  minZoom: number;
  maxZoom: number;
}

/**
 * A grid sums its view and this share of the view's size beyond each edge, so a pan that ends
 * within it reclusters nothing: cells are fixed to the world, only which of them show changes.
 */
const AREA_MARGIN = 0.5;

/** Grids kept for zooms left or built ahead, so zooming back reclusters nothing either. */
const GRIDS_KEPT = 8;

/**
 * Leaflet's zoom for one 120 px notch of a mouse wheel at its default wheelPxPerZoomLevel (60)
 * and our zoomSnap (0.25): 4·log2(2 / (1 + e^-0.5)), rounded up to a quarter.
 */
export const WHEEL_NOTCH = 1.5;

/** Rows summed per slice of work ahead: ~0.5 ms, so a slice never holds up an input for long. */
const SLICE_ROWS = 32_768;

export class GridCache {
  #source: GridSource | null = null;
  #rows: Uint32Array = new Uint32Array(0);
  #current: ClusterGrid | null = null;
  /** Grids of the current rows for other zooms or places, most recent last. */
  #kept: ClusterGrid[] = [];
  /** Areas to build ahead, in order, and the one being built. */
  #queue: ZoomArea[] = [];
  #building: { grid: ClusterGrid; next: number } | null = null;
  /** How many grids were summed from every row while a view waited (not ahead): for tests and benchmarks. */
  builtOnDemand = 0;

  /** New rows (or new positions): every grid is dropped. */
  reset(source: GridSource, rows: Uint32Array): void {
    this.#source = source;
    this.#rows = rows;
    this.#current = null;
    this.#drop();
  }

  /**
   * The rows changed by `delta` (its `from` must be the current rows): the grid in use is updated
   * by the rows that changed; the others would need the same update, so they are dropped and
   * built again when asked for. False when there is nothing to update (the caller resets).
   */
  update(delta: RowDelta, rows: Uint32Array): boolean {
    if (!this.#current || delta.from !== this.#rows) return false;
    this.#current.add(delta.left, -1);
    this.#current.add(delta.entered, 1);
    this.#rows = rows;
    this.#drop();
    return true;
  }

  /** The same rows in a new array (a filter result that changed nothing): later deltas refer to it. */
  follow(rows: Uint32Array): void {
    this.#rows = rows;
  }

  get rows(): Uint32Array {
    return this.#rows;
  }

  /** A grid that covers `view`: the one in use, a kept one, or a new one summed from every row. */
  gridFor(view: ZoomArea): ClusterGrid | null {
    if (!this.#source) return null;
    if (this.#current?.covers(view)) return this.#current;
    const at = this.#kept.findIndex((g) => g.covers(view));
    const kept = at < 0 ? null : this.#kept.splice(at, 1)[0]!;
    if (this.#current) this.#keep(this.#current);
    this.#current = kept ?? this.#build(areaAround(view));
    if (!kept) this.builtOnDemand++;
    return this.#current;
  }

  /**
   * Plans the grids of the zooms one step away from `view`: a button press (to the next whole
   * level) or a wheel notch, in and out. A zoom-in area is the whole view scaled, since the wheel
   * zooms around the pointer, wherever it is in the view; a zoom-out keeps the view's margin.
   */
  plan(view: ZoomView): void {
    this.#queue = [];
    this.#building = null;
    const z = view.zoom;
    const targets = [z + WHEEL_NOTCH, z - WHEEL_NOTCH, Math.floor(z) + 1, Math.ceil(z) - 1]
      .map((t) => Math.min(view.maxZoom, Math.max(view.minZoom, t)))
      .filter((t, i, all) => t !== z && all.indexOf(t) === i);
    const cx = view.left + view.width / 2;
    const cy = view.top + view.height / 2;
    for (const t of targets) {
      const size = worldSize(t);
      const s = size / view.worldSize;
      const grow = Math.max(1 + 2 * AREA_MARGIN, s);
      const area = {
        worldSize: size,
        left: cx * s - (view.width * grow) / 2,
        top: cy * s - (view.height * grow) / 2,
        width: view.width * grow,
        height: view.height * grow,
      };
      if (!this.#covered(area)) this.#queue.push(area);
    }
  }

  /** Whether planned work remains. */
  get pending(): boolean {
    return this.#building !== null || this.#queue.length > 0;
  }

  /** Builds ahead in slices until `more()` says to stop; returns whether work remains. */
  work(more: () => boolean): boolean {
    const source = this.#source;
    if (!source) return false;
    do {
      if (!this.#building) {
        const area = this.#queue.shift();
        if (!area) return false;
        if (this.#covered(area)) continue;
        this.#building = { grid: new ClusterGrid({ ...source, ...area }), next: 0 };
      }
      const b = this.#building;
      const end = Math.min(this.#rows.length, b.next + SLICE_ROWS);
      b.grid.add(this.#rows.subarray(b.next, end), 1);
      b.next = end;
      if (end === this.#rows.length) {
        this.#keep(b.grid);
        this.#building = null;
      }
    } while (more());
    return this.pending;
  }

  #covered(area: ZoomArea): boolean {
    return (this.#current?.covers(area) ?? false) || this.#kept.some((g) => g.covers(area));
  }

  #build(area: ZoomArea): ClusterGrid {
    const grid = new ClusterGrid({ ...this.#source!, ...area });
    grid.add(this.#rows, 1);
    return grid;
  }

  #keep(grid: ClusterGrid): void {
    this.#kept.push(grid);
    if (this.#kept.length > GRIDS_KEPT) this.#kept.shift();
  }

  #drop(): void {
    this.#kept = [];
    this.#queue = [];
    this.#building = null;
  }
}

/** The view and a margin around it (the grid keeps to the world's edges). */
function areaAround(view: ZoomArea): ZoomArea {
  const mx = view.width * AREA_MARGIN;
  const my = view.height * AREA_MARGIN;
  return {
    worldSize: view.worldSize,
    left: view.left - mx,
    top: view.top - my,
    width: view.width + 2 * mx,
    height: view.height + 2 * my,
  };
}
