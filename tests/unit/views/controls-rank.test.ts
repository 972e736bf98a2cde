import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collationRanks, HeldRanking, topByCount } from '../../../src/lib/views/controls/rank';

/** The reference: every value sorted by count, then name; the first `limit`, plus the always-shown ones in place. */
function reference(values: string[], counts: number[], limit: number, always: number[]): number[] {
  const sorted = values
    .map((_, i) => i)
    .sort((a, b) => counts[b]! - counts[a]! || values[a]!.localeCompare(values[b]!, 'en'));
  return sorted.filter((i, k) => k < limit || always.includes(i));
}

describe('facet ranking', () => {
  it('ranks names in English collation order', () => {
    const ranks = collationRanks(['beta', 'Alpha', 'gamma', 'alpha']);
    expect([...ranks]).toEqual([2, 1, 3, 0]);
  });

  it('takes the top values by count, ties by name, with checked values kept in their place', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 60 })
          .chain((values) =>
            fc.tuple(
              fc.constant(values),
              fc.array(fc.integer({ min: 0, max: 5 }), { minLength: values.length, maxLength: values.length }),
              fc.integer({ min: 0, max: 70 }),
              fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, values.length - 1) }), { maxLength: 3 }),
            ),
          ),
        ([values, counts, limit, always]) => {
          const checked = always.filter((i) => i < values.length);
          const got = topByCount(Uint32Array.from(counts), collationRanks(values), limit, checked);
          expect(got).toEqual(reference(values, counts, limit, checked));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});

describe('held ranking', () => {
  const ranks = collationRanks(['a', 'b', 'c', 'd']);

  it('keeps the order and values while held, and re-ranks when the hold ends', () => {
    const ranking = new HeldRanking();
    expect(ranking.order(Uint32Array.of(5, 1, 3, 0), ranks, 2, [], false)).toEqual([0, 2]);
    // Mid-gesture, 'd' overtakes everything: the shown values stay put.
    expect(ranking.order(Uint32Array.of(1, 1, 0, 9), ranks, 2, [], true)).toEqual([0, 2]);
    expect(ranking.order(Uint32Array.of(1, 1, 0, 9), ranks, 2, [], false)).toEqual([3, 0]);
  });

  it('re-ranks while held when the limit or the checked values change', () => {
    const ranking = new HeldRanking();
    ranking.order(Uint32Array.of(5, 1, 3, 0), ranks, 2, [], false);
    const counts = Uint32Array.of(5, 1, 3, 0);
    expect(ranking.order(counts, ranks, 2, [3], true)).toEqual([0, 2, 3]);
    expect(ranking.order(counts, ranks, Infinity, [3], true)).toEqual([0, 2, 1, 3]);
  });

  it('re-ranks while held when the values themselves change (another dataset)', () => {
    const ranking = new HeldRanking();
    ranking.order(Uint32Array.of(5, 1, 3, 0), ranks, 2, [], false);
    expect(ranking.order(Uint32Array.of(0, 4, 0), collationRanks(['x', 'y', 'z']), 2, [], true)).toEqual([1, 0]);
  });
});
