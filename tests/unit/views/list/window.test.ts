import { describe, expect, it } from 'vitest';
import { scrollToReveal, visibleWindow } from '../../../../src/lib/views/list/window';

describe('virtual list window', () => {
  it.each([
    // scrollTop, viewport, rowHeight, count, overscan, expected
    [0, 500, 50, 0, 6, { first: 0, last: -1 }],
    [0, 500, 50, 5, 6, { first: 0, last: 4 }],
    [0, 500, 50, 100_000, 6, { first: 0, last: 16 }],
    [50_000, 500, 50, 100_000, 6, { first: 994, last: 1016 }],
    [4_999_500, 500, 50, 100_000, 6, { first: 99_984, last: 99_999 }],
  ])('scrollTop %d, viewport %d, rows %d px, %d rows', (scrollTop, viewport, row, count, overscan, expected) => {
    expect(visibleWindow(scrollTop, viewport, row, count, overscan)).toEqual(expected);
  });

  it('renders a bounded number of rows whatever the size', () => {
    const w = visibleWindow(123_456, 800, 54, 1_000_000);
    expect(w.last - w.first).toBeLessThan(40);
  });

  it.each([
    [10, 0, 200, 50, 350],
    [0, 100, 200, 50, 0],
    [2, 0, 200, 50, null],
  ])('reveals row %d from scrollTop %d', (index, scrollTop, viewport, row, expected) => {
    expect(scrollToReveal(index, scrollTop, viewport, row)).toBe(expected);
  });
});
