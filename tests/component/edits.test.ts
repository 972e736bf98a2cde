import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import EventForm from '../../src/lib/views/edit/EventForm.svelte';
import EmbedSection from '../../src/lib/views/share/EmbedSection.svelte';
import DataMenu from '../../src/lib/views/controls/DataMenu.svelte';
import { AppState } from '../../src/lib/state/app-state.svelte';
import { APP_STATE_KEY } from '../../src/lib/state/context';
import { Editor } from '../../src/lib/state/editor.svelte';
import { DataLoader } from '../../src/lib/state/data-loader.svelte';
import { readEmbedConfig } from '../../src/lib/embed/config';

const DATASET = JSON.stringify({
  format: 'faultline/1',
  title: 'Component fixture',
  categories: [{ id: 'strike', label: 'Strike', color: '#b3261e' }],
  events: [
    {
      id: 'a',
      title: 'An event',
      summary: 'S',
      date: '2020-10-17',
      category: 'strike',
      location: null,
      sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/a' }],
    },
  ],
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
});

function app(): AppState {
  const state = new AppState();
  expect(state.open({ kind: 'text', text: DATASET, name: 'fixture.json' }).ok).toBe(true);
  return state;
}

describe('EventForm: errors once a field is left or Save is pressed', () => {
  function openAddForm() {
    const state = app();
    const editor = new Editor(state);
    editor.add();
    const view = render(EventForm, { props: { editor }, context: new Map([[APP_STATE_KEY, state]]) });
    return { editor, ...view };
  }
  const messages = (container: HTMLElement) => [...container.querySelectorAll('[data-testid="field-messages"]')];
  const invalid = (container: HTMLElement) => [...container.querySelectorAll('[aria-invalid="true"]')];

  it('opens a new event with no error shown, though the empty form has several', () => {
    const { container } = openAddForm();
    expect(messages(container)).toEqual([]);
    expect(invalid(container)).toEqual([]);
    expect(screen.getByTestId('form-state').textContent).toBe('Fill in the event, then save');
  });

  it("shows a field's error once it is left, and only that field's", async () => {
    const { container } = openAddForm();
    const title = screen.getByTestId('form-title');
    await fireEvent.focusIn(title);
    expect(messages(container)).toEqual([]);
    await fireEvent.focusOut(title);
    expect(messages(container).map((m) => m.id)).toEqual([title.getAttribute('aria-describedby')]);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(invalid(container)).toEqual([title]);
    // Typed into, the field's error goes at once (it stays under watch once left).
    await fireEvent.input(title, { target: { value: 'A title' } });
    expect(messages(container)).toEqual([]);
    expect(screen.getByTestId('form-state').textContent).toMatch(/^Fill in the event, then save$/);
  });

  it('Save with problems left shows them all, saves nothing and moves focus to the first', async () => {
    const { container, editor } = openAddForm();
    const save = vi.spyOn(editor, 'save');
    await fireEvent.click(screen.getByTestId('form-save'));
    expect(save).not.toHaveBeenCalled();
    expect(editor.target).not.toBeNull();
    expect(messages(container).length).toBeGreaterThan(3);
    const first = invalid(container)[0] as HTMLElement;
    expect(first).toBe(screen.getByTestId('form-title'));
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(screen.getByTestId('form-state').textContent).toMatch(/^\d+ problems to fix$/);
  });

  it('a complete form saves', async () => {
    const { editor } = openAddForm();
    const fill = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });
    await fill('form-title', 'Added');
    await fill('form-summary', 'Typed.');
    await fill('form-date', '2020-10-18');
    await fireEvent.click(screen.getByLabelText('No location'));
    const row = screen.getByTestId('source-row');
    for (const [key, value] of [
      ['publisher', 'P'],
      ['title', 'T'],
      ['url', 'https://example.org/b'],
    ] as const)
      await fireEvent.input(row.querySelector(`[data-field="sources.0.${key}"]`)!, { target: { value } });
    const save = vi.spyOn(editor, 'save');
    await fireEvent.click(screen.getByTestId('form-save'));
    expect(save).toHaveBeenCalledOnce();
    expect(save.mock.calls[0]![0]).toMatchObject({ title: 'Added', date: '2020-10-18', location: null });
  });
});

