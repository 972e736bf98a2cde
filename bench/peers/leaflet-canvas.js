// Peer (a): every located event as an L.circleMarker (r=3) on Leaflet's canvas renderer.
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
  L.layerGroup(markers).addTo(map);
  markInteractive();
} catch (error) {
  fail(error);
}
