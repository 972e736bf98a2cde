import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppState, MAX_NOTICES } from '../../../src/lib/state/app-state.svelte';
import { decodeUrlState, reconcileUrlState } from '../../../src/lib/state/url';
import { tm } from '../../../src/lib/i18n/i18n.svelte';

// A link with thousands of unknown values made one notice each, dismissed one at a time, pushing
// the map thousands of pixels down. Now: one notice per kind of value, a few values quoted, and
// never more than MAX_NOTICES on screen.

const bundled = readFileSync('data/events.json', 'utf8');

function opened(): AppState {
  const app = new AppState();
  expect(app.open({ kind: 'text', text: bundled, name: 'events.json' }).ok).toBe(true);
  return app;
}

describe('notice floods', () => {
  it('a link naming thousands of unknown values gives one short notice per kind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (n, m) => {
        const q = new URLSearchParams();
        for (let i = 0; i < n; i++) q.append('actor', `Nobody ${i}`);
        for (let i = 0; i < m; i++) q.append(`x${i}`, '1');
        q.set('cat', Array.from({ length: n }, (_, i) => `flood${i}`).join(','));
        const app = opened();
        const decoded = decodeUrlState(`?${q}`);
        const { state, notices } = reconcileUrlState(decoded.state, app.dataset!, app.index!);
        const all = [...decoded.notices, ...notices];
        expect(all.length).toBe(m > 0 ? 3 : 2);
        for (const notice of all) expect(notice.length).toBeLessThan(600);
        expect(state.actors).toEqual([]);
        // Categories the data does not have leave every category shown, not none.
        expect(state.categories).toBeNull();
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('a single unknown value keeps its plain wording', () => {
    const app = opened();
    const { notices } = reconcileUrlState(decodeUrlState('?cat=flood').state, app.dataset!, app.index!);
    expect(notices).toEqual(['Ignored unknown category "flood".']);
  });

  it('however many notices arrive, at most MAX_NOTICES show, the last counting the rest', () => {
    const app = new AppState();
    for (let i = 0; i < 1000; i++) app.notify(`Message ${i}`);
    app.notify('Message 0');
    expect(app.notices).toHaveLength(MAX_NOTICES);
    // The last line is a message value, rendered in the interface's language as Notices.svelte does.
    const last = app.notices.at(-1)!;
    expect(typeof last === 'string' ? last : tm(last)).toBe(
      `${(1000 - MAX_NOTICES + 1).toLocaleString('en-GB')} more notices not shown.`,
    );
  });
});
