/**
 * Canvas drawing for markers and clusters: turns the rules of symbols.ts into 2D-context calls.
 * Kept apart from marker-layer.ts so the layer reads as bookkeeping (what to draw, in which
 * order, what was hit) and this file as the look.
 */
import type { CountLabels } from './count-labels';
import { clusterRadius, countLabel, textColorOn, tracePath, type MarkerStyle, type Shape } from './symbols';
import type { Scheme } from '../ui/color-scheme.svelte';

export type { Scheme };

export interface Palette {
  /** Thin edge that separates a marker from the land and from its neighbours. */
  edge: string;
  /** Strong ring of the selected marker and the dashes of claimed/disputed sites. */
  contrast: string;
  /** Gap ring between a selected marker and its contrast ring. */
  gap: string;
  /** Inside of a city ring, under the light tint of the category colour. */
  ringFill: string;
  /** Disc of a cluster whose members have different categories. */
  mixed: string;
}

export const PALETTES: Record<Scheme, Palette> = {
  light: { edge: '#ffffff', contrast: '#111820', gap: '#ffffff', ringFill: '#ffffff', mixed: '#3c4858' },
  // Light edges in the dark theme too: a dark edge would melt into the dark land.
  dark: { edge: '#dfe5ec', contrast: '#ffffff', gap: '#0d1117', ringFill: '#1a2029', mixed: '#c3ccd8' },
};

const DASH = [4, 3];

function shapePath(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number): void {
  ctx.beginPath();
  tracePath(ctx, shape, x, y, r);
}

/** One event: halo (coarse places), then the shape (solid site, ring city, small centre mark). */
export function paintMarker(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  shape: Shape,
  style: MarkerStyle,
  color: string,
  palette: Palette,
): void {
  if (style.halo > 0) {
    ctx.beginPath();
    ctx.arc(x, y, style.halo, 0, 2 * Math.PI);
    ctx.globalAlpha = style.haloAlpha;
    ctx.fillStyle = color;
    ctx.fill();
    ctx.globalAlpha = 0.7;
    ctx.lineWidth = 1;
    ctx.strokeStyle = color;
    ctx.setLineDash(style.dashed ? DASH : []);
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  shapePath(ctx, shape, x, y, style.radius);
  if (style.kind === 'city') {
    ctx.fillStyle = palette.ringFill;
    ctx.globalAlpha = 0.85;
    ctx.fill();
    ctx.globalAlpha = style.fillAlpha;
    ctx.fillStyle = color;
    ctx.fill();
    ctx.globalAlpha = 1;
    // A thin edge under the thick coloured ring keeps it visible on land of a similar tone.
    ctx.setLineDash([]);
    ctx.lineWidth = style.strokeWidth + 2;
    ctx.strokeStyle = palette.edge;
    ctx.stroke();
    ctx.setLineDash(style.dashed ? DASH : []);
    ctx.lineWidth = style.strokeWidth;
    ctx.strokeStyle = color;
    ctx.stroke();
  } else {
    ctx.fillStyle = color;
    ctx.fill();
    ctx.lineWidth = style.strokeWidth;
    // Dashes need a colour that differs from the fill to show.
    ctx.setLineDash(style.dashed && style.kind === 'site' ? DASH : []);
    ctx.strokeStyle = style.dashed && style.kind === 'site' ? palette.contrast : palette.edge;
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Hover: a soft halo behind the (already enlarged) marker. Drawn before the marker. */
export function paintHoverHalo(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, palette: Palette): void {
  ctx.beginPath();
  ctx.arc(x, y, r + 7, 0, 2 * Math.PI);
  ctx.globalAlpha = 0.28;
  ctx.fillStyle = palette.contrast;
  ctx.fill();
  ctx.globalAlpha = 1;
}

/** Hover on an event inside a cluster: a soft ring around the disc, which stays readable. */
export function paintHoverRing(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, palette: Palette): void {
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.globalAlpha = 0.5;
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.contrast;
  ctx.stroke();
  ctx.globalAlpha = 1;
}

/** Selection: a gap ring and a strong contrast ring, drawn after everything else. */
export function paintSelectionRing(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  palette: Palette,
): void {
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(x, y, r + 5, 0, 2 * Math.PI);
  ctx.lineWidth = 6;
  ctx.strokeStyle = palette.gap;
  ctx.stroke();
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.contrast;
  ctx.stroke();
}

/** Several events in one cell: a disc with the count, in the shared category colour if any. */
export function paintCluster(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  count: number,
  color: string | null,
  palette: Palette,
  labels: CountLabels,
  dpr: number,
): void {
  const r = clusterRadius(count);
  const fill = color ?? palette.mixed;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(x, y, r + 4, 0, 2 * Math.PI);
  ctx.globalAlpha = 0.3;
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = palette.edge;
  ctx.stroke();
  labels.draw(ctx, countLabel(count), x, y, textColorOn(fill), dpr);
}
