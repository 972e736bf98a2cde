/**
 * The density mode: square bins coloured by how many visible events they hold, on one canvas in
 * place of the markers, with a legend of count classes. Loaded only when the mode is chosen
 * (leaflet-adapter.ts imports it lazily). Leaflet-free, like marker-layer.ts: the adapter
 * positions the canvas and hands it a Viewport after every move.
 */
import type { RowDelta } from '../../query/brushing';
import { classColor, classLabel } from './count-classes';
import { binClasses, DensityGrids, type DensityBins } from './density-bins';
import type { Viewport } from './marker-layer';
import { formatNumber } from '../../i18n/i18n.svelte';
import { msg } from '../../i18n/message';
import type { MapLegendModel, MapOverlay, OverlayData, OverlayPick } from './overlay-types';
import { paintHoverRing, paintSelectionRing, PALETTES, type Scheme } from './paint';
import { fitCanvas } from './canvas-fit';

/** Bins are drawn a little translucent, so coasts and borders show through. */
const BIN_ALPHA = 0.82;

const formatCount = (n: number): string => formatNumber(n);

export class DensityCanvas implements MapOverlay {
  readonly canvas: HTMLCanvasElement = document.createElement('canvas');
  onlegend: ((legend: MapLegendModel | null) => void) | null = null;
  #data: OverlayData | null = null;
  #view: Viewport | null = null;
  readonly #grids = new DensityGrids();
  #scheme: Scheme = 'light';
  #selected: number | null = null;
  #hovered: number | null = null;
  #legendKey = '';

  constructor() {
    this.canvas.className = 'faultline-density';
    this.canvas.style.pointerEvents = 'none';
  }

  setData(data: OverlayData, delta: RowDelta | null): void {
    const last = this.#data;
    this.#data = data;
    // A brush step: the bins change by the rows that crossed the window's edges.
    if (delta && last && last.projected === data.projected && delta.from === last.rows)
      this.#grids.follow(data.projected.x, data.projected.y, delta);
    else this.#grids.clear();
    this.#draw();
  }

  render(view: Viewport): void {
    this.#view = view;
    fitCanvas(this.canvas, view);
    this.#draw();
  }

  setHighlight(selected: number | null, hovered: number | null): void {
    if (selected === this.#selected && hovered === this.#hovered) return;
    this.#selected = selected;
    this.#hovered = hovered;
    this.#draw();
  }

  setScheme(scheme: Scheme): void {
    if (scheme === this.#scheme) return;
    this.#scheme = scheme;
    this.#legendKey = '';
    this.#draw();
  }

  hitTest(wx: number, wy: number): OverlayPick | null {
    const bins = this.#grids.current;
    if (!bins) return null;
    const count = bins.countAt(wx, wy);
    if (count === 0) return null;
    const c = bins.cell;
    return { kind: 'bin', count, x: (Math.floor(wx / c) + 0.5) * c, y: (Math.floor(wy / c) + 0.5) * c };
  }

  dispose(): void {
    this.#data = null;
    this.#grids.clear();
    this.onlegend = null;
  }

  /** The bins of the view: a kept grid that covers it, counted from every visible row otherwise. */
  #binsFor(view: Viewport, data: OverlayData): DensityBins {
    return this.#grids.covering(view, data.projected.x, data.projected.y, data.rows);
  }

  #draw(): void {
    const ctx = this.canvas.getContext('2d');
    const view = this.#view;
    const data = this.#data;
    if (!ctx || !view) return;
    ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
    ctx.clearRect(0, 0, view.width, view.height);
    if (!data) return;
    const bins = this.#binsFor(view, data);
    // Classes from the bins on screen (not the overhang): the legend describes what one sees.
    const screen = {
      worldSize: view.worldSize,
      left: view.containerLeft,
      top: view.containerTop,
      width: view.width - 2 * (view.containerLeft - view.left),
      height: view.height - 2 * (view.containerTop - view.top),
    };
    const { classes, classOf } = binClasses(bins, screen);
    const colors = classes.map((_, k) => classColor(this.#scheme, k, classes.length));
    const c = bins.cell;
    ctx.globalAlpha = BIN_ALPHA;
    // One fillStyle per class: a pass per class over the drawn bins is cheaper than switching per bin.
    for (let k = 0; k < classes.length; k++) {
      ctx.fillStyle = colors[k]!;
      ctx.beginPath();
      bins.forEach(view, (wx, wy, n) => {
        if (classOf(n) === k) ctx.rect(wx - view.left, wy - view.top, c, c);
      });
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    this.#paintRow(ctx, view, data, this.#hovered, 'hover');
    this.#paintRow(ctx, view, data, this.#selected, 'selected');
    this.#writeLegend(
      classes.map((cl, k) => ({ color: colors[k]!, label: classLabel(cl, formatCount) })),
      classes.length === 0,
    );
  }

  /** The selected (or hovered) event, ringed where it lies, so it stays findable among the bins. */
  #paintRow(
    ctx: CanvasRenderingContext2D,
    view: Viewport,
    data: OverlayData,
    row: number | null,
    emphasis: 'hover' | 'selected',
  ): void {
    if (row === null || (emphasis === 'hover' && row === this.#selected)) return;
    const x = data.projected.x[row]! * view.worldSize - view.left;
    const y = data.projected.y[row]! * view.worldSize - view.top;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const palette = PALETTES[this.#scheme];
    if (emphasis === 'selected') paintSelectionRing(ctx, x, y, 4, palette);
    else paintHoverRing(ctx, x, y, 8, palette);
  }

  #writeLegend(classes: MapLegendModel['classes'], empty: boolean): void {
    const key = classes.map((c) => `${c.color}${c.label}`).join('|');
    if (key === this.#legendKey) return;
    this.#legendKey = key;
    this.onlegend?.({
      title: msg('map.eventsPerSquare'),
      classes,
      note: empty ? msg('map.noneInView') : null,
    });
  }
}
