/**
 * Facet values ranked by count, ties by name. A synthetic or real export can hold thousands of
 * actors, and the counts change on every brush step, so the panel takes only the top few by a
 * selection pass instead of sorting them all with localeCompare each time.
 */

/** Each value's position in name order (en collation), computed once per dataset. */
export function collationRanks(values: readonly string[]): Uint32Array {
  const order = values.map((_, i) => i).sort((a, b) => values[a]!.localeCompare(values[b]!, 'en'));
  const ranks = new Uint32Array(values.length);
  order.forEach((value, rank) => (ranks[value] = rank));
  return ranks;
}

/**
 * Indices of the `limit` values with the highest counts (ties: earlier name first), plus every
 * index in `always` (the checked values, so an active filter can always be undone), in that order.
 */
export function topByCount(
  counts: ArrayLike<number>,
  ranks: Uint32Array,
  limit: number,
  always: readonly number[] = [],
): number[] {
  const before = (a: number, b: number): boolean =>
    counts[a]! > counts[b]! || (counts[a] === counts[b] && ranks[a]! < ranks[b]!);
  const n = ranks.length;
  const order = (a: number, b: number): number => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  // Everything: a plain sort (the selection below is for a few out of many).
  if (limit >= n) return Array.from({ length: n }, (_, i) => i).sort(order);
  const keep = limit;
  // The best `keep` so far, best first; a value enters only if it beats the last one.
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    if (top.length === keep && (keep === 0 || !before(i, top[keep - 1]!))) continue;
    let at = top.length === keep ? keep - 1 : top.length;
    while (at > 0 && before(i, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = i;
  }
  const extra = always.filter((i) => i >= 0 && i < n && !top.includes(i));
  return extra.length ? [...top, ...extra].sort(order) : top;
}

/**
 * A ranking that can be held: while a gesture runs (a brush drag, playback) the counts change on
 * every frame, and re-ranking them would move the values under the pointer and rebuild the list's
 * rows each frame. Held, the same values stay in the same order with live counts; the ranking is
 * redone when the hold ends or when what must be shown changes (the limit, the checked values).
 */
export class HeldRanking {
  #last: number[] | null = null;
  #ranks: Uint32Array | null = null;
  #key = '';

  order(
    counts: ArrayLike<number>,
    ranks: Uint32Array,
    limit: number,
    always: readonly number[],
    hold: boolean,
  ): number[] {
    const key = `${limit} ${always.join(',')}`;
    if (hold && this.#last && ranks === this.#ranks && key === this.#key) return this.#last;
    this.#ranks = ranks;
    this.#key = key;
    this.#last = topByCount(counts, ranks, limit, always);
    return this.#last;
  }
}
