/**
 * The response headers the built app is meant to be served with (docs/security.md lists them for
 * common static hosts). `vite preview` sends them, so the browser tests run under the real policy.
 *
 * - No 'unsafe-eval' and no inline scripts: the validator is hand-written (no runtime compilation).
 * - style-src has no 'unsafe-inline': Svelte's style: directives and Leaflet set styles through
 *   CSSOM, which CSP does not govern, and no component has a static style="" attribute.
 * - connect-src https: so ?data= may name any https dataset (the app holds no secrets).
 * - frame-ancestors *: embedding is a feature and one HTML entry serves both the explorer and
 *   ?embed=1 (frame-ancestors cannot depend on the query string), so any web page may frame it.
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
  'frame-ancestors': '*',
};

export function contentSecurityPolicy(mode: 'preview' | 'dev' = 'preview'): string {
  const directives = { ...CSP_DIRECTIVES };
  if (mode === 'dev') {
    directives['style-src'] = "'self' 'unsafe-inline'";
    directives['connect-src'] = "'self' https: ws: wss:";
  }
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export function securityHeaders(mode: 'preview' | 'dev' = 'preview'): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(mode),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
  };
}
