/**
 * The Share dialog's origins field: the same rule as the embed's `origins=` parameter (one parse,
 * embed/protocol.ts parseOrigins), with each entry it refuses explained in words. Pure.
 */
import { parseOrigins } from '../../embed/protocol';

export interface OriginsField {
  /** What the link carries: null for an empty field (no origins=, any host page), else the origins kept. */
  origins: string[] | null;
  /** One sentence per refused entry, and one when nothing valid is left. */
  problems: string[];
}

export function readOriginsField(text: string): OriginsField {
  if (text.trim() === '') return { origins: null, problems: [] };
  const { origins, rejected } = parseOrigins(text);
  const problems = rejected.map((entry) => `"${entry}" ${whyNotOrigin(entry)}`);
  if (origins && origins.length === 0)
    problems.push('No valid origin is left: as it stands, the embed would take commands from no page.');
  return { origins, problems };
}

/** Why parseOrigins refused an entry, in the words of its checks (protocol.ts normaliseOrigin). */
export function whyNotOrigin(entry: string): string {
  if (entry.includes('*')) return 'has a wildcard: name each site, such as https://news.example.';
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return 'is not a web address: write it with its scheme, such as https://news.example.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'is not a web page’s origin: it must start with https:// (or http://).';
  if (url.username || url.password) return 'has a user name or password: write only the scheme and host.';
  if (url.pathname !== '/' || url.search || url.hash)
    return `has a path, query or fragment: write only the scheme and host (${url.origin}).`;
  return `is not written as an origin: write it exactly as ${url.origin}.`;
}
