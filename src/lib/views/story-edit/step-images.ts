/**
 * The pictures a printed story shows: for each step, the map and the timeline as that step shows
 * them. The steps are put into the app one after another (each with 'replace', so history keeps
 * one entry), and each is painted once the views have drawn it: frames, not milliseconds, until
 * the map's and timeline's canvases stay the same for a few frames in a row and the basemap says
 * its tiles are in. The view the analyst had is put back afterwards, whatever happened.
 * Painting reuses the PNG export's rasteriser (export/rasterise.ts): text as text, nothing loaded.
 */
import type { Story } from '../../model/story';
import type { AppState } from '../../state/app-state.svelte';
import { viewState } from '../../state/story.svelte';
import { reconcileUrlState } from '../../state/url';
import { snapshotOf } from '../../state/url-apply';
import { paintCanvas, paintSubtree } from '../export/rasterise';

export interface StepImages {
  /** Object URLs of PNGs (revoke them when the pictures are no longer shown); null when the view is not on screen. */
  map: string | null;
  timeline: string | null;
}

export interface PrintParts {
  map: HTMLElement | null;
  mapLegend: HTMLElement | null;
  timeline: HTMLElement | null;
  timelineTop: HTMLElement | null;
}

/** Frames the pictures must stay unchanged before they are taken. */
const STILL_FRAMES = 6;
/** After this many still frames the picture is taken even if the basemap never said it was ready (a view that did not move). */
const STILL_WITHOUT_BASEMAP = 45;
/** A step never waits longer than this many frames. */
const MAX_FRAMES = 600;

export async function renderStepImages(
  app: AppState,
  story: Story,
  parts: () => PrintParts,
  progress: (step: number) => void,
): Promise<StepImages[]> {
  const saved = snapshotOf(app);
  const place = app.story;
  const placeView = app.storyView;
  const highlight = app.storyHighlight;
  const images: StepImages[] = [];
  try {
    for (let i = 0; i < story.steps.length; i++) {
      progress(i);
      const step = story.steps[i]!;
      const map = parts().map;
      if (map) delete map.dataset['basemap'];
      const { dataset, index } = app;
      const raw = viewState(step.view, { id: story.id, step: i });
      const state = dataset && index ? reconcileUrlState(raw, dataset, index).state : raw;
      app.pause();
      app.applyUrl(state, 'replace');
      app.setStoryStep({ id: story.id, step: i }, state, step.view.highlight ?? [], 'replace');
      if (!state.map) app.requestFit();
      await settle(parts);
      images.push(await capture(parts()));
    }
  } catch (error) {
    for (const image of images) revoke(image);
    throw error;
  } finally {
    app.applyUrl(saved, 'replace');
    if (place) app.setStoryStep(place, placeView, highlight, 'replace');
    else app.setStoryStep(null, null, [], 'replace');
  }
  return images;
}

export function revoke(images: StepImages): void {
  if (images.map) URL.revokeObjectURL(images.map);
  if (images.timeline) URL.revokeObjectURL(images.timeline);
}

function nextFrame(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

async function settle(parts: () => PrintParts): Promise<void> {
  let last = '';
  let still = 0;
  for (let frame = 0; frame < MAX_FRAMES; frame++) {
    await nextFrame();
    const p = parts();
    const now = signature(p);
    still = now === last ? still + 1 : 0;
    last = now;
    const basemap = !p.map || p.map.dataset['basemap'] === 'ready';
    if (still >= STILL_FRAMES && (basemap || still >= STILL_WITHOUT_BASEMAP)) return;
  }
}

let probe: CanvasRenderingContext2D | null = null;
const PROBE_SIZE = 24;

/** A small fingerprint of what the views show: each canvas shrunk to a few pixels, and where the map's panes are. */
function signature(p: PrintParts): string {
  probe ??= Object.assign(document.createElement('canvas'), { width: PROBE_SIZE, height: PROBE_SIZE }).getContext(
    '2d',
    {
      willReadFrequently: true,
    },
  );
  const out: (string | number)[] = [];
  for (const root of [p.map, p.timeline]) {
    if (!root) continue;
    const pane = root.querySelector<HTMLElement>('.leaflet-map-pane');
    if (pane) out.push(pane.style.transform);
    for (const canvas of root.querySelectorAll('canvas')) {
      out.push(canvas.width, canvas.height);
      if (!probe || canvas.width === 0 || canvas.height === 0) continue;
      probe.clearRect(0, 0, PROBE_SIZE, PROBE_SIZE);
      probe.drawImage(canvas, 0, 0, PROBE_SIZE, PROBE_SIZE);
      const data = probe.getImageData(0, 0, PROBE_SIZE, PROBE_SIZE).data;
      let hash = 0;
      for (let i = 0; i < data.length; i++) hash = (Math.imul(hash, 31) + data[i]!) | 0;
      out.push(hash);
    }
    // The timeline's axis and labels are markup: their text says where it looks.
    if (root === p.timeline) out.push(root.textContent ?? '');
  }
  return out.join('|');
}

async function capture(p: PrintParts): Promise<StepImages> {
  const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  let map: string | null = null;
  let timeline: string | null = null;
  if (p.map) {
    const r = p.map.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) {
      map = await picture(r, scale, getComputedStyle(p.map).backgroundColor || '#d3e2ec', (ctx) => {
        for (const c of p.map!.querySelectorAll('canvas')) paintCanvas(ctx, c, { originX: r.left, originY: r.top });
        if (p.mapLegend) paintSubtree(ctx, p.mapLegend, { originX: r.left, originY: r.top });
      });
    }
  }
  if (p.timeline) {
    const whole = p.timeline.getBoundingClientRect();
    const top = p.timelineTop?.getBoundingClientRect().top ?? whole.top;
    const r = new DOMRect(whole.left, top, whole.width, whole.bottom - top);
    if (r.width > 0 && r.height > 0) {
      const panel = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#ffffff';
      timeline = await picture(r, scale, panel, (ctx) =>
        paintSubtree(ctx, p.timeline!, { originX: r.left, originY: r.top }),
      );
    }
  }
  return { map, timeline };
}

async function picture(
  r: DOMRect,
  scale: number,
  background: string,
  paint: (ctx: CanvasRenderingContext2D) => void,
): Promise<string | null> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(r.width * scale);
  canvas.height = Math.round(r.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(scale, scale);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, r.width, r.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, r.width, r.height);
  ctx.clip();
  paint(ctx);
  ctx.restore();
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  return blob ? URL.createObjectURL(blob) : null;
}
