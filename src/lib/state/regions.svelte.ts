import type { Dataset } from '../model/dataset';
import type { RegionCodes } from '../model/regions';
import type { RowDelta } from '../query/brushing';
import { RegionTally, type RegionTallies } from '../query/regions';

/** What the region aggregates read of the app (AppState has it). */
export interface RegionsSource {
  readonly dataset: Dataset | null;
  readonly visible: Uint32Array;
  readonly visibleDelta: RowDelta | null;
}

/**
 * Per-region counts and fatality sums of the rows shown (query/regions.ts), for the map's
 * choropleth. Lazy like the summary: nothing is counted until a view reads `tallies`, and then
 * by the evaluator's deltas while it keeps reading.
 */
export class RegionsState {
  #app: RegionsSource;
  readonly #tally: RegionTally | null;

  constructor(app: RegionsSource) {
    this.#app = app;
    this.#tally = $derived.by(() => {
      const regions = app.dataset?.regions;
      return regions
        ? new RegionTally(app.dataset!, regions, regions.table.countries.length, regions.table.admin1.length)
        : null;
    });
  }

  /** The dataset's region columns and table; null when it has none (no located events, or no assets). */
  get codes(): RegionCodes | null {
    return this.#app.dataset?.regions ?? null;
  }

  /** Counts and sums per country and admin-1 for the rows shown; null without regions. */
  readonly tallies = $derived.by<RegionTallies | null>(() => {
    const tally = this.#tally;
    return tally ? tally.update(this.#app.visible, this.#app.visibleDelta) : null;
  });
}

const states = new WeakMap<RegionsSource, RegionsState>();

/** The app's one regions state, made when a view first asks (like summaryOf). */
export function regionsOf(app: RegionsSource): RegionsState {
  let state = states.get(app);
  // In a root of its own, not owned by the first view that asks (see summaryOf).
  if (!state) $effect.root(() => void states.set(app, (state = new RegionsState(app))));
  return state!;
}
