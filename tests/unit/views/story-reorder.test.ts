import { describe, expect, it } from 'vitest';
import { dropIndex, keyMove } from '../../../src/lib/views/story-edit/reorder';

describe('where a dragged step lands', () => {
  // Three steps whose middles are at 10, 30 and 50 px.
  const middles = [10, 30, 50];
  it.each([
    [0, 5, 0],
    [0, 35, 1],
    [0, 60, 2],
    [2, 5, 0],
    [2, 20, 1],
    [2, 45, 2],
    [1, 29, 1],
  ])('step %i dropped at y=%i takes position %i', (from, y, to) => {
    expect(dropIndex(middles, from, y)).toBe(to);
  });
});

describe('moving a focused step by keyboard', () => {
  it('moves with Alt and the arrows, Home and End, and not past either end', () => {
    expect(keyMove('ArrowUp', true, 1, 3)).toBe(0);
    expect(keyMove('ArrowDown', true, 1, 3)).toBe(2);
    expect(keyMove('Home', true, 2, 3)).toBe(0);
    expect(keyMove('End', true, 0, 3)).toBe(2);
    expect(keyMove('ArrowUp', true, 0, 3)).toBeNull();
    expect(keyMove('ArrowDown', true, 2, 3)).toBeNull();
    expect(keyMove('ArrowDown', false, 0, 3)).toBeNull();
    expect(keyMove('x', true, 0, 3)).toBeNull();
  });
});
