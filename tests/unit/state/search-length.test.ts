import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generate } from '../../../scripts/synthetic';
import { MESSAGE_LIMITS } from '../../../src/lib/embed/protocol';
import { LIMITS } from '../../../src/lib/model/limits';
import { AppState } from '../../../src/lib/state/app-state.svelte';
import { TextSearch, TYPING_PAUSE_MS } from '../../../src/lib/state/text-search.svelte';
import { decodeUrlState } from '../../../src/lib/state/url';

/** The host API's cap on a search; the box, the URL and the app's setter share it. */
const CAP = 500;
/** A pasted book: 400,000 words took a 3.5 s task to match before the cap. */
const HUGE = Array.from({ length: 400_000 }, (_, i) => `word${i % 997}`).join(' ');

function app(): AppState {
  const state = new AppState();
  expect(state.open({ kind: 'text', text: JSON.stringify(generate(300, 5)), name: 'synthetic.json' }).ok).toBe(true);
  return state;
}

describe('the search length cap', () => {
  it('is one limit, shared with the host API', () => {
    expect(LIMITS.maxSearchLength).toBe(CAP);
    expect(MESSAGE_LIMITS.text).toBe(LIMITS.maxSearchLength);
  });

  it('cuts a 400,000-word q= to the cap, with a notice', () => {
    const { state, notices } = decodeUrlState(`?${new URLSearchParams({ q: HUGE })}`);
    expect(state.text.length).toBeLessThanOrEqual(CAP);
    expect(HUGE.startsWith(state.text)).toBe(true);
    expect(notices.join(' ')).toContain(`cut to its first ${CAP} characters`);
  });

  it('keeps a q= at the cap whole, without a notice', () => {
    const q = 'x'.repeat(CAP);
    expect(decodeUrlState(`?q=${q}`)).toMatchObject({ state: { text: q }, notices: [] });
  });

  it('AppState.setText and setFilters keep at most the cap', () => {
    const state = app();
    state.setText(HUGE);
    expect(state.filters.text.length).toBeLessThanOrEqual(CAP);
    expect(HUGE.startsWith(state.filters.text)).toBe(true);
    state.setFilters({ text: `${HUGE}!` });
    expect(state.filters.text.length).toBeLessThanOrEqual(CAP);
  });

  it('keeps any text up to the cap as it is and cuts longer text to a prefix, never inside a character', () => {
    const state = app();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 700 }), fc.nat(600), (tail, padding) => {
        const text = 'a'.repeat(padding) + tail;
        state.setText(text);
        const kept = state.filters.text;
        if (text.length <= CAP) expect(kept).toBe(text);
        else {
          expect(text.startsWith(kept)).toBe(true);
          expect(kept.length).toBeGreaterThanOrEqual(CAP - 1);
          expect(kept.length).toBeLessThanOrEqual(CAP);
          // A cut between the halves of a surrogate pair would leave half a character.
          expect(/[\ud800-\udbff]$/.test(kept) && /^[\udc00-\udfff]/.test(text.slice(kept.length))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  describe('typing into a large dataset', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
    afterEach(() => vi.useRealTimers());

    it('matches at most the cap', async () => {
      const state = app();
      const search = new TextSearch(state, 0);
      search.type(HUGE);
      vi.advanceTimersByTime(TYPING_PAUSE_MS);
      await vi.waitFor(() => expect(search.searching).toBe(false), { timeout: 15_000 });
      expect(state.filters.text.length).toBeLessThanOrEqual(CAP);
      expect(state.filters.text.length).toBeGreaterThan(0);
    });
  });
});
