import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  axisToIso,
  decodeUrlState,
  DEFAULT_URL_STATE,
  encodeUrlState,
  reconcileUrlState,
  type UrlState,
} from '../../../src/lib/state/url';
import { buildDataset } from '../../../src/lib/model/dataset';
import { buildQueryIndex } from '../../../src/lib/query/query-index';

const text = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' });
const ms = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
const stateArb: fc.Arbitrary<UrlState> = fc.record({
  data: fc.constant(null),
  text: fc.oneof(
    fc.constant(''),
    text.filter((t) => t.trim() !== ''),
  ),
  categories: fc.option(fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/), { maxLength: 4 }), { nil: null }),
  actors: fc.uniqueArray(text, { maxLength: 3 }),
  tags: fc.uniqueArray(text, { maxLength: 3 }),
  // Region ids as the table spells them: adm0_a3 ("AZE") and adm1_code ("AZE-5565", "SOL+00?").
  regions: fc.uniqueArray(fc.stringMatching(/^[A-Z]{3}(?:[-+][0-9A-Z?]{1,5})?$/), { maxLength: 3 }),
  window: fc.option(
    fc.tuple(ms, fc.integer({ min: 1, max: 400 * 86_400_000 })).map(([start, len]) => ({ start, end: start + len })),
    { nil: null },
  ),
  inView: fc.boolean(),
  event: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/), { nil: null }),
  map: fc.option(
    fc.record({
      lat: fc.integer({ min: -900000, max: 900000 }).map((n) => n / 10000),
      lon: fc.integer({ min: -1800000, max: 1800000 }).map((n) => n / 10000),
      zoom: fc.integer({ min: 0, max: 1800 }).map((n) => n / 100),
    }),
    { nil: null },
  ),
  lanes: fc.constantFrom('category' as const, 'actor' as const),
  // Stories' story= and step= round-trip in story-url.test.ts.
  story: fc.constant(null),
  step: fc.constant(null),
  mapMode: fc.constantFrom('clusters' as const, 'density' as const, 'countries' as const, 'regions' as const),
  mapBy: fc.constantFrom('events' as const, 'fatalities' as const),
});

describe('URL state', () => {
  it('round-trips every state exactly', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const decoded = decodeUrlState(encodeUrlState(state));
        expect(decoded.notices).toEqual([]);
        expect(decoded.state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const { state } = decodeUrlState(search);
        expect(typeof state.text).toBe('string');
      }),
    );
  }, 60_000);

  it('reads a blank search (a tab, spaces) as no search, so it round-trips', () => {
    for (const q of ['?q=%09', '?q=++', '?q=%20%0A']) {
      const { state } = decodeUrlState(q);
      expect(state.text).toBe('');
      expect(decodeUrlState(encodeUrlState(state)).state).toEqual(state);
    }
    expect(decodeUrlState('?q=+ganja').state.text).toBe(' ganja');
  });

  it('leaves defaults out of the URL', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
  });

  it('writes readable names', () => {
    const url = encodeUrlState({
      ...DEFAULT_URL_STATE,
      text: 'ganja',
      categories: ['strike', 'ceasefire'],
      window: { start: Date.UTC(2020, 8, 27), end: Date.UTC(2020, 10, 11) },
      event: 'nk20-war',
      map: { lat: 40.1, lon: 46.5, zoom: 6 },
      lanes: 'actor',
    });
    expect(decodeURIComponent(url)).toBe(
      'q=ganja&cat=strike,ceasefire&from=2020-09-27&to=2020-11-10&lanes=actor&event=nk20-war&map=40.1,46.5,6',
    );
  });

  it('keeps the data source first and passes foreign parameters through', () => {
    const url = encodeUrlState({ ...DEFAULT_URL_STATE, text: 'x' }, new URLSearchParams('embed=1&data=d.json&junk=2'));
    expect(url).toBe('data=d.json&q=x&embed=1');
  });

  it.each([
    ['from=2021-02-30&to=2021-03-01', 'Ignored the time window'],
    ['from=2021-03-01', 'needs both "from" and "to"'],
    ['from=2021-03-05&to=2021-03-01', 'ends before it starts'],
    ['map=91,10,3', 'Ignored map="91,10,3"'],
    ['map=abc', 'Ignored map="abc"'],
    ['lanes=people', 'Ignored lanes="people"'],
    ['inview=yes', 'Ignored inview="yes"'],
    ['colour=red', 'Ignored unknown parameter "colour"'],
  ])('ignores %s with a notice', (search, notice) => {
    const { state, notices } = decodeUrlState(search);
    expect(notices.join(' ')).toContain(notice);
    expect(state.window).toBeNull();
    expect(state.map).toBeNull();
  });

  it('drops names the dataset does not have', () => {
    const dataset = buildDataset(
      't',
      {
        title: 'T',
        description: '',
        license: '',
        updated: '',
        categories: [{ id: 'strike', label: 'S', color: '#000000' }],
      },
      [
        {
          id: 'a',
          title: 'A',
          summary: 'S',
          date: '2021',
          category: 'strike',
          actors: ['NATO'],
          sources: [{ publisher: 'P', title: 'T', url: 'https://x.org' }],
        },
      ],
    );
    const { state, notices } = reconcileUrlState(
      { ...DEFAULT_URL_STATE, categories: ['strike', 'nope'], actors: ['NATO', 'Ghost'], event: 'missing' },
      dataset,
      buildQueryIndex(dataset),
    );
    expect(state.categories).toEqual(['strike']);
    expect(state.actors).toEqual(['NATO']);
    expect(state.event).toBeNull();
    expect(notices).toHaveLength(3);
  });

  it.each([
    [Date.UTC(2021, 1, 3), '2021-02-03'],
    [Date.UTC(2021, 1, 3, 14, 5), '2021-02-03T14:05Z'],
    [Date.UTC(2021, 1, 3, 14, 5, 7, 250), '2021-02-03T14:05:07.250Z'],
    [Date.UTC(1969, 11, 31, 23), '1969-12-31T23:00Z'],
  ])('writes axis ms %d as %s', (value, iso) => {
    expect(axisToIso(value)).toBe(iso);
  });
});
