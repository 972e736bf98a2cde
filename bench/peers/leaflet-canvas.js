// Peer (a): every located event as an L.circleMarker (r=3) on Leaflet's canvas renderer.
import {
  circleMarkersOf,
  createMap,
  fail,
  fitToData,
  loadLean,
  locatedBounds,
  markAdapted,
  markInteractive,
} from './common.js';

const map = createMap(document.querySelector('[data-bench="map"]'), { preferCanvas: true });

try {
  const { events } = await loadLean();
  const markers = circleMarkersOf(events);
  const bounds = locatedBounds(events);
  markAdapted();
  fitToData(map, bounds);
  L.layerGroup(markers).addTo(map);
  markInteractive();
} catch (error) {
  fail(error);
}
