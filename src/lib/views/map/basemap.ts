/**
 * The offline basemap: Natural Earth country shapes from world-atlas, drawn as vectors. Two
 * levels of detail: 1:110m (≈8k points, ≈35 KB gzip) for world and continent views, 1:50m
 * (≈80k points, ≈240 KB gzip) once zoomed in. Leaflet re-clips and redraws every shape in view
 * on each pan, so the light set keeps low zooms fluid, and the heavy one is only fetched when
 * needed. Both are separate assets, and topojson-client is a dynamic import: none of it counts
 * toward the initial bundle.
 */
import coarseUrl from 'world-atlas/countries-110m.json?url';
import fineUrl from 'world-atlas/countries-50m.json?url';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fixLines, fixPolygons } from './antimeridian';
import type { Scheme } from './paint';

/** Shown as plain text in the map's corner; the wording is the credit Natural Earth suggests (its data is public domain). */
export const BASEMAP_ATTRIBUTION = 'Made with Natural Earth';

export interface BasemapShapes {
  /** Filled with the land colour, no outline. */
  land: FeatureCollection<Geometry>;
  /** Every coastline and border once (a mesh), so shared borders are not stroked twice. */
  lines: Feature<MultiLineString>;
}

export interface BasemapColors {
  sea: string;
  land: string;
  line: string;
}

/** Muted so the category colours of the markers carry the attention, in both themes. */
export const BASEMAP_COLORS: Record<Scheme, BasemapColors> = {
  light: { sea: '#d3e2ec', land: '#f6f4ef', line: '#a3adb8' },
  dark: { sea: '#0b131c', land: '#27313e', line: '#52606f' },
};

type Atlas = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

export type Detail = 'coarse' | 'fine';

/** From this zoom on, 1:110m coastlines look visibly angular. */
export const FINE_FROM_ZOOM = 4;

export function detailFor(zoom: number): Detail {
  return zoom >= FINE_FROM_ZOOM ? 'fine' : 'coarse';
}

const pending = new Map<Detail, Promise<BasemapShapes>>();

/** Fetched and converted once per page and detail, however many maps are created. */
export function loadBasemap(detail: Detail): Promise<BasemapShapes> {
  let shapes = pending.get(detail);
  if (!shapes) {
    shapes = (async () => {
      const [topojson, atlas] = await Promise.all([import('topojson-client'), fetchAtlas(detail === 'fine' ? fineUrl : coarseUrl)]);
      const countries = atlas.objects.countries;
      const land = topojson.feature(atlas, countries);
      for (const f of land.features) {
        if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') f.geometry = fixPolygons(f.geometry);
      }
      return { land, lines: { type: 'Feature', properties: {}, geometry: fixLines(topojson.mesh(atlas, countries)) } };
    })();
    // A failed load may be retried by the next request (e.g. after the network comes back).
    shapes.catch(() => pending.delete(detail));
    pending.set(detail, shapes);
  }
  return shapes;
}

async function fetchAtlas(url: string): Promise<Atlas> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`basemap ${url}: HTTP ${response.status}`);
  return (await response.json()) as Atlas;
}
