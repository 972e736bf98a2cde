import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../../src/lib/model/dataset';
import { binDensity, dataSpan } from '../../../../src/lib/views/timeline/geometry';
import { categoryLanes } from '../../../../src/lib/views/timeline/lanes';
import { warmTimeline } from '../../../../src/lib/views/timeline/warm';
import { eventArb, meta, toEvents } from '../../query/arbitraries';

describe('warmTimeline', () => {
  it('changes nothing: the rows, the columns and what the lanes and bins then give stay the same', () => {
    const dataset = buildDataset('t', meta, toEvents(fc.sample(eventArb, { numRuns: 500, seed: 5 })));
    const rows = Uint32Array.from({ length: dataset.columns.size }, (_, i) => i).filter((_, i) => i % 3 !== 0);
    const span = dataSpan(dataset.columns);
    const before = { rows: [...rows], start: [...dataset.columns.start], category: [...dataset.columns.category] };
    const lanes = categoryLanes(dataset.meta.categories, dataset.columns.category, rows).lanes;
    const bins = [...binDensity(dataset.columns, rows, span.start, span.end, 64)];
    warmTimeline(dataset, rows, span);
    expect([...rows]).toEqual(before.rows);
    expect([...dataset.columns.start]).toEqual(before.start);
    expect([...dataset.columns.category]).toEqual(before.category);
    expect(categoryLanes(dataset.meta.categories, dataset.columns.category, rows).lanes).toEqual(lanes);
    expect([...binDensity(dataset.columns, rows, span.start, span.end, 64)]).toEqual(bins);
  });

  it('does nothing with no rows', () => {
    const dataset = buildDataset('t', meta, []);
    expect(() => warmTimeline(dataset, new Uint32Array(0), dataSpan(dataset.columns))).not.toThrow();
  });
});
