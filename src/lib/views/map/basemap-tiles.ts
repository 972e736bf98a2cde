/**
 * The offline basemap, drawn from tiles. Leaflet's vector renderer re-projected, clipped and
 * redrew every country shape on each move and zoom: at 100k events that was the slowest part of
 * a map move. Here the shapes are projected once into world units (world-shapes.ts); a tile
 * (256 px at one zoom) draws only the shapes whose box meets it, tiles are drawn a few at a time
 * between frames and kept, and the view's one canvas is put together from them: a move copies
 * tiles instead of redrawing countries. The tiles stay off the page: a canvas on the page is a
 * layer of its own for the compositor, and twenty new ones in a frame cost more to commit than
 * copying them into one. Leaflet-free: leaflet-adapter.ts positions the view's canvas.
 */
import { shapesIn, tileBox, TILE_SIZE, type ShapeSet } from './world-shapes';
import type { WorldShapes } from './basemap-shapes';
import type { Viewport } from './marker-layer';

export interface BasemapColors {
  sea: string;
  land: string;
  line: string;
  /** Borders between a country's regions (provinces, oblasts, districts). */
  region: string;
}

/** Width of coastlines and borders, CSS px, at every zoom. */
const LINE_PX = 0.7;
/** Width of region borders: below the countries', drawn under them. */
const REGION_PX = 0.6;

/** Paints tiles from projected shapes. */
export class BasemapPainter {
  constructor(readonly shapes: WorldShapes) {}

  paint(
    canvas: HTMLCanvasElement,
    x: number,
    y: number,
    z: number,
    colors: BasemapColors,
    dpr: number,
    regions: readonly ShapeSet[] = [],
  ): void {
    const size = Math.round(TILE_SIZE * dpr);
    if (canvas.width !== size || canvas.height !== size) {
      canvas.width = size;
      canvas.height = size;
    }
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = colors.sea;
    ctx.fillRect(0, 0, size, size);
    // World units → this tile's device pixels.
    const k = 2 ** z * dpr;
    ctx.setTransform(k, 0, 0, k, -x * size, -y * size);
    const box = tileBox(x, y, z);
    const { land, lines } = this.shapes;
    const fill = new Path2D();
    // Filled, so each ring closes itself. In Chromium each closePath costs time in proportion to
    // the path so far: the 1:50m world's 1,631 rings took 154 ms to trace with it, 2.4 ms without.
    for (const i of shapesIn(land, box)) trace(fill, land, i);
    ctx.fillStyle = colors.land;
    ctx.fill(fill, 'evenodd');
    ctx.lineJoin = 'round';
    if (regions.length > 0) {
      const inner = new Path2D();
      const regionMargin = REGION_PX / 2 ** z;
      for (const set of regions) for (const i of shapesIn(set, box, regionMargin)) trace(inner, set, i);
      ctx.lineWidth = regionMargin;
      ctx.strokeStyle = colors.region;
      ctx.stroke(inner);
    }
    const stroke = new Path2D();
    const margin = LINE_PX / 2 ** z;
    for (const i of shapesIn(lines, box, margin)) trace(stroke, lines, i);
    ctx.lineWidth = margin;
    ctx.strokeStyle = colors.line;
    ctx.stroke(stroke);
    // A CPU canvas rasterises what it recorded when it is first read: do it now, in this job,
    // not in the frame that copies the tile into the view.
    ctx.getImageData(0, 0, 1, 1);
  }
}

function trace(path: Path2D, set: ShapeSet, shape: number): void {
  const { points, starts } = set;
  const end = 2 * starts[shape + 1]!;
  let at = 2 * starts[shape]!;
  path.moveTo(points[at]!, points[at + 1]!);
  for (at += 2; at < end; at += 2) path.lineTo(points[at]!, points[at + 1]!);
}

/**
 * Runs tile jobs between frames: after each frame, one task draws tiles until it has spent
 * `budgetMs`, so a zoom that needs twenty tiles never makes one long frame.
 */
export class TileQueue {
  #jobs: { key: string; draw: () => void }[] = [];
  #scheduled = false;

  constructor(private readonly budgetMs = 6) {}

  /** A job per key: adding a key already waiting keeps its place and takes the new job. */
  add(key: string, draw: () => void): void {
    const waiting = this.#jobs.find((job) => job.key === key);
    if (waiting) waiting.draw = draw;
    else this.#jobs.push({ key, draw });
    this.#schedule();
  }

  /** Drops the jobs `keep` says no (tiles the view no longer needs). */
  retain(keep: (key: string) => boolean): void {
    this.#jobs = this.#jobs.filter((job) => keep(job.key));
  }

  clear(): void {
    this.#jobs = [];
  }

