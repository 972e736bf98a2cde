import { binCount, TIME_UNITS, type TimeUnit } from '../model/time-units';
import type { TimeWindow } from '../query/filters';
import { SummaryTally, type BinSeries, type StackPlan, type Summary } from '../query/summary';
import type { RowDelta } from '../query/brushing';
import type { Dataset } from '../model/dataset';

/** What the summary reads of the app (AppState has it). */
export interface SummarySource {
  readonly dataset: Dataset | null;
  readonly visible: Uint32Array;
  readonly visibleDelta: RowDelta | null;
  readonly timeless: Uint32Array;
  readonly filters: { readonly window: TimeWindow | null };
}

/** Bins the automatic unit aims at: enough to show a trend, few enough to read at 300 px. */
export const AUTO_BINS = 60;
/** Most bins a chosen unit may draw; a finer unit is not offered for a longer range. */
export const MAX_CHART_BINS = 400;

export type SummaryMeasure = 'events' | 'fatalities';

/**
 * The summary view's state: the aggregates for the selected rows (query/summary.ts), and the
 * analyst's choices of unit and measure. The aggregates are deriveds and deriveds are lazy: with
 * the summary not on screen, nothing here runs, and a brush step costs it nothing. Brought up to
 * date on the next read, by delta when the evaluator's rows continue from those it counted.
 */
export class SummaryState {
  #app: SummarySource;
  #unitChoice = $state<TimeUnit | 'auto'>('auto');
  #measure = $state<SummaryMeasure>('events');

  constructor(app: SummarySource) {
    this.#app = app;
    this.#tally = $derived(app.dataset ? new SummaryTally(app.dataset) : null);
  }

  get unitChoice(): TimeUnit | 'auto' {
    return this.#unitChoice;
  }
  get measure(): SummaryMeasure {
    return this.#measure;
  }

  readonly #tally: SummaryTally | null;

  readonly summary = $derived.by<Summary | null>(() => {
    const tally = this.#tally;
    if (!tally) return null;
    tally.update(this.#app.visible, this.#app.visibleDelta);
    return tally.summary();
  });

  /** The time the chart covers: the window, or the span of the rows the other filters pass. */
  readonly range = $derived.by<TimeWindow | null>(() => {
    const w = this.#app.filters.window;
    if (w) return w;
    const start = this.#app.dataset?.columns.start;
    const rows = this.#app.timeless;
    if (!start || rows.length === 0) return null;
    return { start: start[rows[0]!]!, end: start[rows[rows.length - 1]!]! + 1 };
  });

  /** Units the analyst can pick for this range: offered by the data, and at most MAX_CHART_BINS bins. */
  readonly units = $derived.by<TimeUnit[]>(() => unitsFor(this.range, this.#tally?.units ?? []));

  readonly unit = $derived.by<TimeUnit | null>(() => pickUnit(this.range, this.units, this.#unitChoice));

  readonly series = $derived.by<BinSeries | null>(() => {
    // Read first: it brings the tally to the rows shown.
    if (!this.summary) return null;
    const r = this.range;
    const unit = this.unit;
    return r && unit ? this.#tally!.series(unit, r.start, r.end) : null;
  });

  /** How the stacks map to categories (largest first; the last may be "Other"). */
  get stacks(): StackPlan | null {
    return this.#tally?.plan ?? null;
  }

  setUnit(unit: TimeUnit | 'auto'): void {
    if (unit === 'auto' || TIME_UNITS.includes(unit)) this.#unitChoice = unit;
  }

  setMeasure(measure: SummaryMeasure): void {
    this.#measure = measure;
  }
}

/** The units offered for a range: those the data can be counted in that draw at most MAX_CHART_BINS bars. */
export function unitsFor(range: TimeWindow | null, offered: readonly TimeUnit[]): TimeUnit[] {
  return range ? offered.filter((u) => binCount(range.start, range.end, u) <= MAX_CHART_BINS) : [];
}

/** The analyst's unit when it is offered, else the finest giving at most AUTO_BINS bars (else the coarsest). */
export function pickUnit(
  range: TimeWindow | null,
  units: readonly TimeUnit[],
  choice: TimeUnit | 'auto',
): TimeUnit | null {
  if (!range || units.length === 0) return null;
  if (choice !== 'auto' && units.includes(choice)) return choice;
  return units.find((u) => binCount(range.start, range.end, u) <= AUTO_BINS) ?? units[units.length - 1]!;
}

const states = new WeakMap<SummarySource, SummaryState>();

/**
 * The app's one summary state, made when a summary view first asks: its code is loaded with the
 * view (views/summary/load.ts), not with the page, and its choices outlive the view's unmounting.
 */
export function summaryOf(app: SummarySource): SummaryState {
  let state = states.get(app);
  // Made in a root of its own: made inside the first view that asks, its deriveds would belong to
  // that view and stop following the app once it unmounts (the summary shown again kept the numbers
  // of its first showing).
  if (!state) $effect.root(() => void states.set(app, (state = new SummaryState(app))));
  return state!;
}
