// The example host page for Faultline's embed (README, "Embedding"). It shows the whole API:
// listen for messages from the frame (and only from it), answer `ready` with `getState` (which
// also tells the embed our origin, so it can send us data), send commands, and fit the frame
// to the `height` messages. Text from messages is shown with textContent only.
const frame = document.getElementById('faultline');
const log = document.getElementById('log');
const summary = document.getElementById('summary');
// The embed's origin, to address our commands; '*' would hand them to whatever the frame shows.
const embedOrigin = new URL(frame.getAttribute('src'), location.href).origin;
let nextId = 1;

function send(type, payload) {
  const message = { v: 1, type, id: `host-${nextId++}` };
  if (payload !== undefined) message.payload = payload;
  frame.contentWindow.postMessage(message, embedOrigin);
  record('→', message);
}

function record(direction, data, origin) {
  const item = document.createElement('li');
  item.textContent = `${direction} ${JSON.stringify(data)}${origin ? `  (from ${origin})` : ''}`;
  if (data && data.type === 'error') item.className = 'error';
  log.prepend(item);
  while (log.children.length > 200) log.lastElementChild.remove();
}

window.addEventListener('message', (event) => {
  // Only the frame we embedded; other windows can post to us too.
  if (event.source !== frame.contentWindow) return;
  const data = event.data;
  record('←', data, event.origin);
  if (!data || data.v !== 1) return;
  if (data.type === 'ready') {
    // Before we speak the embed only says "ready" (no data): ask for the state to start talking.
    send('getState');
  } else if (data.type === 'height' && Number.isFinite(data.payload?.height)) {
    frame.style.height = `${Math.max(300, Math.min(4000, data.payload.height))}px`;
  } else if (data.type === 'state') {
    const p = data.payload;
    // regionNames: the regions filtered by, in the embed's language; older embeds send neither field.
    const regions = p.regionNames?.length ? `; regions: ${p.regionNames.join(', ')}` : '';
    const map = p.mapMode && p.mapMode.mode !== 'clusters' ? `; map: ${p.mapMode.mode}` : '';
    summary.textContent = `${p.visible} of ${p.total} events shown${regions}${map}${p.selected ? `; selected: ${p.selected}` : ''}.`;
  } else if (data.type === 'select' && data.payload.id) {
    document.getElementById('event-id').value = data.payload.id;
  }
});

// In case `ready` came before this script listened: commands sent early are kept until the data loads.
frame.addEventListener('load', () => send('getState'));

document.getElementById('filter-ceasefire').addEventListener('click', () => send('setFilters', { categories: ['ceasefire'] }));
document.getElementById('filter-text').addEventListener('click', () => send('setFilters', { text: 'Ganja' }));
document.getElementById('window-2020').addEventListener('click', () => send('setWindow', { from: '2020-09', to: '2020-11' }));
// Region ids are those of region= in links: a country's ("AZE") or a first-level region's ("AZE-5565").
document.getElementById('region-aze').addEventListener('click', () => send('setFilters', { regions: ['AZE'] }));
document.getElementById('map-regions').addEventListener('click', () => send('setMapMode', { mode: 'regions' }));
document.getElementById('map-markers').addEventListener('click', () => send('setMapMode', { mode: 'clusters' }));
document.getElementById('clear-filters').addEventListener('click', () =>
  send('setFilters', { text: '', categories: null, actors: [], tags: [], regions: [], window: null, inView: false }),
);
document.getElementById('get-state').addEventListener('click', () => send('getState'));
document.getElementById('clear-selection').addEventListener('click', () => send('selectEvent', { id: null }));
document.getElementById('select-form').addEventListener('submit', (event) => {
  event.preventDefault();
  send('selectEvent', { id: document.getElementById('event-id').value.trim() });
});
