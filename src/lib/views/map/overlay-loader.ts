/**
 * The density and choropleth modes' code, each a chunk of its own, loaded the first time its
 * mode is chosen: a reader who keeps the clusters never downloads them.
 */
import type { MapMode } from '../../state/map-mode';
import type { MapOverlay } from './overlay-types';

export async function createOverlay(mode: Exclude<MapMode, 'clusters'>): Promise<MapOverlay> {
  if (mode === 'density') {
    const { DensityCanvas } = await import('./density-layer');
    return new DensityCanvas();
  }
  const [{ ChoroplethCanvas }, { loadRegionShapes }] = await Promise.all([
    import('./choropleth-layer'),
    import('./region-shapes'),
  ]);
  return new ChoroplethCanvas(await loadRegionShapes(mode === 'countries' ? 'country' : 'admin1'));
}
