import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/model/validate';
import { toJson } from '../../../src/lib/io/formats/export';
import { i18n, localName } from '../../../src/lib/i18n/i18n.svelte';

/** Category labels per language (issue #26 part 6): `labels` beside `label`, optional and checked. */
function file(category: Record<string, unknown>) {
  return {
    format: 'faultline/1',
    title: 'Labels',
    categories: [{ id: 'strike', label: 'Strike', color: '#d55e00', ...category }],
    events: [
      {
        id: 'e1',
        title: 'An event',
        summary: 'S',
        date: '2021-02-03',
        category: 'strike',
        location: null,
        sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/' }],
      },
    ],
  };
}

describe('category labels per language', () => {
  it('keeps labels by language tag, and a file without them reads as before', () => {
    const withLabels = validateDataset(file({ labels: { ru: 'Удар', 'pt-BR': 'Ataque' } }));
    expect(withLabels.problems).toEqual([]);
    expect(withLabels.meta.categories[0]).toEqual({
      id: 'strike',
      label: 'Strike',
      labels: { ru: 'Удар', 'pt-BR': 'Ataque' },
      color: '#d55e00',
    });
    const without = validateDataset(file({}));
    expect(without.problems).toEqual([]);
    expect(without.meta.categories[0]).toEqual({ id: 'strike', label: 'Strike', color: '#d55e00' });
  });

  it('leaves out a bad entry with a located warning and keeps the category', () => {
    const result = validateDataset(file({ labels: { ru: 'Удар', 'not a tag': 'x', fr: 12, ar: '' } }));
    expect(result.meta.categories[0]!.labels).toEqual({ ru: 'Удар' });
    expect(result.problems.map((p) => [p.severity, p.pointer])).toEqual([
      ['warning', '/categories/0/labels/not a tag'],
      ['warning', '/categories/0/labels/fr'],
      ['warning', '/categories/0/labels/ar'],
    ]);
    const notObject = validateDataset(file({ labels: 'Удар' }));
    expect(notObject.meta.categories[0]!.labels).toBeUndefined();
    expect(notObject.problems).toHaveLength(1);
  });

  it('refuses more languages than the limit, before reading them', () => {
    const labels = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [`x${String.fromCharCode(97 + (i % 26))}${i < 26 ? '' : 'a'}`, 'L']),
    );
    const result = validateDataset(file({ labels }));
    expect(result.meta.categories[0]!.labels).toBeUndefined();
    expect(result.problems[0]!.message).toMatch(/the limit is 50/);
  });

  it('writes them back in downloads', () => {
    const { meta, accepted } = validateDataset(file({ labels: { ru: 'Удар' } }));
    const text = toJson({ format: 'faultline/1', ...meta, events: accepted.map((a) => a.event) } as never);
    expect(JSON.parse(text).categories[0].labels).toEqual({ ru: 'Удар' });
  });

  it('shows the label of the interface language, its base language, else the label', async () => {
    const labels = { ru: 'Удар', pt: 'Ataque' };
    expect(localName('Strike', labels)).toBe('Strike');
    await i18n.setLocale('ru');
    expect(localName('Strike', labels)).toBe('Удар');
    expect(localName('Strike', undefined)).toBe('Strike');
    await i18n.setLocale('en');
  });
});
