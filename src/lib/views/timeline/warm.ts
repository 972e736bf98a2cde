import type { Dataset } from '../../model/dataset';
import { binDensity, type Domain } from './geometry';
import { categoryLanes } from './lanes';

/** Rows and rounds: in the browser at 1M, enough for the first category click to run these optimised. */
const WARM_ROWS = 4096;
const WARM_ROUNDS = 12;

/**
 * Runs the timeline's passes over every row that passes the filters (the category lanes' counts,
 * the overview's bins) a dozen times on a few thousand of those rows, results dropped: meant for
 * idle time after a load. V8 optimises a function only after it has run a while, and each of
 * these runs once at load, so the first category click at 1M ran them unoptimised (in a profile,
 * the lanes 8.8 ms against 1.4 on a later click, the bins 7.1 against 5.0). They are pure, so
 * nothing the analyst sees changes.
 */
export function warmTimeline(dataset: Dataset, rows: Uint32Array, span: Domain): void {
  const sample = rows.subarray(0, WARM_ROWS);
  if (!sample.length || !(span.end > span.start)) return;
  for (let round = 0; round < WARM_ROUNDS; round++) {
    categoryLanes(dataset.meta.categories, dataset.columns.category, sample);
    binDensity(dataset.columns, sample, span.start, span.end, 256);
  }
}
