/**
 * Batches marks into one Path2D per style so a frame costs one fill per style, not per event,
 * and bounds the work by pixels rather than rows (uPlot-style decimation):
 *  - a point within a pixel or two of a point of the same style adds nothing visible, so it
 *    is skipped;
 *  - spans of one style overlapping in one sub-row are merged into a single rectangle (their
 *    union fills identically, and a pile of dashed outlines would read as noise anyway).
 * Rows arrive in time order, so a sub-row's spans come left to right and one open run per
 * sub-row suffices.
 */
interface Run {
  key: number;
  x0: number;
  x1: number;
  y: number;
  h: number;
}

/** Marks may sit up to 50 px outside the plot (frame.ts clamps them there). */
const OVERDRAW = 64;

export class MarkBatch {
  readonly paths = new Map<number, Path2D>();
  /** One bitset of painted pixels per point style: ~25 KB each for a 1400 x 140 plot. */
  #seen = new Map<number, Uint32Array>();
  #runs = new Map<number, Run>();
  #stride: number;
  #cells: number;

  constructor(width: number, height: number) {
    this.#stride = ((Math.ceil(width) + 2 * OVERDRAW) >> 1) + 1;
    this.#cells = this.#stride * (Math.ceil(height) + 1);
  }

  #path(key: number): Path2D {
    let path = this.paths.get(key);
    if (!path) this.paths.set(key, (path = new Path2D()));
    return path;
  }

  /** A diamond of radius r centred on (cx, cy); false when decimated away. */
  point(key: number, cx: number, cy: number, r: number): boolean {
    // A 2 px grid: two diamonds of 8-10 px one pixel apart are indistinguishable.
    const x = (Math.round(cx) + OVERDRAW) >> 1;
    const y = Math.round(cy);
    if (x >= 0 && x < this.#stride && y >= 0) {
      const cell = y * this.#stride + x;
      let bits = this.#seen.get(key);
      if (!bits) this.#seen.set(key, (bits = new Uint32Array((this.#cells >>> 5) + 1)));
      const mask = 1 << (cell & 31);
      if (bits[cell >>> 5]! & mask) return false;
      bits[cell >>> 5]! |= mask;
    }
    // Round from the middle of an edge back to it, not closed with closePath: in Chromium each
    // closePath costs time in proportion to the path so far, so a path of 4,000 diamonds took
    // 71 ms to build (1 ms without). The outline's two ends meet on a straight edge, where no
    // corner needs a join.
    const path = this.#path(key);
    path.moveTo(cx - r / 2, cy - r / 2);
    path.lineTo(cx, cy - r);
    path.lineTo(cx + r, cy);
    path.lineTo(cx, cy + r);
    path.lineTo(cx - r, cy);
    path.lineTo(cx - r / 2, cy - r / 2);
    return true;
  }

  /**
   * A rectangle; `joinTouching` also merges spans that merely touch (solid bars, whose
   * boundary is invisible anyway) rather than only those that overlap (outlined extents,
   * where two adjacent days should stay two boxes).
   */
  span(key: number, x0: number, x1: number, y: number, h: number, joinTouching: boolean): void {
    const slot = key * 1_000_000 + Math.round(y * 8);
    const run = this.#runs.get(slot);
    if (run && (joinTouching ? x0 <= run.x1 + 0.5 : x0 < run.x1 - 1)) {
      run.x0 = Math.min(run.x0, x0);
      run.x1 = Math.max(run.x1, x1);
      run.h = Math.max(run.h, h);
      return;
    }
    if (run) this.#flush(run);
    this.#runs.set(slot, { key, x0, x1, y, h });
  }

  #flush(run: Run): void {
    this.#path(run.key).rect(run.x0, run.y, run.x1 - run.x0, run.h);
  }

  /** Closes the open runs; the batch's paths are complete afterwards. */
  finish(): Map<number, Path2D> {
    for (const run of this.#runs.values()) this.#flush(run);
    this.#runs.clear();
    return this.paths;
  }
}
