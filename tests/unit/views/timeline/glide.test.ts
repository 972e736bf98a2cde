import { describe, expect, it } from 'vitest';
import { easeDomain } from '../../../../src/lib/views/timeline/glide';

describe('easeDomain', () => {
  const from = { start: 0, end: 100 };
  const to = { start: 1000, end: 1200 };
  it.each([
    ['starts where it was', 0, { start: 0, end: 100 }],
    ['ends where it goes', 1, { start: 1000, end: 1200 }],
    ['past the end stays there', 1.5, { start: 1000, end: 1200 }],
    // Eased out: half-way in time, seven eighths of the way there.
    ['half-way in time is most of the way', 0.5, { start: 875, end: 1062.5 }],
  ])('%s', (_, k, expected) => {
    expect(easeDomain(from, to, k)).toEqual(expected);
  });
});
