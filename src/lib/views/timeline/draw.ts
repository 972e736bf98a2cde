/**
 * Canvas painting for the main timeline. Marks are batched (batch.ts) into one Path2D per
 * style: category x shape x faint x overlap. The highlight rings go on a second canvas so
 * hovering never repaints 100k marks.
 */
import { MarkBatch } from './batch';
import { densityPixels, type Rgba } from './density';
import { SHAPES } from './geometry';
import type { Density, Frame } from './frame';

export interface Theme {
  dark: boolean;
  text: string;
  panel: string;
  accent: string;
  focus: string;
  stripe: string;
  /** Edge around point marks, so they separate from bars and from each other. */
  outline: string;
}

export interface Highlight {
  selected: number | null;
  hovered: number | null;
  /** The keyboard cursor, drawn only while the plot has focus. */
  focused: number | null;
}

const POINT = SHAPES.indexOf('point');
const RANGE = SHAPES.indexOf('range');
const EXTENT = SHAPES.indexOf('extent');
/** Paint order: faint context first, then extents, bars and, on top, points. */
const SHAPE_ORDER = [EXTENT, RANGE, POINT];
const ALPHA = { point: [1, 0.22], range: [0.85, 0.2], extent: [0.26, 0.08] } as const;
/** Opacity of the whisker's steps, from the mark outwards. */
const WHISKER_ALPHA = [0.8, 0.62, 0.46, 0.32, 0.2, 0.1];

/** Sizes the canvas for the device pixel ratio and returns a context in CSS pixels. */
export function prepare(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx?.clearRect(0, 0, width, height);
  return ctx;
}

export function drawMarks(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  category: Uint16Array,
  colors: readonly string[],
  theme: Theme,
  width: number,
  laneCount: number,
): void {
  ctx.fillStyle = theme.stripe;
  for (let lane = 1; lane < laneCount; lane += 2) ctx.fillRect(0, lane * f.laneHeight, width, f.laneHeight);

  const batch = new MarkBatch(width, laneCount * f.laneHeight);
  for (let j = 0; j < f.count; j++) {
    const shape = f.shape[j]!;
    const key = ((category[f.row[j]!]! * 3 + shape) * 2 + f.faint[j]!) * 2 + f.overlap[j]!;
    if (shape === POINT) {
      const r = f.h[j]! / 2;
      batch.point(key, (f.x0[j]! + f.x1[j]!) / 2, f.y[j]! + r, r);
    } else {
      batch.span(key, f.x0[j]!, f.x1[j]!, f.y[j]!, f.h[j]!, shape === RANGE);
    }
  }
  drawWhiskers(ctx, f, category, colors);

  const paths = batch.finish();
  const keys = [...paths.keys()].sort((a, b) => order(a) - order(b));
  for (const key of keys) {
    const path = paths.get(key)!;
    const overlap = key & 1;
    const faint = (key >> 1) & 1;
    const shape = (key >> 2) % 3;
    const color = colors[Math.floor((key >> 2) / 3)] ?? theme.text;
    ctx.globalAlpha = ALPHA[SHAPES[shape]!][faint]! * (overlap && !faint ? 0.6 : 1);
    ctx.fillStyle = color;
    ctx.fill(path);
    if (shape === EXTENT) {
      // A coarse date's span: faded fill plus a dashed outline, unlike a solid range bar.
      ctx.globalAlpha = faint ? 0.3 : 0.95;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 2]);
      ctx.stroke(path);
      ctx.setLineDash([]);
    } else if (shape === POINT && !faint) {
      ctx.globalAlpha = 0.9;
      ctx.strokeStyle = theme.outline;
      ctx.lineWidth = 1;
      ctx.stroke(path);
    }
  }
  ctx.globalAlpha = 1;
}

/**
 * Density in place of marks: per lane, a column's height grows with the log of its events, so
 * a quiet week still shows next to a surge. Colours are the lanes' (category lanes) or the text
 * colour (actor lanes, which mix categories).
 */
export function drawDensity(
  ctx: CanvasRenderingContext2D,
  d: Density,
  laneHeight: number,
  laneColors: readonly (string | null)[],
  theme: Theme,
): void {
  const { width, height } = ctx.canvas;
  if (width === 0 || height === 0) return;
  const dpr = window.devicePixelRatio || 1;
  const colors = Array.from({ length: d.lanes }, (_, lane) => rgbaOf(ctx, laneColors[lane] ?? theme.text));
  const pixels = densityPixels(
    d,
    laneHeight,
    colors,
    rgbaOf(ctx, theme.stripe),
    width,
    height,
    dpr,
    pixelBuffers.get(ctx),
  );
  pixelBuffers.set(ctx, pixels);
  // putImageData copies the pixels into the canvas, so the buffer is free for the next paint.
  ctx.putImageData(new ImageData(pixels, width, height), 0, 0);
}

