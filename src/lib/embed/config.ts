/**
 * Embed mode's URL parameters, read once at start-up: `embed=1`, `views=map,timeline,list,details,summary`,
 * `theme=light|dark`, `origins=https://a.example,…`. Pure; never throws: what cannot be read is
 * ignored with a notice, like every other parameter (state/url.ts).
 */
import { parseOrigins } from './protocol';

export type EmbedView = 'map' | 'timeline' | 'list' | 'details' | 'summary';
export const EMBED_VIEWS: readonly EmbedView[] = ['map', 'timeline', 'list', 'details', 'summary'];
/** What an embed shows without views=: the summary is asked for by name. */
export const DEFAULT_EMBED_VIEWS: readonly EmbedView[] = ['map', 'timeline', 'list', 'details'];
export type Theme = 'light' | 'dark';

/** The parameters that belong to embed mode; "Open full view" drops them. */
export const EMBED_PARAMS: readonly string[] = ['embed', 'views', 'theme', 'origins'];

export interface EmbedConfig {
  enabled: boolean;
  views: ReadonlySet<EmbedView>;
  /** null: follow prefers-color-scheme. */
  theme: Theme | null;
  /** null: no allowlist (any parent origin); []: nobody. */
  origins: string[] | null;
  notices: string[];
}

/** `entry`: embed.html is embed mode whatever its query says. */
export function readEmbedConfig(search: string, entry: 'app' | 'embed' = 'app'): EmbedConfig {
  const p = new URLSearchParams(search);
  /** Notices about views= and origins= only matter in embed mode; theme= and embed= always apply. */
  const notices: string[] = [];
  const embedOnly: string[] = [];
  const embed = p.get('embed');
  const enabled = entry === 'embed' || embed === '1' || embed === 'true';
  if (embed !== null && !enabled && embed !== '0' && embed !== 'false')
    notices.push(`Ignored embed="${embed}": use embed=1.`);

  let views = new Set<EmbedView>(DEFAULT_EMBED_VIEWS);
  const viewsParam = p.get('views');
  if (viewsParam !== null) {
    const asked = viewsParam
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const known = asked.filter((v): v is EmbedView => (EMBED_VIEWS as readonly string[]).includes(v));
    const unknown = asked.filter((v) => !(EMBED_VIEWS as readonly string[]).includes(v));
    if (unknown.length)
      embedOnly.push(
        `Ignored unknown view${unknown.length > 1 ? 's' : ''} ${unknown.map((v) => `"${v}"`).join(', ')} in views= (use ${EMBED_VIEWS.join(', ')}).`,
      );
    if (known.length) views = new Set(known);
    else embedOnly.push('views= names no known view: showing the usual ones.');
  }

  const themeParam = p.get('theme');
  let theme: Theme | null = null;
  if (themeParam === 'light' || themeParam === 'dark') theme = themeParam;
  else if (themeParam !== null && themeParam !== 'auto')
    notices.push(`Ignored theme="${themeParam}": use light, dark or auto.`);

  const { origins, rejected } = parseOrigins(p.get('origins'));
  if (rejected.length)
    embedOnly.push(
      `Ignored origins ${rejected.map((o) => `"${o}"`).join(', ')}: each must be an origin such as https://news.example.`,
    );
  if (origins && origins.length === 0)
    embedOnly.push('origins= names no valid origin: the host-page API accepts no messages.');

  return { enabled, views, theme, origins, notices: enabled ? [...notices, ...embedOnly] : notices };
}
