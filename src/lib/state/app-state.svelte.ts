import { datasetFromPack, datasetFromParts, loadDataset, type Dataset } from '../model/dataset';
import { viewVerifiedPack } from '../model/pack-verify';
import type { Problem } from '../model/problems';
import { fetchBytes } from '../io/fetch-text';
import { loadBytesOffThread, prewarmLoader, PREWARM_AFTER_BYTES } from '../io/worker-load';
import { Evaluator } from '../query/brushing';
import { NO_FILTERS, sameWindow, type Bounds, type Filters, type TimeWindow } from '../query/filters';
import { buildQueryIndex } from '../query/query-index';
import { TextSearch } from './text-search.svelte';
import { ExportJob } from './export-job.svelte';

export type LoadStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; name: string; loaded?: number; total?: number | null; stage?: 'download' | 'read' }
  | { kind: 'failed'; name: string; message: string; problems: Problem[] };

export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

export type LaneMode = 'category' | 'actor';

/**
 * How a change enters browser history: discrete actions push; changes that share an entry
 * (a burst of typing, map moves) replace; a gesture (a brush drag, playback) begins a new entry
 * (written with its later steps, not in its first frame), streams its steps (thinned), and
 * settles with its last one (written at once, so a reload keeps it).
 */
export type HistoryMode = 'push' | 'replace' | 'begin' | 'stream' | 'settle';

/**
 * The one app-wide state. Views read it and call its methods; nothing else holds events.
 * The dataset is $state.raw: it is replaced whole, never mutated, and too big to proxy.
 */
export class AppState {
  dataset = $state.raw<Dataset | null>(null);
  status = $state.raw<LoadStatus>({ kind: 'idle' });
  filters = $state.raw<Filters>(NO_FILTERS);
  selectedId = $state<string | null>(null);
  hoveredId = $state<string | null>(null);
  mapView = $state.raw<MapView | null>(null);
  laneMode = $state<LaneMode>('category');
  playing = $state(false);
  /** Playback speed: how many window-widths pass per 10 seconds. */
  speed = $state(1);
  /** Messages about the URL or the data that the user should see once (ignored parameters…). */
  notices = $state.raw<string[]>([]);
  /** The map's current bounds; a filter only while "only events in the map view" is on. */
  mapBounds = $state.raw<Bounds | null>(null);
  /** Where the shown data came from, for the Data menu ("File: x.csv (ACLED CSV export, …)"). */
  origin = $state('');
  /** While set, a map click hands its coordinates here instead of selecting (the event form's "Pick on map"). */
  pickLocation = $state.raw<((lat: number, lon: number) => void) | null>(null);
  /** Bumped to ask the map to fit the filtered events. */
  fitRequest = $state(0);
  /** Bumped when a gesture ends without a change, so the URL sync writes what it held back. */
  settled = $state(0);
  /** How the next URL change is written to history; read by the URL sync. */
  historyMode: HistoryMode = 'push';
  /** True while a brush is dragged or playback runs: views may hold what would jump under the pointer. */
  gesture = $state(false);
  #lastTextAt = 0;
  /** The search box's typing: a large dataset is searched in slices after a pause (text-search.svelte.ts). */
  readonly search = new TextSearch(this);
  /** The download being written: a large export runs in slices with its progress (export-job.svelte.ts). */
  readonly exports = new ExportJob(this);
  /** The latest load wins: an older one finishing later is dropped. */
  #loadToken = 0;

  readonly index = $derived(this.dataset ? buildQueryIndex(this.dataset) : null);

  /** The filters as applied. Bounds are read only when they filter, so panning alone recomputes nothing. */
  readonly applied = $derived<Filters>(
    this.filters.inView ? { ...this.filters, bounds: this.mapBounds } : this.filters,
  );

