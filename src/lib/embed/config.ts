/**
 * Embed mode's URL parameters, read once at start-up: `embed=1`, `views=map,timeline,list,details,summary`,
 * `theme=light|dark`, `origins=https://a.example,…`. Pure; never throws: what cannot be read is
 * ignored with a notice, like every other parameter (state/url.ts).
 */
import { parseOrigins } from './origins';
import { t } from '../i18n/i18n.svelte';

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
  if (embed !== null && !enabled && embed !== '0' && embed !== 'false') notices.push(t('url.embed', { value: embed }));

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
        t('url.views', {
          count: unknown.length,
          values: unknown.map((v) => `"${v}"`).join(', '),
          views: EMBED_VIEWS.join(', '),
        }),
      );
    if (known.length) views = new Set(known);
    else embedOnly.push(t('url.noViews'));
  }

  const themeParam = p.get('theme');
  let theme: Theme | null = null;
  if (themeParam === 'light' || themeParam === 'dark') theme = themeParam;
  else if (themeParam !== null && themeParam !== 'auto') notices.push(t('url.theme', { value: themeParam }));

  const { origins, rejected } = parseOrigins(p.get('origins'));
  if (rejected.length) embedOnly.push(t('url.origins', { values: rejected.map((o) => `"${o}"`).join(', ') }));
  if (origins && origins.length === 0) embedOnly.push(t('url.noOrigins'));

  return { enabled, views, theme, origins, notices: enabled ? [...notices, ...embedOnly] : notices };
}
