/**
 * The choropleth modes: countries or admin-1 regions filled by how many visible events they hold
 * (or how many fatalities, the low end of each figure), in count classes with a legend, on one
 * canvas in place of the markers. The totals come from the regions' tally (query/regions.ts, kept
 * by the evaluator's row deltas); the shapes from region-shapes.ts, by file as views need them
 * (region-shape-plan.ts). The classes come from the totals and the table's boxes, never from the
 * shapes that have arrived, so a file arriving adds regions without changing any colour. Loaded
 * only when the mode is chosen. Leaflet-free: the adapter positions the canvas and hands it a
 * Viewport after every move.
 */
import type { RowDelta } from '../../query/brushing';
import type { RegionTotals } from '../../query/regions';
import type { MapMeasure } from '../../state/map-mode';
import { classColor, classLabel, classOf, countClasses, type CountClass } from './count-classes';
import type { Viewport } from './marker-layer';
import { formatNumber, t } from '../../i18n/i18n.svelte';
import { msg } from '../../i18n/message';
import type { MapLegendModel, MapOverlay, OverlayData, OverlayPick } from './overlay-types';
import { paintHoverRing, paintSelectionRing, PALETTES, type Scheme } from './paint';
import { mercatorX, mercatorY } from './projection';
import type { RegionRings, RegionShapes } from './region-shapes';
import { anyMeets, boxHolds, drawsFine, regionBoxes, shapePartsFor, type MercatorBox } from './region-shape-plan';
import { fitCanvas } from './canvas-fit';

const FILL_ALPHA = 0.78;
/** The test hook lists at most this many filled regions. */
const HOOK_LIMIT = 500;
/** Points closer than this (px) to the last one kept add nothing at the zoom drawn. */
const MIN_STEP_PX = 0.75;
/** Regions with events but no fatality figure, and figures that add up to 0. */
const NEUTRAL: Record<Scheme, { none: string; zero: string; edge: string }> = {
  light: { none: '#b7bcc4', zero: '#eef0f3', edge: 'rgba(40, 48, 60, 0.55)' },
  dark: { none: '#59616d', zero: '#2a313b', edge: 'rgba(230, 235, 242, 0.5)' },
};

const formatCount = (n: number): string => formatNumber(n);

type Box = MercatorBox;

export class ChoroplethCanvas implements MapOverlay {
  readonly canvas: HTMLCanvasElement = document.createElement('canvas');
  onlegend: ((legend: MapLegendModel | null) => void) | null = null;
  readonly #shapes: RegionShapes;
  /** Normalised Mercator boxes per region, for culling and hit tests. */
  readonly #boxes: Box[][];
  /** Paths in world pixels at #pathWorld, made as regions come into view, with the rings they are of. */
  #paths = new Map<number, { rings: RegionRings; path: Path2D }>();
  #pathWorld = 0;
  #data: OverlayData | null = null;
  #view: Viewport | null = null;
  #scheme: Scheme = 'light';
  #selected: number | null = null;
  #hovered: number | null = null;
  #legendKey = '';
  /** The regions with events in the last paint, and their colours. */
  #filled: number[] = [];
  #fills: string[] = [];
  /** Those whose shapes had arrived: drawn (hit tests look only at these). */
  #drawn: number[] = [];
  readonly #probe = document.createElement('canvas').getContext('2d');

  /** @param hook element that gets the data-regions attribute that browser tests read */
  constructor(
    shapes: RegionShapes,
    private readonly hook: HTMLElement | null = null,
  ) {
    this.#shapes = shapes;
    this.canvas.className = 'faultline-choropleth';
    this.canvas.style.pointerEvents = 'none';
    this.#boxes = regionBoxes(shapes.table, shapes.level, shapes.places);
    shapes.onchange = () => this.#draw();
  }

