/**
 * Work in idle time, a few milliseconds at a time. An idle period may last 50 ms, and an input
 * that comes in meanwhile waits for the callback to end, so a callback never runs longer than
 * IDLE_SLICE_MS, however much idle time the browser offers.
 */
export const IDLE_SLICE_MS = 4;

/** Calls `task` in idle time with a test of whether it may go on; setTimeout where requestIdleCallback is missing. */
export function whenIdle(task: (more: () => boolean) => void): number {
  const run = (left: () => number): void => {
    const until = performance.now() + IDLE_SLICE_MS;
    task(() => left() > 1 && performance.now() < until);
  };
  if (typeof requestIdleCallback === 'function')
    return requestIdleCallback((deadline) => run(() => deadline.timeRemaining()));
  return window.setTimeout(() => run(() => Infinity), 0);
}

export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  clearTimeout(handle);
}

/**
 * Runs `task` once in idle time after `quietMs` without a new call: for work worth doing only
 * once a gesture has stopped. Returns a function that cancels it, whichever stage it is at.
 */
export function afterQuiet(quietMs: number, task: () => void): () => void {
  let idle = 0;
  const timer = window.setTimeout(() => (idle = whenIdle(task)), quietMs);
  return () => {
    clearTimeout(timer);
    if (idle) cancelIdle(idle);
  };
}
