import type { Dataset } from '../model/dataset';
import {
  readSource,
  sourceName,
  type DataSource,
  type InMemorySource,
  type OpenReport,
  type Opened,
  type ReadProgress,
} from '../io/read-source';
import type { Problem } from '../model/problems';
import { capSearchText } from '../model/search-text';
import { msg } from '../i18n/message';
import type { Message } from '../i18n/types';
import { firstIndex } from '../model/bisect';
import { Evaluator, type FilterKeys } from '../query/brushing';
import { NO_FILTERS, patchFilters, sameWindow, type Bounds, type Filters, type TimeWindow } from '../query/filters';
import { buildQueryIndex } from '../query/query-index';
import { TextSearch } from './text-search.svelte';
import { ExportJob } from './export-job.svelte';
import { DEFAULT_URL_STATE, sameView, type UrlState } from './url';
import type { LaneMode, MapView } from './view-types';
import { DEFAULT_MAP_MODE, type MapMeasure, type MapMode } from './map-mode';

export type { LaneMode, MapView } from './view-types';

/** Where a reader is in a story (state/story.svelte.ts): the story's id and the step's index, from 0. */
export interface StoryPlace {
  id: string;
  step: number;
}

/** Events starting in [start, end), of the given category codes (all when null). */
export interface SpanHighlight {
  start: number;
  end: number;
  categories: readonly number[] | null;
}

export type LoadStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; name: string; loaded?: number; total?: number | null; stage?: 'download' | 'read' }
  | { kind: 'failed'; name: string; message: string; problems: Problem[] };

/**
 * How a change enters browser history: discrete actions push; changes that share an entry
 * (a burst of typing, map moves) replace; a gesture (a brush drag, playback) begins a new entry
 * (written with its later steps, not in its first frame), streams its steps (thinned), and
 * settles with its last one (written at once, so a reload keeps it).
 */
export type HistoryMode = 'push' | 'replace' | 'begin' | 'stream' | 'settle';

/**
 * The one app-wide state. Views read it and call its methods; nothing else holds events or
 * writes its fields (they are private, read through getters). The dataset is $state.raw: it is
 * replaced whole, never mutated, and too big to proxy.
 */
/** Notices shown at once; the last line counts any more. */
export const MAX_NOTICES = 6;

export class AppState {
  #dataset = $state.raw<Dataset | null>(null);
  #status = $state.raw<LoadStatus>({ kind: 'idle' });
  #filters = $state.raw<Filters>(NO_FILTERS);
  #selectedId = $state<string | null>(null);
  #hoveredId = $state<string | null>(null);
  #mapView = $state.raw<MapView | null>(null);
  #laneMode = $state<LaneMode>('category');
  #mapMode = $state<MapMode>(DEFAULT_MAP_MODE);
  #mapMeasure = $state<MapMeasure>('events');
  #playing = $state(false);
  #speed = $state(1);
  /** Text already in words, or a message the view renders in the current language (follows a switch). */
  #notices = $state.raw<(string | Message)[]>([]);
  #mapBounds = $state.raw<Bounds | null>(null);
  #origin = $state('');
  #pickLocation = $state.raw<((lat: number, lon: number) => void) | null>(null);
  #fitRequest = $state(0);
  #revealRequest = $state(0);
  #spanHighlight = $state.raw<SpanHighlight | null>(null);
  #story = $state.raw<StoryPlace | null>(null);
  #storyView = $state.raw<UrlState | null>(null);
  #storyHighlight = $state.raw<readonly string[]>([]);
  #settled = $state(0);
  #gesture = $state(false);
  /**
   * How the next URL change is written to history. Not reactive on purpose: it says how a change
   * is recorded, not what changed; the URL sync takes it (takeHistoryMode) when it writes.
   */
  #historyMode: HistoryMode = 'push';
  #lastTextAt = 0;
  #hiddenNotices = 0;
  /** The latest open wins: an older one finishing later is dropped. */
  #loadToken = 0;
  /** Stops the open under way. */
  #reading: AbortController | null = null;
  /** The search box's typing: a large dataset is searched in slices after a pause (text-search.svelte.ts). */
  readonly search = new TextSearch(this);
  /** The download being written: a large export runs in slices with its progress (export-job.svelte.ts). */
  readonly exports = new ExportJob(this);