  setData(data: OverlayData, _delta: RowDelta | null): void {
    this.#data = data;
    // A brush step repaints only when some region on the canvas changes colour.
    this.#draw(false);
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
    const view = this.#view;
    const totals = this.#totals();
    const probe = this.#probe;
    if (!view || !totals || !probe || this.#pathWorld !== view.worldSize) return null;
    const nx = wx / view.worldSize;
    const ny = wy / view.worldSize;
    for (const i of this.#drawn) {
      if (!this.#boxes[i]!.some((b) => boxHolds(b, nx, ny))) continue;
      const path = this.#paths.get(i)?.path;
      if (!path || !probe.isPointInPath(path, wx, wy, 'evenodd')) continue;
      const { table, level } = this.#shapes;
      const region = level === 'country' ? table.countries[i]! : table.admin1[i]!;
      const country = level === 'country' ? '' : (table.countries[table.admin1[i]!.country]?.name ?? '');
      const measure = this.#data?.regions?.measure ?? 'events';
      const value = measure === 'events' ? totals.count[i + 1]! : totals.fatalMin[i + 1]!;
      return { kind: 'region', code: region.id, name: region.name, country, value, x: wx, y: wy };
    }
    return null;
  }

  dispose(): void {
    this.#data = null;
    this.#paths.clear();
    this.#shapes.dispose();
    this.onlegend = null;
  }

  #totals(): RegionTotals | null {
    const tallies = this.#data?.regions?.tallies;
    if (!tallies) return null;
    return this.#shapes.level === 'country' ? tallies.countries : tallies.admin1;
  }

  /** A region's rings as one path in world pixels at the view's zoom, thinned to what shows. */
  #path(i: number, rings: RegionRings, worldSize: number): Path2D {
    if (this.#pathWorld !== worldSize) {
      this.#paths.clear();
      this.#pathWorld = worldSize;
    }
    const made = this.#paths.get(i);
    if (made?.rings === rings) return made.path;
    const path = new Path2D();
    for (const ring of rings) {
      let lastX = NaN;
      let lastY = NaN;
      const n = ring.length / 2;
      for (let p = 0; p < n; p++) {
        const x = mercatorX(ring[2 * p]!) * worldSize;
        const y = mercatorY(ring[2 * p + 1]!) * worldSize;
        if (p === 0) path.moveTo(x, y);
        else if (Math.abs(x - lastX) + Math.abs(y - lastY) < MIN_STEP_PX && p < n - 1) continue;
        else path.lineTo(x, y);
        lastX = x;
        lastY = y;
      }
      path.closePath();
    }
    this.#paths.set(i, { rings, path });
    return path;
  }

