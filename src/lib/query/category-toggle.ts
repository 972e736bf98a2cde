/**
 * A category ticked or unticked, row by row: the loops of Evaluator's toggle, kept small and
 * apart so that V8 optimises each on its own and they can be warmed up on a few rows.
 */
import type { FacetCounts } from './apply';
import type { QueryIndex } from './query-index';
import { ACTOR, CATEGORY, countRegion, countRow, emptyCounts, OTHER, REGION, TAG } from './row-flags';

/** Rows grouped by a small code (CSR): the rows with code c are rows[offsets[c]] .. rows[offsets[c + 1] - 1], ascending. */
export function rowsByCode(code: ArrayLike<number>, codes: number): { offsets: Uint32Array; rows: Uint32Array } {
  const offsets = new Uint32Array(codes + 1);
  for (let row = 0; row < code.length; row++) offsets[code[row]! + 1]!++;
  for (let c = 0; c < codes; c++) offsets[c + 1]! += offsets[c]!;
  const fill = offsets.slice(0, codes);
  const rows = new Uint32Array(code.length);
  for (let row = 0; row < code.length; row++) rows[fill[code[row]!]!++] = row;
  return { offsets, rows };
}

/** Running totals of a toggle's flips: rows written to entered and to left, and rows passing every filter but the window. */
export interface Passing {
  entering: number;
  leaving: number;
  timeless: number;
}

/**
 * One category's rows ticked (on) or unticked: their flags, the actor and tag counts they move,
 * the rows that now enter or leave the filtered set (written to `out`), and the totals.
 * The category's own count does not depend on the category filter; the actor and tag counts
 * do, for rows that pass everything else (or fail only that facet).
 *
 * Its own small function, as is listPassing, for V8's sake: in one large function each loop
 * was compiled on its own (on-stack replacement) and the code fell back to the interpreter at
 * the next, which had not run yet ("insufficient type feedback"); small functions can also be
 * warmed up on a few rows (Evaluator.prepare).
 */
export function flipCategory(
  index: QueryIndex,
  rows: Uint32Array,
  flags: Uint8Array,
  ws: number,
  we: number,
  on: boolean,
  counts: FacetCounts,
  out: Uint32Array,
  passing: Passing,
): void {
  const { start, end } = index.dataset.columns;
  const { actors, tags } = index;
  const regions = index.dataset.regions;
  const set = on ? 0 : CATEGORY;
  const by = on ? 1 : -1;
  let n = on ? passing.entering : passing.leaving;
  let changed = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const fl = flags[row]!;
    if (fl === OTHER) continue;
    const others = fl & ~CATEGORY;
    flags[row] = others | set;
    if (others === 0 && fl !== set) changed++;
    if (!(start[row]! < we && end[row]! > ws)) continue;
    if (others === 0) {
      countRow(actors, row, counts.actors, by);
      countRow(tags, row, counts.tags, by);
      countRegion(regions, counts, row, by);
      out[n++] = row;
    } else if (others === ACTOR) countRow(actors, row, counts.actors, by);
    else if (others === TAG) countRow(tags, row, counts.tags, by);
    else if (others === REGION) countRegion(regions, counts, row, by);
  }
  if (on) passing.entering = n;
  else passing.leaving = n;
  passing.timeless += by * changed;
}

/** Rows and rounds of warmToggle: in Node at 1M, enough for the first toggle to run as fast as later ones. */
const WARM_ROWS = 4096;
const WARM_ROUNDS = 12;

/**
 * Runs a category toggle's two loops on a few thousand rows, a dozen times, and puts back
 * every flag it changed: V8 optimises a function only after it has run a while, and at 1M the
 * first few real toggles otherwise ran interpreted (30–50 ms where later ones took 5–10 ms).
 * Always true, for prepare.
 */
export function warmToggle(index: QueryIndex, byCategory: { rows: Uint32Array }, flags: Uint8Array): true {
  const rows = byCategory.rows.subarray(0, WARM_ROWS);
  const saved = Uint8Array.from(rows, (row) => flags[row]!);
  const counts = emptyCounts(index);
  const out = new Uint32Array(rows.length);
  const listed = new Uint32Array(Math.min(WARM_ROWS, flags.length));
  for (let round = 0; round < WARM_ROUNDS; round++) {
    const passing = { entering: 0, leaving: 0, timeless: 0 };
    flipCategory(index, rows, flags, -Infinity, Infinity, round % 2 === 0, counts, out, passing);
    listPassing(flags.subarray(0, listed.length), listed);
  }
  rows.forEach((row, k) => (flags[row] = saved[k]!));
  return true;
}

/** Writes the rows whose flags are all clear to `out` (sized for them), ascending. */
export function listPassing(flags: Uint8Array, out: Uint32Array): void {
  for (let row = 0, t = 0; row < flags.length; row++) if (flags[row] === 0) out[t++] = row;
}