  /**
   * Rows shown by every view (in time order), the facet counts, and the rows that pass every
   * filter but the time window (the overview's density and the timeline's lanes), from one pass.
   * Brushing changes only the window, so the timeless rows are reused (the same array, so nothing
   * that depends on them recomputes while the brush moves) and the pass covers only the window.
   */
  readonly #evaluator = $derived(this.index ? new Evaluator(this.index) : null);
  readonly #result = $derived.by(() => {
    const result = this.#evaluator?.run(this.applied) ?? null;
    // The evaluation used memory the evaluator writes ahead (RowArena): write more once idle.
    if (result) this.#prepareWhenIdle();
    return result;
  });
  #preparing = false;

  /** Rows shown by every view, in time order. */
  readonly visible = $derived(this.#result?.rows ?? new Uint32Array(0));

  /** How visible differs from the previous visible when only the time window or the categories changed, else null. */
  readonly visibleDelta = $derived(this.#result?.delta ?? null);

  /** visible as a per-row flag, for views that test membership while drawing. */
  readonly visibleMask = $derived.by(() => rowMask(this.dataset?.columns.size ?? 0, this.visible));

  /** Rows that pass every filter but the time window. */
  readonly timeless = $derived(this.#result?.timeless ?? new Uint32Array(0));

  readonly counts = $derived(this.#result?.counts ?? null);

  /** How many visible rows have no place: kept by the evaluator by difference, so brushing never rescans. */
  readonly unlocatedCount = $derived(this.#result?.unlocated ?? 0);

  /**
   * The visible rows without a place. A scan of the visible rows: only the "no location" list
   * reads it, while it is open (deriveds are lazy), never a brush step with the list closed.
   */
  readonly unlocatedVisible = $derived.by(() => {
    const lat = this.dataset?.columns.lat;
    const visible = this.visible;
    const rows: number[] = [];
    if (lat) for (let i = 0; i < visible.length; i++) if (Number.isNaN(lat[visible[i]!]!)) rows.push(visible[i]!);
    return rows;
  });

  readonly selectedRow = $derived.by(() => {
    if (!this.dataset || this.selectedId === null) return null;
    return this.dataset.events.rowOf(this.selectedId) ?? null;
  });

  readonly hoveredRow = $derived.by(() => {
    if (!this.dataset || this.hoveredId === null) return null;
    return this.dataset.events.rowOf(this.hoveredId) ?? null;
  });

  readonly selectedEvent = $derived(
    this.selectedRow === null ? null : (this.dataset?.events.at(this.selectedRow) ?? null),
  );

  /** Loads a dataset from a URL; on failure the current dataset stays and the problems are kept. */
  async loadUrl(url: string, name = url, origin = `URL: ${name}`): Promise<boolean> {
    const token = ++this.#loadToken;
    this.status = { kind: 'loading', name, stage: 'download' };
    let buffer: ArrayBuffer;
    try {
      // Progress is throttled to whole percent (or 1 MB steps) so a big download is not a rerender per chunk.
      let shown = -1;
      buffer = await fetchBytes(url, {
        onprogress: (loaded, total) => {
          if (loaded > PREWARM_AFTER_BYTES) prewarmLoader();
          const step = total ? Math.floor((100 * loaded) / total) : Math.floor(loaded / 1_048_576);
          if (step !== shown && token === this.#loadToken) {
            shown = step;
            this.status = { kind: 'loading', name, loaded, total, stage: 'download' };
          }
        },
      });
    } catch (error) {
      if (token === this.#loadToken)
        this.status = {
          kind: 'failed',
          name,
          message: `Could not load ${name}: ${(error as Error).message}`,
          problems: [],
        };
      return false;
    }
    if (token !== this.#loadToken) return false;
    return this.#loadBytes(buffer, name, origin, token);
  }

  /** A file's bytes (a pack, or our JSON): read in a worker, then shown. */
  loadBytes(buffer: ArrayBuffer, name: string, origin = name): Promise<boolean> {
    return this.#loadBytes(buffer, name, origin, ++this.#loadToken);
  }

  async #loadBytes(buffer: ArrayBuffer, name: string, origin: string, token: number): Promise<boolean> {
    // User Timing marks: the benchmark measures "data arrived → interactive" from these.
    performance.mark('faultline:data-arrived');
    this.status = { kind: 'loading', name, stage: 'read' };
    const result = await loadBytesOffThread(buffer, name);
    if (token !== this.#loadToken) return false;
    if (!result.ok) {
      this.status = { kind: 'failed', name, message: `${name} could not be opened`, problems: result.problems };
      return false;
    }
    const dataset =
      result.kind === 'pack'
        ? datasetFromPack(name, viewVerifiedPack(result.pack), result.rejected, result.problems)
        : datasetFromParts(name, result.parts, result.rejected, result.problems);
    return this.#show(dataset, origin);
  }

  /** Text already in memory (a paste, an importer's output): small, so read in place. */
  loadText(text: string, name: string, origin = name): boolean {
    const token = ++this.#loadToken;
    performance.mark('faultline:data-arrived');
    const result = loadDataset(text, name);
    if (!result.ok) {
      this.status = { kind: 'failed', name, message: `${name} could not be opened`, problems: result.problems };
      return false;
    }
    return token === this.#loadToken && this.#show(result.dataset, origin);
  }

  #show(dataset: Dataset, origin: string): boolean {
    const replacing = this.dataset !== null;
    this.dataset = dataset;
    this.origin = origin;
    this.status = { kind: 'idle' };
    performance.mark('faultline:dataset-ready');
    // The first frame that shows the data has been produced once a task runs after the next frame.
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(() => performance.mark('faultline:interactive'), 0));
    }
    this.#prepareWhenIdle();
    // On first load the URL sync checks the selection (and says so); on a reload it just goes.
    if (replacing && this.selectedId !== null && dataset.events.rowOf(this.selectedId) === undefined)
      this.selectedId = null;
    return true;
  }

  /** Once the page is idle, builds what the next toggle or brush step would otherwise build on the spot, one piece per idle call. */
  #prepareWhenIdle(): void {
    if (this.#preparing) return;
    this.#preparing = true;
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    const step = (): void => {
      if (this.#evaluator?.prepare()) idle(step);
      else this.#preparing = false;
    };
    idle(step);
  }

  select(id: string | null): void {
    if (id === this.selectedId) return;
    this.historyMode = 'push';
    this.selectedId = id;
  }

  hover(id: string | null): void {
    if (id !== this.hoveredId) this.hoveredId = id;
  }

  setFilters(patch: Partial<Filters>, history: HistoryMode = 'push'): void {
    this.historyMode = history;
    this.filters = { ...this.filters, ...patch };
  }

  toggleCategory(id: string): void {
    const all = this.dataset?.meta.categories.map((c) => c.id) ?? [];
    const current = this.filters.categories ?? all;
    const next = current.includes(id) ? current.filter((c) => c !== id) : [...current, id];
    // Keep the dataset's order, and "every category" as null so the URL stays clean.
    const ordered = all.filter((c) => next.includes(c));
    this.setFilters({ categories: ordered.length === all.length ? null : ordered });
  }

  toggleActor(actor: string): void {
    const { actors } = this.filters;
    this.setFilters({ actors: actors.includes(actor) ? actors.filter((a) => a !== actor) : [...actors, actor] });
  }

  toggleTag(tag: string): void {
    const { tags } = this.filters;
    this.setFilters({ tags: tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag] });
  }

  /** Typing pushes one history entry per burst of keystrokes, not one per key. */
  setText(text: string): void {
    const now = Date.now();
    const burst = now - this.#lastTextAt < 1500;
    this.#lastTextAt = now;
    this.setFilters({ text }, burst ? 'replace' : 'push');
  }

  /**
   * `final` is false while a brush is dragged or playback runs. A gesture makes one history
   * entry: its first step pushes, later steps and the final one replace that entry.
   */
  setWindow(next: TimeWindow | null, final = true): void {
    // Whole milliseconds, so the window survives the trip through the URL exactly.
    const window = next && { start: Math.round(next.start), end: Math.round(next.end) };
    const mode: HistoryMode = !this.gesture ? (final ? 'push' : 'begin') : final ? 'settle' : 'stream';
    this.gesture = !final;
    const w = this.filters.window;
    if (sameWindow(w, window)) {
      // A gesture ending where its last step was: nothing changed, but its state must now settle.
      if (mode === 'settle') {
        this.historyMode = mode;
        this.settled++;
      }
      return;
    }
    this.setFilters({ window }, mode);
  }

  setInView(inView: boolean): void {
    this.setFilters({ inView });
  }

  clearFilters(): void {
    this.pause();
    this.setFilters(NO_FILTERS);
  }

  /** From the map after every move; the view goes to the URL without a history entry. */
  setMapView(view: MapView, bounds: Bounds): void {
    const v = this.mapView;
    if (!v || v.lat !== view.lat || v.lon !== view.lon || v.zoom !== view.zoom) {
      this.historyMode = 'replace';
      this.mapView = view;
    }
    const b = this.mapBounds;
    if (
      !b ||
      b.south !== bounds.south ||
      b.west !== bounds.west ||
      b.north !== bounds.north ||
      b.east !== bounds.east
    ) {
      this.mapBounds = bounds;
    }
  }

  setLaneMode(mode: LaneMode): void {
    this.historyMode = 'push';
    this.laneMode = mode;
  }

  requestFit(): void {
    this.fitRequest++;
  }

  play(): void {
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  notify(message: string): void {
    this.notices = [...this.notices, message];
  }

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }
}

function rowMask(size: number, rows: Uint32Array): Uint8Array {
  const mask = new Uint8Array(size);
  for (let i = 0; i < rows.length; i++) mask[rows[i]!] = 1;
  return mask;
}