  #schedule(): void {
    if (this.#scheduled || this.#jobs.length === 0) return;
    this.#scheduled = true;
    // Right after the next frame: the frame that shows a move (markers, the stand-in basemap)
    // goes first, then one batch of tiles per frame.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => this.#run(), 0));
    else setTimeout(() => this.#run(), 0);
  }

  #run(): void {
    this.#scheduled = false;
    const started = performance.now();
    while (this.#jobs.length > 0 && performance.now() - started < this.budgetMs) this.#jobs.shift()!.draw();
    this.#schedule();
  }
}

/** Drawn tiles by key, the least recently used dropped past `capacity` (256 × 256 × 4 bytes each). */
export class TileCache {
  #tiles = new Map<string, HTMLCanvasElement>();

  constructor(private capacity = 64) {}

  /** Keeps at least this many (a large screen's view needs more tiles). */
  ensure(capacity: number): void {
    this.capacity = Math.max(this.capacity, capacity);
  }

  /** A kept tile, without counting it as used. */
  peek(key: string): HTMLCanvasElement | undefined {
    return this.#tiles.get(key);
  }

  take(key: string): HTMLCanvasElement | undefined {
    const tile = this.#tiles.get(key);
    if (tile) {
      this.#tiles.delete(key);
      this.#tiles.set(key, tile);
    }
    return tile;
  }

  put(key: string, tile: HTMLCanvasElement): void {
    this.#tiles.delete(key);
    this.#tiles.set(key, tile);
    while (this.#tiles.size > this.capacity) this.#tiles.delete(this.#tiles.keys().next().value!);
  }

  clear(): void {
    this.#tiles.clear();
  }

  keys(): IterableIterator<string> {
    return this.#tiles.keys();
  }
}

/** A drawn tile's name in the cache: the shapes' detail, the zoom, the tile and the pixel ratio. */
function tileKey(detail: string, zoom: number, x: number, y: number, dpr: number): string {
  return `${detail}/${zoom}/${x}/${y}/${dpr}`;
}

/** What the view draws with: the painter for a zoom, its detail, and the colours. */
export interface BasemapSource {
  painter(zoom: number): { detail: string; painter: BasemapPainter };
  colors(): BasemapColors;
  /** Region borders loaded for a box (world units) at a zoom; asking requests the rest. */
  regions?(zoom: number, box: readonly number[]): ShapeSet[];
}

/**
 * The view's basemap canvas, put together from tiles at the view's exact zoom (zooms snap to
 * quarter levels, so tiles are never scaled and lines stay sharp). Missing tiles are queued;
 * until they arrive, the kept tiles of the zoom before stand in for them, scaled (as Leaflet's
 * tile layers keep their old tiles), and each tile is copied in as soon as it is drawn.
 */
export class BasemapView {
  readonly canvas: HTMLCanvasElement = document.createElement('canvas');
  readonly #queue = new TileQueue();
  readonly #cache: TileCache;
  #view: Viewport | null = null;
  /** Tiles the current view needs and lacks. */
  #missing = new Set<string>();
  /** Kept tiles drawn before region borders they show arrived: shown, and drawn again. */
  readonly #stale = new Set<string>();
  /** Called whenever the view has every tile it needs. */
  onsettled: (() => void) | null = null;

  constructor(
    private readonly source: BasemapSource,
    cacheTiles = 96,
  ) {
    this.canvas.className = 'faultline-basemap';
    this.canvas.style.pointerEvents = 'none';
    this.#cache = new TileCache(cacheTiles);
  }

