import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import EventDetail from '../../src/lib/views/detail/EventDetail.svelte';
import FilterPanel from '../../src/lib/views/controls/FilterPanel.svelte';
import { AppState } from '../../src/lib/state/app-state.svelte';
import { APP_STATE_KEY } from '../../src/lib/state/context';

const SOURCE = { publisher: 'Agency', title: 'Report', url: 'https://example.org/report', quote: 'A quoted line' };
const DATASET = JSON.stringify({
  format: 'faultline/1',
  title: 'Component fixture',
  categories: [
    { id: 'strike', label: 'Strike', color: '#b3261e' },
    { id: 'ceasefire', label: 'Ceasefire', color: '#00796b' },
  ],
  events: [
    {
      id: 'a',
      title: '<img src=x onerror=alert(1)>',
      summary: '<script>alert(1)</script> stays text',
      date: '2020-10-17',
      category: 'strike',
      actors: ['Side A'],
      location: { name: 'Ganja', lat: 40.68, lon: 46.36, precision: 'city' },
      status: { kind: 'disputed', by: ['Side B'] },
      fatalities: { min: 12, max: 13, by: 'officials' },
      sources: [SOURCE, { publisher: 'Bad', title: 'Unsafe link', url: 'javascript:alert(1)' }],
      related: ['b'],
    },
    {
      id: 'b',
      title: 'Truce',
      summary: 'Agreed.',
      date: '2020-10',
      category: 'ceasefire',
      location: null,
      sources: [SOURCE],
    },
  ],
});

afterEach(cleanup);

function appWith(selected: string | null): AppState {
  const app = new AppState();
  expect(app.open({ kind: 'text', text: DATASET, name: 'fixture.json' }).ok).toBe(true);
  app.select(selected);
  return app;
}

describe('EventDetail', () => {
  it('shows everything the event holds, as text', () => {
    const app = appWith('a');
    const { container } = render(EventDetail, { context: new Map([[APP_STATE_KEY, app]]) });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByTestId('detail-date').textContent).toBe('17 Oct 2020');
    expect(container.textContent).toContain('disputed by Side B');
    expect(container.textContent).toContain('12–13');
    expect(container.textContent).toContain('A quoted line');
    const link = screen.getByRole('link', { name: 'Report' });
    expect(link.getAttribute('href')).toBe('https://example.org/report');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.queryByRole('link', { name: 'Unsafe link' })).toBeNull();
    expect(container.textContent).toContain('Link not shown: "javascript:alert(1)" is not an http(s) address.');
  }, 60_000);

  it('a related event selects it; closing clears the selection', async () => {
    const app = appWith('a');
    render(EventDetail, { context: new Map([[APP_STATE_KEY, app]]) });
    await fireEvent.click(screen.getByTestId('related-event'));
    expect(app.selectedId).toBe('b');
    flushSync();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Truce');
    expect(screen.getByTestId('detail-date').textContent).toBe('Oct 2020');
    await fireEvent.click(screen.getByRole('button', { name: 'Close details' }));
    expect(app.selectedId).toBeNull();
  });
});

describe('FilterPanel', () => {
  it('lists categories with counts, and a toggle filters the shared state', async () => {
    const app = appWith(null);
    render(FilterPanel, { props: { onclose: () => undefined }, context: new Map([[APP_STATE_KEY, app]]) });
    const strike = screen.getByRole('checkbox', { name: /^Strike/ });
    expect((strike as HTMLInputElement).checked).toBe(true);
    expect(app.visible.length).toBe(2);
    await fireEvent.click(strike);
    expect(app.filters.categories).toEqual(['ceasefire']);
    expect(app.visible.length).toBe(1);
    await fireEvent.click(screen.getByTestId('clear-filters'));
    expect(app.filters.categories).toBeNull();
    expect(app.visible.length).toBe(2);
  });

  it('shows the ten busiest actors, keeps a checked one shown, and lists every actor on request', async () => {
    // Twelve actors: "Actor 01" in one event, ..., "Actor 12" in twelve.
    const events = Array.from({ length: 12 }, (_, a) =>
      Array.from({ length: a + 1 }, (_, k) => ({
        id: `a${a}-${k}`,
        title: 'T',
        summary: 'S',
        date: '2020-10-17',
        category: 'strike',
        actors: [`Actor ${String(a + 1).padStart(2, '0')}`],
        location: null,
        sources: [SOURCE],
      })),
    ).flat();
    const app = new AppState();
    expect(
      app.open({ kind: 'text', text: JSON.stringify({ ...JSON.parse(DATASET), events }), name: 'actors.json' }).ok,
    ).toBe(true);
    app.toggleActor('Actor 01');
    render(FilterPanel, { props: { onclose: () => undefined }, context: new Map([[APP_STATE_KEY, app]]) });
    const names = () => [...screen.getByTestId('facet-actors').querySelectorAll('.label')].map((n) => n.textContent);
    // Counts under the other filters: the checked actor does not narrow its own facet.
    expect(names()).toEqual([
      'Actor 12',
      'Actor 11',
      'Actor 10',
      'Actor 09',
      'Actor 08',
      'Actor 07',
      'Actor 06',
      'Actor 05',
      'Actor 04',
      'Actor 03',
      'Actor 01',
    ]);
    await fireEvent.click(screen.getByRole('button', { name: 'Show all 12' }));
    expect(names()).toHaveLength(12);
    expect(names().at(-2)).toBe('Actor 02');
    await fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(names()).toHaveLength(11);
  });

  it('keeps the actors in place while the brush moves, with live counts, and re-ranks when it is let go', () => {
    // "Early" acts three times in 2020, "Late" once in 2020 and four times in 2021.
    const event = (id: string, date: string, actor: string) => ({
      id,
      title: 'T',
      summary: 'S',
      date,
      category: 'strike',
      actors: [actor],
      location: null,
      sources: [SOURCE],
    });
    const events = [
      ...['01', '02', '03'].map((d) => event(`e${d}`, `2020-03-${d}`, 'Early')),
      event('l0', '2020-03-04', 'Late'),
      ...['01', '02', '03', '04'].map((d) => event(`l${d}`, `2021-05-${d}`, 'Late')),
    ];
    const app = new AppState();
    expect(
      app.open({ kind: 'text', text: JSON.stringify({ ...JSON.parse(DATASET), events }), name: 'brush.json' }).ok,
    ).toBe(true);
    render(FilterPanel, { props: { onclose: () => undefined }, context: new Map([[APP_STATE_KEY, app]]) });
    const shown = () =>
      [...screen.getByTestId('facet-actors').querySelectorAll('label')].map(
        (l) => `${l.querySelector('.label')!.textContent} ${l.querySelector('.count')!.textContent}`,
      );
    const spring2020 = { start: Date.UTC(2020, 0, 1), end: Date.UTC(2020, 6, 1) };
    const spring2021 = { start: Date.UTC(2021, 0, 1), end: Date.UTC(2021, 6, 1) };
    app.setWindow(spring2020, true);
    flushSync();
    expect(shown()).toEqual(['Early 3', 'Late 1']);
    // Mid-drag: the counts follow the window, the order does not jump under the pointer.
    app.setWindow(spring2021, false);
    flushSync();
    expect(shown()).toEqual(['Early 0', 'Late 4']);
    app.setWindow(spring2021, true);
    flushSync();
    expect(shown()).toEqual(['Late 4', 'Early 0']);
  });
});
