/**
 * The map's code (Leaflet and our adapter, ≈45 KB gzip, a chunk of its own so it does not weigh
 * on the first paint) and its coarse basemap, requested once per page. The explorer asks as it
 * starts, so both arrive while the data downloads: asked for only when the map mounts (after
 * the data), they held the map's first markers back by 60–100 ms at 1k events.
 */
type Adapter = typeof import('./leaflet-adapter');

let adapter: Promise<Adapter> | null = null;

export function loadMap(): Promise<Adapter> {
  if (!adapter) {
    adapter = import('./leaflet-adapter');
    // The adapter asks for the same painter (loadPainter keeps one per page); its own request
    // reports a failure, so this early one only starts the download.
    import('./basemap').then(({ loadPainter }) => loadPainter('coarse')).catch(() => {});
  }
  return adapter;
}
