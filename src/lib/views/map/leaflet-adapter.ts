/**
 * The only file that imports Leaflet (1.9). Everything Leaflet-specific lives here so the
 * move to Leaflet 2 (ESM classes, `new LeafletMap`) touches one place. MapView.svelte talks to
 * the returned MapHandle; marker drawing is Leaflet-free in marker-layer.ts.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import {
  BASEMAP_COLORS,
  creditText,
  detailFor,
  LABEL_COLORS,
  loadPainter,
  offlineCredits,
  type Detail,
} from './basemap';
import { BasemapAssets } from './basemap-assets';
import { DEEPEST_ZOOM } from './basemap-format';
import { BasemapView, type BasemapPainter, type BasemapSource } from './basemap-tiles';
import { LabelCanvas } from './label-layer';
import type { MapCallbacks, MapHandle, MapPick } from './map-handle';
import { MarkerCanvas, type Viewport } from './marker-layer';
import type { MapMode } from '../../state/map-mode';
import { createOverlay, prepareOverlays } from './overlay-loader';
import type { MapOverlay, OverlayData } from './overlay-types';
import type { RowDelta } from '../../query/brushing';
import type { Scheme } from './paint';
import { normaliseExtent, round, worldSize, type Extent } from './projection';
import { CONFIG_FILE, parseRuntimeConfig, type ParsedConfig, type TileConfig } from './tile-config';
import { t } from '../../i18n/i18n.svelte';

/**
 * Online XYZ tiles instead of the offline basemap: OFF by default, the app must work with no
 * network. A deployment turns them on in faultline.config.json beside index.html (tile-config.ts;
 * README, "Map tiles"), read once, as this module arrives (map-loader.ts asks for it as the page
 * starts). Absent or unreadable: offline, quietly; invalid: offline, with a notice.
 */
const runtimeConfig: Promise<ParsedConfig> = (async () => {
  const base = document.baseURI;
  try {
    const response = await fetch(CONFIG_FILE, { cache: 'no-cache' });
    return parseRuntimeConfig(response.ok ? await response.text() : null, base);
  } catch {
    return parseRuntimeConfig(null, base);
  }
})();

/** The bundled names and region borders, beside index.html (copied there by scripts/vite-basemap-plugin.ts). */
const ASSET_ROOT = 'basemap/';

/** Country shapes and region borders carry no detail past this zoom; online tiles may go further. */
const OFFLINE_MAX_ZOOM = DEEPEST_ZOOM;
/**
 * How far each canvas overhangs the view (a share of its size), so that a drag shows what lies
 * beyond the edge until the move ends and the canvas is redrawn. The markers are redrawn on every
 * brush step too, and a software canvas is copied whole to the compositor each time it changes:
 * Leaflet's own canvas renderer uses 0.1; going from 0.25 to 0.1 took the p95 of the map repaint
 * at 100k from 29–41 to 23–25 ms (two A/B rounds). The basemap also follows a pan frame by frame
 * (from its kept tiles: ~1.3 ms a frame), so its edge never shows, however far the drag. The
 * markers do not: reclustering every frame cost 8–20 ms at 100k.
 */
const OVERHANG = 0.1;

/**
 * Hosts a canvas that covers the view (and an overhang, so a drag shows what lies beyond the
 * edge) in its own pane, keeps it aligned through pans and zooms, and has it drawn after each
 * move: the markers (marker-layer.ts) and the basemap (basemap-tiles.ts) are both such canvases.
 */
