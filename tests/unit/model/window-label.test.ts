import { describe, expect, it } from 'vitest';
import { windowLabel } from '../../../src/lib/model/format';

const utc = (iso: string) => Date.parse(iso);

describe('windowLabel', () => {
  it.each<[string, string, string, string]>([
    // What a brush at day scale (or a link's from/to) gives: dates only, the end day included.
    ['whole days', '2020-09-27T00:00Z', '2020-11-11T00:00Z', '27 Sep 2020 – 10 Nov 2020'],
    ['whole months', '2020-07-01T00:00Z', '2021-03-01T00:00Z', '1 Jul 2020 – 28 Feb 2021'],
    ['one whole day', '2020-09-28T00:00Z', '2020-09-29T00:00Z', '28 Sep 2020'],
    ['before 1970', '1969-12-01T00:00Z', '1970-01-01T00:00Z', '1 Dec 1969 – 31 Dec 1969'],
    // A window with a time of day (a brush at hour scale) says so, in UTC.
    ['hours', '2020-10-01T10:00Z', '2020-10-01T14:00Z', '1 Oct 2020 10:00 UTC – 1 Oct 2020 14:00 UTC'],
    [
      'the unsnapped brush of the report',
      '2020-06-24T00:50Z',
      '2021-03-01T15:09Z',
      '24 Jun 2020 00:50 UTC – 1 Mar 2021 15:09 UTC',
    ],
  ])('%s', (_, start, end, expected) => {
    expect(windowLabel({ start: utc(start), end: utc(end) })).toBe(expected);
  });
});
