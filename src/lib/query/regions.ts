/**
 * Per-region aggregates of the selected rows: how many events and how many fatalities (the sum
 * of each figure's low and high ends) per country and per admin-1 region, kept by the Evaluator's
 * row deltas like SummaryTally (query/summary.ts). The map's choropleth reads them through
 * state/regions.svelte.ts (regionsOf). Arrays are indexed by region code: [0] counts the rows of
 * no region, [1 + i] region i of the table.
 */
import type { Dataset } from '../model/dataset';
import type { RegionCodes } from '../model/regions';
import type { RowDelta } from './brushing';

export interface RegionTotals {
  /** Events per code. */
  readonly count: Uint32Array;
  /** Sum of fatalities.min over the events with a figure, per code. */
  readonly fatalMin: Float64Array;
  /** Sum of fatalities.max (min when one number), per code. */
  readonly fatalMax: Float64Array;
  /** Events with a figure, per code (a region whose events give none shows "no figure", not 0). */
  readonly withFigure: Uint32Array;
}

export interface RegionTallies {
  readonly countries: RegionTotals;
  readonly admin1: RegionTotals;
  /** Rows counted (the selection's size). */
  readonly rows: number;
  /** Bumped on every change, so a view can tell a new state from the same arrays changed. */
  readonly version: number;
}

function totals(size: number): RegionTotals {
  return {
    count: new Uint32Array(size),
    fatalMin: new Float64Array(size),
    fatalMax: new Float64Array(size),
    withFigure: new Uint32Array(size),
  };
}

export class RegionTally {
  readonly #codes: RegionCodes;
  readonly #fatalMin: Float64Array;
  readonly #fatalMax: Float64Array;
  readonly #countries: RegionTotals;
  readonly #admin1: RegionTotals;
  #rows = 0;
  #version = 0;
  /** The rows last counted; a delta applies only when it continues from them. */
  #counted: Uint32Array | null = null;

  constructor(dataset: Dataset, codes: RegionCodes, countryCount: number, admin1Count: number) {
    this.#codes = codes;
    this.#fatalMin = dataset.columns.fatalMin;
    this.#fatalMax = dataset.columns.fatalMax;
    this.#countries = totals(countryCount + 1);
    this.#admin1 = totals(admin1Count + 1);
  }

  /** Brings the tallies to `rows`: by the delta when it starts from the rows last counted, else anew. */
  update(rows: Uint32Array, delta: RowDelta | null): RegionTallies {
    if (rows !== this.#counted) {
      if (delta && this.#counted && delta.from === this.#counted) {
        this.#add(delta.left, -1);
        this.#add(delta.entered, 1);
      } else {
        for (const t of [this.#countries, this.#admin1]) {
          t.count.fill(0);
          t.fatalMin.fill(0);
          t.fatalMax.fill(0);
          t.withFigure.fill(0);
        }
        this.#rows = 0;
        this.#add(rows, 1);
      }
      this.#counted = rows;
      this.#version++;
    }
    return { countries: this.#countries, admin1: this.#admin1, rows: this.#rows, version: this.#version };
  }

  #add(rows: ArrayLike<number>, by: 1 | -1): void {
    const { country, admin1 } = this.#codes;
    const c = this.#countries;
    const a = this.#admin1;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const cc = country[row]!;
      const ac = admin1[row]!;
      c.count[cc]! += by;
      a.count[ac]! += by;
      const lo = this.#fatalMin[row]!;
      if (lo === lo) {
        const hi = this.#fatalMax[row]!;
        c.fatalMin[cc]! += by * lo;
        c.fatalMax[cc]! += by * hi;
        c.withFigure[cc]! += by;
        a.fatalMin[ac]! += by * lo;
        a.fatalMax[ac]! += by * hi;
        a.withFigure[ac]! += by;
      }
    }
    this.#rows += by * rows.length;
  }
}
