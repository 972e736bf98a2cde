/**
 * The basemap's names on a canvas of their own, between the basemap and the markers. Laid out per
 * zoom (label-layout.ts) when a view's label tiles are all in, kept, and drawn from sprites: each
 * name with its halo is drawn once into a small canvas (fillText is the slow part) and copied
 * after that, so a pan frame is a few hundred image copies. Names are our bundled data, drawn as
 * canvas text: nothing here is markup. Leaflet-free: leaflet-adapter.ts positions the canvas.
 */
import type { BasemapAssets } from './basemap-assets';
import { LabelKind, type LabelEntry } from './basemap-format';
import {
  BoxGrid,
  discGrid,
  keepsClear,
  LABEL_PAD,
  LABEL_STYLES,
  LabelLayout,
  overlaps,
  relocate,
  type Box,
  type LabelStyle,
  type Moved,
  type PlacedLabel,
} from './label-layout';
import type { Viewport } from './marker-layer';
import { TILE_SIZE } from './world-shapes';
import { fitCanvas } from './canvas-fit';

export interface LabelColors {
  /** Places. */
  text: string;
  /** Country names. */
  country: string;
  /** Region names. */
  region: string;
  /** The halo that keeps a name readable over lines and land. */
  halo: string;
}

/** Layouts kept, one per zoom (quarter levels): zooming back costs nothing. */
const LAYOUTS = 8;
/** Time a draw may spend making sprites before it leaves the rest to the next frame. */
const SPRITE_BUDGET_MS = 6;
/** The test hook lists at most this many names. */
const HOOK_LIMIT = 500;
const KIND_NAMES = ['country', 'region', 'capital', 'city', 'town'] as const;

export class LabelCanvas {
  readonly canvas: HTMLCanvasElement = document.createElement('canvas');
  /** Milliseconds of the last layout and the last draw (read by checks and benchmarks). */
  readonly timings = { layout: 0, draw: 0 };
  #view: Viewport | null = null;
  #colors: LabelColors;
  readonly #layouts = new Map<number, LabelLayout>();
  /**
   * Sprites by what they show (kind, text, size), not by placement: a name keeps its sprite
   * through zooms, so a zoom to a new level draws what it had and makes only the names it adds.
   */
  #sprites = new Map<string, HTMLCanvasElement>();
  #spriteKey = '';
  readonly #widths = new Map<string, number>();
  #measureCtx: CanvasRenderingContext2D | null = null;
  #measureStyle: LabelStyle | null = null;
  /** Markers to keep clear of: their discs at one zoom, and a grid of them (null: not built yet). */
  #discs: { zoom: number; discs: ArrayLike<number> } | null = null;
  #obstacles: { zoom: number; grid: BoxGrid } | null = null;
  /** Names the markers cover, and where they went instead (null: left out), for these obstacles. */
  #moved = new Map<PlacedLabel, Moved | null>();
  #movedTaken = new BoxGrid();
  /** The controls laid over the map (zoom buttons, credits, the "no location" list), container px. */
  #covered: Box[] = [];
  #frame = 0;
  #pending = false;
  #layoutWanted = false;
  #hookTimer = 0;
  #hooked = '';

  constructor(
    private readonly assets: BasemapAssets,
    colors: LabelColors,
    /** Element that gets the data-labels attribute browser tests read. */
    private readonly hook: HTMLElement | null,
    /** Where controls cover the map (container px), asked after every move: no name is drawn under them. */
    private readonly covered: () => Box[] = () => [],
  ) {
    this.#colors = colors;
    this.canvas.className = 'faultline-labels';
    this.canvas.style.pointerEvents = 'none';
  }

  setColors(colors: LabelColors): void {
    this.#colors = colors;
    this.#draw();
  }

  /** The markers' discs (x, y, radius, flattened), in world pixels at `zoom`. */
  setObstacles(zoom: number, discs: ArrayLike<number>): void {
    // Kept as they are: the grid is built by the next draw, the move's own (the markers are drawn
    // first) or, for a brush step, one after the frame, so the markers' repaint never waits for it.
    this.#discs = { zoom, discs };
    this.#obstacles = null;
    this.#schedule(false);
  }

  /**
   * After every move and when label tiles arrive: draws what is placed, and has what the view
   * brings laid out after the frame. A frame in the middle of a pan (`panning`) only draws.
   */
  render(view: Viewport, panning = false): void {
    this.#view = view;
    fitCanvas(this.canvas, view);
    if (!panning) this.#schedule(true);
    this.#draw();
  }

