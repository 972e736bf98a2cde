import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Header from '../../src/lib/views/shell/Header.svelte';
import { generate } from '../../scripts/synthetic';
import { AppState } from '../../src/lib/state/app-state.svelte';
import { APP_STATE_KEY } from '../../src/lib/state/context';

afterEach(cleanup);

describe('Header search box', () => {
  it('takes at most the search cap (500 characters)', () => {
    const app = new AppState();
    expect(app.open({ kind: 'text', text: JSON.stringify(generate(20, 5)), name: 'synthetic.json' }).ok).toBe(true);
    render(Header, { context: new Map([[APP_STATE_KEY, app]]) });
    expect(screen.getByTestId('search').getAttribute('maxlength')).toBe('500');
  });
});
