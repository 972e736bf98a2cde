import { readStored, removeStored, writeStored } from '../io/storage';
import {
  applyChanges,
  draftKey,
  parseSnapshot,
  serialise,
  SlotStore,
  storyEdits,
  type Changes,
  type DraftEdits,
  type KeyValue,
  type Snapshot,
} from './draft-core';
import type { Dataset } from '../model/dataset';
import type { Story } from '../model/story';
import type { EventRecord } from '../model/types';

const BROWSER: KeyValue = { read: readStored, write: writeStored, remove: removeStored };
const MAX_UNDO = 100;
/** Edits arrive in bursts (save, undo, undo…): one write per burst; flush() writes at once. */
const SAVE_DELAY_MS = 250;

/** A stored draft found for the loaded dataset, offered to the user before it is applied. */
export interface RestoreOffer {
  count: number;
  savedAt: number;
  snapshot: Snapshot;
}

/**
 * Edits to the loaded dataset (added, changed, deleted events, and its stories as written in the
 * story editor), kept apart from it and applied on top with buildDataset, so the loaded dataset is
 * never mutated and undo is a swap of maps.
 * Autosaved per dataset name; when storage fails the edits stay in memory and `autosave` says so.
 */
export class Draft {
  base = $state.raw<Dataset | null>(null);
  changes = $state.raw<Changes>(new Map());
  /** The stories as edited, replaced whole at each edit; null while they are the loaded dataset's. */
  stories = $state.raw<readonly Story[] | null>(null);
  /** The edits have been downloaded since the last change. */
  savedToFile = $state(true);
  autosave = $state<'ok' | 'unavailable'>('ok');
  /**
   * Another tab wrote this dataset's draft. Autosave here pauses, so neither tab silently
   * overwrites the other, until the user chooses to keep this tab's edits.
   */
  conflict = $state(false);
  offer = $state.raw<RestoreOffer | null>(null);
  undoCount = $state(0);
  redoCount = $state(0);
  #undo: DraftEdits[] = [];
  #redo: DraftEdits[] = [];
  #store: SlotStore | null = null;
  #key = '';
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** Stories added, changed or removed (each counts as one edit). */
  readonly storyCount = $derived(storyEdits(this.base?.meta.stories ?? [], this.stories));
  readonly count = $derived(this.changes.size + this.storyCount);
  /** Unsaved-to-file edits: what the beforeunload warning guards. */
  readonly dirty = $derived(this.count > 0 && !this.savedToFile);

