/**
 * "Download PNG": the map and the timeline as they are on screen, one above the other, under a
 * caption (dataset, count, time window, filters) and over the data credit. The map is its
 * canvases (Leaflet's basemap renderer and our marker canvas) on the sea colour; the timeline
 * is its canvases plus the markup axis and labels (rasterise.ts). The basemap is bundled and
 * nothing is drawn from another site, so the canvas stays untainted; if a deployment's online
 * tiles ever taint it, the export says so instead of failing silently.
 */
import type { ViewDescription } from './caption';
import { downloadBlob, fileSlug } from '../../io/download';
import { paintCanvas, paintSubtree } from './rasterise';

const PAD = 16;
const GAP = 10;
const MIN_WIDTH = 480;

interface Palette {
  panel: string;
  text: string;
  muted: string;
  border: string;
}

function palette(doc: Document): Palette {
  const style = getComputedStyle(doc.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    panel: v('--panel', '#ffffff'),
    text: v('--text', '#1b2430'),
    muted: v('--muted', '#55606e'),
    border: v('--border', '#d5dbe3'),
  };
}

/** Splits text into lines that fit `width` at the context's current font. */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface Block {
  lines: string[];
  font: string;
  color: string;
  lineHeight: number;
}

/** What the views handed over (view-elements.svelte.ts); a view not shown is null and left out. */
export interface ViewParts {
  /** The Leaflet container. */
  map: HTMLElement | null;
  /** The map's legend in the density and choropleth modes, painted over the map where it shows. */
  mapLegend?: HTMLElement | null;
  /** The timeline view; its toolbar is left out. */
  timeline: HTMLElement | null;
  /** Where the timeline picture starts: the top of the plot, below the toolbar. */
  timelineTop: HTMLElement | null;
}

/** Composes the picture on a new canvas (device pixel ratio, at most 2, for crisp text). */
export function composeViewImage(
  doc: Document,
  parts: ViewParts,
  description: ViewDescription,
  credits: string[] = [],
): HTMLCanvasElement {
  const colors = palette(doc);
  const mapRect = parts.map?.getBoundingClientRect() ?? null;
  const tl = parts.timeline?.getBoundingClientRect() ?? null;
  const tlTop = parts.timelineTop?.getBoundingClientRect().top ?? tl?.top ?? 0;
  const timelineRect = tl && tl.height > 0 ? new DOMRect(tl.left, tlTop, tl.width, tl.bottom - tlTop) : null;
  const width = Math.ceil(Math.max(MIN_WIDTH, mapRect?.width ?? 0, timelineRect?.width ?? 0)) + 2 * PAD;

  const canvas = doc.createElement('canvas');
  const measure = canvas.getContext('2d')!;
  const inner = width - 2 * PAD;
  const block = (text: string, fontSpec: string, color: string, lineHeight: number): Block => {
    measure.font = fontSpec;
    return { lines: wrapText(measure, text, inner), font: fontSpec, color, lineHeight };
  };
  const family = getComputedStyle(doc.body).fontFamily || 'sans-serif';
  const header = [
    block(description.title, `700 18px ${family}`, colors.text, 24),
    block(`${description.count} · ${description.window}`, `400 13px ${family}`, colors.text, 18),
    block(description.filters, `400 13px ${family}`, colors.muted, 18),
  ];
  const footer = [block([description.attribution, ...credits].join(' · '), `400 12px ${family}`, colors.muted, 16)];
  const blockHeight = (blocks: Block[]) => blocks.reduce((h, b) => h + b.lines.length * b.lineHeight, 0);

  const headerHeight = blockHeight(header);
  const mapHeight = mapRect && mapRect.height > 0 ? Math.round(mapRect.height) : 0;
  const timelineHeight = timelineRect ? Math.round(timelineRect.height) : 0;
  const height =
    PAD +
    headerHeight +
    GAP +
    (mapHeight ? mapHeight + GAP : 0) +
    (timelineHeight ? timelineHeight + GAP : 0) +
    blockHeight(footer) +
    PAD;

  const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = colors.panel;
  ctx.fillRect(0, 0, width, height);

  let y = PAD;
  const writeBlocks = (blocks: Block[]) => {
    ctx.textBaseline = 'top';
    for (const b of blocks) {
      ctx.font = b.font;
      ctx.fillStyle = b.color;
      for (const line of b.lines) {
        ctx.fillText(line, PAD, y + (b.lineHeight - parseInt(b.font.split(' ')[1]!, 10)) / 2);
        y += b.lineHeight;
      }
    }
  };
  writeBlocks(header);
  y += GAP;

  if (parts.map && mapRect && mapHeight) {
    ctx.save();
    ctx.translate(PAD, y);
    ctx.beginPath();
    ctx.rect(0, 0, mapRect.width, mapRect.height);
    ctx.clip();
    ctx.fillStyle = getComputedStyle(parts.map).backgroundColor || '#d3e2ec';
    ctx.fillRect(0, 0, mapRect.width, mapRect.height);
    // Leaflet's basemap canvas first, then our marker canvas, in document (= pane) order.
    for (const c of parts.map.querySelectorAll('canvas'))
      paintCanvas(ctx, c, { originX: mapRect.left, originY: mapRect.top });
    if (parts.mapLegend) paintSubtree(ctx, parts.mapLegend, { originX: mapRect.left, originY: mapRect.top });
    ctx.restore();
    frame(ctx, PAD, y, mapRect.width, mapRect.height, colors.border);
    y += mapHeight + GAP;
  }

  if (parts.timeline && timelineRect) {
    ctx.save();
    ctx.translate(PAD, y);
    ctx.beginPath();
    ctx.rect(0, 0, timelineRect.width, timelineRect.height);
    ctx.clip();
    ctx.fillStyle = colors.panel;
    ctx.fillRect(0, 0, timelineRect.width, timelineRect.height);
    paintSubtree(ctx, parts.timeline, { originX: timelineRect.left, originY: timelineRect.top });
    ctx.restore();
    frame(ctx, PAD, y, timelineRect.width, timelineRect.height, colors.border);
    y += timelineHeight + GAP;
  }

  writeBlocks(footer);
  return canvas;
}

function frame(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, color: string): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
}

/** Throws with a message a person can act on when a source canvas was cross-origin. */
export function assertUntainted(canvas: HTMLCanvasElement): void {
  try {
    canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
  } catch {
    throw new Error('The picture cannot be saved: the map shows images from another site that do not allow it.');
  }
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  assertUntainted(canvas);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded.'))),
      'image/png',
    ),
  );
}

/** Composes the given map and timeline and downloads them as a PNG. */
export async function exportViewPng(
  doc: Document,
  parts: ViewParts,
  description: ViewDescription,
  credits: string[] = [],
): Promise<void> {
  const canvas = composeViewImage(doc, parts, description, credits);
  downloadBlob(await canvasToPng(canvas), `${fileSlug(description.title)}-map-timeline.png`);
}
