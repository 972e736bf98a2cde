import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_VIEWS } from '../../../../src/lib/embed/config';
import {
  defaultEmbedPrefs,
  EMBED_PREFS_KEY,
  loadEmbedPrefs,
  parseEmbedPrefs,
  saveEmbedPrefs,
  type EmbedPrefs,
  type PrefsStore,
} from '../../../../src/lib/views/share/embed-prefs';

/** A store over a Map; `refuse` makes every write fail, as a full or blocked storage does. */
function memoryStore(refuse = false): PrefsStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    read: (key) => values.get(key) ?? null,
    write: (key, value) => {
      if (refuse) return false;
      values.set(key, value);
      return true;
    },
  };
}

const DEFAULTS = defaultEmbedPrefs();

describe('embed prefs', () => {
  it('are the defaults when nothing was stored', () => {
    expect(parseEmbedPrefs(null)).toEqual(DEFAULTS);
    expect(DEFAULTS).toEqual({
      kind: 'responsive',
      width: 800,
      height: 600,
      views: [...DEFAULT_EMBED_VIEWS],
      theme: null,
    });
  });

  it('are the defaults when the stored text is not JSON, or not an object', () => {
    for (const text of [
      '',
      '{',
      '{"kind":"fixed"',
      'undefined',
      "{'kind':'fixed'}",
      'null',
      '42',
      '"fixed"',
      'true',
      '[]',
    ])
      expect(parseEmbedPrefs(text), text).toEqual(DEFAULTS);
  });

  it('take each field that fits and the default for each that does not', () => {
    const text = JSON.stringify({ kind: 'fixed', width: '720', height: 520, views: 'map', theme: 'sepia' });
    expect(parseEmbedPrefs(text)).toEqual({ ...DEFAULTS, kind: 'fixed', height: 520 });
  });

  it('fall back field by field on wrong types', () => {
    const wrong = [
      { kind: 1, width: null, height: true, views: { map: true }, theme: 0 },
      { kind: ['fixed'], width: [720], height: { px: 520 }, views: null, theme: ['dark'] },
    ];
    for (const raw of wrong) expect(parseEmbedPrefs(JSON.stringify(raw))).toEqual(DEFAULTS);
    // Numbers that JSON cannot hold as numbers (1e999 parses to Infinity) are not sizes.
    expect(parseEmbedPrefs('{"width": 1e999, "height": -1e999}')).toEqual(DEFAULTS);
  });

  it('keep the known views in the canonical order, dropping unknown ones', () => {
    const text = JSON.stringify({ views: ['details', 'globe', 'map', 3, 'map'] });
    expect(parseEmbedPrefs(text).views).toEqual(['map', 'details']);
  });

  it('get the default views back when none of the stored ones is known', () => {
    for (const views of [[], ['globe'], [null, 1, {}], ['MAP']])
      expect(parseEmbedPrefs(JSON.stringify({ views })).views).toEqual([...DEFAULT_EMBED_VIEWS]);
  });

  it('read any kind but "fixed" as full width, and any theme but light or dark as the reader’s setting', () => {
    expect(parseEmbedPrefs('{"kind":"Fixed"}').kind).toBe('responsive');
    expect(parseEmbedPrefs('{"theme":"light"}').theme).toBe('light');
    expect(parseEmbedPrefs('{"theme":"dark"}').theme).toBe('dark');
    expect(parseEmbedPrefs('{"theme":"auto"}').theme).toBeNull();
  });

  it('come back from the store as they were saved', () => {
    const store = memoryStore();
    const prefs: EmbedPrefs = { kind: 'fixed', width: 720, height: 520, views: ['timeline', 'list'], theme: 'dark' };
    expect(saveEmbedPrefs(store, prefs)).toBe(true);
    expect([...store.values.keys()]).toEqual([EMBED_PREFS_KEY]);
    expect(loadEmbedPrefs(store)).toEqual(prefs);
  });

  it('save only the known fields, and say when the store refused them', () => {
    const store = memoryStore();
    saveEmbedPrefs(store, { ...DEFAULTS, extra: 'not kept' } as EmbedPrefs);
    expect(Object.keys(JSON.parse(store.values.get(EMBED_PREFS_KEY)!))).toEqual([
      'kind',
      'width',
      'height',
      'views',
      'theme',
    ]);
    const refusing = memoryStore(true);
    expect(saveEmbedPrefs(refusing, DEFAULTS)).toBe(false);
    expect(loadEmbedPrefs(refusing)).toEqual(DEFAULTS);
  });

  it('hand out a fresh default each time, so changing one changes no other', () => {
    const a = defaultEmbedPrefs();
    a.views.pop();
    expect(defaultEmbedPrefs().views).toEqual([...DEFAULT_EMBED_VIEWS]);
    expect(parseEmbedPrefs(null).views).toEqual([...DEFAULT_EMBED_VIEWS]);
  });
});
