import { describe, expect, it } from 'vitest';
import { fileDate, fileSlug, SLUG_MAX } from '../../../src/lib/io/download';
import { exportFileName, type ExportKind } from '../../../src/lib/io/export-file';

const CURATED = 'Karabakh, NATO and New START: events behind a TURAN report (2010-2026)';
const LONG =
  'A very long dataset title that goes on and on about conflict events in several regions across more than one decade of reporting';

describe('fileSlug', () => {
  it.each([
    { title: 'New START & NATO, 2020', slug: 'new-start-nato-2020' },
    { title: 'Çavuşoğlu in Şuşa', slug: 'cavusoglu-in-susa' },
    { title: '../../etc/passwd', slug: 'etc-passwd' },
    { title: '«»', slug: 'faultline' },
    // The title of the bundled dataset, whole (it was cut to "…-turan-report-201").
    { title: CURATED, slug: 'karabakh-nato-and-new-start-events-behind-a-turan-report-2010-2026' },
    // Past the limit: the last whole word that fits, never part of one.
    {
      title: LONG,
      slug: 'a-very-long-dataset-title-that-goes-on-and-on-about-conflict-events-in-several',
    },
    // One word longer than the limit is the only thing ever cut.
    { title: 'x'.repeat(100), slug: 'x'.repeat(SLUG_MAX) },
  ])('$title → $slug', ({ title, slug }) => {
    expect(fileSlug(title)).toBe(slug);
    expect(fileSlug(title).length).toBeLessThanOrEqual(SLUG_MAX);
  });

  it('cuts at a word boundary at every limit, keeping whole words of the full slug', () => {
    const full = fileSlug(LONG, 'x', 1000);
    const words = full.split('-');
    for (let max = 5; max <= full.length; max++) {
      const slug = fileSlug(LONG, 'x', max);
      expect(slug.length, `max ${max}`).toBeLessThanOrEqual(max);
      const kept = slug.split('-');
      // Every kept word is a whole word of the full slug, in order, from its start.
      expect(kept, `max ${max}`).toEqual(words.slice(0, kept.length));
      // And the next word would not have fitted.
      if (kept.length < words.length) expect(`${slug}-${words[kept.length]}`.length).toBeGreaterThan(max);
    }
  });
});

describe('exportFileName', () => {
  // Noon UTC is early morning in Los Angeles (the tests' zone): the same calendar day.
  const day = new Date('2026-12-05T12:00:00Z');
  it.each<{ title: string; kind: ExportKind; name: string }>([
    {
      title: CURATED,
      kind: 'all',
      name: 'karabakh-nato-and-new-start-events-behind-a-turan-report-2010-2026-2026-12-05.json',
    },
    {
      title: CURATED,
      kind: 'json',
      name: 'karabakh-nato-and-new-start-events-behind-a-turan-report-2010-2026-2026-12-05-filtered.json',
    },
    { title: 'New START & NATO, 2020', kind: 'csv', name: 'new-start-nato-2020-2026-12-05-filtered.csv' },
    { title: 'New START', kind: 'geojson', name: 'new-start-2026-12-05-filtered.geojson' },
    { title: '', kind: 'all', name: 'faultline-2026-12-05.json' },
  ])('$kind of "$title" → $name', ({ title, kind, name }) => {
    expect(exportFileName(title, kind, day)).toBe(name);
  });

  it("dates the file by the user's calendar, not by UTC", () => {
    // 02:00 UTC on 6 December is still the evening of 5 December in Los Angeles.
    expect(fileDate(new Date('2026-12-06T02:00:00Z'))).toBe('2026-12-05');
    expect(exportFileName('New START', 'all', new Date('2026-12-06T02:00:00Z'))).toBe('new-start-2026-12-05.json');
  });
});
