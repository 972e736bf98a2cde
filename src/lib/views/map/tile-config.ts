/**
 * The deployment's runtime map config: `faultline.config.json` beside index.html, read as the map
 * starts, so a deployment can switch to online tiles without rebuilding. Absent, `"tiles": null`
 * or invalid: the bundled offline basemap (an invalid file also gets a notice saying why). Pure:
 * the page parses it (leaflet-adapter.ts) and so do the dev and preview servers, whose
 * Content-Security-Policy allows the configured tile host and no other (scripts/security-headers.ts).
 *
 *   { "tiles": { "url": "https://tile.example.org/{z}/{x}/{y}.png",
 *                "attribution": "© OpenStreetMap contributors", "maxZoom": 18 } }
 *
 * The file is the deployment's, but it is still checked as untrusted input: only https templates
 * or paths on this site, no credentials, known placeholders only, plain-text attribution.
 */

export const CONFIG_FILE = 'faultline.config.json';

export const CONFIG_LIMITS = {
  /** The whole file. */
  bytes: 16 * 1024,
  url: 2048,
  attribution: 300,
  subdomains: 10,
  maxZoom: 22,
};

export interface TileConfig {
  /** A Leaflet URL template: https, or a path resolved against the page. */
  url: string;
  /** Plain text shown in the map's corner. */
  attribution: string;
  maxZoom: number;
  /** The letters {s} takes, when the template has it. */
  subdomains: string;
}

export interface RuntimeConfig {
  /** Null: the bundled offline basemap. */
  tiles: TileConfig | null;
}

export interface ParsedConfig {
  config: RuntimeConfig;
  /** Why some or all of the file was not used, for the page's notices; null when all of it was. */
  notice: string | null;
}

const OFFLINE: RuntimeConfig = { tiles: null };
const KNOWN_KEYS = new Set(['tiles']);
const TILE_KEYS = new Set(['url', 'attribution', 'maxZoom', 'subdomains']);
/** C0 and C1 controls, and the bidirectional overrides that could disguise an attribution. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Parses the file's text (null: there is none). `base` is the page's address: a relative template
 * is resolved against it, so it stays on this site.
 */
export function parseRuntimeConfig(text: string | null, base: string): ParsedConfig {
  if (text === null) return { config: OFFLINE, notice: null };
  const refuse = (why: string): ParsedConfig => ({
    config: OFFLINE,
    notice: `${CONFIG_FILE}: ${why}; the map shows its bundled offline basemap.`,
  });
  if (text.length > CONFIG_LIMITS.bytes) return refuse(`larger than ${CONFIG_LIMITS.bytes / 1024} KB`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('not a JSON object');
  const unknown = Object.keys(value).filter((k) => !KNOWN_KEYS.has(k));
  const ignored =
    unknown.length > 0
      ? `${CONFIG_FILE}: unknown setting${unknown.length === 1 ? '' : 's'} ignored: ${unknown
          .slice(0, 5)
          .map((k) => JSON.stringify(k.slice(0, 40)))
          .join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.`
      : null;
  const tiles = (value as Record<string, unknown>)['tiles'];
  if (tiles === undefined || tiles === null) return { config: OFFLINE, notice: ignored };
  const parsed = parseTiles(tiles, base);
  if (typeof parsed === 'string') return refuse(parsed);
  return { config: { tiles: parsed }, notice: ignored };
}

/** A tile config, or why it is refused. */
function parseTiles(value: unknown, base: string): TileConfig | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '"tiles" must be an object or null';
  const t = value as Record<string, unknown>;
  const extra = Object.keys(t).filter((k) => !TILE_KEYS.has(k));
  if (extra.length > 0) return `"tiles" has an unknown setting ${JSON.stringify(extra[0]!.slice(0, 40))}`;
  const url = t['url'];
  if (typeof url !== 'string' || url.length === 0) return '"tiles.url" must be a URL template';
  if (url.length > CONFIG_LIMITS.url) return `"tiles.url" is longer than ${CONFIG_LIMITS.url} characters`;
  const why = templateProblem(url, base);
  if (why) return why;
  const attribution = t['attribution'];
  if (typeof attribution !== 'string' || attribution.trim() === '')
    return '"tiles.attribution" must name the tiles\u2019 source (their licence requires a credit)';
  if (attribution.length > CONFIG_LIMITS.attribution)
    return `"tiles.attribution" is longer than ${CONFIG_LIMITS.attribution} characters`;
  if (CONTROL.test(attribution)) return '"tiles.attribution" has control characters';
  const maxZoom = t['maxZoom'] ?? 18;
  if (!Number.isInteger(maxZoom) || (maxZoom as number) < 1 || (maxZoom as number) > CONFIG_LIMITS.maxZoom)
    return `"tiles.maxZoom" must be a whole number from 1 to ${CONFIG_LIMITS.maxZoom}`;
  const subdomains = t['subdomains'] ?? 'abc';
  if (typeof subdomains !== 'string' || !new RegExp(`^[a-z0-9]{1,${CONFIG_LIMITS.subdomains}}$`).test(subdomains))
    return `"tiles.subdomains" must be 1 to ${CONFIG_LIMITS.subdomains} lower-case letters or digits`;
  return { url, attribution: attribution.trim(), maxZoom: maxZoom as number, subdomains };
}

