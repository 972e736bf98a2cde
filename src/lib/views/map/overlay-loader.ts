/**
 * The density and choropleth modes' code, each a chunk of its own, loaded the first time its
 * mode is chosen: a reader who keeps the clusters never downloads them.
 */
import type { MapMode } from '../../state/map-mode';
import type { MapOverlay } from './overlay-types';

/**
 * Starts loading every mode's code and the choropleths' shapes (the menu under the pointer or in
 * focus: a choice is near), so the switch itself only draws. Failures are left to createOverlay.
 */
export function prepareOverlays(): void {
  const quiet = (): void => {};
  import('./density-layer').catch(quiet);
  import('./choropleth-layer').catch(quiet);
  import('./region-shapes')
    .then(({ loadRegionShapes }) => Promise.all([loadRegionShapes('country'), loadRegionShapes('admin1')]))
    .catch(quiet);
}

/** `hook`: the element that gets the data-regions attribute browser tests read (the map container). */
export async function createOverlay(mode: Exclude<MapMode, 'clusters'>, hook: HTMLElement | null): Promise<MapOverlay> {
  if (mode === 'density') {
    const { DensityCanvas } = await import('./density-layer');
    return new DensityCanvas();
  }
  const [{ ChoroplethCanvas }, { loadRegionShapes }] = await Promise.all([
    import('./choropleth-layer'),
    import('./region-shapes'),
  ]);
  return new ChoroplethCanvas(await loadRegionShapes(mode === 'countries' ? 'country' : 'admin1'), hook);
}
