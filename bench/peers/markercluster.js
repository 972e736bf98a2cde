// Peer (b): Leaflet.markercluster with one L.circleMarker per located event, added in one
// addLayers call (markercluster accepts any layer with getLatLng; it guards the L.Marker-only
// clusterShow/clusterHide calls, and with animate:false it never calls setOpacity on children).
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
  const group = L.markerClusterGroup({ chunkedLoading: false, animate: false });
  group.addTo(map);
  group.addLayers(markers);
  markInteractive();
} catch (error) {
  fail(error);
}