  get dataset(): Dataset | null {
    return this.#dataset;
  }
  get status(): LoadStatus {
    return this.#status;
  }
  get filters(): Filters {
    return this.#filters;
  }
  get selectedId(): string | null {
    return this.#selectedId;
  }
  get hoveredId(): string | null {
    return this.#hoveredId;
  }
  get mapView(): MapView | null {
    return this.#mapView;
  }
  get laneMode(): LaneMode {
    return this.#laneMode;
  }
  /** What the map draws: clusters, density, or a choropleth of countries or regions (map-mode.ts). */
  get mapMode(): MapMode {
    return this.#mapMode;
  }
  /** What a choropleth shades by: events, or fatalities (when the data has them). */
  get mapMeasure(): MapMeasure {
    return this.#mapMeasure;
  }
  get playing(): boolean {
    return this.#playing;
  }
  /** Playback speed: steps per second. */
  get speed(): number {
    return this.#speed;
  }
  /** Messages about the URL or the data that the user should see once (ignored parameters…). */
  get notices(): readonly (string | Message)[] {
    return this.#notices;
  }
  /** The map's current bounds; a filter only while "only events in the map view" is on. */
  get mapBounds(): Bounds | null {
    return this.#mapBounds;
  }
  /** Where the shown data came from, for the Data menu ("File: x.csv (ACLED CSV export, …)"). */
  get origin(): string {
    return this.#origin;
  }
  /** While set, a map click hands its coordinates here instead of selecting (the event form's "Pick on map"). */
  get pickLocation(): ((lat: number, lon: number) => void) | null {
    return this.#pickLocation;
  }
  /** Bumped to ask the map to fit the filtered events. */
  get fitRequest(): number {
    return this.#fitRequest;
  }
  /**
   * Bumped when the window is set away from the timeline (a link, back/forward, the host page,
   * another view): the timeline then zooms to show it. Its own brush and playback do not bump it.
   */
  get revealRequest(): number {
    return this.#revealRequest;
  }
  /** Bumped when a gesture ends without a change, so the URL sync writes what it held back. */
  get settled(): number {
    return this.#settled;
  }
  /** True while a brush is dragged or playback runs: views may hold what would jump under the pointer. */
  get gesture(): boolean {
    return this.#gesture;
  }

  /** The story being read and its step (a link's story= and step=), or null. */
  get story(): StoryPlace | null {
    return this.#story;
  }
  /**
   * The open step's own view as a link carries it, set by the story reader when it shows the
   * step; null until then (a link or back/forward named the step: the reader applies its view).
   */
  get storyView(): UrlState | null {
    return this.#storyView;
  }
  /** Ids of the events the open step marks on the map. */
  get storyHighlight(): readonly string[] {
    return this.#storyHighlight;
  }

  /** A span of time (a summary bar) whose events the map and timeline mark, while it is hovered or focused. */
  get spanHighlight(): SpanHighlight | null {
    return this.#spanHighlight;
  }

  /**
   * The shown rows that start inside the highlighted span (and are of its categories): what a
   * summary bar counts. Rows are in time order, so the span is two binary searches.
   */
  readonly highlightedRows = $derived.by<Uint32Array | null>(() => {
    const h = this.#spanHighlight;
    const start = this.#dataset?.columns.start;
    if (!h || !start) return this.#storyRows;
    const rows = this.visible;
    const first = firstIndex(rows.length, (i) => start[rows[i]!]! < h.start);
    const last = firstIndex(rows.length, (i) => start[rows[i]!]! < h.end);
    const span = rows.subarray(first, last);
    if (!h.categories) return span;
    const wanted = new Set(h.categories);
    const category = this.#dataset!.columns.category;
    return span.filter((r) => wanted.has(category[r]!));
  });

