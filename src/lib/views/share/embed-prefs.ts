/**
 * The Share dialog's remembered embed choices (size, views, theme). What comes back from
 * storage was written by another version of the app, or by hand, or not at all, so every field
 * is checked on the way in and anything that does not fit falls back to its default. Pure: the
 * storage is passed in, so a sandboxed frame (no storage) and the tests use the same code.
 */
import { DEFAULT_EMBED_VIEWS, EMBED_VIEWS, type EmbedView, type Theme } from '../../embed/config';
import type { SnippetSize } from '../../embed/links';

export interface EmbedPrefs {
  kind: SnippetSize['kind'];
  width: number;
  height: number;
  /** Always in EMBED_VIEWS order, never empty. */
  views: EmbedView[];
  /** null: the reader's setting. */
  theme: Theme | null;
}

export interface PrefsStore {
  read(key: string): string | null;
  /** False when the value could not be kept. */
  write(key: string, value: string): boolean;
}

export const EMBED_PREFS_KEY = 'faultline:share-embed';

export function defaultEmbedPrefs(): EmbedPrefs {
  return { kind: 'responsive', width: 800, height: 600, views: [...DEFAULT_EMBED_VIEWS], theme: null };
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The prefs a stored text stands for: defaults for what is missing, malformed or unknown. */
export function parseEmbedPrefs(text: string | null): EmbedPrefs {
  const defaults = defaultEmbedPrefs();
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? 'null');
  } catch {
    return defaults;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return defaults;
  const r = raw as Record<string, unknown>;
  const listed = Array.isArray(r['views']) ? (r['views'] as unknown[]) : [];
  const views = EMBED_VIEWS.filter((v) => listed.includes(v));
  return {
    kind: r['kind'] === 'fixed' ? 'fixed' : 'responsive',
    width: isNumber(r['width']) ? r['width'] : defaults.width,
    height: isNumber(r['height']) ? r['height'] : defaults.height,
    views: views.length ? views : defaults.views,
    theme: r['theme'] === 'light' || r['theme'] === 'dark' ? r['theme'] : null,
  };
}

export function loadEmbedPrefs(store: PrefsStore): EmbedPrefs {
  return parseEmbedPrefs(store.read(EMBED_PREFS_KEY));
}

/** False when the store could not keep them. */
export function saveEmbedPrefs(store: PrefsStore, prefs: EmbedPrefs): boolean {
  const { kind, width, height, views, theme } = prefs;
  return store.write(EMBED_PREFS_KEY, JSON.stringify({ kind, width, height, views: [...views], theme }));
}
