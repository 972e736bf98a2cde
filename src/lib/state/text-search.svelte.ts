import { capSearchText } from '../model/search-text';
import { queryWords } from '../query/text';
import type { QueryIndex } from '../query/query-index';
import { runSliced } from './sliced';

/** Above this many events a search scans hundreds of MB: it waits for a pause in typing. */
export const SLICED_ABOVE = 50_000;
/** The pause in typing that starts a search over a large dataset. */
export const TYPING_PAUSE_MS = 250;

/**
 * The search box's typing, turned into the text filter. A small dataset is filtered at each
 * key. A large one is matched after a pause in typing, a slice of rows per task (a word took
 * 0.2–0.3 s at a million events in one task, and keys typed meanwhile waited for it); the text
 * filter is set once the match is done, and the filter pass then finds the match kept. A new
 * key gives up a search under way.
 */
/** What a search needs of the app (AppState has it): the index, the text filter and the way to set it. */
export interface SearchTarget {
  readonly index: QueryIndex | null;
  readonly filters: { readonly text: string };
  setText(text: string): void;
}

export class TextSearch {
  /** True from the pause in typing until the filter is set. */
  #searching = $state(false);
  #app: SearchTarget;
  #slicedAbove: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stop: (() => void) | null = null;

  constructor(app: SearchTarget, slicedAbove = SLICED_ABOVE) {
    this.#app = app;
    this.#slicedAbove = slicedAbove;
  }

  type(typed: string): void {
    this.cancel();
    // Cut before the words are split and matched, not only when the filter is set.
    const value = capSearchText(typed);
    const app = this.#app;
    const index = app.index;
    const words = queryWords(value);
    if (!index || index.dataset.columns.size <= this.#slicedAbove || words.length === 0) {
      app.setText(value);
      return;
    }
    this.#timer = setTimeout(() => {
      this.#searching = true;
      // Set elsewhere meanwhile (Clear all, back and forward): that text stands, not this one.
      const before = app.filters.text;
      this.#stop = runSliced(index.textMatching(words), () => {
        this.#stop = null;
        this.#searching = false;
        if (app.filters.text === before) app.setText(value);
      });
    }, TYPING_PAUSE_MS);
  }

  get searching(): boolean {
    return this.#searching;
  }

  /** Gives up the search waiting or under way. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#stop?.();
    this.#stop = null;
    this.#searching = false;
  }
}
