/**
 * Resolves the ?data= parameter. Same-origin paths and https URLs are allowed; anything else
 * (http:, javascript:, data:, protocol-relative tricks) is refused before any request is made.
 */
export function resolveDataParam(
  value: string,
  base: string,
): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return { ok: false, message: `?data=${value} is not a valid address` };
  }
  const origin = new URL(base).origin;
  if (url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:'))
    return { ok: true, url: url.href };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  return { ok: false, message: `?data= accepts https addresses or paths on this site only; refused "${value}"` };
}

export const DEFAULT_DATASET = 'data/events.json';
