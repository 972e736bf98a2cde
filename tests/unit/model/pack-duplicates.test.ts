import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset, loadDataset, type Dataset } from '../../../src/lib/model/dataset';
import { loadBytes } from '../../../src/lib/model/load-bytes';
import { packDataset } from '../../../src/lib/model/pack-build';

// A pack is built by our tool or by anyone: two events with one id, or a facet list naming a
// value twice, must be refused with the reason, not opened (selecting the second event showed
// the first's details; a repeated actor crashed the facet list).

const bundled = loadDataset(readFileSync('data/events.json', 'utf8'), 'events.json');
if (!bundled.ok) throw new Error('the bundled dataset must load');
const curated = bundled.dataset;
const events = curated.events.toArray();

function opened(d: Dataset) {
  return loadBytes(packDataset(d).buffer as ArrayBuffer, 'd.flpack');
}

describe('pack verification refuses repeats', () => {
  it('two events sharing an id, wherever they sit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: events.length - 1 }),
        fc.integer({ min: 0, max: events.length - 1 }),
        (a, b) => {
          fc.pre(a !== b);
          const copy = events.map((e, i) => (i === b ? { ...e, id: events[a]!.id } : e));
          const result = opened(buildDataset('d', curated.meta, copy));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.problems[0]!.message).toMatch(/share the id/);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it.each(['actors', 'tags'] as const)('a %s list that names one value twice', (which) => {
    const d = buildDataset('d', curated.meta, events);
    const column = d[which];
    expect(column.values.length).toBeGreaterThan(1);
    const values = [...column.values];
    values[1] = values[0]!;
    const result = opened({ ...d, [which]: { ...column, values } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(new RegExp(`${which} list names .* twice`));
  });

  it('the curated dataset still packs and opens', () => {
    expect(opened(curated).ok).toBe(true);
  });
});
