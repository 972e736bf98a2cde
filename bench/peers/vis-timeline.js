// Peer (d): vis-timeline (standalone build, which injects its own CSS) with every event as an
// item: a point when it spans at most one day, a range when it spans more (explicit ranges and
// month- or year-precision dates). stack:false. The initial window is the one the benchmark
// pans in our app: the data's extent with our 3 % margin (dataSpan in geometry.ts), zoomed in
// by 2^0.6 at its centre (TIMELINE_ZOOM in scripts/bench-gestures.ts).
import { fail, loadLean, markAdapted, markInteractive } from './common.js';

const DAY_MS = 86_400_000;
const ZOOM = 2 ** 0.6;

try {
  const { events } = await loadLean();
  let min = Infinity,
    max = -Infinity;
  const items = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    if (ev[0] < min) min = ev[0];
    if (ev[1] > max) max = ev[1];
    items[i] =
      ev[1] - ev[0] > DAY_MS
        ? { id: i, type: 'range', start: ev[0], end: ev[1], content: '', className: `c${ev[4] % 8}` }
        : { id: i, type: 'point', start: ev[0], content: '', className: `c${ev[4] % 8}` };
  }
  const dataset = new vis.DataSet(items);
  markAdapted();
  const container = document.querySelector('[data-bench="timeline"]');
  const options = { stack: false, width: '1400px', height: '400px' };
  if (min <= max) {
    const pad = Math.max((max - min) * 0.03, DAY_MS);
    const half = (max - min + 2 * pad) / 2 / ZOOM;
    const centre = (min + max) / 2;
    Object.assign(options, { start: centre - half, end: centre + half });
  }
  new vis.Timeline(container, dataset, options);
  markInteractive();
} catch (error) {
  fail(error);
}
