import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeadersFor } from '../../../../scripts/security-headers';
import { CONFIG_LIMITS, parseRuntimeConfig, tileImageSource } from '../../../../src/lib/views/map/tile-config';

const BASE = 'https://faultline.example.org/app/index.html';
const parse = (value: unknown) => parseRuntimeConfig(JSON.stringify(value), BASE);
const tiles = (over: Record<string, unknown>) => ({
  tiles: { url: 'https://tile.example.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', ...over },
});

describe('the runtime map config', () => {
  it('is offline, quietly, when the file is absent or names no tiles', () => {
    expect(parseRuntimeConfig(null, BASE)).toEqual({ config: { tiles: null }, notice: null });
    expect(parse({ tiles: null })).toEqual({ config: { tiles: null }, notice: null });
    expect(parse({})).toEqual({ config: { tiles: null }, notice: null });
  });

  it('reads an https template with its attribution, zoom and subdomains', () => {
    expect(
      parse(tiles({ url: 'https://{s}.tile.example.org/{z}/{x}/{y}{r}.png', maxZoom: 19, subdomains: 'ab' })),
    ).toEqual({
      config: {
        tiles: {
          url: 'https://{s}.tile.example.org/{z}/{x}/{y}{r}.png',
          attribution: '© OpenStreetMap contributors',
          maxZoom: 19,
          subdomains: 'ab',
        },
      },
      notice: null,
    });
    expect(parse(tiles({})).config.tiles).toMatchObject({ maxZoom: 18, subdomains: 'abc' });
  });

  it('reads a path on this site (tiles hosted beside the app)', () => {
    expect(parse(tiles({ url: 'tiles/{z}/{x}/{y}.png' })).config.tiles?.url).toBe('tiles/{z}/{x}/{y}.png');
    expect(parse(tiles({ url: '/tiles/{z}/{x}/{y}.png' })).config.tiles).not.toBeNull();
  });

  it('applies the tiles but names unknown settings it ignores', () => {
    const parsed = parse({ ...tiles({}), tile: {}, colour: 'red' });
    expect(parsed.config.tiles).not.toBeNull();
    expect(parsed.notice).toBe('faultline.config.json: unknown settings ignored: "tile", "colour".');
  });

  const refused: [string, string | null, RegExp][] = [
    ['text that is not JSON', '{ "tiles": ', /not valid JSON/],
    ['an array', '[]', /not a JSON object/],
    ['a file over the size limit', `{"tiles":null,"x":"${'a'.repeat(CONFIG_LIMITS.bytes)}"}`, /larger than 16 KB/],
    [
      'tiles that are not an object',
      JSON.stringify({ tiles: 'https://tile.example.org/{z}/{x}/{y}.png' }),
      /must be an object/,
    ],
  ];
  it.each(refused)('refuses %s, with a notice, and stays offline', (_, text, why) => {
    const parsed = parseRuntimeConfig(text, BASE);
    expect(parsed.config.tiles).toBeNull();
    expect(parsed.notice).toMatch(why);
    expect(parsed.notice).toMatch(/bundled offline basemap/);
  });

  const hostile: [string, Record<string, unknown>, RegExp][] = [
    ['a javascript: URL', { url: 'javascript:alert(1)//{z}{x}{y}' }, /https:\/\/ or be a path/],
    ['plain http', { url: 'http://tile.example.org/{z}/{x}/{y}.png' }, /https:\/\/ or be a path/],
    ['a data: URL', { url: 'data:image/png;base64,{z}{x}{y}' }, /https:\/\/ or be a path/],
    ['a protocol-relative URL', { url: '//evil.example/{z}/{x}/{y}.png' }, /https:\/\/ or be a path/],
    ['a backslash host', { url: '\\\\evil.example/{z}/{x}/{y}.png' }, /https:\/\/ or be a path/],
    ['https written with backslashes', { url: 'https:\\\\evil.example/{z}/{x}/{y}.png' }, /https:\/\/ or be a path/],
    [
      'credentials in the URL',
      { url: 'https://user:secret@tile.example.org/{z}/{x}/{y}.png' },
      /user name or password/,
    ],
    ['a template without {y}', { url: 'https://tile.example.org/{z}/{x}.png' }, /lacks \{y\}/],
    ['an unknown placeholder', { url: 'https://tile.example.org/{z}/{x}/{y}.png?k={apikey}' }, /unknown placeholder/],
    [
      'a placeholder choosing the host',
      { url: 'https://{z}.example.org/{z}/{x}/{y}.png' },
      /\{s\} only as the first part/,
    ],
    ['{s} in a path on this site', { url: 'tiles/{s}/{z}/{x}/{y}.png' }, /\{s\} only in the host name/],
    ['a host with no path', { url: 'https://tile.example.org?{z}{x}{y}' }, /host name and a path/],
    ['spaces', { url: 'https://tile.example.org/{z}/{x}/{y}.png onerror=x' }, /spaces or control/],
    ['a missing attribution', { attribution: ' ' }, /must name the tiles/],
    ['an attribution with a bidi override', { attribution: 'OSM \u202e gnp.exe' }, /control characters/],
    ['an attribution over the limit', { attribution: 'a'.repeat(301) }, /longer than 300/],
    [
      'a URL over the limit',
      { url: `https://tile.example.org/${'a'.repeat(2050)}/{z}/{x}/{y}.png` },
      /longer than 2048/,
    ],
    ['a fractional maxZoom', { maxZoom: 18.5 }, /whole number from 1 to 22/],
    ['a maxZoom past 22', { maxZoom: 40 }, /whole number from 1 to 22/],
    ['subdomains with markup', { subdomains: '<b>' }, /lower-case letters or digits/],
    ['an unknown tile setting', { crossOrigin: 'use-credentials' }, /unknown setting "crossOrigin"/],
  ];
  it.each(hostile)('refuses %s, with a notice, and stays offline', (_, over, why) => {
    const parsed = parse(tiles(over));
    expect(parsed.config.tiles).toBeNull();
    expect(parsed.notice).toMatch(why);
  });

  it('quotes unknown names cut short, and at most five', () => {
    const many = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`${'k'.repeat(50)}${i}`, 1]));
    const notice = parse(many).notice!;
    expect(notice).toContain(`"${'k'.repeat(40)}"`);
    expect(notice).toContain('and 3 more');
  });
});

describe('the Content-Security-Policy follows the config', () => {
  it('names the tile host, with a wildcard for {s}, and nothing for offline or same-site tiles', () => {
    expect(tileImageSource(parse(tiles({})).config)).toBe('https://tile.example.org');
    expect(tileImageSource(parse(tiles({ url: 'https://{s}.Tile.example.org:8443/{z}/{x}/{y}.png' })).config)).toBe(
      'https://*.tile.example.org:8443',
    );
    expect(tileImageSource(parse(tiles({ url: 'tiles/{z}/{x}/{y}.png' })).config)).toBeNull();
    expect(tileImageSource({ tiles: null })).toBeNull();
  });

  it('adds the host to img-src only, for the explorer and the embed entry alike', () => {
    const offline = contentSecurityPolicy('preview');
    const online = contentSecurityPolicy('preview', false, 'https://tile.example.org');
    expect(online).toBe(
      offline.replace("img-src 'self' data: blob:", "img-src 'self' data: blob: https://tile.example.org"),
    );
    expect(
      securityHeadersFor('/embed.html', 'preview', 'https://tile.example.org')['Content-Security-Policy'],
    ).toContain("img-src 'self' data: blob: https://tile.example.org");
  });
});
