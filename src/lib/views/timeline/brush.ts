/**
 * The only d3-brush importer. d3 keeps a brush's selection in pixels on the node; the app
 * keeps a time window in axis ms. So:
 *  - brushWindow(options) sets up brushX once and inverts user selections to windows;
 *  - brushSync(window, toPx, width, height) moves the drawn brush when the window changed
 *    elsewhere (URL, reset, playback) or the strip was resized.
 * Programmatic brush.move emits events too; they carry no sourceEvent and are ignored, so a
 * sync never echoes back into the state (d3's brush-snapping example uses the same test).
 * With `snap`, a drag is snapped at every step and the drawn selection moved to the snapped
 * edges at once, as in that example: the brush shows the window the state holds.
 */
import { brushSelection, brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import type { Attachment } from 'svelte/attachments';
import type { TimeWindow } from '../../query/filters';

export interface BrushOptions {
  /** Pixel to axis ms, read at event time so it always uses the current scale. */
  invert: () => (px: number) => number;
  /** The user started a gesture (playback should yield to it). */
  onstart?: () => void;
  /** final is false while dragging and true when the gesture ends. */
  onbrush: (window: TimeWindow, final: boolean) => void;
  /** A click without a drag empties the brush. */
  onclear: () => void;
  /** The window a selection stands for (whole units), and axis ms to pixels to draw it; read at event time. */
  snap?: { window: (window: TimeWindow) => TimeWindow; toPx: () => (t: number) => number };
}

type Event = D3BrushEvent<unknown>;

const behaviours = new WeakMap<SVGGElement, { brush: BrushBehavior<unknown>; extent: string }>();

export function brushWindow(options: BrushOptions): Attachment<SVGGElement> {
  return (node) => {
    const toWindow = (selection: unknown): TimeWindow => {
      const [x0, x1] = selection as [number, number];
      const invert = options.invert();
      const window = { start: invert(x0), end: invert(x1) };
      const snap = options.snap;
      if (!snap) return window;
      const snapped = snap.window(window);
      const toPx = snap.toPx();
      const want = [toPx(snapped.start), toPx(snapped.end)] as const;
      // Moved during the gesture, as d3's brush-snapping example does; its events carry no sourceEvent.
      if (Math.abs(want[0] - x0) >= 0.5 || Math.abs(want[1] - x1) >= 0.5) brush.move(select(node), [...want]);
      return snapped;
    };
    const brush = brushX<unknown>()
      .on('start', (e: Event) => {
        if (e.sourceEvent) options.onstart?.();
      })
      .on('brush', (e: Event) => {
        if (e.sourceEvent && e.selection) options.onbrush(toWindow(e.selection), false);
      })
      .on('end', (e: Event) => {
        if (!e.sourceEvent) return;
        if (e.selection) options.onbrush(toWindow(e.selection), true);
        else options.onclear();
      });
    behaviours.set(node, { brush, extent: '' });
    return () => {
      select(node).on('.brush', null);
      behaviours.delete(node);
    };
  };
}

export function brushSync(
  window: TimeWindow | null,
  toPx: (t: number) => number,
  width: number,
  height: number,
): Attachment<SVGGElement> {
  return (node) => {
    const entry = behaviours.get(node);
    if (!entry || width <= 0) return;
    const g = select(node);
    const extent = `${width}x${height}`;
    if (entry.extent !== extent) {
      // (Re)applying the brush draws its overlay at the new size; d3 keeps the pixel selection.
      entry.brush.extent([
        [0, 0],
        [width, height],
      ]);
      g.call(entry.brush);
      entry.extent = extent;
    }
    const clamp = (x: number) => Math.max(0, Math.min(width, x));
    const want = window ? ([clamp(toPx(window.start)), clamp(toPx(window.end))] as const) : null;
    const have = brushSelection(node) as [number, number] | null;
    const same = want && have ? Math.abs(want[0] - have[0]) < 0.5 && Math.abs(want[1] - have[1]) < 0.5 : want === have;
    if (same) return;
    entry.brush.move(g, want && want[1] - want[0] >= 1 ? [want[0], want[1]] : null);
  };
}
