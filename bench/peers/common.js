// Shared by the peer pages: load the lean JSON named by ?data=, set the marks that the driver
// (scripts/bench-peers.ts) reads, and report failures on <body> rather than in the console only.
//   peer:data-arrived  right after the response text is in
//   peer:parsed        after JSON.parse            (measure peer:parse)
//   peer:adapted       after the peer's adapter    (measure peer:adapter; set by the page)
//   peer:interactive   rAF -> setTimeout 0 after the first frame showing the data was requested

/** The generator's category colours, by index; further categories cycle through them. */
export const PALETTE = ['#b2182b', '#d55e00', '#7b3294', '#b07a00', '#009e73', '#0072b2', '#6a3d9a', '#525252'];

export function color(cat) {
  return PALETTE[cat % PALETTE.length];
}

export function params() {
  const q = new URLSearchParams(location.search);
  const data = q.get('data');
  if (!data) throw new Error('missing ?data=<url>');
  const url = new URL(data, location.href);
  if (url.origin !== location.origin) throw new Error('?data must be on this origin');
  const n = q.has('n') ? Number(q.get('n')) : NaN;
  return { url: url.href, n };
}

/** Fetches and parses the lean JSON: { categories: string[], events: [t0, t1, lat|null, lon|null, cat][] }. */
export async function loadLean() {
  const { url, n } = params();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const text = await response.text();
  performance.mark('peer:data-arrived');
  const data = JSON.parse(text);
  performance.mark('peer:parsed');
  performance.measure('peer:parse', 'peer:data-arrived', 'peer:parsed');
  document.body.dataset.count = String(data.events.length);
  if (Number.isFinite(n) && n !== data.events.length) {
    document.body.dataset.warning = `expected ${n} events, got ${data.events.length}`;
  }
  return data;
}

export function markAdapted() {
  performance.mark('peer:adapted');
  performance.measure('peer:adapter', 'peer:parsed', 'peer:adapted');
}

/** Call once the first frame that shows the data has been requested. */
export function markInteractive() {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('peer:interactive');
      document.body.dataset.ready = '1';
    }, 0),
  );
}

export function fail(error) {
  const message = error instanceof Error ? error.message : String(error);
  document.body.dataset.error = message;
  performance.mark('peer:error');
  const p = document.createElement('p');
  p.className = 'peer-error';
  p.textContent = `Error: ${message}`;
  document.body.append(p);
  console.error(error);
}

/** Bounds [[south, west], [north, east]] of the located events, or null when none has a place. */
export function locatedBounds(events) {
  let s = Infinity,
    w = Infinity,
    n = -Infinity,
    e = -Infinity;
  for (const ev of events) {
    const lat = ev[2],
      lon = ev[3];
    if (lat === null || lon === null) continue;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
    if (lon < w) w = lon;
    if (lon > e) e = lon;
  }
  return s === Infinity
    ? null
    : [
        [s, w],
        [n, e],
      ];
}

/** Frames the located events, or the world when none has a place. */
export function fitToData(map, bounds) {
  if (bounds) map.fitBounds(bounds);
  else map.setView([20, 0], 2);
}

/** One canvas circle (r=3, category colour) per located event: the marker both Leaflet peers draw. */
export function circleMarkersOf(events) {
  const markers = [];
  for (const ev of events) {
    if (ev[2] === null || ev[3] === null) continue;
    markers.push(
      L.circleMarker([ev[2], ev[3]], { radius: 3, stroke: false, fillColor: color(ev[4]), fillOpacity: 0.8 }),
    );
  }
  return markers;
}

/**
 * A Leaflet map as every map peer uses it: no tiles, no inertia, default zoom animation, and
 * the moveend mark registered before anything else listens, so the mark precedes each layer's
 * own moveend work (Leaflet's canvas renderer redraws synchronously on moveend).
 */
export function createMap(element, extra) {
  const map = L.map(element, { inertia: false, zoomAnimation: true, maxZoom: 18, ...extra });
  map.on('moveend', () => performance.mark('peer:map-moveend'));
  return map;
}
