// Peer (e): the dc.js pattern without dc.js. crossfilter2 with a time dimension (start ms) and a
// category dimension; groups: events per category and a 500-bin time histogram. Plain canvas
// bars; the time canvas is also the brush surface; one checkbox per category. Every handler
// filters and redraws synchronously, as dc.js's redrawAll does.
import { color, fail, loadLean, markAdapted, markInteractive } from './common.js';

const BINS = 500;

try {
  const { categories, events } = await loadLean();
  const total = events.length;

  let min = Infinity,
    max = -Infinity;
  for (const ev of events) {
    if (ev[0] < min) min = ev[0];
    if (ev[0] > max) max = ev[0];
  }
  if (!(min < max)) max = min + 1;
  const binWidth = (max - min) / BINS;

  const cf = crossfilter(events);
  const timeDim = cf.dimension((ev) => ev[0]);
  const catDim = cf.dimension((ev) => ev[4]);
  const timeGroup = timeDim.group((t) => Math.min(BINS - 1, Math.floor((t - min) / binWidth)));
  const catGroup = catDim.group();
  const all = cf.groupAll();
  markAdapted();

  const timeCanvas = document.querySelector('[data-bench="brush"]');
  const catCanvas = document.querySelector('[data-bench="categories"]');
  const facet = document.querySelector('[data-bench="facet"]');
  const countText = document.querySelector('[data-bench="count"]');
  const tctx = timeCanvas.getContext('2d');
  const cctx = catCanvas.getContext('2d');

  // Fixed y scales from the unfiltered data, so filtered bars visibly shrink.
  const timeMax = Math.max(1, ...timeGroup.all().map((d) => d.value));
  const catMax = Math.max(1, ...catGroup.all().map((d) => d.value));

  /** The brush extent in canvas pixels, or null when no time filter is set. */
  let brush = null;

  const drawTime = () => {
    const w = timeCanvas.width,
      h = timeCanvas.height;
    tctx.clearRect(0, 0, w, h);
    tctx.fillStyle = '#4a6fa5';
    const bw = w / BINS;
    for (const d of timeGroup.all()) {
      const bh = (d.value / timeMax) * (h - 4);
      if (bh > 0) tctx.fillRect(d.key * bw, h - bh, Math.max(1, bw - 0.5), bh);
    }
    if (brush) {
      tctx.fillStyle = 'rgba(255, 170, 0, 0.25)';
      tctx.fillRect(brush[0], 0, brush[1] - brush[0], h);
      tctx.fillStyle = '#c77700';
      tctx.fillRect(brush[0], 0, 1, h);
      tctx.fillRect(brush[1] - 1, 0, 1, h);
    }
  };
  const drawCats = () => {
    const w = catCanvas.width,
      h = catCanvas.height;
    cctx.clearRect(0, 0, w, h);
    const rows = catGroup.all();
    const rowH = h / Math.max(1, categories.length);
    cctx.font = '12px system-ui, sans-serif';
    cctx.textBaseline = 'middle';
    for (const d of rows) {
      const y = d.key * rowH;
      cctx.fillStyle = color(d.key);
      cctx.fillRect(180, y + 3, (d.value / catMax) * (w - 190), rowH - 6);
      cctx.fillStyle = '#111';
      cctx.fillText(`${categories[d.key] ?? d.key} (${d.value})`, 4, y + rowH / 2);
    }
  };
  const redraw = () => {
    drawTime();
    drawCats();
    countText.textContent = `${all.value().toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} events selected`;
  };

  // Brush: drag on the time canvas; the filter follows every pointermove.
  let dragFrom = null;
  const xOf = (e) => Math.max(0, Math.min(timeCanvas.width, e.clientX - timeCanvas.getBoundingClientRect().left));
  timeCanvas.addEventListener('pointerdown', (e) => {
    dragFrom = xOf(e);
    timeCanvas.setPointerCapture(e.pointerId);
  });
  timeCanvas.addEventListener('pointermove', (e) => {
    if (dragFrom === null) return;
    const x = xOf(e);
    const lo = Math.min(dragFrom, x),
      hi = Math.max(dragFrom, x);
    brush = [lo, hi];
    const t0 = min + (lo / timeCanvas.width) * (max - min);
    const t1 = min + (hi / timeCanvas.width) * (max - min);
    timeDim.filterRange([t0, t1]);
    redraw();
  });
  const endDrag = (e) => {
    if (dragFrom === null) return;
    if (Math.abs(xOf(e) - dragFrom) < 1) {
      brush = null;
      timeDim.filterAll();
      redraw();
    }
    dragFrom = null;
  };
  timeCanvas.addEventListener('pointerup', endDrag);
  timeCanvas.addEventListener('pointercancel', endDrag);

  // Facet: one checkbox per category; checked means shown.
  const included = categories.map(() => true);
  categories.forEach((id, i) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset.cat = String(i);
    box.addEventListener('change', () => {
      included[i] = box.checked;
      if (included.every(Boolean)) catDim.filterAll();
      else catDim.filterFunction((c) => included[c] === true);
      redraw();
    });
    label.append(box, ` ${id}`);
    facet.append(label);
  });

  redraw();
  markInteractive();
} catch (error) {
  fail(error);
}