  /** After every move or resize, and when the theme or the detail changes. */
  render(view: Viewport): void {
    const last = this.#view;
    const dpr = view.pixelRatio;
    const w = Math.round(view.width * dpr);
    const h = Math.round(view.height * dpr);
    const ctx = this.canvas.getContext('2d', { alpha: false });
    if (!ctx) return;
    const colors = this.source.colors();
    const tiles = this.#tilesFor(view);
    // Asked for the whole view at once, so its region borders load together.
    this.source.regions?.(
      view.zoom,
      [view.left, view.top, view.left + view.width, view.top + view.height].map(
        (v) => (v / view.worldSize) * TILE_SIZE,
      ),
    );
    // Room for this view and the one before it (zooming back costs nothing).
    this.#cache.ensure(2 * tiles.length);
    const missing = tiles.filter((t) => !this.#cache.take(t.key));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.canvas.style.width = `${view.width}px`;
      this.canvas.style.height = `${view.height}px`;
    }
    this.#view = view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = colors.sea;
    ctx.fillRect(0, 0, w, h);
    // The zoom before (or this one, drawn in the other detail) stands in for what is missing.
    if (missing.length > 0) this.#standIn(ctx, missing, last?.zoom ?? view.zoom, view);
    this.#missing = new Set(missing.map((t) => t.key));
    const wanted = new Set(tiles.map((t) => t.key));
    this.#queue.retain((key) => this.#missing.has(key) || (this.#stale.has(key) && wanted.has(key)));
    for (const t of tiles) {
      if (this.#missing.has(t.key)) this.#queue.add(t.key, () => this.#draw(t));
      else {
        this.#blit(t);
        if (this.#stale.has(t.key)) this.#queue.add(t.key, () => this.#draw(t));
      }
    }
    if (this.#missing.size === 0) this.onsettled?.();
  }

  /** Tiles drawn so far are of no use: the theme or the shapes changed. */
  invalidate(): void {
    this.#cache.clear();
    this.#stale.clear();
    if (this.#view) this.render(this.#view);
  }

  /**
   * Region borders arrived for a box (world units): the kept tiles that meet it stay on screen
   * and are drawn again between frames, so nothing flashes while they are.
   */
  refresh(box: readonly number[]): void {
    for (const key of this.#cache.keys()) {
      const [, zoom, x, y] = key.split('/').map(Number) as [number, number, number, number];
      const [x0, y0, x1, y1] = tileBox(x, y, zoom);
      if (x0 <= box[2]! && x1 >= box[0]! && y0 <= box[3]! && y1 >= box[1]!) this.#stale.add(key);
    }
    if (this.#view) this.render(this.#view);
  }

  dispose(): void {
    this.#queue.clear();
    this.#cache.clear();
  }

  /**
   * Draws the kept tiles of zoom `from` that cover the missing tiles, scaled to `view`. Tiles
   * that arrive later are copied over them; the available ones are copied over them right after.
   */
  #standIn(
    ctx: CanvasRenderingContext2D,
    missing: readonly { x: number; y: number }[],
    from: number,
    view: Viewport,
  ): void {
    // New world px → old world px; tile coordinates scale the same way.
    const scale = 2 ** (from - view.zoom);
    const x0 = Math.floor(Math.min(...missing.map((t) => t.x)) * scale);
    const y0 = Math.floor(Math.min(...missing.map((t) => t.y)) * scale);
    const x1 = Math.floor((Math.max(...missing.map((t) => t.x)) + 1 - 1e-9) * scale);
    const y1 = Math.floor((Math.max(...missing.map((t) => t.y)) + 1 - 1e-9) * scale);
    const dpr = view.pixelRatio;
    const size = (TILE_SIZE / scale) * dpr;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const tile =
          this.#cache.peek(tileKey('fine', from, x, y, dpr)) ?? this.#cache.peek(tileKey('coarse', from, x, y, dpr));
        if (tile)
          ctx.drawImage(
            tile,
            ((x * TILE_SIZE) / scale - view.left) * dpr,
            ((y * TILE_SIZE) / scale - view.top) * dpr,
            size,
            size,
          );
      }
    }
  }

  #tilesFor(view: Viewport): { key: string; x: number; y: number; zoom: number }[] {
    const { detail } = this.source.painter(view.zoom);
    const n = view.worldSize / TILE_SIZE;
    const x0 = Math.max(0, Math.floor(view.left / TILE_SIZE));
    const y0 = Math.max(0, Math.floor(view.top / TILE_SIZE));
    const x1 = Math.min(Math.ceil(n) - 1, Math.floor((view.left + view.width) / TILE_SIZE));
    const y1 = Math.min(Math.ceil(n) - 1, Math.floor((view.top + view.height) / TILE_SIZE));
    const out: { key: string; x: number; y: number; zoom: number; d: number }[] = [];
    // The view's middle first: tiles are drawn in this order.
    const cx = (view.left + view.width / 2) / TILE_SIZE;
    const cy = (view.top + view.height / 2) / TILE_SIZE;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        out.push({
          key: tileKey(detail, view.zoom, x, y, view.pixelRatio),
          x,
          y,
          zoom: view.zoom,
          d: (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2,
        });
      }
    }
    return out.sort((a, b) => a.d - b.d);
  }

  #draw(t: { key: string; x: number; y: number; zoom: number }): void {
    const tile = document.createElement('canvas');
    const regions = this.source.regions?.(t.zoom, tileBox(t.x, t.y, t.zoom)) ?? [];
    this.source
      .painter(t.zoom)
      .painter.paint(tile, t.x, t.y, t.zoom, this.source.colors(), this.#view?.pixelRatio ?? 1, regions);
    this.#cache.put(t.key, tile);
    const stale = this.#stale.delete(t.key);
    if (!this.#missing.delete(t.key)) {
      if (stale) this.#blit(t);
      return;
    }
    this.#blit(t);
    if (this.#missing.size === 0) this.onsettled?.();
  }

  #blit(t: { key: string; x: number; y: number }): void {
    const view = this.#view;
    const tile = this.#cache.take(t.key);
    const ctx = this.canvas.getContext('2d', { alpha: false });
    if (!view || !tile || !ctx) return;
    const dpr = view.pixelRatio;
    ctx.drawImage(
      tile,
      Math.round((t.x * TILE_SIZE - view.left) * dpr),
      Math.round((t.y * TILE_SIZE - view.top) * dpr),
    );
  }
}