describe('Share dialog: the embed origins field', () => {
  function renderSection() {
    const state = app();
    render(EmbedSection, { context: new Map([[APP_STATE_KEY, state]]) });
    return {
      field: screen.getByTestId('embed-origins') as HTMLInputElement,
      /** The snippet's iframe src, read back through the page's own parser. */
      src: (): URL => {
        const snippet = (screen.getByTestId('embed-snippet') as HTMLTextAreaElement).value;
        const frame = new DOMParser().parseFromString(snippet, 'text/html').querySelector('iframe')!;
        return new URL(frame.getAttribute('src')!);
      },
    };
  }
  const problems = () =>
    [...document.querySelectorAll('[data-testid="embed-origins-problems"] li')].map((li) => li.textContent);

  it('has no origins= while the field is empty', () => {
    const { src } = renderSection();
    expect(src().searchParams.has('origins')).toBe(false);
    expect(problems()).toEqual([]);
  });

  it('puts the valid origins in the snippet, as the embed reads them, and explains each refused entry', async () => {
    const { field, src } = renderSection();
    const typed =
      'https://news.example, HTTPS://Blog.Example/, ftp://files.example, https://news.example/page, https://*.example, news.example, https://news.example';
    await fireEvent.change(field, { target: { value: typed } });
    flushSync();
    expect(src().searchParams.get('origins')).toBe('https://news.example');
    // The embed's own reading of that URL: the same list, and nothing to ignore.
    const config = readEmbedConfig(src().search);
    expect(config.origins).toEqual(['https://news.example']);
    expect(config.notices).toEqual([]);
    expect(problems()).toEqual([
      '"HTTPS://Blog.Example/" is not written as an origin: write it exactly as https://blog.example.',
      '"ftp://files.example" is not a web page’s origin: it must start with https:// (or http://).',
      '"https://news.example/page" has a path, query or fragment: write only the scheme and host (https://news.example).',
      '"https://*.example" has a wildcard: name each site, such as https://news.example.',
      '"news.example" is not a web address: write it with its scheme, such as https://news.example.',
    ]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(
      document.querySelector('[data-testid="embed-origins-problems"]')!.id,
    );
  });

  it('with nothing valid, says the embed would take commands from no page, and the link says so too', async () => {
    const { field, src } = renderSection();
    await fireEvent.change(field, { target: { value: '*' } });
    flushSync();
    expect(problems()).toEqual([
      '"*" has a wildcard: name each site, such as https://news.example.',
      'No valid origin is left: as it stands, the embed would take commands from no page.',
    ]);
    expect(src().searchParams.get('origins')).toBe('');
    expect(readEmbedConfig(src().search).origins).toEqual([]);
  });

  it('takes several origins and clears its problems when fixed', async () => {
    const { field, src } = renderSection();
    await fireEvent.change(field, { target: { value: 'https://a.example/x' } });
    flushSync();
    expect(problems()).toHaveLength(2);
    await fireEvent.change(field, { target: { value: 'https://a.example, http://localhost:8080' } });
    flushSync();
    expect(problems()).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(src().searchParams.get('origins')).toBe('https://a.example,http://localhost:8080');
  });
});

describe('Data menu', () => {
  it('renders without Svelte warnings (binding_property_non_reactive was logged four times on load)', () => {
    // jsdom has no modal dialogs: opening one only needs to mark it open here.
    const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
    const had = 'showModal' in proto;
    if (!had)
      proto.showModal = function (this: HTMLDialogElement) {
        this.setAttribute('open', '');
      };
    onTestFinished(() => {
      if (!had) delete proto.showModal;
    });
    const warn = vi.spyOn(console, 'warn');
    const state = app();
    const loader = new DataLoader(
      state,
      () => Promise.resolve(true),
      () => undefined,
    );
    render(DataMenu, {
      props: { open: true, onclose: () => undefined, loader },
      context: new Map([[APP_STATE_KEY, state]]),
    });
    flushSync();
    expect(screen.getByRole('button', { name: /whole dataset/i })).toBeTruthy();
    expect(warn.mock.calls.flat().join(' ')).not.toMatch(/binding_property_non_reactive/);
  });
});
