import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarkBatch } from '../../../../src/lib/views/timeline/batch';

/** jsdom has no Path2D: a recorder stands in, so the batching rules can be checked. */
class RecordingPath {
  rects: [number, number, number, number][] = [];
  moves: [number, number][] = [];
  rect(x: number, y: number, w: number, h: number): void {
    this.rects.push([x, y, w, h]);
  }
  moveTo(x: number, y: number): void {
    this.moves.push([x, y]);
  }
  lines: [number, number][] = [];
  closes = 0;
  lineTo(x: number, y: number): void {
    this.lines.push([x, y]);
  }
  closePath(): void {
    this.closes++;
  }
}

const original = (globalThis as { Path2D?: unknown }).Path2D;
beforeAll(() => {
  (globalThis as { Path2D?: unknown }).Path2D = RecordingPath;
});
afterAll(() => {
  (globalThis as { Path2D?: unknown }).Path2D = original;
});

const recorded = (batch: MarkBatch, key: number) => batch.finish().get(key) as unknown as RecordingPath;

describe('MarkBatch.point', () => {
  it('traces a diamond as an outline that comes back to its start, without closePath (slow in Chromium)', () => {
    const batch = new MarkBatch(100, 20);
    batch.point(1, 10, 8, 4);
    const path = recorded(batch, 1);
    expect(path.closes).toBe(0);
    expect(path.moves).toEqual([[8, 6]]);
    // Every corner is passed through, and the last line ends where the outline began.
    expect(path.lines).toEqual([
      [10, 4],
      [14, 8],
      [10, 12],
      [6, 8],
      [8, 6],
    ]);
  });

  it('skips a point within a pixel of one of the same style', () => {
    const batch = new MarkBatch(100, 20);
    expect(batch.point(1, 10, 5, 4)).toBe(true);
    expect(batch.point(1, 10.4, 5, 4)).toBe(false);
    expect(batch.point(1, 11, 5, 4)).toBe(false); // same 2 px cell
    expect(batch.point(1, 14, 5, 4)).toBe(true);
    expect(recorded(batch, 1).moves).toHaveLength(2);
  });

  it('keeps points of other styles or rows at the same place', () => {
    const batch = new MarkBatch(100, 20);
    expect(batch.point(1, 10, 5, 4)).toBe(true);
    expect(batch.point(2, 10, 5, 4)).toBe(true);
    expect(batch.point(1, 10, 15, 4)).toBe(true);
  });

  it('draws points in the overdraw margin without decimating them', () => {
    const batch = new MarkBatch(100, 20);
    expect(batch.point(1, -40, 5, 4)).toBe(true);
    expect(batch.point(1, 140, 5, 4)).toBe(true);
  });
});

describe('MarkBatch.span', () => {
  it.each([
    [
      'overlapping bars merge',
      true,
      [
        [0, 10],
        [5, 20],
      ],
      [[0, 0, 20, 4]],
    ],
    [
      'touching bars merge',
      true,
      [
        [0, 10],
        [10, 20],
      ],
      [[0, 0, 20, 4]],
    ],
    [
      'touching extents stay apart',
      false,
      [
        [0, 10],
        [10, 20],
      ],
      [
        [0, 0, 10, 4],
        [10, 0, 10, 4],
      ],
    ],
    [
      'overlapping extents merge',
      false,
      [
        [0, 10],
        [5, 20],
      ],
      [[0, 0, 20, 4]],
    ],
    [
      'separate spans stay separate',
      true,
      [
        [0, 10],
        [15, 20],
      ],
      [
        [0, 0, 10, 4],
        [15, 0, 5, 4],
      ],
    ],
  ] as const)('%s', (_, joinTouching, spans, rects) => {
    const batch = new MarkBatch(100, 20);
    for (const [x0, x1] of spans) batch.span(3, x0, x1, 0, 4, joinTouching);
    expect(recorded(batch, 3).rects).toEqual(rects);
  });

  it('merges only within one sub-row and style', () => {
    const batch = new MarkBatch(100, 20);
    batch.span(3, 0, 10, 0, 4, true);
    batch.span(3, 5, 15, 8, 4, true);
    batch.span(4, 5, 15, 0, 4, true);
    const paths = batch.finish();
    expect((paths.get(3) as unknown as RecordingPath).rects).toHaveLength(2);
    expect((paths.get(4) as unknown as RecordingPath).rects).toHaveLength(1);
  });
});
