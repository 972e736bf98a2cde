/**
 * Links to the current view: the full app's address, the "Open full view" link of an embed,
 * the embed URL and the iframe snippet of the Share dialog. All are built from the state
 * through the one URL codec (state/url.ts), so a link reproduces exactly what the URL sync
 * would have written.
 */
import { encodeUrlState, type UrlState } from '../state/url';
import { DEFAULT_EMBED_VIEWS, EMBED_VIEWS, type EmbedView, type Theme } from './config';

/** The page's address without query or fragment: where index.html is served, at any sub-path. */
export function appBase(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  // From an embed, the full view is the explorer beside it.
  url.pathname = url.pathname.replace(/(^|\/)(embed|index)\.html$/, '$1');
  return url.href;
}

/** Only `data=` is carried over from the current address; embed parameters never are. */
function dataParams(search: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const value of new URLSearchParams(search).getAll('data')) out.append('data', value);
  return out;
}

function withQuery(base: string, query: string): string {
  return query ? `${base}?${query}` : base;
}

/** The full app at this view: what "Open full view" and "Copy link" give. */
export function fullViewUrl(state: UrlState, href: string): string {
  const url = new URL(href);
  return withQuery(appBase(href), encodeUrlState(state, dataParams(url.search)));
}

export interface EmbedOptions {
  views: readonly EmbedView[];
  /** null: follow the reader's colour scheme. */
  theme: Theme | null;
  /**
   * The host pages that may use the embed's API (origins=, read by config.ts with parseOrigins):
   * null or absent leaves the parameter out (any host page); an empty list writes it empty (none).
   */
  origins?: readonly string[] | null;
  /** The interface language (lang=); null or absent: the reader's browser decides. */
  lang?: string | null;
}

/** The embed at this view; default views and theme are left out of the URL. */
export function embedUrl(state: UrlState, href: string, options: EmbedOptions): string {
  const url = new URL(href);
  const extra = dataParams(url.search);
  extra.set('embed', '1');
  const views = EMBED_VIEWS.filter((v) => options.views.includes(v));
  const usual = views.length === DEFAULT_EMBED_VIEWS.length && DEFAULT_EMBED_VIEWS.every((v) => views.includes(v));
  if (views.length > 0 && !usual) extra.set('views', views.join(','));
  if (options.theme) extra.set('theme', options.theme);
  if (options.origins) extra.set('origins', options.origins.join(','));
  if (options.lang) extra.set('lang', options.lang);
  // embed.html is the entry other sites may frame (the explorer's headers refuse framing).
  return withQuery(`${appBase(href)}embed.html`, encodeUrlState(state, extra));
}

export type SnippetSize = { kind: 'fixed'; width: number; height: number } | { kind: 'responsive'; height: number };

export const SNIPPET_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
export const SNIPPET_REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** Sizes an embed stays usable at (README, "Embedding"). */
export const EMBED_SIZE = { minWidth: 320, maxWidth: 1600, minHeight: 300, maxHeight: 3000 } as const;

export function clampSize(size: SnippetSize): SnippetSize {
  const clamp = (n: number, lo: number, hi: number) =>
    Math.round(Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo)));
  const height = clamp(size.height, EMBED_SIZE.minHeight, EMBED_SIZE.maxHeight);
  return size.kind === 'fixed'
    ? { kind: 'fixed', width: clamp(size.width, EMBED_SIZE.minWidth, EMBED_SIZE.maxWidth), height }
    : { kind: 'responsive', height };
}

/**
 * The iframe element for a snippet. Built with DOM calls, so the title (which may come from
 * the dataset) and the URL are attribute values the serialiser escapes, never markup.
 */
export function snippetElement(
  doc: Document,
  src: string,
  title: string,
  size: SnippetSize,
  withStyle = true,
): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  const s = clampSize(size);
  frame.setAttribute('src', src);
  frame.setAttribute('title', title);
  if (s.kind === 'fixed') {
    frame.setAttribute('width', String(s.width));
    frame.setAttribute('height', String(s.height));
  }
  if (withStyle) frame.setAttribute('style', snippetStyle(s));
  frame.setAttribute('loading', 'lazy');
  frame.setAttribute('sandbox', SNIPPET_SANDBOX);
  frame.setAttribute('referrerpolicy', SNIPPET_REFERRER_POLICY);
  return frame;
}

/** The snippet's style attribute: numbers we produce, never data. */
function snippetStyle(s: SnippetSize): string {
  return s.kind === 'fixed' ? 'border:0;max-width:100%' : `border:0;width:100%;height:${s.height}px`;
}

/**
 * The snippet as text to paste: the element's own serialisation. Setting a style attribute from
 * script counts as an inline style under the app's CSP (style-src without 'unsafe-inline'), even
 * on a detached or inert element, so the element is built without it and the attribute is
 * written into the text before `loading`. Attribute values serialise with `"` as `&quot;`, so
 * ` loading="lazy"` can only be the attribute itself.
 */
export function snippetText(doc: Document, src: string, title: string, size: SnippetSize): string {
  const html = snippetElement(doc, src, title, size, false).outerHTML;
  return html.replace(' loading="lazy"', ` style="${snippetStyle(clampSize(size))}" loading="lazy"`);
}