/** Each canvas's last density pixels, written again at its next paint of the same size. */
const pixelBuffers = new WeakMap<CanvasRenderingContext2D, Uint8ClampedArray<ArrayBuffer>>();

/** Any CSS colour as RGBA, through the context's own parser (it normalises to #rrggbb or rgba()). */
function rgbaOf(ctx: CanvasRenderingContext2D, color: string): Rgba {
  ctx.fillStyle = '#000000';
  ctx.fillStyle = color;
  const value = String(ctx.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), 1];
  const rgba = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
  return rgba
    ? [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), rgba[4] === undefined ? 1 : Number(rgba[4])]
    : [0, 0, 0, 1];
}

/** Faint before visible, then extents, ranges, points. */
function order(key: number): number {
  const faint = (key >> 1) & 1;
  return (1 - faint) * 10 + SHAPE_ORDER.indexOf((key >> 2) % 3);
}

/**
 * Approximate dates fade out beyond their span: each whisker is drawn in steps of falling
 * opacity, batched per colour and step (per-event gradients cost a shader each, which at
 * thousands of approximate events dominated the frame).
 */
function drawWhiskers(ctx: CanvasRenderingContext2D, f: Frame, category: Uint16Array, colors: readonly string[]): void {
  const paths = new Map<number, Path2D>();
  const steps = WHISKER_ALPHA.length;
  for (let j = 0; j < f.count; j++) {
    if (f.fx0[j] === f.x0[j]) continue;
    const base = (category[f.row[j]!]! * 2 + f.faint[j]!) * steps;
    const cy = f.y[j]! + f.h[j]! / 2 - 1.5;
    const left = (f.x0[j]! - f.fx0[j]!) / steps;
    const right = (f.fx1[j]! - f.x1[j]!) / steps;
    for (let s = 0; s < steps; s++) {
      let path = paths.get(base + s);
      if (!path) paths.set(base + s, (path = new Path2D()));
      path.rect(f.x0[j]! - (s + 1) * left, cy, left, 3);
      path.rect(f.x1[j]! + s * right, cy, right, 3);
    }
  }
  for (const [key, path] of paths) {
    const step = key % steps;
    const faint = Math.floor(key / steps) % 2;
    ctx.globalAlpha = WHISKER_ALPHA[step]! * (faint ? 0.3 : 1);
    ctx.fillStyle = colors[Math.floor(key / steps / 2)] ?? '#888';
    ctx.fill(path);
  }
  ctx.globalAlpha = 1;
}

/** Rings on top of the marks: selection (thick, with a halo), hover, keyboard focus (dashed). */
export function drawHighlights(ctx: CanvasRenderingContext2D, f: Frame, h: Highlight, theme: Theme): void {
  const rings: [number | null, string, number, number[]][] = [
    [h.hovered, theme.accent, 2, []],
    [h.focused, theme.focus, 2, [3, 2]],
    [h.selected, theme.text, 2.5, []],
  ];
  for (const [row, color, lineWidth, dash] of rings) {
    if (row === null) continue;
    for (let j = 0; j < f.count; j++) {
      if (f.row[j] !== row) continue;
      const path = new Path2D();
      if (SHAPES[f.shape[j]!] === 'point') diamondRing(path, f, j, 3);
      else path.rect(f.x0[j]! - 2.5, f.y[j]! - 2.5, f.x1[j]! - f.x0[j]! + 5, f.h[j]! + 5);
      ctx.setLineDash([]);
      ctx.strokeStyle = theme.panel;
      ctx.lineWidth = lineWidth + 2;
      ctx.stroke(path);
      ctx.setLineDash(dash);
      ctx.strokeStyle = color;
      ctx.lineWidth = lineWidth;
      ctx.stroke(path);
    }
  }
  ctx.setLineDash([]);
}

function diamondRing(path: Path2D, f: Frame, j: number, grow: number): void {
  const cx = (f.x0[j]! + f.x1[j]!) / 2;
  const r = f.h[j]! / 2 + grow;
  const cy = f.y[j]! + f.h[j]! / 2;
  path.moveTo(cx, cy - r);
  path.lineTo(cx + r, cy);
  path.lineTo(cx, cy + r);
  path.lineTo(cx - r, cy);
  path.closePath();
}
