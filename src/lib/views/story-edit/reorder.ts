/**
 * Reordering a story's steps: where a dragged step would land, and the keys that move a focused
 * step. Pure, so the pointer handler in StepList.svelte and its tests share it.
 */

/**
 * The position (from 0, in the list with the dragged step taken out) a step dropped at `y` takes:
 * it goes before the first other step whose middle is below `y`. `middles` are the vertical
 * middles of every step in list order, the dragged one (`from`) included.
 */
export function dropIndex(middles: readonly number[], from: number, y: number): number {
  let at = 0;
  for (let i = 0; i < middles.length; i++) {
    if (i === from) continue;
    if (y > middles[i]!) at++;
    else break;
  }
  return at;
}

/** Alt+ArrowUp / Alt+ArrowDown (and Alt+Home / Alt+End) on a focused step: the position it moves to, or null. */
export function keyMove(key: string, alt: boolean, index: number, count: number): number | null {
  if (!alt) return null;
  const to =
    key === 'ArrowUp'
      ? index - 1
      : key === 'ArrowDown'
        ? index + 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? count - 1
            : null;
  if (to === null || to < 0 || to >= count || to === index) return null;
  return to;
}
