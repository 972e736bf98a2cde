import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from '../../../src/lib/state/url';
import { windowToIso } from '../../../src/lib/embed/protocol';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// The calendar's ends are where an offset pushes the UTC instant outside 0000-9999.
const year = fc.oneof(fc.constantFrom(0, 1, 9998, 9999), fc.integer({ min: 0, max: 9999 }));
const offset = fc.oneof(
  fc.constantFrom('Z', '+14:00', '-14:00', '-12:00', '+13:59', '-00:00', '+00:01'),
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 * 60 }))
    .map(([sign, minutes]) => `${sign}${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`),
);
/** Any text parseIsoDate accepts, every precision, leaning on the first and last days. */
const isoDate: fc.Arbitrary<string> = fc
  .record({
    year,
    month: fc.oneof(fc.constantFrom(1, 12), fc.integer({ min: 1, max: 12 })),
    day: fc.oneof(fc.constantFrom(1, 28), fc.integer({ min: 1, max: 28 })),
    hour: fc.oneof(fc.constantFrom(0, 23), fc.integer({ min: 0, max: 23 })),
    minute: fc.oneof(fc.constantFrom(0, 59), fc.integer({ min: 0, max: 59 })),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.constantFrom('', '.5', '.25', '.999', '.001'),
    offset,
    precision: fc.constantFrom('year', 'month', 'day', 'minute', 'second'),
  })
  .map((v) => {
    const y = pad(v.year, 4);
    if (v.precision === 'year') return y;
    if (v.precision === 'month') return `${y}-${pad(v.month, 2)}`;
    const date = `${y}-${pad(v.month, 2)}-${pad(v.day, 2)}`;
    if (v.precision === 'day') return date;
    const time = `${pad(v.hour, 2)}:${pad(v.minute, 2)}`;
    if (v.precision === 'minute') return `${date}T${time}${v.offset}`;
    return `${date}T${time}:${pad(v.second, 2)}${v.fraction}${v.offset}`;
  });

const search = (from: string, to: string) => new URLSearchParams({ from, to }).toString();

describe('URL time window at the ends of the calendar', () => {
  it('writes every window it accepts as a URL that reads back as the same window, without a notice', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (from, to) => {
        const first = decodeUrlState(search(from, to));
        fc.pre(first.notices.length === 0 && first.state.window !== null);
        const second = decodeUrlState(encodeUrlState(first.state));
        expect(second.notices).toEqual([]);
        expect(second.state.window).toEqual(first.state.window);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it.each([
    ['0000-01-01T00:00+14:00', '0000-01-02'],
    ['0000-01-01T00:00+14:00', '0000-01-01T00:00Z'],
    ['0000-01-01T05:30:15.250+13:59', '0000-01-01T23:00Z'],
    ['9999-12-30', '9999-12-31T23:59-12:00'],
    ['9999-12-31T20:00Z', '9999-12-31T23:59:59.999-14:00'],
    ['0000-01-01T00:00+14:00', '9999-12-31T23:59-14:00'],
  ])('round-trips from=%s to=%s', (from, to) => {
    const first = decodeUrlState(search(from, to));
    expect(first.notices).toEqual([]);
    const url = encodeUrlState(first.state);
    const second = decodeUrlState(url);
    expect(second.notices).toEqual([]);
    expect(second.state.window).toEqual(first.state.window);
  });

  it('keeps ordinary windows written as plain days and UTC times', () => {
    const { state } = decodeUrlState(search('2020-09-27', '2020-11-10T14:05+03:00'));
    expect(decodeURIComponent(encodeUrlState(state))).toBe('from=2020-09-27&to=2020-11-10T11:05Z');
  });

  it('gives the host page the same readable edges', () => {
    const { state } = decodeUrlState(search('0000-01-01T00:00+14:00', '9999-12-31T23:59-12:00'));
    const iso = windowToIso(state.window)!;
    const again = decodeUrlState(search(iso.from, iso.to));
    expect(again.notices).toEqual([]);
    expect(again.state.window).toEqual(state.window);
  });
});
