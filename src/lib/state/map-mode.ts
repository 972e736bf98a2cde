/**
 * What the map draws: today's clusters, a density of square bins coloured by count, or a
 * choropleth of countries or admin-1 regions (first-level divisions: provinces, oblasts, states).
 * A choropleth shades by events, or by fatalities when the data has them. Pure: the URL codec
 * (url.ts), AppState and the map's controls share these names.
 */
export type MapMode = 'clusters' | 'density' | 'countries' | 'regions';
export type MapMeasure = 'events' | 'fatalities';

export const MAP_MODES: readonly MapMode[] = ['clusters', 'density', 'countries', 'regions'];
export const DEFAULT_MAP_MODE: MapMode = 'clusters';

/** The modes that shade regions (a choropleth). */
export function isChoropleth(mode: MapMode): mode is 'countries' | 'regions' {
  return mode === 'countries' || mode === 'regions';
}

/** `mapmode=` of a link: a known name, or null (the caller says what it ignored). */
export function parseMapMode(text: string): MapMode | null {
  return (MAP_MODES as readonly string[]).includes(text) ? (text as MapMode) : null;
}

/** `mapby=` of a link. */
export function parseMapMeasure(text: string): MapMeasure | null {
  return text === 'events' || text === 'fatalities' ? text : null;
}