  /** `force`: paint even when no region's colour changed (a move, the highlight, the scheme). */
  #draw(force = true): void {
    const ctx = this.canvas.getContext('2d');
    const view = this.#view;
    if (!ctx || !view) return;
    const totals = this.#totals();
    const data = this.#data;
    if (!data || !totals) {
      ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
      ctx.clearRect(0, 0, view.width, view.height);
      this.#filled = [];
      this.#fills = [];
      this.#drawn = [];
    }
    if (!data) return;
    if (!totals) {
      this.#writeLegend({
        title: msg(this.#shapes.level === 'country' ? 'map.eventsPerCountry' : 'map.eventsPerRegion'),
        classes: [],
        note: msg('map.noRegions'),
      });
      return;
    }
    const measure: MapMeasure = data.regions?.measure ?? 'events';
    const ws = view.worldSize;
    const canvasBox = {
      x0: view.left / ws,
      x1: (view.left + view.width) / ws,
      y0: view.top / ws,
      y1: (view.top + view.height) / ws,
    };
    const pad = view.containerLeft - view.left;
    const screen = {
      x0: view.containerLeft / ws,
      x1: (view.left + view.width - pad) / ws,
      y0: view.containerTop / ws,
      y1: (view.top + view.height - (view.containerTop - view.top)) / ws,
    };
    const overlaps = anyMeets;
    // The value per region with events: -1 where none of its events gives a figure.
    const valueOf = (i: number): number =>
      measure === 'events' ? totals.count[i + 1]! : totals.withFigure[i + 1]! > 0 ? totals.fatalMin[i + 1]! : -1;
    let max = 0;
    let none = false;
    let zero = false;
    const filled: number[] = [];
    for (let i = 0; i < this.#boxes.length; i++) {
      if (totals.count[i + 1]! === 0 || !overlaps(this.#boxes[i]!, canvasBox)) continue;
      filled.push(i);
      if (!overlaps(this.#boxes[i]!, screen)) continue;
      const v = valueOf(i);
      if (v > max) max = v;
      if (v < 0) none = true;
      if (v === 0) zero = true;
    }
    const classes = countClasses(max);
    const colors = classes.map((_, k) => classColor(this.#scheme, k, classes.length));
    const neutral = NEUTRAL[this.#scheme];
    const fills = filled.map((i) => {
      const v = valueOf(i);
      return v < 0 ? neutral.none : v === 0 ? neutral.zero : colors[classOf(classes, v)]!;
    });
    // Rows of no region, less those with no place at all (the map's "no location" list has them).
    const outside = totals.count[0]! - (data.regions?.unlocated ?? 0);
    this.#legend(classes, colors, neutral, none, zero, measure, outside);
    // The files this view needs; what arrives repaints (shapes.onchange).
    const zoom = Math.log2(ws / 256);
    const fine = drawsFine(zoom, this.#shapes.fineFrom);
    this.#shapes.want(shapePartsFor(zoom, this.#shapes.fineFrom, this.#shapes.level, filled, this.#shapes.table));
    if (!force && sameList(filled, this.#filled) && sameList(fills, this.#fills)) return;
    this.#filled = filled;
    this.#fills = fills;
    ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
    ctx.clearRect(0, 0, view.width, view.height);
    ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, -view.left * view.pixelRatio, -view.top * view.pixelRatio);
    ctx.lineWidth = 0.6;
    ctx.strokeStyle = neutral.edge;
    const drawn: number[] = [];
    for (let k = 0; k < filled.length; k++) {
      const rings = this.#shapes.ringsFor(filled[k]!, fine);
      if (!rings) continue;
      drawn.push(filled[k]!);
      const path = this.#path(filled[k]!, rings, ws);
      ctx.globalAlpha = FILL_ALPHA;
      ctx.fillStyle = fills[k]!;
      ctx.fill(path, 'evenodd');
      ctx.globalAlpha = 1;
      ctx.stroke(path);
    }
    this.#drawn = drawn;
    ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
    this.#writeHook(view);
    this.#paintRow(ctx, view, data, this.#hovered, 'hover');
    this.#paintRow(ctx, view, data, this.#selected, 'selected');
  }

  #legend(
    classes: readonly CountClass[],
    colors: readonly string[],
    neutral: (typeof NEUTRAL)[Scheme],
    none: boolean,
    zero: boolean,
    measure: MapMeasure,
    outside: number,
  ): void {
    const where = this.#shapes.level === 'country' ? 'country' : 'region';
    const legendClasses = classes.map((c, k) => ({ color: colors[k]!, label: classLabel(c, formatCount) }));
    if (zero) legendClasses.unshift({ color: neutral.zero, label: '0' });
    if (none) legendClasses.push({ color: neutral.none, label: t('map.noFigure') });
    this.#writeLegend({
      title: msg(
        measure === 'events'
          ? where === 'country'
            ? 'map.eventsPerCountry'
            : 'map.eventsPerRegion'
          : where === 'country'
            ? 'map.fatalitiesPerCountry'
            : 'map.fatalitiesPerRegion',
      ),
      classes: legendClasses,
      note:
        outside > 0
          ? msg(where === 'country' ? 'map.outsideCountry' : 'map.outsideRegion', { count: outside })
          : legendClasses.length === 0
            ? msg('map.noneInView')
            : null,
    });
  }

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

  /** data-regions: JSON [{id, x, y}] of the drawn regions, at their label points in container px. */
  #writeHook(view: Viewport): void {
    if (!this.hook) return;
    const { table, level, places } = this.#shapes;
    const items = this.#drawn.slice(0, HOOK_LIMIT).map((i) => {
      const region = level === 'country' ? table.countries[i]! : table.admin1[i]!;
      const [lon, lat] =
        level === 'country' ? table.countries[i]!.label : [places.label[2 * i]!, places.label[2 * i + 1]!];
      return {
        id: region.id,
        x: Math.round((mercatorX(lon) * view.worldSize - view.containerLeft) * 10) / 10,
        y: Math.round((mercatorY(lat) * view.worldSize - view.containerTop) * 10) / 10,
      };
    });
    this.hook.dataset['regions'] = JSON.stringify(items);
  }

  #writeLegend(legend: MapLegendModel): void {
    const key = `${legend.title}|${legend.note}|${legend.classes.map((c) => `${c.color}${c.label}`).join('|')}`;
    if (key === this.#legendKey) return;
    this.#legendKey = key;
    this.onlegend?.(legend);
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