/** Why a URL template cannot be used, or null. */
function templateProblem(url: string, base: string): string | null {
  if (CONTROL.test(url) || /\s/.test(url)) return '"tiles.url" has spaces or control characters';
  for (const p of ['{z}', '{x}', '{y}']) if (!url.includes(p)) return `"tiles.url" lacks ${p}`;
  const placeholders = url.match(/\{[^}]*\}|[{}]/g) ?? [];
  const unknown = placeholders.find((p) => !['{s}', '{z}', '{x}', '{y}', '{r}'].includes(p));
  if (unknown) return `"tiles.url" has an unknown placeholder ${JSON.stringify(unknown.slice(0, 20))}`;
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('\\');
  if (absolute && !/^https:\/\//i.test(url)) return '"tiles.url" must start with https:// or be a path on this site';
  if (absolute) {
    const host = /^https:\/\/([^/?#]*)\//i.exec(url)?.[1];
    if (!host) return '"tiles.url" needs a host name and a path';
    // {s} may only pick a subdomain: a placeholder anywhere else in the host would let tile
    // numbers choose the site, which no Content-Security-Policy source can name.
    if (host.replace(/^\{s\}\./i, '').includes('{'))
      return '"tiles.url" may use {s} only as the first part of its host name';
  } else if (url.includes('{s}')) return '"tiles.url" may use {s} only in the host name of an https template';
  let resolved: URL;
  try {
    resolved = new URL(sample(url), base);
  } catch {
    return '"tiles.url" is not a URL';
  }
  if (resolved.username || resolved.password) return '"tiles.url" must not hold a user name or password';
  if (!absolute && resolved.origin !== new URL(base).origin) return '"tiles.url" must stay on this site';
  return null;
}

/** The template with its placeholders filled, for checking. */
function sample(url: string): string {
  return url
    .replace(/\{s\}/g, 'a')
    .replace(/\{[xyz]\}/g, '0')
    .replace(/\{r\}/g, '');
}

/**
 * The Content-Security-Policy source that lets the page show the configured tiles: the tile
 * host (a wildcard subdomain when the template picks one with {s}); null when the tiles are on
 * this site ('self' covers them) or the map is offline.
 */
export function tileImageSource(config: RuntimeConfig): string | null {
  const tiles = config.tiles;
  if (!tiles || !/^https:\/\//i.test(tiles.url)) return null;
  const host = /^https:\/\/([^/]+)\//i.exec(tiles.url)?.[1];
  if (!host) return null;
  return `https://${host.replace(/^\{s\}\./i, '*.').toLowerCase()}`;
}
