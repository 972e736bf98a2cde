// Peer (b): Leaflet.markercluster with one L.circleMarker per located event, added in one
// addLayers call (markercluster accepts any layer with getLatLng; it guards the L.Marker-only
// clusterShow/clusterHide calls, and with animate:false it never calls setOpacity on children).
import { color, createMap, fail, loadLean, locatedBounds, markAdapted, markInteractive } from './common.js';

const map = createMap(document.querySelector('[data-bench="map"]'), { preferCanvas: true });

try {
  const { events } = await loadLean();
  const markers = [];
  for (const ev of events) {
    if (ev[2] === null || ev[3] === null) continue;
    markers.push(L.circleMarker([ev[2], ev[3]], { radius: 3, stroke: false, fillColor: color(ev[4]), fillOpacity: 0.8 }));
  }
  const bounds = locatedBounds(events);
  markAdapted();
  if (bounds) map.fitBounds(bounds);
  else map.setView([20, 0], 2);
  const group = L.markerClusterGroup({ chunkedLoading: false, animate: false });
  group.addTo(map);
  group.addLayers(markers);
  markInteractive();
} catch (error) {
  fail(error);
}