  /**
   * Work for a task of its own, after the frame that shows a move or a brush step, so the markers'
   * repaint never waits for the names: laying out what a view brings (`layout`; a new zoom's layout
   * takes 5–35 ms), measuring the controls over the map, and drawing again for new markers.
   */
  #schedule(layout: boolean): void {
    this.#layoutWanted ||= layout;
    if (this.#pending) return;
    this.#pending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.#pending = false;
        const view = this.#view;
        let changed = this.#obstacles === null && this.#discs !== null;
        if (this.#layoutWanted) {
          this.#layoutWanted = false;
          // Measured after the frame, when the controls are laid out.
          const covered = this.covered();
          changed ||= JSON.stringify(covered) !== JSON.stringify(this.#covered);
          this.#covered = covered;
          if (view && this.#layoutView(view)) changed = true;
        }
        if (changed) this.#draw();
      }, 0),
    );
  }

  /** True if names were placed. */
  #layoutView(view: Viewport): boolean {
    // A margin of names beyond the canvas, so one whose anchor is just off it still shows its text.
    const margin = 96;
    const box: Box = [
      view.left - margin,
      view.top - margin,
      view.left + view.width + margin,
      view.top + view.height + margin,
    ];
    const scale = TILE_SIZE / view.worldSize;
    const { tiles, complete } = this.assets.labels(
      view.zoom,
      box.map((v) => v * scale),
    );
    // Laid out only once every tile of the view is in, so priorities hold across tiles.
    if (!complete) return false;
    const started = performance.now();
    if (!this.#layout(view.zoom).add(tiles, box)) return false;
    this.#forgetMoves();
    this.timings.layout = performance.now() - started;
    // A User Timing entry, so a browser check can read what a view's layout cost.
    performance.measure('faultline:labels-layout', { start: started, end: started + this.timings.layout });
    return true;
  }

  dispose(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#hookTimer);
    this.#layouts.clear();
    this.#sprites.clear();
  }

  #forgetMoves(): void {
    this.#moved = new Map();
    this.#movedTaken = new BoxGrid();
  }

  #layout(zoom: number): LabelLayout {
    let layout = this.#layouts.get(zoom);
    if (layout) this.#layouts.delete(zoom);
    else layout = new LabelLayout(zoom, (text, style) => this.#measure(text, style));
    this.#layouts.set(zoom, layout);
    while (this.#layouts.size > LAYOUTS) this.#layouts.delete(this.#layouts.keys().next().value!);
    return layout;
  }

  #measure(text: string, style: LabelStyle): number {
    const key = `${style.font}|${style.spacing}|${text}`;
    let width = this.#widths.get(key);
    if (width === undefined) {
      this.#measureCtx ??= document.createElement('canvas').getContext('2d');
      const ctx = this.#measureCtx;
      if (!ctx) return text.length * style.size * 0.6;
      // Setting a font parses it, even when it is the same: only when the style changes.
      if (this.#measureStyle !== style) {
        ctx.font = style.font;
        ctx.letterSpacing = `${style.spacing}px`;
        this.#measureStyle = style;
      }
      width = Math.ceil(ctx.measureText(text).width);
      if (this.#widths.size > 50_000) this.#widths.clear();
      this.#widths.set(key, width);
    }
    return width;
  }

  #draw(): void {
    const view = this.#view;
    const ctx = this.canvas.getContext('2d');
    if (!view || !ctx) return;
    const started = performance.now();
    const dpr = view.pixelRatio;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const layout = this.#layouts.get(view.zoom);
    if (!layout) return this.#writeHook([]);
    // Sprites belong to one pixel ratio and one set of colours.
    const spriteKey = `${dpr}|${JSON.stringify(this.#colors)}`;
    if (spriteKey !== this.#spriteKey) {
      this.#sprites = new Map();
      this.#spriteKey = spriteKey;
    }
    if (!this.#obstacles && this.#discs) {
      this.#obstacles = { zoom: this.#discs.zoom, grid: discGrid(this.#discs.discs) };
      this.#forgetMoves();
    }
    const frame: Box = [view.left, view.top, view.left + view.width, view.top + view.height];
    const obstacles = this.#obstacles?.zoom === view.zoom ? this.#obstacles.grid : null;
    const shown: { p: PlacedLabel; box: Box }[] = [];
    let unfinished = false;
    // The controls, in world px for this frame (they stay put in the container while the map moves).
    const covered = this.#covered.map((r): Box => [
      r[0] + view.containerLeft,
      r[1] + view.containerTop,
      r[2] + view.containerLeft,
      r[3] + view.containerTop,
    ]);
    for (const p of layout.placed) {
      if (!overlaps(p.box, frame)) continue;
      let at: Moved = { box: p.box, dot: p.dot !== null };
      if (obstacles && !keepsClear(p, obstacles)) {
        // Markers cover it: beside them if there is room, else left out. Once per set of markers.
        let moved = this.#moved.get(p);
        if (moved === undefined) {
          moved = relocate(p, obstacles, layout, this.#movedTaken);
          if (moved) this.#movedTaken.add(moved.box);
          this.#moved.set(p, moved);
        }
        if (!moved) continue;
        at = moved;
      }
      // Under a control a name could not be read: left out until a move brings it clear.
      if (covered.some((r) => overlaps(at.box, r))) continue;
      const key = spriteKeyOf(p, dpr);
      let sprite = this.#sprites.get(key);
      if (!sprite) {
        if (performance.now() - started > SPRITE_BUDGET_MS) {
          unfinished = true;
          continue;
        }
        sprite = this.#sprite(p, dpr);
        this.#sprites.set(key, sprite);
      }
      shown.push({ p, box: at.box });
      if (at.dot) this.#dot(ctx, p, view);
      ctx.drawImage(sprite, Math.round((at.box[0] - view.left) * dpr), Math.round((at.box[1] - view.top) * dpr));
    }
    if (this.#sprites.size > 4000) this.#sprites = new Map();
    this.timings.draw = performance.now() - started;
    // The rest of the names in the next frames, a budget at a time.
    if (unfinished && !this.#frame)
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#draw();
      });
    this.#writeHook(shown);
  }

  #dot(ctx: CanvasRenderingContext2D, p: PlacedLabel, view: Viewport): void {
    const dpr = view.pixelRatio;
    const x = (p.dotX - view.left) * dpr;
    const y = (p.dotY - view.top) * dpr;
    ctx.beginPath();
    ctx.arc(x, y, p.dotR * dpr, 0, 2 * Math.PI);
    ctx.lineWidth = 1.5 * dpr;
    ctx.strokeStyle = this.#colors.halo;
    ctx.stroke();
    ctx.fillStyle = this.#colors.text;
    ctx.fill();
    if (p.entry.kind === LabelKind.Capital) {
      // A capital's dot is a ring around a point.
      ctx.beginPath();
      ctx.arc(x, y, (p.dotR - 1.5) * dpr, 0, 2 * Math.PI);
      ctx.fillStyle = this.#colors.halo;
      ctx.fill();
      ctx.beginPath();
      ctx.arc(x, y, 1 * dpr, 0, 2 * Math.PI);
      ctx.fillStyle = this.#colors.text;
      ctx.fill();
    }
  }

  /** The name and its halo, at the pixel ratio, the size of its box. */
  #sprite(p: PlacedLabel, dpr: number): HTMLCanvasElement {
    const style = LABEL_STYLES[p.entry.kind];
    const sprite = document.createElement('canvas');
    const w = p.box[2] - p.box[0];
    const h = p.box[3] - p.box[1];
    sprite.width = Math.ceil(w * dpr);
    sprite.height = Math.ceil(h * dpr);
    const ctx = sprite.getContext('2d');
    if (!ctx) return sprite;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = style.font;
    ctx.letterSpacing = `${style.spacing}px`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.direction = 'ltr';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = this.#colors.halo;
    ctx.strokeText(p.text, LABEL_PAD, h / 2 + 0.5);
    ctx.fillStyle = colorOf(p.entry, this.#colors);
    ctx.fillText(p.text, LABEL_PAD, h / 2 + 0.5);
    return sprite;
  }

  /** data-labels: JSON [{name, kind, x, y, w, h}], each name's box in container pixels. Written after the frame. */
  #writeHook(shown: readonly { p: PlacedLabel; box: Box }[]): void {
    const view = this.#view;
    if (!this.hook || !view) return;
    clearTimeout(this.#hookTimer);
    this.#hookTimer = window.setTimeout(() => {
      const round = (v: number): number => Math.round(v * 10) / 10;
      const items = shown.slice(0, HOOK_LIMIT).map(({ p, box }) => ({
        name: p.text,
        kind: KIND_NAMES[p.entry.kind],
        x: round(box[0] - view.containerLeft),
        y: round(box[1] - view.containerTop),
        w: round(box[2] - box[0]),
        h: round(box[3] - box[1]),
      }));
      const json = JSON.stringify(items);
      if (json === this.#hooked) return;
      this.#hooked = json;
      this.hook!.dataset['labels'] = json;
    }, 0);
  }
}

/** What a sprite shows: its kind (font and colour), its size in device pixels (as #sprite makes it) and its text. */
function spriteKeyOf(p: PlacedLabel, dpr: number): string {
  return `${p.entry.kind}|${Math.ceil((p.box[2] - p.box[0]) * dpr)}|${Math.ceil((p.box[3] - p.box[1]) * dpr)}|${p.text}`;
}

function colorOf(entry: LabelEntry, colors: LabelColors): string {
  if (entry.kind === LabelKind.Country) return colors.country;
  if (entry.kind === LabelKind.Region) return colors.region;
  return colors.text;
}