  /** The shown rows of the events the open step marks, in row order. */
  readonly #storyRows = $derived.by<Uint32Array | null>(() => {
    const ids = this.#storyHighlight;
    const dataset = this.#dataset;
    if (!dataset || !this.#story || ids.length === 0) return null;
    const mask = this.visibleMask;
    const rows: number[] = [];
    for (const id of ids) {
      const row = dataset.events.rowOf(id);
      if (row !== undefined && mask[row]) rows.push(row);
    }
    return Uint32Array.from(rows.sort((a, b) => a - b));
  });

  readonly index = $derived(this.#dataset ? buildQueryIndex(this.#dataset) : null);

  /** The filters as applied. Bounds are read only when they filter, so panning alone recomputes nothing. */
  readonly applied = $derived<Filters>(
    this.#filters.inView ? { ...this.#filters, bounds: this.#mapBounds } : this.#filters,
  );

  /**
   * Rows shown by every view (in time order), the facet counts, and the rows that pass every
   * filter but the time window (the overview's density and the timeline's lanes), from one pass.
   * Brushing changes only the window, so the timeless rows are reused (the same array, so nothing
   * that depends on them recomputes while the brush moves) and the pass covers only the window.
   */
  readonly #evaluator = $derived(this.index ? new Evaluator(this.index) : null);
  readonly #result = $derived(this.#evaluator?.run(this.applied) ?? null);
  #preparing = false;

  /** Rows shown by every view, in time order. */
  readonly visible = $derived(this.#result?.rows ?? new Uint32Array(0));

  /** How visible differs from the previous visible when only the time window or the categories changed, else null. */
  readonly visibleDelta = $derived(this.#result?.delta ?? null);

  /** visible as a per-row flag, for views that test membership while drawing. */
  readonly visibleMask = $derived.by(() => rowMask(this.#dataset?.columns.size ?? 0, this.visible));

  /** Rows that pass every filter but the time window. */
  readonly timeless = $derived(this.#result?.timeless ?? new Uint32Array(0));

  /** Change when a filter other than the window changes: what views that ignore the window key their layout on. */
  readonly filterKeys = $derived<FilterKeys | null>(this.#result?.keys ?? null);

  readonly counts = $derived(this.#result?.counts ?? null);

  /** How many visible rows have no place: kept by the evaluator by difference, so brushing never rescans. */
  readonly unlocatedCount = $derived(this.#result?.unlocated ?? 0);

  /**
   * The visible rows without a place. A scan of the visible rows: only the "no location" list
   * reads it, while it is open (deriveds are lazy), never a brush step with the list closed.
   */
  readonly unlocatedVisible = $derived.by(() => {
    const lat = this.#dataset?.columns.lat;
    const visible = this.visible;
    const rows: number[] = [];
    if (lat) for (let i = 0; i < visible.length; i++) if (Number.isNaN(lat[visible[i]!]!)) rows.push(visible[i]!);
    return rows;
  });

  readonly selectedRow = $derived.by(() => {
    if (!this.#dataset || this.#selectedId === null) return null;
    return this.#dataset.events.rowOf(this.#selectedId) ?? null;
  });

  readonly hoveredRow = $derived.by(() => {
    if (!this.#dataset || this.#hoveredId === null) return null;
    return this.#dataset.events.rowOf(this.#hoveredId) ?? null;
  });

  readonly selectedEvent = $derived(
    this.selectedRow === null ? null : (this.#dataset?.events.at(this.selectedRow) ?? null),
  );

  /**
   * The one way data comes in: the bundled dataset, ?data=, a file, a drop, a paste, the editor's
   * draft and a hot reload all open here. Each open takes a token (a later one wins), shows its
   * progress, and ends with the same report; a failure keeps the data shown. Text and the editor's
   * datasets are answered at once; the others when their bytes are read.
   */
  open(source: InMemorySource): OpenReport;
  open(source: DataSource): Promise<OpenReport>;
  open(source: DataSource): OpenReport | Promise<OpenReport> {
    const token = ++this.#loadToken;
    const name = sourceName(source);
    if (source.kind === 'url') this.#status = { kind: 'loading', name, stage: 'download' };
    let shown = -1;
    this.#reading?.abort();
    const reading = new AbortController();
    this.#reading = reading;
    const progress: ReadProgress = (p) => {
      if (token !== this.#loadToken) return;
      if (p.stage === 'read') {
        this.#status = { kind: 'loading', name, stage: 'read' };
        return;
      }
      // Progress is throttled to whole percent (or 1 MB steps) so a big download is not a rerender per chunk.
      const loaded = p.loaded ?? 0;
      const step = p.total ? Math.floor((100 * loaded) / p.total) : Math.floor(loaded / 1_048_576);
      if (step !== shown) {
        shown = step;
        this.#status = { kind: 'loading', name, loaded, total: p.total, stage: 'download' };
      }
    };
    const opened = readSource(source, { progress, signal: reading.signal });
    if (opened instanceof Promise) return opened.then((o) => this.#settle(o, token, source));
    return this.#settle(opened, token, source);
  }

  /** Stops the open under way (its download or its read); the data shown stays. */
  cancelOpen(): void {
    this.#reading?.abort();
  }

  #settle(opened: Opened, token: number, source: DataSource): OpenReport {
    // A later open started meanwhile: it decides what is shown and what the status says.
    if (token !== this.#loadToken) return { ...opened.report, ok: false, error: 'replaced by a later open' };
    this.#reading = null;
    if (!opened.ok) {
      const { name, error, problems } = opened.report;
      this.#status = { kind: 'failed', name, message: error ?? `${name} could not be opened`, problems: [...problems] };
      return opened.report;
    }
    this.#show(opened.dataset, source.kind === 'edit' ? this.#origin : opened.origin, source.kind !== 'edit');
    return opened.report;
  }

  #show(dataset: Dataset, origin: string, opened: boolean): void {
    const replacing = this.#dataset !== null;
    this.#dataset = dataset;
    this.#origin = origin;
    this.#status = { kind: 'idle' };
    if (opened) {
      performance.mark('faultline:dataset-ready');
      // The first frame that shows the data has been produced once a task runs after the next frame.
      if (typeof requestAnimationFrame === 'function') {
        requestAnimationFrame(() => setTimeout(() => performance.mark('faultline:interactive'), 0));
      }
    }
    this.#prepareWhenIdle();
    // On first load the URL sync checks the selection (and says so); on a reload it just goes;
    // an event deleted (or undone away) in the editor cannot stay selected.
    if (replacing && this.#selectedId !== null && dataset.events.rowOf(this.#selectedId) === undefined) {
      if (opened) this.#selectedId = null;
      else this.select(null);
    }
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
    if (id === this.#selectedId) return;
    this.#historyMode = 'push';
    this.#selectedId = id;
  }

  hover(id: string | null): void {
    if (id !== this.#hoveredId) this.#hoveredId = id;
  }

  setFilters(patch: Partial<Filters>, history: HistoryMode = 'push'): void {
    this.#historyMode = history;
    // Every search reaches the filter here (box, link, host page, restore): cap it before matching.
    const text = patch.text === undefined ? undefined : capSearchText(patch.text);
    this.#filters = patchFilters(this.#filters, text === patch.text ? patch : { ...patch, text });
    this.#prepareWhenIdle();
  }

  toggleCategory(id: string): void {
    const all = this.#dataset?.meta.categories.map((c) => c.id) ?? [];
    const current = this.#filters.categories ?? all;
    const next = current.includes(id) ? current.filter((c) => c !== id) : [...current, id];
    // Keep the dataset's order, and "every category" as null so the URL stays clean.
    const ordered = all.filter((c) => next.includes(c));
    this.setFilters({ categories: ordered.length === all.length ? null : ordered });
  }

  toggleActor(actor: string): void {
    const { actors } = this.#filters;
    this.setFilters({ actors: actors.includes(actor) ? actors.filter((a) => a !== actor) : [...actors, actor] });
  }

  toggleTag(tag: string): void {
    const { tags } = this.#filters;
    this.setFilters({ tags: tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag] });
  }

  /** A country or admin-1 region (its id, model/regions.ts) in or out of the region filter. */
  toggleRegion(id: string): void {
    const { regions } = this.#filters;
    this.setFilters({ regions: regions.includes(id) ? regions.filter((r) => r !== id) : [...regions, id] });
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
    const mode: HistoryMode = !this.#gesture ? (final ? 'push' : 'begin') : final ? 'settle' : 'stream';
    this.#gesture = !final;
    if (sameWindow(this.#filters.window, window)) {
      // A gesture ending where its last step was: nothing changed, but its state must now settle.
      if (mode === 'settle') {
        this.#historyMode = mode;
        this.#settled++;
      }
      return;
    }
    this.setFilters({ window }, mode);
  }

  /**
   * Sets the window from outside the timeline (the host page, a chart's bar) and asks the
   * timeline to show it, even when it is the window already set. Playback yields to it.
   */
  revealWindow(window: TimeWindow | null): void {
    this.pause();
    this.setWindow(window, true);
    if (window) this.#revealRequest++;
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
    const v = this.#mapView;
    if (!v || v.lat !== view.lat || v.lon !== view.lon || v.zoom !== view.zoom) {
      this.#historyMode = 'replace';
      this.#mapView = view;
    }
    const b = this.#mapBounds;
    if (
      !b ||
      b.south !== bounds.south ||
      b.west !== bounds.west ||
      b.north !== bounds.north ||
      b.east !== bounds.east
    ) {
      this.#mapBounds = bounds;
      if (this.#filters.inView) this.#prepareWhenIdle();
    }
  }

  setLaneMode(mode: LaneMode): void {
    this.#historyMode = 'push';
    this.#laneMode = mode;
  }

  /** The map's mode control: one history entry per switch, so Back returns to the mode before. */
  setMapMode(mode: MapMode): void {
    if (mode === this.#mapMode) return;
    this.#historyMode = 'push';
    this.#mapMode = mode;
  }

  setMapMeasure(measure: MapMeasure): void {
    if (measure === this.#mapMeasure) return;
    this.#historyMode = 'push';
    this.#mapMeasure = measure;
  }

  /**
   * Puts a link's state into the app: filters, selection, map view and lanes. `history` says how
   * the URL sync records it (restoring a URL writes no new entry).
   */
  applyUrl(s: UrlState, history: HistoryMode = 'replace'): void {
    // A link's window is shown when it is new to the app (on load, back and forward), not when
    // only another parameter moved: the timeline keeps the view the user panned to.
    if (s.window && !sameWindow(s.window, this.#filters.window)) this.#revealRequest++;
    this.setFilters(
      {
        text: s.text,
        categories: s.categories,
        actors: s.actors,
        tags: s.tags,
        regions: s.regions,
        window: s.window,
        inView: s.inView,
      },
      history,
    );
    this.#selectedId = s.event;
    this.#mapView = s.map;
    this.#laneMode = s.lanes;
    this.#mapMode = s.mapMode;
    this.#mapMeasure = s.mapBy;
    // The step a link names: the story reader reads it (and applies its view when the link has none).
    const place = s.story ? { id: s.story, step: Math.max(0, (s.step ?? 1) - 1) } : null;
    // A new step, or the step's own link (no view of its own): the reader shows the step's view.
    if (place?.id !== this.#story?.id || place?.step !== this.#story?.step || sameView(s, DEFAULT_URL_STATE)) {
      this.#story = place;
      this.#storyView = null;
      this.#storyHighlight = [];
    }
  }

  /**
   * The story reader shows a step (after applying its view with applyUrl) or closes the story
   * (null): the place, the step's view as a link carries it, and the events it marks.
   */
  setStoryStep(
    place: StoryPlace | null,
    view: UrlState | null = null,
    highlight: readonly string[] = [],
    history: HistoryMode = 'push',
  ): void {
    this.#historyMode = history;
    this.#story = place;
    this.#storyView = place ? view : null;
    this.#storyHighlight = place ? highlight : [];
  }

  /** How the change being written to the URL enters history; the next one pushes unless told otherwise. */
  takeHistoryMode(): HistoryMode {
    const mode = this.#historyMode;
    this.#historyMode = 'push';
    return mode;
  }

  /** Marks a span's events on the map and timeline (a summary bar under the pointer or focus); null clears it. */
  highlightSpan(h: SpanHighlight | null): void {
    const now = this.#spanHighlight;
    if (h === now || (h && now && h.start === now.start && h.end === now.end && h.categories === now.categories))
      return;
    this.#spanHighlight = h;
  }

  requestFit(): void {
    this.#fitRequest++;
  }

  play(): void {
    this.#playing = true;
  }

  pause(): void {
    this.#playing = false;
  }

  /** Playback speed in steps per second. */
  setSpeed(speed: number): void {
    if (Number.isFinite(speed) && speed > 0) this.#speed = speed;
  }

  /** The event form's "Pick on map": the next map click goes to `handler`; null ends picking. */
  pickOnMap(handler: ((lat: number, lon: number) => void) | null): void {
    this.#pickLocation = handler;
  }

  /**
   * Shows a message once: a repeat of one shown is dropped, and past MAX_NOTICES the last line
   * counts the rest, so no input can stack notices down the page.
   */
  notify(message: string | Message): void {
    const shown = this.#notices;
    const same = (n: string | Message) => n === message || JSON.stringify(n) === JSON.stringify(message);
    if (shown.some(same)) return;
    if (shown.length < MAX_NOTICES - 1) {
      this.#notices = [...shown, message];
      return;
    }
    this.#hiddenNotices++;
    const more = msg('notice.more', { count: this.#hiddenNotices });
    this.#notices = [...shown.slice(0, MAX_NOTICES - 1), this.#hiddenNotices === 1 ? message : more];
  }

  dismissNotice(index: number): void {
    this.#notices = this.#notices.filter((_, i) => i !== index);
    if (this.#notices.length < MAX_NOTICES - 1) this.#hiddenNotices = 0;
  }
}

function rowMask(size: number, rows: Uint32Array): Uint8Array {
  const mask = new Uint8Array(size);
  for (let i = 0; i < rows.length; i++) mask[rows[i]!] = 1;
  return mask;
}
