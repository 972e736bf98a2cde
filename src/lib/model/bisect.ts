// Binary searches over sorted columns and orders: used by the query layer, the timeline and the exports alike.

/** First index whose value is >= target in an ascending array. */
export function lowerBound(values: ArrayLike<number>, target: number): number {
  return firstIndex(values.length, (i) => values[i]! < target);
}

/**
 * Binary search: the first index in [0, n) for which `before` is false, where `before` holds for
 * a prefix of the indices. Sorted columns and index-sorted orders both search through it.
 */
export function firstIndex(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
