// Peer (c): supercluster index over GeoJSON points; on every moveend the clusters for the
// view replace an L.geoJSON layer of circleMarkers (canvas renderer).
import { color, createMap, fail, fitToData, loadLean, locatedBounds, markAdapted, markInteractive } from './common.js';

const map = createMap(document.querySelector('[data-bench="map"]'), { preferCanvas: true });

try {
  const { events } = await loadLean();
  const features = [];
  for (const ev of events) {
    if (ev[2] === null || ev[3] === null) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [ev[3], ev[2]] },
      properties: { cat: ev[4] },
    });
  }
  const index = new Supercluster({ radius: 40, maxZoom: 16 });
  index.load(features);
  const bounds = locatedBounds(events);
  markAdapted();

  const layer = L.geoJSON(null, {
    pointToLayer: (feature, latlng) => {
      const p = feature.properties;
      if (p.cluster) {
        const r = Math.min(24, 5 + 4 * Math.log10(p.point_count));
        return L.circleMarker(latlng, {
          radius: r,
          color: '#1f4e79',
          weight: 1,
          fillColor: '#3182bd',
          fillOpacity: 0.55,
        });
      }
      return L.circleMarker(latlng, { radius: 3, stroke: false, fillColor: color(p.cat), fillOpacity: 0.8 });
    },
  }).addTo(map);
  const refresh = () => {
    const b = map.getBounds();
    const clusters = index.getClusters(
      [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      Math.round(map.getZoom()),
    );
    layer.clearLayers();
    layer.addData(clusters);
  };
  // Registered after the peer:map-moveend mark (createMap), so the mark comes first.
  map.on('moveend', refresh);
  fitToData(map, bounds);
  markInteractive();
} catch (error) {
  fail(error);
}
