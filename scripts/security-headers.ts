/**
 * The response headers the built app is meant to be served with (docs/security.md lists them for
 * common static hosts). `vite preview` sends them, so the browser tests run under the real policy.
 *
 * - No 'unsafe-eval' and no inline scripts: the validator is hand-written (no runtime compilation).
 * - style-src has no 'unsafe-inline': Svelte's style: directives and Leaflet set styles through
 *   CSSOM, which CSP does not govern, and no component has a static style="" attribute.
 * - connect-src https: so ?data= may name any https dataset (the app holds no secrets).
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

export function contentSecurityPolicy(mode: 'preview' | 'dev' = 'preview', framed = false): string {
  const directives = { ...CSP_DIRECTIVES };
  if (framed) directives['frame-ancestors'] = '*';
  if (mode === 'dev') {
    directives['style-src'] = "'self' 'unsafe-inline'";
    directives['connect-src'] = "'self' https: ws: wss:";
  }
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export function securityHeaders(mode: 'preview' | 'dev' = 'preview', framed = false): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(mode, framed),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The headers for one request path: embed.html may be framed, nothing else. */
export function securityHeadersFor(path: string, mode: 'preview' | 'dev' = 'preview'): Record<string, string> {
  const pathname = path.split(/[?#]/)[0] ?? '';
  return securityHeaders(mode, pathname.endsWith(`/${EMBED_ENTRY}`));
}

type Middlewares = {
  use(
    fn: (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: () => void) => void,
  ): void;
};

/** A Vite plugin that sends the headers on every response of the dev server and of vite preview. */
export function securityHeadersPlugin(): {
  name: string;
  configureServer(s: { middlewares: Middlewares }): void;
  configurePreviewServer(s: { middlewares: Middlewares }): void;
} {
  const install = (middlewares: Middlewares, mode: 'preview' | 'dev'): void => {
    middlewares.use((req, res, next) => {
      for (const [name, value] of Object.entries(securityHeadersFor(req.url ?? '/', mode))) res.setHeader(name, value);
      next();
    });
  };
  // The hooks must return nothing: Vite runs a returned function as a post-middleware hook.
  return {
    name: 'faultline-security-headers',
    configureServer(server) {
      install(server.middlewares, 'dev');
    },
    configurePreviewServer(server) {
      install(server.middlewares, 'preview');
    },
  };
}
