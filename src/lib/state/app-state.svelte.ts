import { loadDataset, type Dataset } from '../model/dataset';
import type { Problem } from '../model/problems';
import { fetchText } from '../io/fetch-text';

export type LoadStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; name: string }
  | { kind: 'failed'; name: string; message: string; problems: Problem[] };

/**
 * The one app-wide state. Views read it and call its methods; nothing else holds events.
 * The dataset is $state.raw: it is replaced whole, never mutated, and too big to proxy.
 */
export class AppState {
  dataset = $state.raw<Dataset | null>(null);
  status = $state.raw<LoadStatus>({ kind: 'idle' });
  selectedId = $state<string | null>(null);
  hoveredId = $state<string | null>(null);

  /** Rows shown by every view, in time order. */
  readonly visible = $derived.by(() => allRows(this.dataset?.columns.size ?? 0));

  readonly selectedRow = $derived.by(() => {
    if (!this.dataset || this.selectedId === null) return null;
    return this.dataset.rowById.get(this.selectedId) ?? null;
  });

  readonly selectedEvent = $derived(this.selectedRow === null ? null : (this.dataset?.events[this.selectedRow] ?? null));

  /** Loads a dataset from a URL; on failure the current dataset stays and the problems are kept. */
  async loadUrl(url: string, name = url): Promise<boolean> {
    this.status = { kind: 'loading', name };
    let text: string;
    try {
      text = await fetchText(url);
    } catch (error) {
      this.status = { kind: 'failed', name, message: `Could not load ${name}: ${(error as Error).message}`, problems: [] };
      return false;
    }
    return this.loadText(text, name);
  }

  loadText(text: string, name: string): boolean {
    const result = loadDataset(text, name);
    if (!result.ok) {
      this.status = { kind: 'failed', name, message: `${name} could not be opened`, problems: result.problems };
      return false;
    }
    this.dataset = result.dataset;
    this.status = { kind: 'idle' };
    if (this.selectedId !== null && !result.dataset.rowById.has(this.selectedId)) this.selectedId = null;
    return true;
  }

  select(id: string | null): void {
    this.selectedId = id;
  }

  hover(id: string | null): void {
    this.hoveredId = id;
  }
}

function allRows(size: number): Uint32Array {
  const rows = new Uint32Array(size);
  for (let i = 0; i < size; i++) rows[i] = i;
  return rows;
}
