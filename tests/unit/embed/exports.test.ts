import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../../../src/lib/model/dataset';
import { DAY_MS, daysFromCivil } from '../../../src/lib/model/dates';
import type { DatasetMeta, EventRecord } from '../../../src/lib/model/types';
import { applyFilters } from '../../../src/lib/query/apply';
import { NO_FILTERS, type Filters } from '../../../src/lib/query/filters';
import { buildQueryIndex } from '../../../src/lib/query/query-index';
import { attributionText, describeView } from '../../../src/lib/views/export/caption';
import { fileSlug } from '../../../src/lib/io/download';
import { buildTimelineSvg, svgDomain, timelineSvgText } from '../../../src/lib/views/timeline/export-svg';
import { readStored, storageAvailable, writeStored } from '../../../src/lib/io/storage';

const meta: DatasetMeta = {
  title: 'Test <data> & "quotes"',
  description: '',
  license: 'CC BY 4.0',
  updated: '2026-01-01',
  categories: [
    { id: 'strike', label: 'Strike', color: '#b2182b' },
    { id: 'ceasefire', label: 'Ceasefire', color: '#009e73' },
  ],
};
const source = [{ publisher: 'P', title: 'T', url: 'https://example.org' }];
const events: EventRecord[] = [
  { id: 'a', title: 'Shelling of <b>Ganja</b>', summary: 'S', date: '2020-10-11', category: 'strike', sources: source },
  {
    id: 'b',
    title: 'Truce "one" & more',
    summary: 'S',
    date: '2020-10-17',
    end: '2020-10-18',
    category: 'ceasefire',
    sources: source,
  },
  {
    id: 'c',
    title: 'A month-long thing',
    summary: 'S',
    date: '2020-11',
    category: 'strike',
    approximate: true,
    sources: source,
  },
  {
    id: 'd',
    title: '<img src=x onerror=alert(1)>',
    summary: 'S',
    date: '2021-02-03',
    category: 'ceasefire',
    sources: source,
  },
];
const dataset = buildDataset('t.json', meta, events);
const index = buildQueryIndex(dataset);

function input(filters: Filters = NO_FILTERS) {
  const visible = applyFilters(index, filters);
  const visibleMask = new Uint8Array(dataset.columns.size);
  for (const row of visible) visibleMask[row] = 1;
  const description = describeView({ meta, total: events.length, visible: visible.length, filters });
  return {
    dataset,
    index,
    visible,
    visibleMask,
    window: filters.window,
    laneMode: 'category' as const,
    description,
    width: 900,
  };
}

describe('describeView', () => {
  it('says what is shown, over what time, under which filters, and whose data it is', () => {
    const d = describeView({ meta, total: 4, visible: 4, filters: NO_FILTERS });
    expect(d).toEqual({
      title: meta.title,
      count: '4 events',
      window: 'All dates',
      filters: 'No filters',
      attribution: 'Data: Test <data> & "quotes" · CC BY 4.0',
    });
    const window = { start: daysFromCivil(2020, 10, 1) * DAY_MS, end: daysFromCivil(2020, 11, 1) * DAY_MS };
    const f = describeView({
      meta,
      total: 4,
      visible: 1,
      filters: {
        ...NO_FILTERS,
        text: ' ganja ',
        categories: ['strike'],
        actors: ['X'],
        tags: ['t'],
        inView: true,
        window,
      },
    });
    expect(f.count).toBe('1 of 4 events');
    expect(f.window).toBe('1 Oct 2020 – 31 Oct 2020');
    expect(f.filters).toBe('Search “ganja” · Categories: Strike · Actors: X · Tags: t · Only events in the map view');
  });
  it('credits a dataset without a licence', () => {
    expect(attributionText({ title: 'X', license: '' })).toBe('Data: X');
  });
});

describe('timeline SVG', () => {
  it('contains every visible event title as text, and markup in titles stays text', () => {
    const svg = buildTimelineSvg(document, input());
    const titles = [...svg.querySelectorAll('g[data-id] > title')].map((t) => t.textContent);
    for (const e of events)
      expect(
        titles.some((t) => t?.endsWith(`: ${e.title}`)),
        e.title,
      ).toBe(true);
    expect(svg.querySelector('img, script, b, foreignObject')).toBeNull();
  });
  it('serialises to a standalone SVG document that parses back with the same text', () => {
    const text = timelineSvgText(document, input());
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.textContent).toContain('Shelling of <b>Ganja</b>');
    expect(doc.documentElement.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(doc.querySelectorAll('img, script')).toHaveLength(0);
    expect(doc.documentElement.textContent).toContain('Data: Test <data> & "quotes" · CC BY 4.0');
  });
  it('shows only the filtered events, over the time window', () => {
    const window = { start: daysFromCivil(2020, 10, 1) * DAY_MS, end: daysFromCivil(2020, 10, 31) * DAY_MS };
    const svg = buildTimelineSvg(document, input({ ...NO_FILTERS, categories: ['strike'], window }));
    expect([...svg.querySelectorAll('g[data-id]')].map((g) => g.getAttribute('data-id'))).toEqual(['a']);
    expect(svgDomain(dataset, new Uint32Array(0), window)).toEqual(window);
  });
  it('frames the shown events when there is no window', () => {
    const rows = applyFilters(index, { ...NO_FILTERS, categories: ['ceasefire'] });
    const d = svgDomain(dataset, rows, null);
    expect(d.start).toBeLessThan(daysFromCivil(2020, 10, 17) * DAY_MS);
    expect(d.end).toBeGreaterThan(daysFromCivil(2021, 2, 4) * DAY_MS);
  });
  it('says so when nothing matches', () => {
    const svg = buildTimelineSvg(document, input({ ...NO_FILTERS, text: 'nothing-matches-this' }));
    expect(svg.textContent).toContain('No events match the current filters.');
    expect(svg.querySelectorAll('g[data-id]')).toHaveLength(0);
  });
});

describe('fileSlug', () => {
  it('makes safe file names', () => {
    expect(fileSlug('New START & NATO, 2020')).toBe('new-start-nato-2020');
    expect(fileSlug('Çavuşoğlu in Şuşa')).toBe('cavusoglu-in-susa');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('«»')).toBe('faultline');
  });
});

describe('storage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('works where storage works', () => {
    expect(storageAvailable()).toBe(true);
    expect(writeStored('k', 'v')).toBe(true);
    expect(readStored('k')).toBe('v');
  });
  it('never throws where reading localStorage throws (a sandboxed frame)', () => {
    const throwing = {};
    Object.defineProperty(throwing, 'localStorage', {
      get() {
        throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
      },
    });
    vi.stubGlobal('window', throwing);
    expect(storageAvailable()).toBe(false);
    expect(readStored('k')).toBeNull();
    expect(writeStored('k', 'v')).toBe(false);
  });
  it('reports a full quota as unavailable', () => {
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      getItem: () => null,
      removeItem: () => {},
    };
    vi.stubGlobal('window', { localStorage: full });
    expect(storageAvailable()).toBe(false);
    expect(writeStored('k', 'v')).toBe(false);
  });
});