  constructor(
    /** Receives the dataset to show after every change. */
    private readonly show: (dataset: Dataset) => void,
    private readonly kv: KeyValue = BROWSER,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new dataset was loaded: edits start empty, and a stored draft for it is offered. */
  attach(base: Dataset): void {
    this.flush();
    this.base = base;
    this.changes = new Map();
    this.stories = null;
    this.savedToFile = true;
    this.#undo = [];
    this.#redo = [];
    this.#counts();
    this.conflict = false;
    // Keyed by the content, not the name: two files called events.json, or two pastes, must
    // never share a draft (restoring one's edits, deletions included, onto the other).
    this.#key = base.contentKey ? draftKey(base.name, base.contentKey) : '';
    this.#store = this.#key ? new SlotStore(this.kv, this.#key) : null;
    const categories = new Set(base.meta.categories.map((c) => c.id));
    const snapshot =
      (this.#store?.candidates() ?? [])
        .map((text) => parseSnapshot(text, base.name, categories))
        .find((s) => s !== null) ?? null;
    const count = snapshot
      ? snapshot.changes.length + storyEdits(base.meta.stories ?? [], snapshot.stories ?? null)
      : 0;
    this.offer = snapshot && count ? { count, savedAt: snapshot.savedAt, snapshot } : null;
  }

  restore(): void {
    const offer = this.offer;
    if (!offer) return;
    this.offer = null;
    this.#commit({ changes: new Map(offer.snapshot.changes), stories: offer.snapshot.stories ?? null });
    this.savedToFile = offer.snapshot.savedToFile;
  }

  /** Declining the offer forgets the stored draft. */
  decline(): void {
    this.offer = null;
    this.#store?.clear();
  }

  /** Adds an event or replaces the one with its id. */
  put(event: EventRecord): void {
    const next = new Map(this.changes);
    next.set(event.id, event);
    this.#commit({ changes: next, stories: this.stories });
  }

  /**
   * The dataset's stories, edited (the story editor hands over the whole new list). `merge`: the
   * same edit goes on (typing in one field), so it replaces the last change rather than adding an
   * undo step of its own.
   */
  setStories(stories: readonly Story[], merge = false): void {
    this.#commit({ changes: this.changes, stories }, !(merge && this.#undo.length > 0));
  }

  remove(id: string): void {
    const next = new Map(this.changes);
    // An event only added in this draft just goes; a loaded one is marked deleted.
    if (this.base?.events.rowOf(id) !== undefined) next.set(id, null);
    else next.delete(id);
    this.#commit({ changes: next, stories: this.stories });
  }

  undo(): void {
    const previous = this.#undo.pop();
    if (!previous) return;
    this.#redo.push(this.#edits());
    this.#commit(previous, false);
  }

  redo(): void {
    const next = this.#redo.pop();
    if (!next) return;
    this.#undo.push(this.#edits());
    this.#commit(next, false);
  }

  /** Every edit is dropped and the loaded dataset shown again. */
  discard(): void {
    this.#commit({ changes: new Map(), stories: null });
    this.#undo = [];
    this.#redo = [];
    this.#counts();
    this.savedToFile = true;
    this.#store?.clear();
  }

  /** A storage change made by another tab (the `storage` event never fires in the writing tab). */
  /** The storage key of this dataset's draft ('' when it has none: a dataset without a content key). */
  get storageKey(): string {
    return this.#key;
  }

  externalChange(key: string | null): void {
    if (this.#key && (key === null || key.startsWith(`${this.#key}:`))) this.conflict = true;
  }

  /** The user keeps this tab's edits: its draft becomes the stored one again. */
  keepThisTab(): void {
    this.conflict = false;
    this.#write();
  }

  /** After the dataset with the edits was downloaded. */
  markSaved(): void {
    this.savedToFile = true;
    this.#schedule();
  }

  /** Writes any pending snapshot now (page hidden or closing). */
  flush(): void {
    if (this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#write();
  }

  #edits(): DraftEdits {
    return { changes: this.changes, stories: this.stories };
  }

  #commit(next: DraftEdits, record = true): void {
    if (!this.base) return;
    if (record) {
      this.#undo.push(this.#edits());
      if (this.#undo.length > MAX_UNDO) this.#undo.shift();
      this.#redo = [];
    }
    this.changes = next.changes;
    this.stories = next.stories;
    this.savedToFile = false;
    this.#counts();
    this.show(applyChanges(this.base, next.changes, next.stories));
    this.#schedule();
  }

  #counts(): void {
    this.undoCount = this.#undo.length;
    this.redoCount = this.#redo.length;
  }

  #schedule(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#write();
    }, SAVE_DELAY_MS);
  }

  #write(): void {
    if (!this.#store || !this.base || this.conflict) return;
    const snapshot: Snapshot = {
      version: 1,
      dataset: this.base.name,
      changes: [...this.changes],
      ...(this.stories ? { stories: [...this.stories] } : {}),
      savedAt: this.now(),
      savedToFile: this.savedToFile,
    };
    let ok: boolean;
    try {
      ok =
        this.changes.size === 0 && this.stories === null
          ? (this.#store.clear(), true)
          : this.#store.save(serialise(snapshot));
    } catch {
      // A KeyValue that throws is treated like a full one: the edits stay in memory.
      ok = false;
    }
    this.autosave = ok ? 'ok' : 'unavailable';
  }
}
