/**
 * The Share dialog's origins field: the same rule as the embed's `origins=` parameter (one parse,
 * embed/protocol.ts parseOrigins), with each entry it refuses explained in words. Pure.
 */
import { parseOrigins } from '../../embed/origins';
import { t } from '../../i18n/i18n.svelte';

export interface OriginsField {
  /** What the link carries: null for an empty field (no origins=, any host page), else the origins kept. */
  origins: string[] | null;
  /** One sentence per refused entry, and one when nothing valid is left. */
  problems: string[];
}

export function readOriginsField(text: string): OriginsField {
  if (text.trim() === '') return { origins: null, problems: [] };
  const { origins, rejected } = parseOrigins(text);
  const problems = rejected.map((entry) => t('origins.refused', { entry, why: whyNotOrigin(entry) }));
  if (origins && origins.length === 0) problems.push(t('origins.none'));
  return { origins, problems };
}

/** Why parseOrigins refused an entry, in the words of its checks (protocol.ts normaliseOrigin). */
export function whyNotOrigin(entry: string): string {
  if (entry.includes('*')) return t('origins.wildcard');
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return t('origins.notAddress');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return t('origins.notWeb');
  if (url.username || url.password) return t('origins.user');
  if (url.pathname !== '/' || url.search || url.hash) return t('origins.path', { origin: url.origin });
  return t('origins.notOrigin', { origin: url.origin });
}
