import { describe, expect, it } from 'vitest';
import { entryRow, keyAction, stepRow } from '../../../../src/lib/views/timeline/navigation';

const visible = Uint32Array.of(2, 5, 9, 12);

describe('stepRow', () => {
  it.each([
    ['next from a visible row', 5, 1, 9],
    ['previous from a visible row', 5, -1, 2],
    ['next from a filtered-out row', 6, 1, 9],
    ['previous from a filtered-out row', 6, -1, 5],
    ['next at the end stays', 12, 1, 12],
    ['previous at the start stays', 2, -1, 2],
    ['previous from before everything', 0, -1, 2],
    ['next from after everything', 20, 1, 12],
  ] as const)('%s', (_, from, dir, expected) => {
    expect(stepRow(visible, from, dir)).toBe(expected);
  });

  it('is null when nothing is visible', () => {
    expect(stepRow(new Uint32Array(0), 3, 1)).toBeNull();
  });
});

describe('entryRow', () => {
  // Row r starts at r * 10.
  const start = Float64Array.from({ length: 13 }, (_, r) => r * 10);
  it.each([
    ['right: the first visible start in view', { start: 40, end: 100 }, 1, 5],
    ['left: the last visible start in view', { start: 40, end: 100 }, -1, 9],
    ['right past everything: the last one', { start: 200, end: 300 }, 1, 12],
    ['left before everything: the first one', { start: -50, end: 0 }, -1, 2],
  ] as const)('%s', (_, view, dir, expected) => {
    expect(entryRow(visible, start, view, dir)).toBe(expected);
  });
});

describe('keyAction', () => {
  const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) =>
    keyAction({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });
  it.each([
    ['ArrowRight', 'next'],
    ['ArrowLeft', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['+', 'zoom-in'],
    ['=', 'zoom-in'],
    ['-', 'zoom-out'],
    ['Enter', 'select'],
    ['Escape', 'clear'],
    ['a', null],
  ] as const)('%s → %s', (k, action) => {
    expect(key(k)).toBe(action);
  });

  it('leaves browser shortcuts alone', () => {
    expect(key('+', { ctrlKey: true })).toBeNull();
    expect(key('ArrowLeft', { altKey: true })).toBeNull();
  });
});
