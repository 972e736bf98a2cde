/**
 * The offline basemap: Natural Earth country shapes from world-atlas, drawn into canvas tiles
 * (basemap-tiles.ts). Two levels of detail: 1:110m (≈8k points, ≈38 KB gzip) for world and
 * continent views, 1:50m (≈80k points, ≈233 KB gzip) from zoom 5, fetched only when needed
 * and turned into shapes in a worker (basemap-worker.ts). Both are separate assets, and
 * topojson-client is only in the worker's chunk (or a lazy one): none of it counts toward the
 * initial bundle. Over them, region borders (drawn into the same tiles) and the names of
 * countries, regions and places (label-layer.ts), from the bundled tiles of basemap-assets.ts.
 */
import coarseUrl from 'world-atlas/countries-110m.json?url';
import fineUrl from 'world-atlas/countries-50m.json?url';
import type { Atlas, WorldShapes } from './basemap-shapes';
import { BasemapPainter, type BasemapColors } from './basemap-tiles';
import type { LabelColors } from './label-layer';
import type { Scheme } from './paint';

/** A credit in the map's corner: plain text, a link when `href` is set (ours, never from data), then `note`. */
export interface Credit {
  text: string;
  href?: string;
  note?: string;
  /** The note in the interface's language, where it has words (the map shows it; exports keep `note`). */
  noteKey?: 'map.deFacto';
}

/**
 * Natural Earth's data is public domain and asks for no credit; we give one, and say whose
 * boundaries are drawn: Natural Earth's de facto lines, disputed territory as it draws it.
 */
export const BASEMAP_ATTRIBUTION = 'Natural Earth, de facto borders';

/** The credits of the offline map: the places' GeoNames credit (CC BY 4.0) while names are drawn. */
export function offlineCredits(names: boolean): Credit[] {
  const credits: Credit[] = [
    {
      text: 'Natural Earth',
      href: 'https://www.naturalearthdata.com',
      note: ', de facto borders',
      noteKey: 'map.deFacto',
    },
  ];
  if (names) credits.push({ text: 'GeoNames', href: 'https://www.geonames.org', note: ' CC BY 4.0' });
  return credits;
}

/** The credits as one line of plain text (the PNG export's footer, the map's data-attribution). */
export function creditText(credits: readonly Credit[]): string {
  return credits.map((c) => c.text + (c.note ?? '')).join(' · ');
}

/** Muted so the category colours of the markers carry the attention, in both themes. */
export const BASEMAP_COLORS: Record<Scheme, BasemapColors> = {
  light: { sea: '#d3e2ec', land: '#f6f4ef', line: '#a3adb8', region: '#cfd3d8' },
  dark: { sea: '#0b131c', land: '#27313e', line: '#52606f', region: '#3a4553' },
};

/** Names: dark on light land and light on dark, each with a halo of the land's colour. */
export const LABEL_COLORS: Record<Scheme, LabelColors> = {
  light: { text: '#27303b', country: '#5b6673', region: '#7d8894', halo: 'rgba(246, 244, 239, 0.92)' },
  dark: { text: '#dde4ec', country: '#a8b3bf', region: '#8793a0', halo: 'rgba(23, 30, 39, 0.92)' },
};

export type Detail = 'coarse' | 'fine';

/**
 * From this (tile) zoom on, 1:110m coastlines look visibly angular. At 4 the two differ by a few
 * islets, and 1:50m's 233 KB (gzip) would take a zoom-4 view past the ~500 KB a view may load.
 */
export const FINE_FROM_ZOOM = 5;

export function detailFor(zoom: number): Detail {
  return zoom >= FINE_FROM_ZOOM ? 'fine' : 'coarse';
}

const painters = new Map<Detail, Promise<BasemapPainter>>();

/** A detail's shapes, ready to paint tiles: fetched and converted once per page, however many maps there are. */
export function loadPainter(detail: Detail): Promise<BasemapPainter> {
  let painter = painters.get(detail);
  if (!painter) {
    painter = fetchAtlas(detail === 'fine' ? fineUrl : coarseUrl)
      .then(shapesOf)
      .then((shapes) => new BasemapPainter(shapes));
    // A failed load may be retried by the next request (e.g. after the network comes back).
    painter.catch(() => painters.delete(detail));
    painters.set(detail, painter);
  }
  return painter;
}

async function fetchAtlas(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`basemap ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** In a worker; in place where none starts (an opaque-origin sandbox) or it fails. */
function shapesOf(bytes: ArrayBuffer): Promise<WorldShapes> {
  const inPlace = async (): Promise<WorldShapes> => {
    const { atlasShapes } = await import('./basemap-shapes');
    return atlasShapes(JSON.parse(new TextDecoder().decode(bytes)) as Atlas);
  };
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') return inPlace();
    worker = new Worker(new URL('./basemap-worker.ts', import.meta.url), { type: 'module', name: 'faultline-basemap' });
  } catch {
    return inPlace();
  }
  // The bytes are copied, not transferred: the in-place fallback may still need them.
  return new Promise<WorldShapes>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ok: true; shapes: WorldShapes } | { ok: false; message: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.shapes);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      inPlace().then(resolve, reject);
    };
    worker.postMessage(bytes);
  }).catch(() => inPlace());
}
