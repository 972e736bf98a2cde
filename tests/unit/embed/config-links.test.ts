import { describe, expect, it } from 'vitest';
import { readEmbedConfig } from '../../../src/lib/embed/config';
import {
  appBase,
  clampSize,
  embedUrl,
  fullViewUrl,
  snippetElement,
  snippetText,
  SNIPPET_SANDBOX,
} from '../../../src/lib/embed/links';
import { DEFAULT_URL_STATE, decodeUrlState, type UrlState } from '../../../src/lib/state/url';

describe('readEmbedConfig', () => {
  it('is always on at the embed entry', () => {
    expect(readEmbedConfig('', 'embed').enabled).toBe(true);
    expect(readEmbedConfig('?embed=0', 'embed').enabled).toBe(true);
  });
  it('is off unless embed=1, with every view and no theme by default', () => {
    const c = readEmbedConfig('?q=x');
    expect(c.enabled).toBe(false);
    expect([...c.views]).toEqual(['map', 'timeline', 'list', 'details']);
    expect(c.theme).toBeNull();
    expect(c.origins).toBeNull();
    expect(c.notices).toEqual([]);
  });
  it('reads views, theme and origins', () => {
    const c = readEmbedConfig('?embed=1&views=list,map&theme=dark&origins=https://a.example,https://b.example');
    expect(c.enabled).toBe(true);
    expect([...c.views].sort()).toEqual(['list', 'map']);
    expect(c.theme).toBe('dark');
    expect(c.origins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.notices).toEqual([]);
  });
  it('ignores what it cannot read, saying so', () => {
    const c = readEmbedConfig('?embed=1&views=map,chart&theme=pink&origins=*');
    expect([...c.views]).toEqual(['map']);
    expect(c.theme).toBeNull();
    expect(c.origins).toEqual([]);
    expect(c.notices).toEqual([
      'Ignored theme="pink": use light, dark or auto.',
      'Ignored unknown view "chart" in views= (use map, timeline, list, details, summary).',
      'Ignored origins "*": each must be an origin such as https://news.example.',
      'origins= names no valid origin: the host-page API accepts no messages.',
    ]);
  });
  it('shows the usual views when views= names none it knows', () => {
    const c = readEmbedConfig('?embed=1&views=chart');
    expect(c.views.size).toBe(4);
    expect(c.notices).toContain('views= names no known view: showing the usual ones.');
  });
  it('outside embed mode, only theme and embed notices apply', () => {
    expect(readEmbedConfig('?views=x&theme=light').notices).toEqual([]);
    expect(readEmbedConfig('?embed=yes').notices).toEqual(['Ignored embed="yes": use embed=1.']);
  });
});

const state: UrlState = { ...DEFAULT_URL_STATE, text: 'ganja', categories: ['strike'], event: 'nk20-war' };

describe('links', () => {
  it('keeps the sub-path and drops query and fragment', () => {
    expect(appBase('https://x.example/tools/faultline/?embed=1#a')).toBe('https://x.example/tools/faultline/');
    // From index.html or the embed entry, the base is the folder both live in.
    expect(appBase('https://x.example/tools/faultline/index.html?q=1')).toBe('https://x.example/tools/faultline/');
    expect(appBase('https://x.example/tools/faultline/embed.html?embed=1')).toBe('https://x.example/tools/faultline/');
  });
  it('the full view carries the state and data=, never embed parameters', () => {
    const href = 'https://x.example/app/?embed=1&views=map&theme=dark&origins=https://h.example&data=data/x.json&q=old';
    const url = fullViewUrl(state, href);
    expect(url).toBe('https://x.example/app/?data=data%2Fx.json&q=ganja&cat=strike&event=nk20-war');
    for (const p of ['embed', 'views', 'theme', 'origins']) expect(new URL(url).searchParams.has(p)).toBe(false);
  });
  it('the embed URL is the embed entry with embed=1 and non-default views and theme', () => {
    const href = 'https://x.example/app/?q=old';
    expect(embedUrl(state, href, { views: ['map', 'timeline', 'list', 'details'], theme: null })).toBe(
      'https://x.example/app/embed.html?q=ganja&cat=strike&event=nk20-war&embed=1',
    );
    const url = embedUrl(state, href, { views: ['list', 'map'], theme: 'light' });
    expect(url).toBe(
      'https://x.example/app/embed.html?q=ganja&cat=strike&event=nk20-war&embed=1&views=map,list&theme=light',
    );
    // The full view of an embed is the explorer beside it.
    expect(fullViewUrl(state, url)).toBe('https://x.example/app/?q=ganja&cat=strike&event=nk20-war');
    // …and it decodes back to the same view.
    expect(decodeUrlState(new URL(url).search).state).toMatchObject({
      text: 'ganja',
      categories: ['strike'],
      event: 'nk20-war',
    });
  });
  it('clamps snippet sizes to what the embed supports', () => {
    expect(clampSize({ kind: 'fixed', width: 100, height: 100 })).toEqual({ kind: 'fixed', width: 320, height: 300 });
    expect(clampSize({ kind: 'fixed', width: 5000, height: Number.NaN })).toEqual({
      kind: 'fixed',
      width: 1600,
      height: 300,
    });
    expect(clampSize({ kind: 'responsive', height: 640.4 })).toEqual({ kind: 'responsive', height: 640 });
  });
});

describe('snippet', () => {
  const src = 'https://x.example/app/?q=a&cat=b&embed=1';
  it('has the required attributes for a fixed size', () => {
    const frame = snippetElement(document, src, 'Title', { kind: 'fixed', width: 800, height: 500 });
    expect(frame.getAttribute('src')).toBe(src);
    expect(frame.getAttribute('width')).toBe('800');
    expect(frame.getAttribute('height')).toBe('500');
    expect(frame.getAttribute('loading')).toBe('lazy');
    expect(frame.getAttribute('sandbox')).toBe(SNIPPET_SANDBOX);
    expect(frame.getAttribute('sandbox')).toBe(
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    );
    expect(frame.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    expect(frame.getAttribute('title')).toBe('Title');
  });
  it('is full width with a height when responsive', () => {
    const frame = snippetElement(document, src, 'T', { kind: 'responsive', height: 600 });
    expect(frame.hasAttribute('width')).toBe(false);
    expect(frame.getAttribute('style')).toBe('border:0;width:100%;height:600px');
  });
  it('escapes a hostile title and URL: pasted, it is still one iframe with those exact values', () => {
    const title = '"><script>alert(1)</script><b a="';
    const hostileSrc = 'https://x.example/?q="><img src=x onerror=alert(1)>&embed=1';
    const text = snippetText(document, hostileSrc, title, { kind: 'fixed', width: 400, height: 300 });
    // Parsed back (as a page that pastes it would), it must be one element and no script.
    const body = new DOMParser().parseFromString(text, 'text/html').body;
    const nodes = [...body.childNodes];
    expect(nodes).toHaveLength(1);
    const frame = nodes[0] as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('title')).toBe(title);
    expect(frame.getAttribute('src')).toBe(hostileSrc);
    expect(body.querySelector('script, img')).toBeNull();
  });
});
