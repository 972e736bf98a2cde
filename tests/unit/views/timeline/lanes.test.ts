import { describe, expect, it } from 'vitest';
import type { MultiColumn } from '../../../../src/lib/query/query-index';
import { OTHER_LANE, actorLanes, categoryLanes, stackItems } from '../../../../src/lib/views/timeline/lanes';
import { allRows } from './helpers';

const CATEGORIES = [
  { id: 'war', label: 'Armed conflict', color: '#b2182b' },
  { id: 'strike', label: 'Strike', color: '#d55e00' },
  { id: 'talks', label: 'Meeting', color: '#6a3d9a' },
];

/** A MultiColumn from per-row actor lists, as the query index builds it (values sorted). */
function actorsOf(rows: string[][]): MultiColumn {
  const values = [...new Set(rows.flat())].sort();
  const offsets = new Uint32Array(rows.length + 1);
  const codes: number[] = [];
  rows.forEach((list, r) => {
    for (const a of list) codes.push(values.indexOf(a));
    offsets[r + 1] = codes.length;
  });
  return { values, offsets, codes: Uint32Array.from(codes) };
}

describe('categoryLanes', () => {
  it('makes one lane per category with rows, in dataset order', () => {
    const category = Uint16Array.of(2, 0, 2, 0, 2);
    const layout = categoryLanes(CATEGORIES, category, allRows(5));
    expect(layout.lanes.map((l) => [l.label, l.color, l.count])).toEqual([
      ['Armed conflict', '#b2182b', 2],
      ['Meeting', '#6a3d9a', 3],
    ]);
    expect([...layout.itemRow]).toEqual([0, 1, 2, 3, 4]);
    expect([...layout.itemLane]).toEqual([1, 0, 1, 0, 1]);
  });

  it('only counts the given rows (filters drop lanes)', () => {
    const layout = categoryLanes(CATEGORIES, Uint16Array.of(0, 1, 2), Uint32Array.of(1));
    expect(layout.lanes.map((l) => l.key)).toEqual(['strike']);
    expect([...layout.itemRow]).toEqual([1]);
    expect([...layout.itemLane]).toEqual([0]);
  });

  it('has no lanes for no rows', () => {
    expect(categoryLanes(CATEGORIES, Uint16Array.of(0), new Uint32Array(0)).lanes).toEqual([]);
  });
});

describe('actorLanes', () => {
  const actors = actorsOf([
    ['Russia', 'Armenia'], // 0
    ['Azerbaijan'], // 1
    ['Russia'], // 2
    ['Turkey', 'Azerbaijan'], // 3
    [], // 4: no actors
    ['Armenia', 'Russia'], // 5
  ]);

  it('keeps the top actors by count (ties by name) and puts the rest in Other', () => {
    const layout = actorLanes(actors, allRows(6), 3);
    expect(layout.lanes.map((l) => [l.label, l.count])).toEqual([
      ['Russia', 3],
      ['Armenia', 2],
      [OTHER_LANE, 3],
    ]);
    // Rows with two top actors appear in both lanes; rows with none go to Other, in row order.
    expect([...layout.itemRow]).toEqual([0, 0, 1, 2, 3, 4, 5, 5]);
    expect([...layout.itemLane]).toEqual([0, 1, 2, 0, 2, 2, 1, 0]);
  });

  it('needs no Other lane when every actor fits and every row has one', () => {
    const small = actorsOf([['A'], ['B', 'A'], ['C']]);
    const layout = actorLanes(small, allRows(3), 3);
    expect(layout.lanes.map((l) => l.label)).toEqual(['A', 'B', 'C']);
    expect(layout.lanes.some((l) => l.label === OTHER_LANE)).toBe(false);
  });

  it('ranks only the given rows', () => {
    const layout = actorLanes(actors, Uint32Array.of(1, 3, 4), 2);
    expect(layout.lanes.map((l) => [l.label, l.count])).toEqual([
      ['Azerbaijan', 2],
      [OTHER_LANE, 1],
    ]);
    expect([...layout.itemLane]).toEqual([0, 0, 1]);
  });
});

describe('stackItems', () => {
  it.each([
    {
      name: 'apart: one sub-row',
      x0: [0, 20, 40],
      x1: [10, 30, 50],
      maxSub: 3,
      sub: [0, 0, 0],
      overlap: [0, 0, 0],
      used: 1,
    },
    {
      name: 'overlapping: stacked into sub-rows',
      x0: [0, 5, 12],
      x1: [10, 15, 20],
      maxSub: 3,
      sub: [0, 1, 0],
      overlap: [0, 0, 0],
      used: 2,
    },
    {
      name: 'closer than the gap counts as overlapping',
      x0: [0, 11],
      x1: [10, 20],
      maxSub: 2,
      sub: [0, 1],
      overlap: [0, 0],
      used: 2,
    },
    {
      name: 'no room left: shares the sub-row that frees soonest, flagged',
      x0: [0, 2, 4],
      x1: [50, 10, 12],
      maxSub: 2,
      sub: [0, 1, 1],
      overlap: [0, 0, 1],
      used: 2,
    },
    {
      name: 'a long bar holds its sub-row for its whole length',
      x0: [0, 10, 30],
      x1: [100, 20, 40],
      maxSub: 2,
      sub: [0, 1, 1],
      overlap: [0, 0, 0],
      used: 2,
    },
  ])('$name', ({ x0, x1, maxSub, sub, overlap, used }) => {
    const lane = new Uint16Array(x0.length);
    const result = stackItems(x0, x1, lane, x0.length, 1, maxSub);
    expect([...result.sub]).toEqual(sub);
    expect([...result.overlap]).toEqual(overlap);
    expect(result.used[0]).toBe(used);
  });

  it('stacks each lane on its own', () => {
    const result = stackItems([0, 0, 5], [10, 10, 15], Uint16Array.of(0, 1, 0), 3, 2, 2);
    expect([...result.sub]).toEqual([0, 0, 1]);
    expect([...result.used]).toEqual([2, 1]);
  });
});
