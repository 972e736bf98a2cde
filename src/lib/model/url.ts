/**
 * Links come from untrusted data. Only absolute http(s) URLs that the WHATWG URL parser accepts
 * become links; everything else (javascript:, data:, tricks with tabs, NULs or entities) is text.
 */
export function safeHttpUrl(text: string): URL | null {
  if (/[\u0000-\u0020\u007f-\u009f]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * The same decision without building a URL object: validating 100k sources by constructing URLs
 * costs hundreds of milliseconds, and almost every real link matches the plain pattern.
 */
export function isHttpUrl(text: string): boolean {
  return PLAIN_HTTP.test(text) || safeHttpUrl(text) !== null;
}

/** Scheme, a DNS name ending in a letter TLD, an optional port, then printable ASCII: always a valid http(s) URL. */
const PLAIN_HTTP =
  /^https?:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::\d{1,5})?(?:[/?#][\u0021-\u007e]*)?$/;