class ViewCanvasLayer extends L.Layer {
  #zoom = 0;
  #left = 0;
  #top = 0;
  #frame = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    readonly pane: string,
    /** `panning`: a frame in the middle of a pan (the move has not ended). */
    readonly draw: (view: Viewport, panning: boolean) => void,
    /** Redraw once per frame while the map pans, not only when the move ends. */
    readonly followPans = false,
  ) {
    super();
  }

  override onAdd(map: L.Map): this {
    // The class opts the canvas into Leaflet's CSS transition, so it glides during a zoom.
    L.DomUtil.addClass(this.canvas, 'leaflet-zoom-animated');
    map.getPane(this.pane)!.appendChild(this.canvas);
    map.on('moveend viewreset resize', this.redraw, this);
    map.on('zoomanim', this.#onZoomAnim, this);
    map.on('zoom', this.#onZoom, this);
    if (this.followPans) map.on('move', this.#onMove, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend viewreset resize', this.redraw, this);
    map.off('zoomanim', this.#onZoomAnim, this);
    map.off('zoom', this.#onZoom, this);
    map.off('move', this.#onMove, this);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.canvas.remove();
    return this;
  }

  redraw(): void {
    this.#render(false);
  }

  #render(panning: boolean): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    const map = this._map;
    const size = map.getSize();
    const pad = size.multiplyBy(OVERHANG).round();
    const topLeft = map.containerPointToLayerPoint([-pad.x, -pad.y]).round();
    const origin = map.getPixelOrigin();
    const container = map.containerPointToLayerPoint([0, 0]).add(origin);
    L.DomUtil.setPosition(this.canvas, topLeft);
    this.#zoom = map.getZoom();
    this.#left = topLeft.x + origin.x;
    this.#top = topLeft.y + origin.y;
    this.draw(
      {
        zoom: this.#zoom,
        minZoom: map.getMinZoom(),
        maxZoom: map.getMaxZoom(),
        worldSize: worldSize(this.#zoom),
        left: this.#left,
        top: this.#top,
        width: size.x + 2 * pad.x,
        height: size.y + 2 * pad.y,
        containerLeft: container.x,
        containerTop: container.y,
        pixelRatio: window.devicePixelRatio || 1,
      },
      panning,
    );
  }

  /** A pan (not a zoom: its frames are the scaled last frame) redraws in the next frame. */
  #onMove(): void {
    if (this.#frame || this._map.getZoom() !== this.#zoom) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this._map?.getZoom() === this.#zoom) this.#render(true);
    });
  }

  #onZoomAnim(event: L.ZoomAnimEvent): void {
    this.#scaleTo(event.center, event.zoom);
  }

  /** Pinch zooms change the zoom without an animation event. */
  #onZoom(): void {
    this.#scaleTo(this._map.getCenter(), this._map.getZoom());
  }

  /** Until the next redraw, scale the last frame towards a view, as Leaflet's renderers do. */
  #scaleTo(center: L.LatLng, zoom: number): void {
    const map = this._map;
    const scale = map.getZoomScale(zoom, this.#zoom);
    const pane = L.DomUtil.getPosition(map.getPane('mapPane')!);
    // The layer origin Leaflet will use at that view (Map._getNewPixelOrigin, which is private).
    const origin = map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(pane).round();
    L.DomUtil.setTransform(this.canvas, L.point(this.#left * scale, this.#top * scale).subtract(origin), scale);
  }
}

/**
 * Where the view's controls (its elements marked data-map-overlay: zoom buttons, credits, the
 * "no location" list) cover the map, in container pixels: the names keep out from under them.
 */
function overlays(container: HTMLElement): [number, number, number, number][] {
  const host = container.getBoundingClientRect();
  const marked = container.parentElement?.querySelectorAll<HTMLElement>('[data-map-overlay]') ?? [];
  return [...marked]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => [r.left - host.left, r.top - host.top, r.right - host.left, r.bottom - host.top]);
}

export function createMap(container: HTMLElement, callbacks: MapCallbacks): MapHandle {
  // prefers-reduced-motion: zooms and pans jump instead of gliding (read once, at creation).
  const motion = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const still: L.ZoomPanOptions = motion ? {} : { animate: false };
  const map = L.map(container, {
    zoomAnimation: motion,
    fadeAnimation: motion,
    markerZoomAnimation: motion,
    inertia: motion,
    zoomControl: false, // our own Svelte buttons, styled for both themes
    attributionControl: false, // Leaflet's control writes HTML; credits are a text node in MapView
    minZoom: 1,
    maxZoom: OFFLINE_MAX_ZOOM,
    // One world copy: the basemap is drawn once, so panning past the antimeridian would show sea.
    maxBounds: [
      [-89, -180],
      [89, 180],
    ],
    maxBoundsViscosity: 1,
    worldCopyJump: false,
    zoomSnap: 0.25, // fits can frame the events tightly; the +/- buttons still step whole levels
  });
  // First moveend listener: the benchmark times the repaint from here, as it does for the peers.
  map.on('moveend', () => performance.mark('faultline:map-moveend'));
  // Created in paint order, which the PNG export follows: basemap, names, markers.
  map.createPane('faultline-basemap').style.zIndex = '200';
  // Density bins and region fills lie under the names, so the places stay readable.
  map.createPane('faultline-overlay').style.zIndex = '250';
  map.createPane('faultline-labels').style.zIndex = '300';
  map.createPane('faultline-markers').style.zIndex = '450';
  const markers = new MarkerCanvas(container);
  const markerLayer = new ViewCanvasLayer(markers.canvas, 'faultline-markers', (view) => markers.render(view)).addTo(
    map,
  );
  let maxZoom = OFFLINE_MAX_ZOOM;

  let scheme: Scheme | null = null;
  let removed = false;
  const setCredits = (credits: ReturnType<typeof offlineCredits>): void => {
    container.dataset['attribution'] = creditText(credits);
    callbacks.oncredits(credits);
  };
  // The offline basemap: coarse shapes first, the detailed ones loaded (in a worker) the first
  // time a view needs them; until then the coarse ones stand in.
  const painters: Partial<Record<Detail, BasemapPainter>> = {};
  let basemap: BasemapView | null = null;
  let basemapLayer: ViewCanvasLayer | null = null;
  let assets: BasemapAssets | null = null;
  let labels: LabelCanvas | null = null;
  let labelLayer: ViewCanvasLayer | null = null;
  const source: BasemapSource = {
    painter(zoom) {
      if (detailFor(zoom) === 'coarse') return { detail: 'coarse', painter: painters.coarse! };
      if (painters.fine) return { detail: 'fine', painter: painters.fine };
      loadFine();
      return { detail: 'coarse', painter: painters.coarse! };
    },
    colors: () => BASEMAP_COLORS[scheme ?? 'light'],
    regions: (zoom, box) => assets?.lines(zoom, box) ?? [],
  };
  let fineRequested = false;
  const loadFine = (): void => {
    if (fineRequested) return;
    fineRequested = true;
    loadPainter('fine').then(
      (fine) => {
        painters.fine = fine;
        if (!removed) basemapLayer?.redraw();
      },
      (error: unknown) => {
        fineRequested = false; // try again on the next view that needs it
        console.warn('Faultline: the detailed basemap could not be loaded;', error);
      },
    );
  };
  const paintBasemap = (): void => {
    container.style.background = BASEMAP_COLORS[scheme ?? 'light'].sea;
    basemap?.invalidate();
    labels?.setColors(LABEL_COLORS[scheme ?? 'light']);
  };

  /** Region borders and names over the countries, from the bundled tiles as views need them. */
  const startNames = (): void => {
    const names = new BasemapAssets(ASSET_ROOT);
    const canvas = new LabelCanvas(names, LABEL_COLORS[scheme ?? 'light'], container, () => overlays(container));
    assets = names;
    labels = canvas;
    names.onload = (kind, box) => {
      if (removed) return;
      if (kind === 'labels') labelLayer?.redraw();
      else if (box) basemap?.refresh(box);
      else basemapLayer?.redraw();
    };
    // A file that fails leaves the countries-only map (the events are untouched) and says so.
    names.onfail = (error) => {
      if (removed) return;
      console.warn('Faultline: the basemap names and regions could not be loaded;', error);
      labelLayer?.remove();
      labelLayer = null;
      canvas.dispose();
      labels = null;
      delete container.dataset['labels'];
      basemap?.invalidate();
      setCredits(offlineCredits(false));
      callbacks.onnotice(t('map.namesFailed'));
    };
    markers.onclusters = () => {
      const drawn = markers.discs();
      if (drawn) canvas.setObstacles(drawn.zoom, drawn.discs);
    };
    // The markers may have been drawn before the names started.
    markers.onclusters();
    labelLayer = new ViewCanvasLayer(
      canvas.canvas,
      'faultline-labels',
      (view, panning) => canvas.render(view, panning),
      true,
    ).addTo(map);
    setCredits(offlineCredits(true));
  };

  // The density and choropleth modes: one overlay at a time, in place of the markers.
  let mode: MapMode = 'clusters';
  let overlay: MapOverlay | null = null;
  let overlayLayer: ViewCanvasLayer | null = null;
  let overlayData: OverlayData | null = null;
  let overlayHighlight: [number | null, number | null] = [null, null];
  const dropOverlay = (): void => {
    overlayLayer?.remove();
    overlayLayer = null;
    overlay?.dispose();
    overlay = null;
  };
  const setMode = (next: MapMode): void => {
    if (next === mode) return;
    mode = next;
    dropOverlay();
    delete container.dataset['mapmode'];
    delete container.dataset['regions'];
    callbacks.onlegend(null);
    if (next === 'clusters') {
      overlayData = null;
      if (!map.hasLayer(markerLayer)) markerLayer.addTo(map);
      container.dataset['mapmode'] = next;
      return;
    }
    markerLayer.remove();
    container.dataset['markers'] = '[]';
    // No discs to keep the names clear of.
    labels?.setObstacles(map.getZoom(), []);
    createOverlay(next, container).then(
      (made) => {
        if (removed || mode !== next) return made.dispose();
        overlay = made;
        made.onlegend = (legend) => callbacks.onlegend(legend);
        made.setScheme(scheme ?? 'light');
        made.setHighlight(...overlayHighlight);
        if (overlayData) made.setData(overlayData, null);
        overlayLayer = new ViewCanvasLayer(made.canvas, 'faultline-overlay', (view) => made.render(view)).addTo(map);
        // Set once the mode is drawn (tests wait for it).
        container.dataset['mapmode'] = next;
      },
      (error: unknown) => {
        if (removed || mode !== next) return;
        console.warn(`Faultline: the ${next} map could not be loaded;`, error);
        callbacks.onnotice(t('map.modeFailed'));
      },
    );
  };

  const startOffline = (): void => {
    setCredits(offlineCredits(false));
    loadPainter('coarse').then(
      (coarse) => {
        if (removed) return;
        painters.coarse = coarse;
        basemap = new BasemapView(source);
        // Set once every tile of the first view is drawn (tests and the PNG export wait for it).
        basemap.onsettled = () => (container.dataset['basemap'] = 'ready');
        basemapLayer = new ViewCanvasLayer(
          basemap.canvas,
          'faultline-basemap',
          (view) => basemap!.render(view),
          true,
        ).addTo(map);
        startNames();
      },
      (error: unknown) => {
        if (removed) return;
        console.warn('Faultline: the basemap could not be loaded;', error);
        callbacks.onnotice(t('map.basemapFailed'));
      },
    );
  };

  const startOnline = (tiles: TileConfig): void => {
    maxZoom = tiles.maxZoom;
    map.setMaxZoom(maxZoom);
    let warned = false;
    L.tileLayer(tiles.url, { maxZoom, subdomains: tiles.subdomains })
      .on('tileerror', () => {
        if (warned || removed) return;
        warned = true;
        callbacks.onnotice(
          t('map.tilesFailed', { host: new URL(tiles.url.replace(/\{s\}/g, 'a'), document.baseURI).host }),
        );
      })
      .on('load', () => (container.dataset['basemap'] = 'ready'))
      .addTo(map);
    setCredits([{ text: tiles.attribution }]);
  };

  runtimeConfig.then(({ config, notice }) => {
    if (removed) return;
    if (notice) callbacks.onnotice(notice);
    if (config.tiles) startOnline(config.tiles);
    else startOffline();
  });

  // Pointer → picked item. Hit-testing works in world pixels, so a half-finished pan is fine.
  let moving = false;
  let hovered = '';
  const pick = (event: L.LeafletMouseEvent): MapPick | null => {
    if (moving) return null;
    const p = map.containerPointToLayerPoint(event.containerPoint).add(map.getPixelOrigin());
    if (mode !== 'clusters') return overlay?.hitTest(p.x, p.y) ?? null;
    return markers.hitTest(p.x, p.y);
  };
  const hover = (picked: MapPick | null): void => {
    const key = !picked
      ? ''
      : picked.kind === 'marker'
        ? `m${picked.row}`
        : picked.kind === 'region'
          ? `r${picked.code}`
          : `${picked.kind}${picked.x},${picked.y}`;
    if (key === hovered) return;
    hovered = key;
    container.style.cursor = picked ? 'pointer' : '';
    callbacks.onhover(picked);
  };
  map.on({
    mousemove: (e: L.LeafletMouseEvent) => hover(pick(e)),
    mouseout: () => hover(null),
    click: (e: L.LeafletMouseEvent) => callbacks.onpick(pick(e), { lat: e.latlng.lat, lon: e.latlng.lng }),
    movestart: () => {
      moving = true;
      hover(null);
      callbacks.onmovestart();
    },
    moveend: () => {
      moving = false;
      const c = map.getCenter();
      const b = map.getBounds();
      const extent = { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
      callbacks.onmoveend(
        { lat: round(c.lat, 4), lon: round(c.lng, 4), zoom: round(map.getZoom(), 2) },
        normaliseExtent(extent),
      );
    },
  });

  // Leaflet 1.9 only watches the window; the grid cell can change size on its own.
  let frame = 0;
  const resize = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => map.invalidateSize({ pan: false }));
  });
  resize.observe(container);

  // A view set or fitted may come in the same update as a change of the panel's size (new data
  // brings a longer title): set at the size Leaflet last measured, the map would move again on the
  // resize that follows (its centre shifted by half the change, the markers and basemap drawn
  // twice). Leaflet 1.9 re-measures on this flag; the observer's invalidateSize then finds the
  // size unchanged and does nothing.
  const remeasure = (): void => {
    (map as unknown as { _sizeChanged: boolean })._sizeChanged = true;
  };
  const bounds = (e: Extent): L.LatLngBounds => L.latLngBounds([e.south, e.west], [e.north, e.east]);
  return {
    markers,
    get maxZoom() {
      return maxZoom;
    },
    zoom: () => map.getZoom(),
    differs(view) {
      const c = map.getCenter();
      return (
        Math.abs(c.lat - view.lat) > 1e-4 ||
        Math.abs(c.lng - view.lon) > 1e-4 ||
        Math.abs(map.getZoom() - view.zoom) > 0.01
      );
    },
    setView(view, glide = false) {
      remeasure();
      // A story's step flies there; flyTo ends exactly on the centre it was given.
      if (glide && motion) {
        map.flyTo([view.lat, view.lon], view.zoom, { duration: 0.8 });
        return;
      }
      // Reset, not panned: a pan moves by whole pixels, and the link's centre would come back
      // shifted by the fraction (45.5217 for 45.5). Leaflet 1.9's setView reads `reset`; its
      // typings do not list it.
      map.setView([view.lat, view.lon], view.zoom, { animate: false, reset: true } as L.ZoomPanOptions);
    },
    // Buttons step to whole levels even after a fractional fit (zoomSnap 0.25).
    zoomBy: (delta) => map.setZoom(delta > 0 ? Math.floor(map.getZoom()) + delta : Math.ceil(map.getZoom()) + delta),
    fit(extent, maxZoom, animate) {
      remeasure();
      // 56 px keeps fitted markers clear of the overlaid controls in the corners.
      map.fitBounds(bounds(extent), { padding: [56, 56], maxZoom, animate: animate && motion });
    },
    zoomInto(extent, maxStep) {
      const b = bounds(extent);
      const now = map.getZoom();
      const target = Math.min(map.getBoundsZoom(b, false, L.point(96, 96)), now + maxStep, maxZoom);
      map.setView(b.getCenter(), Math.max(target, Math.min(now + 1, maxZoom)), still);
    },
    reveal(lat, lon, minZoom, alone = true) {
      const p = map.latLngToContainerPoint([lat, lon]);
      const inner = L.bounds([32, 32], map.getSize().subtract([32, 32])); // 32 px in from each edge
      const now = map.getZoom();
      const shown = inner.contains(p);
      if (shown && alone) return;
      // In a cluster on screen: deeper by a level at least, even where the estimate said enough.
      const zoom = Math.min(maxZoom, Math.max(now, minZoom, shown ? now + 1 : now));
      if (motion) map.flyTo([lat, lon], zoom, { duration: 0.6 });
      else map.setView([lat, lon], zoom, still);
    },
    setMode,
    prepareModes: prepareOverlays,
    setOverlayData(data: OverlayData, delta: RowDelta | null) {
      const follows = overlayData !== null && overlay !== null;
      overlayData = data;
      overlay?.setData(data, follows ? delta : null);
    },
    setOverlayHighlight(selected, hovered) {
      overlayHighlight = [selected, hovered];
      overlay?.setHighlight(selected, hovered);
    },
    toContainer(wx, wy) {
      const p = map.layerPointToContainerPoint(L.point(wx, wy).subtract(map.getPixelOrigin()));
      return { x: p.x, y: p.y };
    },
    setScheme(next) {
      if (next === scheme) return;
      scheme = next;
      paintBasemap();
      markers.setScheme(next);
      overlay?.setScheme(next);
    },
    remove() {
      removed = true;
      dropOverlay();
      basemap?.dispose();
      labels?.dispose();
      markers.dispose();
      resize.disconnect();
      cancelAnimationFrame(frame);
      map.remove();
    },
  };
}
