/**
 * The words that go with an exported or printed view: what it shows, out of what, over which
 * time, under which filters, and whose data it is. Pure text, shared by the PNG caption, the
 * SVG, the print list and the embed's attribution line, so they never disagree.
 */
import { plural } from '../../model/format';
import { dates } from '../../state/dates.svelte';
import type { DatasetMeta } from '../../model/types';
import type { Filters } from '../../query/filters';

export interface ViewDescription {
  title: string;
  /** "53 events" or "12 of 53 events". */
  count: string;
  /** "27 Sep 2020 – 10 Nov 2020" or "All dates". */
  window: string;
  /** "Categories: Strike, Ceasefire · Search “ganja”", or "No filters". */
  filters: string;
  /** "Data: <title> · <license>". */
  attribution: string;
}

export function attributionText(meta: Pick<DatasetMeta, 'title' | 'license'>): string {
  return meta.license ? `Data: ${meta.title} · ${meta.license}` : `Data: ${meta.title}`;
}

export function describeView(input: {
  meta: DatasetMeta;
  total: number;
  visible: number;
  filters: Filters;
}): ViewDescription {
  const { meta, total, visible, filters: f } = input;
  const parts: string[] = [];
  if (f.text.trim()) parts.push(`Search “${f.text.trim()}”`);
  if (f.categories) {
    const labels = f.categories.map((id) => meta.categories.find((c) => c.id === id)?.label ?? id);
    parts.push(labels.length ? `Categories: ${labels.join(', ')}` : 'Categories: none');
  }
  if (f.actors.length) parts.push(`Actors: ${f.actors.join(', ')}`);
  if (f.tags.length) parts.push(`Tags: ${f.tags.join(', ')}`);
  if (f.inView) parts.push('Only events in the map view');
  return {
    title: meta.title,
    count:
      visible === total ? plural(total, 'event') : `${visible.toLocaleString('en-GB')} of ${plural(total, 'event')}`,
    window: f.window ? dates.window(f.window) : 'All dates',
    filters: parts.length ? parts.join(' · ') : 'No filters',
    attribution: attributionText(meta),
  };
}
