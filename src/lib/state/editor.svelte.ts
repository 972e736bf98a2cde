import { getContext, setContext } from 'svelte';
import { Draft } from './draft.svelte';
import type { AppState } from './app-state.svelte';
import type { EventRecord } from '../model/types';
import { LIMITS } from '../model/limits';
import { t } from '../i18n/i18n.svelte';

export interface ConfirmRequest {
  message: string;
  confirmLabel: string;
  resolve: (ok: boolean) => void;
}

/**
 * Editing, app-wide: the draft of edits, which event the form is open on, and the confirm
 * dialog's pending question. Views reach it through context; embed mode has none, so views
 * that offer editing show nothing there.
 */
export class Editor {
  readonly draft: Draft;
  /** null: the form is closed; { event: null }: adding a new event. */
  target = $state.raw<{ event: EventRecord | null } | null>(null);
  question = $state.raw<ConfirmRequest | null>(null);
  /** The story open in the story editor (its id), or null (views/story-edit/, loaded when it opens). */
  storyTarget = $state<string | null>(null);
  /** Why this dataset cannot be edited here (LIMITS.maxEditablePackEvents says why), or null. */
  readonly readOnly = $derived.by(() => {
    const d = this.app.dataset;
    if (!d || d.packedSearch === null || d.columns.size <= LIMITS.maxEditablePackEvents) return null;
    return t('editor.readOnly', { count: d.columns.size });
  });

  constructor(private readonly app: AppState) {
    // Every edit opens the edited dataset like any other source (AppState.open), so it takes
    // the load token: an open still under way cannot later overwrite it.
    this.draft = new Draft((dataset) => app.open({ kind: 'edit', dataset }));
  }

  /**
   * The loaded dataset's stored draft, if it had one, has been restored or declined: the data
   * shown is what a link's event is checked against (url-restore.svelte.ts). False until the
   * first dataset is loaded.
   */
  get draftSettled(): boolean {
    return this.draft.base !== null && this.draft.offer === null;
  }

  /** After a dataset was loaded (startup, file, paste): edits now belong to it. */
  loaded(): void {
    if (this.app.dataset) this.draft.attach(this.app.dataset);
    this.target = null;
    this.storyTarget = null;
  }

  /** Asked before replacing the data while there are edits not yet downloaded or a form open. */
  confirmReplace(): Promise<boolean> {
    if (!this.draft.dirty && !this.target) return Promise.resolve(true);
    const n = this.draft.count;
    return this.ask(n ? t('editor.replaceEdits', { count: n }) : t('editor.replaceForm'), t('editor.openAnyway'));
  }

  ask(message: string, confirmLabel: string): Promise<boolean> {
    this.question?.resolve(false);
    return new Promise((resolve) => {
      this.question = { message, confirmLabel, resolve: (ok) => ((this.question = null), resolve(ok)) };
    });
  }

  add(): void {
    this.storyTarget = null;
    this.target = { event: null };
  }

  edit(event: EventRecord): void {
    this.storyTarget = null;
    this.target = { event };
  }

  close(): void {
    this.target = null;
    this.app.pickOnMap(null);
  }

  /** Opens the story editor on a story of the data shown (the event form closes: one panel at a time). */
  writeStory(id: string): void {
    this.close();
    this.storyTarget = id;
  }

  closeStory(): void {
    this.storyTarget = null;
  }

  save(event: EventRecord): void {
    this.draft.put(event);
    this.close();
    this.app.select(event.id);
  }

  remove(id: string): void {
    this.draft.remove(id);
  }

  /**
   * The whole dataset with the edits, in our JSON. The draft counts as saved once the file is
   * handed over, unless it was edited meanwhile (a large file is written over several seconds):
   * each edit makes a new dataset, and the file holds the one from the start.
   */
  download(): void {
    const dataset = this.app.dataset;
    void this.app.exports.start('all', () => {
      if (this.app.dataset === dataset) this.draft.markSaved();
    });
  }

  /** A download is being written. */
  get writing(): boolean {
    return this.app.exports.busy;
  }

  async discard(): Promise<void> {
    const n = this.draft.count;
    if (await this.ask(t('editor.discard', { count: n }), t('draft.discard'))) this.draft.discard();
  }
}

const KEY = Symbol('faultline.editor');

export function setEditor(editor: Editor): Editor {
  return setContext(KEY, editor);
}

/** Undefined in embed mode: there is nothing to edit there. */
export function getEditor(): Editor | undefined {
  return getContext<Editor | undefined>(KEY);
}
