/**
 * The host pages an embed answers: the `origins=` parameter, read at start-up by config.ts and
 * explained in the Share dialog. Pure. The rest of the host API (protocol.ts) loads with an embed.
 */

/**
 * The `origins=` parameter: comma-separated http(s) origins, nothing else (no path, query,
 * credentials, wildcard). null when the parameter is absent. When it is present but names no
 * valid origin the list is empty, which accepts nobody: a typo must not open the embed to all.
 */
export function parseOrigins(param: string | null): { origins: string[] | null; rejected: string[] } {
  if (param === null) return { origins: null, rejected: [] };
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const raw of param
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const origin = normaliseOrigin(raw);
    if (origin === null) rejected.push(raw);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, rejected };
}

export function normaliseOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return null;
  // No wildcards: a host is letters, digits, dots and hyphens (punycode), or an IPv6 literal.
  if (!/^[a-z0-9.-]+$/i.test(url.hostname) && !/^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return null;
  // "https://a.example" and "https://a.example/" both name the origin; anything more does not.
  if (text !== url.origin && text !== `${url.origin}/`) return null;
  return url.origin;
}
