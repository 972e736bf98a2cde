import { describe, expect, it } from 'vitest';
import { storyMove, type KeyTarget } from '../../../../src/lib/views/story/keys';

const key = (
  name: string,
  mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'defaultPrevented', boolean>> = {},
) => ({
  key: name,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  defaultPrevented: false,
  ...mods,
});
const PAGE: KeyTarget = { onPage: true, inPanel: false, usesKeys: false };
const PANEL: KeyTarget = { onPage: false, inPanel: true, usesKeys: false };

describe('keys that move through a story', () => {
  it.each([
    ['ArrowLeft', 'previous'],
    ['ArrowRight', 'next'],
    ['PageUp', 'previous'],
    ['PageDown', 'next'],
    ['Home', 'first'],
    ['End', 'last'],
  ])('%s is %s on the page and in the panel', (name, move) => {
    expect(storyMove(key(name), PAGE)).toBe(move);
    expect(storyMove(key(name), PANEL)).toBe(move);
  });

  it('leaves keys to inputs, sliders, lists, the map and the timeline, and to anything outside the panel', () => {
    expect(storyMove(key('ArrowRight'), { onPage: false, inPanel: true, usesKeys: true })).toBeNull();
    expect(storyMove(key('ArrowRight'), { onPage: false, inPanel: false, usesKeys: true })).toBeNull();
    expect(storyMove(key('End'), { onPage: false, inPanel: false, usesKeys: false })).toBeNull();
  });

  it('leaves modified keys, handled keys and other keys alone', () => {
    for (const mod of ['altKey', 'ctrlKey', 'metaKey', 'shiftKey', 'defaultPrevented'] as const)
      expect(storyMove(key('ArrowRight', { [mod]: true }), PAGE)).toBeNull();
    for (const name of ['ArrowUp', 'ArrowDown', 'Enter', ' ', 'Tab', 'Escape'])
      expect(storyMove(key(name), PAGE)).toBeNull();
  });
});
