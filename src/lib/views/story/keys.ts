/**
 * Which keys move through a story, and when the page may take them. Pure, so the rules are
 * table-tested: a key belongs to the story only when nothing else would use it (an input, the
 * timeline's brush and zoom, the map's panning, a list's arrows, a dialog).
 */
export type StoryMove = 'previous' | 'next' | 'first' | 'last';

const MOVES: Readonly<Record<string, StoryMove>> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  PageUp: 'previous',
  PageDown: 'next',
  Home: 'first',
  End: 'last',
};

export interface KeyTarget {
  /** The focused element is the page itself (nothing focused). */
  onPage: boolean;
  /** Inside the story panel, on something that does not use these keys itself (a button, the text). */
  inPanel: boolean;
  /** Text entry, a slider, a select or anything that edits or moves with these keys. */
  usesKeys: boolean;
}

export function storyMove(
  key: {
    key: string;
    altKey: boolean;
    ctrlKey: boolean;
    metaKey: boolean;
    shiftKey: boolean;
    defaultPrevented: boolean;
  },
  target: KeyTarget,
): StoryMove | null {
  const move = MOVES[key.key];
  if (!move || key.defaultPrevented || key.altKey || key.ctrlKey || key.metaKey || key.shiftKey) return null;
  if (target.usesKeys) return null;
  return target.onPage || target.inPanel ? move : null;
}

/** Elements whose own keyboard use wins: typing, sliders (the timeline's brush, our progress bar), lists, menus. */
const KEYED =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="listbox"], [role="grid"], [role="menu"], [role="tablist"], [role="application"], .leaflet-container, dialog';

export function keyTargetOf(element: Element | null, panel: Element | null): KeyTarget {
  const page = !element || element === document.body || element === document.documentElement;
  return {
    onPage: page,
    inPanel: !!element && !!panel && panel.contains(element),
    usesKeys: !page && !!element?.closest(KEYED),
  };
}
