import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowArena } from '../../../src/lib/query/row-arena';

describe('RowArena', () => {
  it('never hands out memory twice, and writing ahead never changes a list handed out', () => {
    // A session of takes (each list then filled with its own mark) and idle write-aheads, over
    // chunks small enough to run out many times.
    const stepArb = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((n) => ({ take: n })),
      fc.integer({ min: 1, max: 50 }).map((rows) => ({ ahead: rows })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 64 }), fc.array(stepArb, { maxLength: 60 }), (chunkRows, steps) => {
        const arena = new RowArena(chunkRows);
        const lists: Uint32Array[] = [];
        for (const step of steps) {
          if ('ahead' in step) {
            arena.writeAhead(step.ahead);
            continue;
          }
          const list = arena.take(step.take);
          expect(list.length).toBe(step.take);
          // Fresh: zeros, not a list handed out before.
          expect(list.every((v) => v === 0)).toBe(true);
          list.fill(lists.length + 1);
          lists.push(list);
        }
        lists.forEach((list, i) => expect(list.every((v) => v === i + 1)).toBe(true));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('cuts lists from one chunk until it is used up, then from the spare written ahead', () => {
    const arena = new RowArena(16);
    const a = arena.take(4);
    const b = arena.take(4);
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(a.byteOffset + 16);
    // The rest of this chunk, then a spare.
    while (arena.writeAhead(3));
    arena.take(4);
    arena.take(4);
    const c = arena.take(4);
    expect(c.buffer).not.toBe(a.buffer);
    expect(c.byteOffset).toBe(0);
  });

  it('gives a list longer than a quarter of a chunk memory of its own', () => {
    const arena = new RowArena(16);
    const small = arena.take(2);
    const large = arena.take(5);
    expect(large.buffer).not.toBe(small.buffer);
    expect(large.buffer.byteLength).toBe(5 * 4);
  });

  it('stops writing ahead once the chunk and a spare are written', () => {
    const arena = new RowArena(1000);
    let calls = 0;
    while (arena.writeAhead(300)) calls++;
    // 1000 rows of the chunk in 4 calls, 1000 of the spare in 4 (the last one says it is done).
    expect(calls).toBe(7);
    expect(arena.writeAhead(300)).toBe(false);
  });
});
