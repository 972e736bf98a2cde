/**
 * Canvas cannot use CSS variables, so the painter reads them; this makes the read reactive.
 * The theme changes with the OS colour scheme or a data-theme attribute on <html>; the page's
 * one watcher of those (ui/color-scheme.svelte.ts) tells, so drawing effects that call
 * readTheme() repaint in the new colours.
 */
import { colorScheme } from '../ui/color-scheme.svelte';
import type { Theme } from './draw';

/** Themes read so far, per element, and the colour-scheme change they were read at. */
let read = new WeakMap<Element, Theme>();
let readAt = -1;

/** True when the panel is dark, so marks can get a lighter halo. */
export function isDark(panel: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(panel.trim());
  if (!m) return false;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128;
}

/**
 * Category colours are chosen for a light panel; on a dark one the darker ones (reds, purples,
 * greys) sink into the background, so the canvas mixes them a third of the way to white.
 */
export function markColor(hex: string, dark: boolean): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!dark || !m) return hex;
  const mix = (h: string) =>
    Math.round(parseInt(h, 16) + (255 - parseInt(h, 16)) / 3)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(m[1]!)}${mix(m[2]!)}${mix(m[3]!)}`;
}

/**
 * The theme's colours as the element sees them. Reading computed style after a filter change
 * forces a style recalculation of the page, so each element's answer is kept until the theme
 * may have changed.
 */
export function readTheme(element: Element): Theme {
  const changes = colorScheme.changes;
  if (changes !== readAt) {
    read = new WeakMap();
    readAt = changes;
  }
  const known = read.get(element);
  if (known) return known;
  const theme = computeTheme(element);
  read.set(element, theme);
  return theme;
}

function computeTheme(element: Element): Theme {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const panel = v('--panel', '#ffffff');
  const dark = isDark(panel);
  return {
    dark,
    text: v('--text', '#1b2430'),
    panel,
    accent: v('--accent', '#0b5cad'),
    focus: v('--focus', '#c2410c'),
    stripe: dark ? 'rgba(255,255,255,0.035)' : 'rgba(0,0,0,0.03)',
    // Dark category colours (greys, purples) vanish on a dark panel without a light edge.
    outline: dark ? 'rgba(255,255,255,0.75)' : panel,
  };
}
