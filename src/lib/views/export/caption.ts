/**
 * The words that go with an exported or printed view: what it shows, out of what, over which
 * time, under which filters, and whose data it is. Pure text, shared by the PNG caption, the
 * SVG, the print list and the embed's attribution line, so they never disagree.
 */
import { localName, t } from '../../i18n/i18n.svelte';
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
  return meta.license
    ? t('caption.dataLicense', { title: meta.title, license: meta.license })
    : t('caption.data', { title: meta.title });
}

export function describeView(input: {
  meta: DatasetMeta;
  total: number;
  visible: number;
  filters: Filters;
}): ViewDescription {
  const { meta, total, visible, filters: f } = input;
  const parts: string[] = [];
  if (f.text.trim()) parts.push(t('caption.search', { text: f.text.trim() }));
  if (f.categories) {
    const labels = f.categories.map((id) => {
      const c = meta.categories.find((c) => c.id === id);
      return c ? localName(c.label, c.labels) : id;
    });
    parts.push(labels.length ? t('caption.categories', { list: labels.join(', ') }) : t('caption.noCategories'));
  }
  if (f.actors.length) parts.push(t('caption.actors', { list: f.actors.join(', ') }));
  if (f.tags.length) parts.push(t('caption.tags', { list: f.tags.join(', ') }));
  if (f.inView) parts.push(t('filters.inView'));
  return {
    title: meta.title,
    count:
      visible === total ? t('header.events', { count: total }) : t('header.eventsOf', { shown: visible, count: total }),
    window: f.window ? dates.window(f.window) : t('filters.allDates'),
    filters: parts.length ? parts.join(' · ') : t('caption.noFilters'),
    attribution: attributionText(meta),
  };
}
