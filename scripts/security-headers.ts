import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_FILE, parseRuntimeConfig, tileImageSource } from '../src/lib/views/map/tile-config.ts';

/**
 * The response headers the built app is meant to be served with (docs/security.md lists them for
 * common static hosts). `vite preview` sends them, so the browser tests run under the real policy.
 *
 * - No 'unsafe-eval' and no inline scripts: the validator is hand-written (no runtime compilation).
 * - style-src has no 'unsafe-inline': Svelte's style: directives and Leaflet set styles through
 *   CSSOM, which CSP does not govern, and no component has a static style="" attribute.
 * - connect-src https: so ?data= may name any https dataset (the app holds no secrets).
 * - img-src adds the tile host of the runtime config (faultline.config.json, tile-config.ts) when a
 *   deployment turns online tiles on, and nothing otherwise: the servers here read the file on
 *   every request, so the policy follows it without a rebuild; a static host's copy must be edited
 *   to match (docs/security.md).
 * - frame-ancestors: the explorer keeps edits in local storage, so no page may frame it ('none');
 *   embed.html, the entry for embeds, may be framed by any page (*). frame-ancestors cannot depend
 *   on the query string, hence two entries (securityHeadersFor picks by path).
 *
 * Dev only: Vite injects component CSS as <style> elements and talks to its HMR server over a
 * WebSocket, so 'unsafe-inline' styles and ws: are added there, never in the build.
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'connect-src': "'self' https:",
  'font-src': "'self'",
  'worker-src': "'self' blob:",
  'frame-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** The entry meant to be framed: every other path refuses framing. */
export const EMBED_ENTRY = 'embed.html';

export function contentSecurityPolicy(
  mode: 'preview' | 'dev' = 'preview',
  framed = false,
  tileSource: string | null = null,
): string {
  const directives = { ...CSP_DIRECTIVES };
  if (framed) directives['frame-ancestors'] = '*';
  if (tileSource) directives['img-src'] = `${directives['img-src']} ${tileSource}`;
  if (mode === 'dev') {
    directives['style-src'] = "'self' 'unsafe-inline'";
    directives['connect-src'] = "'self' https: ws: wss:";
  }
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export function securityHeaders(
  mode: 'preview' | 'dev' = 'preview',
  framed = false,
  tileSource: string | null = null,
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(mode, framed, tileSource),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The headers for one request path: embed.html may be framed, nothing else. */
export function securityHeadersFor(
  path: string,
  mode: 'preview' | 'dev' = 'preview',
  tileSource: string | null = null,
): Record<string, string> {
  const pathname = path.split(/[?#]/)[0] ?? '';
  return securityHeaders(mode, pathname.endsWith(`/${EMBED_ENTRY}`), tileSource);
}

/**
 * The img-src source for the tiles a runtime config file turns on (null: none, or offline). The
 * same parser as the page's, so an invalid file that the page ignores adds nothing here either.
 */
export function tileSourceOf(configPath: string): string | null {
  if (!existsSync(configPath)) return null;
  const text = readFileSync(configPath, 'utf8');
  return tileImageSource(parseRuntimeConfig(text, 'http://localhost/').config);
}

type Middlewares = {
  use(
    fn: (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: () => void) => void,
  ): void;
};

/**
 * A Vite plugin that sends the headers on every response of the dev server (runtime config from
 * public/) and of vite preview (from the built folder), the config read on each request.
 */
export function securityHeadersPlugin(): {
  name: string;
  configResolved(config: { root: string; publicDir: string; build: { outDir: string } }): void;
  configureServer(s: { middlewares: Middlewares }): void;
  configurePreviewServer(s: { middlewares: Middlewares }): void;
} {
  let publicDir = resolve('public');
  let outDir = resolve('dist');
  const install = (middlewares: Middlewares, mode: 'preview' | 'dev', configPath: () => string): void => {
    middlewares.use((req, res, next) => {
      const headers = securityHeadersFor(req.url ?? '/', mode, tileSourceOf(configPath()));
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      next();
    });
  };
  // The hooks must return nothing: Vite runs a returned function as a post-middleware hook.
  return {
    name: 'faultline-security-headers',
    configResolved(config) {
      publicDir = config.publicDir;
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      install(server.middlewares, 'dev', () => join(publicDir, CONFIG_FILE));
    },
    configurePreviewServer(server) {
      install(server.middlewares, 'preview', () => join(outDir, CONFIG_FILE));
    },
  };
}
