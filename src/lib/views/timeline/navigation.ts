/**
 * Keyboard navigation over the visible rows, kept pure so the rules are testable: rows are in
 * time order, so "next event" is the next row number present in `visible`.
 */
import { lowerBound } from '../../model/bisect';
import type { Domain } from './geometry';

export type KeyAction = 'next' | 'previous' | 'first' | 'last' | 'zoom-in' | 'zoom-out' | 'select' | 'clear';

const KEYS: Record<string, KeyAction> = {
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  Home: 'first',
  End: 'last',
  '+': 'zoom-in',
  '=': 'zoom-in',
  '-': 'zoom-out',
  _: 'zoom-out',
  Enter: 'select',
  ' ': 'select',
  Escape: 'clear',
};

export function keyAction(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): KeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null; // leave browser shortcuts (Ctrl +) alone
  return KEYS[event.key] ?? null;
}

/**
 * The visible row after (dir 1) or before (dir -1) `from`, which need not be visible itself.
 * At either end it stays put; null when nothing is visible.
 */
export function stepRow(visible: Uint32Array, from: number, dir: 1 | -1): number | null {
  if (visible.length === 0) return null;
  const i = lowerBound(visible, from);
  const j = dir > 0 ? (visible[i] === from ? i + 1 : i) : i - 1;
  return visible[Math.max(0, Math.min(visible.length - 1, j))]!;
}

/**
 * Where the first arrow press lands when nothing is focused yet: the first visible event that
 * starts in view going right, the last one that starts in view going left, so the cursor
 * starts on screen rather than in 2010.
 */
export function entryRow(visible: Uint32Array, start: Float64Array, view: Domain, dir: 1 | -1): number | null {
  if (visible.length === 0) return null;
  let lo = 0;
  let hi = visible.length;
  const t = dir > 0 ? view.start : view.end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start[visible[mid]!]! < t) lo = mid + 1;
    else hi = mid;
  }
  const i = dir > 0 ? Math.min(lo, visible.length - 1) : Math.max(0, lo - 1);
  return visible[i]!;
}
