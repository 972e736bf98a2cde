import type { Domain } from './geometry';

/** The domain a fraction `k` (0 to 1) of the way from `from` to `to`, eased out (fast, then settling). */
export function easeDomain(from: Domain, to: Domain, k: number): Domain {
  const e = 1 - (1 - Math.min(1, Math.max(0, k))) ** 3;
  return { start: from.start + (to.start - from.start) * e, end: from.end + (to.end - from.end) * e };
}

/**
 * Moves a view from `from` to `to` over `ms`, a step per animation frame, ending exactly on `to`.
 * Returns a function that stops it where it is (a user's zoom or a newer glide takes over).
 */
export function glide(from: Domain, to: Domain, ms: number, show: (view: Domain) => void): () => void {
  const began = performance.now();
  let frame = requestAnimationFrame(function tick(now: number): void {
    const k = (now - began) / ms;
    show(k >= 1 ? to : easeDomain(from, to, k));
    if (k < 1) frame = requestAnimationFrame(tick);
  });
  return () => cancelAnimationFrame(frame);
}
