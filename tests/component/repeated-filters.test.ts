import { cleanup, render, screen } from '@testing-library/svelte';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import FilterPanel from '../../src/lib/views/controls/FilterPanel.svelte';
import { AppState } from '../../src/lib/state/app-state.svelte';
import { APP_STATE_KEY } from '../../src/lib/state/context';
import { decodeUrlState } from '../../src/lib/state/url';

// A value named twice in a link or a host message (outside the ten busiest, so the panel lists it
// beside them) used to throw in the facet list's keyed rows and leave every view empty.

const SOURCE = { publisher: 'Agency', title: 'Report', url: 'https://example.org/report' };
const ACTORS = Array.from({ length: 14 }, (_, a) => `Actor ${String(a + 1).padStart(2, '0')}`);
const TAGS = Array.from({ length: 14 }, (_, t) => `tag-${t + 1}`);
const events = ACTORS.flatMap((actor, a) =>
  Array.from({ length: a + 1 }, (_, k) => ({
    id: `e${a}-${k}`,
    title: 'T',
    summary: 'S',
    date: '2020-10-17',
    category: k % 2 ? 'strike' : 'ceasefire',
    actors: [actor],
    tags: [TAGS[a]!],
    location: null,
    sources: [SOURCE],
  })),
);
const DATASET = JSON.stringify({
  format: 'faultline/1',
  title: 'Repeats',
  categories: [
    { id: 'strike', label: 'Strike', color: '#b3261e' },
    { id: 'ceasefire', label: 'Ceasefire', color: '#00796b' },
  ],
  events,
});

afterEach(cleanup);

/** A list of values drawn from `pool` in which at least one value repeats. */
const repeated = (pool: readonly string[]) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...pool), { maxLength: 6 }),
      fc.constantFrom(...pool),
      fc.integer({ min: 2, max: 4 }),
    )
    .map(([rest, twice, times]) => [...rest, ...Array<string>(times).fill(twice)]);

describe('repeated filter values', () => {
  it('a link naming actors, tags and categories more than once shows each once, and the panel renders', () => {
    fc.assert(
      fc.property(repeated(ACTORS), repeated(TAGS), repeated(['strike', 'ceasefire']), (actors, tags, cats) => {
        cleanup();
        const app = new AppState();
        expect(app.open({ kind: 'text', text: DATASET, name: 'repeats.json' }).ok).toBe(true);
        const query = new URLSearchParams();
        for (const a of actors) query.append('actor', a);
        for (const t of tags) query.append('tag', t);
        query.set('cat', cats.join(','));
        app.applyUrl(decodeUrlState(`?${query}`).state);
        expect(app.filters.actors).toEqual([...new Set(app.filters.actors)]);
        expect(app.filters.tags).toEqual([...new Set(app.filters.tags)]);
        render(FilterPanel, { props: { onclose: () => undefined }, context: new Map([[APP_STATE_KEY, app]]) });
        const checked = [...screen.getByTestId('facet-actors').querySelectorAll('input:checked')];
        expect(checked).toHaveLength(new Set(actors).size);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('the host API and the filter methods keep each value once', () => {
    fc.assert(
      fc.property(repeated(ACTORS), repeated(TAGS), repeated(['strike', 'ceasefire']), (actors, tags, categories) => {
        const app = new AppState();
        app.setFilters({ actors, tags, categories });
        expect(app.filters.actors).toEqual([...new Set(actors)]);
        expect(app.filters.tags).toEqual([...new Set(tags)]);
        expect(app.filters.categories).toEqual([...new Set(categories)]);
      }),
    );
  }, 60_000);
});
