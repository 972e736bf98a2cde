import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaceLookup } from '../../src/lib/io/gazetteer-assets';
import { foldPlace, matchPlaces, placeQuery, type Place, type PlaceChoice } from '../../src/lib/model/gazetteer';
import PlaceCombobox from '../../src/lib/views/places/PlaceCombobox.svelte';

afterEach(cleanup);

const place = (name: string, kind: Place['kind'], order: number, region: string | null, alt: string[] = []): Place => ({
  kind,
  name,
  alt,
  lat: 39.76,
  lon: 46.75,
  order,
  region,
  country: kind === 'country' ? null : 'Azerbaijan',
  folded: [name, ...alt].map(foldPlace),
});
const PLACES = [
  // Listed as a shard lists them: the most populous first (Shusha 18,662, Shushary 15,503).
  place('Shusha', 'city', 0, 'Shusha', ['Shushi']),
  place('Shushary', 'city', 1, 'Saint Petersburg'),
  place('Susa', 'region', 2, null, ['Shusha']),
];
/** The lookup the component is given: the real matching over a few places. */
async function find(text: string): Promise<PlaceLookup> {
  const query = placeQuery(text);
  return 'problem' in query ? query : { matches: matchPlaces(PLACES, query) };
}

function setup(onchoose = vi.fn<(choice: PlaceChoice, typed: string) => void>(), onescape = vi.fn()) {
  render(PlaceCombobox, { props: { value: '', id: 'place', 'aria-label': 'Place', onchoose, onescape, find } });
  return { box: screen.getByRole('combobox', { name: 'Place' }), onchoose, onescape, user: userEvent.setup() };
}

describe('PlaceCombobox', () => {
  it('lists matches as the text is typed, the list tied to the box', async () => {
    const { box, user } = setup();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await user.type(box, 'shus');
    await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
    const list = screen.getByRole('listbox');
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Shusha — Azerbaijan',
      'Shushary — Saint Petersburg, Azerbaijan',
      'Shusha (Susa) — Azerbaijan · region',
    ]);
    expect(screen.getByRole('status').textContent).toBe('3 places found');
  });

  it('moves through the options with Down and Up (wrapping), and Enter chooses the one marked', async () => {
    const { box, user, onchoose } = setup();
    await user.type(box, 'shus');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    const options = screen.getAllByRole('option');
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    await user.keyboard('{ArrowUp}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    await user.keyboard('{ArrowUp}{ArrowUp}{Enter}');
    expect(onchoose).toHaveBeenCalledTimes(1);
    expect(onchoose.mock.calls[0]![0]).toEqual({
      name: 'Shusha',
      label: 'Shusha — Azerbaijan',
      kind: 'city',
      lat: 39.76,
      lon: 46.75,
      zoom: 10,
    });
    expect(onchoose.mock.calls[0]![1]).toBe('shus');
    expect((box as HTMLInputElement).value).toBe('Shusha');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(box);
  });

  it('closes the list with Escape without choosing; a second Escape goes to the caller', async () => {
    const { box, user, onchoose, onescape } = setup();
    await user.type(box, 'shushi');
    await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
    await user.keyboard('{ArrowDown}{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
    expect((box as HTMLInputElement).value).toBe('shushi');
    expect(onescape).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onescape).toHaveBeenCalledTimes(1);
    // Down opens the list again at its first option; Enter with nothing marked chooses nothing.
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}{Enter}');
    expect(onchoose).not.toHaveBeenCalled();
  });

  it('chooses by click, and says when nothing matches or the text is too long', async () => {
    const { box, user, onchoose } = setup();
    await user.type(box, 'susa');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    await user.click(screen.getByRole('option'));
    expect(onchoose.mock.calls[0]![0]).toMatchObject({ name: 'Susa', kind: 'region', zoom: 7 });
    await user.clear(box);
    await user.type(box, 'qzx');
    await waitFor(() => expect(screen.getByTestId('place-note').textContent).toBe('No place found for “qzx”'));
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.getAttribute('maxlength')).toBe('100');
  });
});
