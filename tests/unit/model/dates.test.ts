import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DAY_MS,
  civilFromAxis,
  civilFromDays,
  daysFromCivil,
  eventSpan,
  isEndBeforeStart,
  isoWeek,
  isoWeekLabel,
  parseIsoDate,
  spanOf,
} from '../../../src/lib/model/dates';
import type { CalendarValue } from '../../../src/lib/model/dates';
import { formatDate, formatRange } from '../../../src/lib/model/date-text';

// ---------------------------------------------------------------------------------------
// Helpers. The oracles use Date's UTC setters only: they never read the machine's timezone,
// and unlike Date.UTC, setUTCFullYear keeps years 0-99 as written.
// ---------------------------------------------------------------------------------------

/** Axis ms of a UTC wall-clock time; month is 1-12. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

/** Days in a month according to Date's own UTC calendar: day 0 of the next month is its last. */
function oracleMonthLength(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function value(text: string): CalendarValue {
  const result = parseIsoDate(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.value;
}

function calendar(text: string, precision: 'year' | 'month' | 'day', year: number, month = 1, day = 1): CalendarValue {
  return {
    text,
    precision,
    year,
    month,
    day,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    offsetMinutes: null,
  };
}

function timed(
  text: string,
  precision: 'minute' | 'second',
  [year, month, day]: [number, number, number],
  [hour, minute, second, millisecond]: [number, number, number, number],
  offsetMinutes: number,
): CalendarValue {
  return { text, precision, year, month, day, hour, minute, second, millisecond, offsetMinutes };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const MESSAGE = {
  grammar: 'expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM',
  yearRange: 'years outside 0000-9999 are not supported',
  missingOffset: 'a time needs an offset, e.g. Z or +03:00',
  offsetColon: 'write the offset as ±HH:MM',
  offsetRange: 'an offset must be between -14:00 and +14:00, with minutes 00-59',
  time: (text: string) => `"${text}" is not a valid time (hours 00-23, minutes 00-59, seconds 00-59)`,
};

// ---------------------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------------------

describe('parseIsoDate: accepted forms', () => {
  const cases: { text: string; expected: CalendarValue }[] = [
    { text: '2021', expected: calendar('2021', 'year', 2021) },
    { text: '2021-02', expected: calendar('2021-02', 'month', 2021, 2) },
    { text: '2021-02-03', expected: calendar('2021-02-03', 'day', 2021, 2, 3) },
    { text: '2021-12-31', expected: calendar('2021-12-31', 'day', 2021, 12, 31) },
    { text: '2024-02-29', expected: calendar('2024-02-29', 'day', 2024, 2, 29) },
    { text: '2000-02-29', expected: calendar('2000-02-29', 'day', 2000, 2, 29) },
    { text: '1900-02-28', expected: calendar('1900-02-28', 'day', 1900, 2, 28) },
    { text: '0000', expected: calendar('0000', 'year', 0) },
    { text: '0001', expected: calendar('0001', 'year', 1) },
    { text: '0099', expected: calendar('0099', 'year', 99) },
    { text: '0099-03-15', expected: calendar('0099-03-15', 'day', 99, 3, 15) },
    { text: '0000-01-01', expected: calendar('0000-01-01', 'day', 0, 1, 1) },
    { text: '0000-02-29', expected: calendar('0000-02-29', 'day', 0, 2, 29) },
    { text: '9999-12-31', expected: calendar('9999-12-31', 'day', 9999, 12, 31) },
    {
      text: '2026-01-08T23:47+02:00',
      expected: timed('2026-01-08T23:47+02:00', 'minute', [2026, 1, 8], [23, 47, 0, 0], 120),
    },
    {
      text: '2021-02-03T14:05Z',
      expected: timed('2021-02-03T14:05Z', 'minute', [2021, 2, 3], [14, 5, 0, 0], 0),
    },
    {
      text: '2021-02-03T14:05-05:30',
      expected: timed('2021-02-03T14:05-05:30', 'minute', [2021, 2, 3], [14, 5, 0, 0], -330),
    },
    {
      text: '2021-02-03T14:05-00:00',
      expected: timed('2021-02-03T14:05-00:00', 'minute', [2021, 2, 3], [14, 5, 0, 0], 0),
    },
    {
      text: '2021-02-03T00:00+14:00',
      expected: timed('2021-02-03T00:00+14:00', 'minute', [2021, 2, 3], [0, 0, 0, 0], 840),
    },
    {
      text: '2021-02-03T23:59-14:00',
      expected: timed('2021-02-03T23:59-14:00', 'minute', [2021, 2, 3], [23, 59, 0, 0], -840),
    },
    {
      text: '2021-02-03T14:05:07Z',
      expected: timed('2021-02-03T14:05:07Z', 'second', [2021, 2, 3], [14, 5, 7, 0], 0),
    },
    {
      text: '2021-02-03T23:59:59+09:00',
      expected: timed('2021-02-03T23:59:59+09:00', 'second', [2021, 2, 3], [23, 59, 59, 0], 540),
    },
    {
      text: '2021-02-03T14:05:07.5Z',
      expected: timed('2021-02-03T14:05:07.5Z', 'second', [2021, 2, 3], [14, 5, 7, 500], 0),
    },
    {
      text: '2021-02-03T14:05:07.25+01:00',
      expected: timed('2021-02-03T14:05:07.25+01:00', 'second', [2021, 2, 3], [14, 5, 7, 250], 60),
    },
    {
      text: '2021-02-03T14:05:07.007-03:00',
      expected: timed('2021-02-03T14:05:07.007-03:00', 'second', [2021, 2, 3], [14, 5, 7, 7], -180),
    },
    {
      text: '0099-03-15T12:00Z',
      expected: timed('0099-03-15T12:00Z', 'minute', [99, 3, 15], [12, 0, 0, 0], 0),
    },
  ];

  it.each(cases)('$text', ({ text, expected }) => {
    expect(parseIsoDate(text)).toEqual({ ok: true, value: expected });
  });
});

describe('parseIsoDate: rejected forms', () => {
  const cases: { text: string; message: string }[] = [
    // Years outside 0000-9999
    { text: '-0043-03-15', message: MESSAGE.yearRange },
    { text: '+275761-01-01', message: MESSAGE.yearRange },
    { text: '+2021', message: MESSAGE.yearRange },
    { text: '-1', message: MESSAGE.yearRange },
    { text: '10000', message: MESSAGE.yearRange },
    { text: '12345-01-01', message: MESSAGE.yearRange },
    // Eight digits read as a five-plus digit year, not as the ISO basic format.
    { text: '20210203', message: MESSAGE.yearRange },
    // Not calendar dates
    { text: '2021-02-30', message: '"2021-02-30" is not a calendar date (February 2021 has 28 days)' },
    { text: '2023-02-29', message: '"2023-02-29" is not a calendar date (February 2023 has 28 days)' },
    { text: '1900-02-29', message: '"1900-02-29" is not a calendar date (February 1900 has 28 days)' },
    { text: '2024-02-30', message: '"2024-02-30" is not a calendar date (February 2024 has 29 days)' },
    { text: '2021-04-31', message: '"2021-04-31" is not a calendar date (April 2021 has 30 days)' },
    { text: '2021-01-32', message: '"2021-01-32" is not a calendar date (January 2021 has 31 days)' },
    { text: '2021-02-00', message: '"2021-02-00" is not a calendar date (February 2021 has 28 days)' },
    { text: '2021-00', message: '"2021-00" is not a calendar date (month 0)' },
    { text: '2021-13', message: '"2021-13" is not a calendar date (month 13)' },
    { text: '2021-13-01', message: '"2021-13-01" is not a calendar date (month 13)' },
    // The date is checked before the missing offset, so the first real problem is named.
    { text: '2025-13-36T14:19:39', message: '"2025-13-36T14:19:39" is not a calendar date (month 13)' },
    {
      text: '2021-02-29T10:00Z',
      message: '"2021-02-29T10:00Z" is not a calendar date (February 2021 has 28 days)',
    },
    // Times out of range
    { text: '2021-02-03T24:00Z', message: MESSAGE.time('2021-02-03T24:00Z') },
    { text: '2021-02-03T23:60Z', message: MESSAGE.time('2021-02-03T23:60Z') },
    { text: '2021-02-03T23:59:60Z', message: MESSAGE.time('2021-02-03T23:59:60Z') },
    // Offsets
    { text: '2021-02-03T14:05', message: MESSAGE.missingOffset },
    { text: '2021-02-03T14:05:07', message: MESSAGE.missingOffset },
    { text: '2021-02-03T14:05:07.123', message: MESSAGE.missingOffset },
    { text: '2021-02-03T14:05+0900', message: MESSAGE.offsetColon },
    { text: '2021-02-03T14:05-0500', message: MESSAGE.offsetColon },
    { text: '2021-02-03T14:05+09', message: MESSAGE.offsetColon },
    { text: '2021-02-03T14:05+14:01', message: MESSAGE.offsetRange },
    { text: '2021-02-03T14:05+15:00', message: MESSAGE.offsetRange },
    { text: '2021-02-03T14:05-14:30', message: MESSAGE.offsetRange },
    { text: '2021-02-03T14:05+05:60', message: MESSAGE.offsetRange },
    // Anything else
    { text: '', message: MESSAGE.grammar },
    { text: ' ', message: MESSAGE.grammar },
    { text: ' 2021', message: MESSAGE.grammar },
    { text: '2021 ', message: MESSAGE.grammar },
    { text: '2021/02/03', message: MESSAGE.grammar },
    { text: '3 Feb 2021', message: MESSAGE.grammar },
    { text: 'Feb 2021', message: MESSAGE.grammar },
    { text: '21', message: MESSAGE.grammar },
    { text: '202', message: MESSAGE.grammar },
    { text: '2021-2-3', message: MESSAGE.grammar },
    { text: '2021-02-3', message: MESSAGE.grammar },
    { text: '2021-034', message: MESSAGE.grammar },
    { text: '2021-W05', message: MESSAGE.grammar },
    { text: '2021-02-03T', message: MESSAGE.grammar },
    { text: '2021-02-03T14Z', message: MESSAGE.grammar },
    { text: '2021-02-03T4:05Z', message: MESSAGE.grammar },
    { text: '2021-02-03 14:05Z', message: MESSAGE.grammar },
    { text: '2021-02-03t14:05Z', message: MESSAGE.grammar },
    { text: '2021-02-03T14:05z', message: MESSAGE.grammar },
    { text: '2021-02-03T14:05 Z', message: MESSAGE.grammar },
    { text: '2021-02-03T14:05 +09:00', message: MESSAGE.grammar },
    { text: '2021-02-03T14:05+9:00', message: MESSAGE.grammar },
    { text: '2021-02-03T14:05+09:00Z', message: MESSAGE.grammar },
    { text: '2021-02-03T14:05:07.Z', message: MESSAGE.grammar },
    { text: '2021-02-03T14:05:07.1234Z', message: MESSAGE.grammar },
    { text: '2021-02-03T14:05.5Z', message: MESSAGE.grammar },
    { text: '٢٠٢١', message: MESSAGE.grammar }, // non-ASCII digits are not digits here
  ];

  it.each(cases)('$text', ({ text, message }) => {
    expect(parseIsoDate(text)).toEqual({ ok: false, message });
  });
});

describe('leap years', () => {
  const cases = [
    { year: 1900, leap: false },
    { year: 2000, leap: true },
    { year: 2023, leap: false },
    { year: 2024, leap: true },
    { year: 2100, leap: false },
    { year: 2400, leap: true },
    { year: 0, leap: true },
    { year: 4, leap: true },
    { year: 100, leap: false },
  ];

  it.each(cases)('$year leap=$leap', ({ year, leap }) => {
    const yyyy = pad(year, 4);
    expect(parseIsoDate(`${yyyy}-02-29`).ok).toBe(leap);
    const february = spanOf(value(`${yyyy}-02`));
    expect((february.end - february.start) / DAY_MS).toBe(leap ? 29 : 28);
    const wholeYear = spanOf(value(yyyy));
    expect((wholeYear.end - wholeYear.start) / DAY_MS).toBe(leap ? 366 : 365);
  });
});

// ---------------------------------------------------------------------------------------
// Epoch days
// ---------------------------------------------------------------------------------------

describe('daysFromCivil / civilFromDays anchors', () => {
  const cases = [
    { date: [1970, 1, 1], days: 0 },
    { date: [1969, 12, 31], days: -1 },
    { date: [2000, 1, 1], days: 10_957 },
    { date: [2000, 3, 1], days: 11_017 },
    { date: [2026, 1, 8], days: 20_461 },
    { date: [99, 3, 15], days: -683_295 },
    { date: [0, 3, 1], days: -719_468 },
    { date: [0, 2, 29], days: -719_469 },
    { date: [0, 1, 1], days: -719_528 },
    { date: [9999, 12, 31], days: 2_932_896 },
  ] as const;

  it.each(cases)('$date -> $days', ({ date: [year, month, day], days }) => {
    expect(daysFromCivil(year, month, day)).toBe(days);
    expect(civilFromDays(days)).toEqual({ year, month, day });
  });
});

describe('daysFromCivil / civilFromDays round trip', () => {
  it('every 37th day from 0000-01-01 to 9999-12-31 matches the UTC oracle both ways', () => {
    const first = daysFromCivil(0, 1, 1);
    const last = daysFromCivil(9999, 12, 31);
    const mismatches: string[] = [];
    let checked = 0;
    for (let days = first; days <= last; days += 37) {
      const civil = civilFromDays(days);
      const oracle = new Date(days * DAY_MS);
      const expected = {
        year: oracle.getUTCFullYear(),
        month: oracle.getUTCMonth() + 1,
        day: oracle.getUTCDate(),
      };
      const back = daysFromCivil(civil.year, civil.month, civil.day);
      if (back !== days || JSON.stringify(civil) !== JSON.stringify(expected)) {
        mismatches.push(`${days}: ${JSON.stringify(civil)} vs ${JSON.stringify(expected)}, back ${back}`);
      }
      checked++;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(Math.floor((last - first) / 37) + 1);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------
// The time axis
// ---------------------------------------------------------------------------------------

describe('spanOf', () => {
  const cases = [
    { text: '2021', start: utc(2021, 1, 1), end: utc(2022, 1, 1), days: 365 },
    { text: '2024', start: utc(2024, 1, 1), end: utc(2025, 1, 1), days: 366 },
    { text: '0000', start: utc(0, 1, 1), end: utc(1, 1, 1), days: 366 },
    { text: '0099', start: utc(99, 1, 1), end: utc(100, 1, 1), days: 365 },
    { text: '9999', start: utc(9999, 1, 1), end: utc(10_000, 1, 1), days: 365 },
    { text: '2021-02', start: utc(2021, 2, 1), end: utc(2021, 3, 1), days: 28 },
    { text: '2024-02', start: utc(2024, 2, 1), end: utc(2024, 3, 1), days: 29 },
    { text: '2021-12', start: utc(2021, 12, 1), end: utc(2022, 1, 1), days: 31 },
    { text: '2021-04', start: utc(2021, 4, 1), end: utc(2021, 5, 1), days: 30 },
    { text: '2021-02-03', start: utc(2021, 2, 3), end: utc(2021, 2, 4), days: 1 },
    { text: '1969-12-31', start: -DAY_MS, end: 0, days: 1 },
    { text: '0099-03-15', start: utc(99, 3, 15), end: utc(99, 3, 16), days: 1 },
  ];

  it.each(cases)('$text spans $days days', ({ text, start, end, days }) => {
    expect(spanOf(value(text))).toEqual({ start, end });
    expect((end - start) / DAY_MS).toBe(days);
  });

  const timedCases = [
    // The UTC instant is the wall-clock time minus the offset: 23:47+02:00 is 21:47Z.
    { text: '2026-01-08T23:47+02:00', start: utc(2026, 1, 8, 21, 47), length: 60_000 },
    { text: '2026-01-08T21:47Z', start: utc(2026, 1, 8, 21, 47), length: 60_000 },
    { text: '2026-01-08T21:47-00:00', start: utc(2026, 1, 8, 21, 47), length: 60_000 },
    { text: '2021-01-01T01:00+14:00', start: utc(2020, 12, 31, 11, 0), length: 60_000 },
    { text: '2020-12-31T23:30-05:30', start: utc(2021, 1, 1, 5, 0), length: 60_000 },
    { text: '2026-01-08T23:47:05+02:00', start: utc(2026, 1, 8, 21, 47, 5), length: 1000 },
    { text: '2026-01-08T23:47:05.25+02:00', start: utc(2026, 1, 8, 21, 47, 5, 250), length: 1000 },
    { text: '0001-01-01T00:30+01:00', start: utc(0, 12, 31, 23, 30), length: 60_000 },
  ];

  it.each(timedCases)('$text starts at its UTC instant', ({ text, start, length }) => {
    expect(spanOf(value(text))).toEqual({ start, end: start + length });
  });
});

describe('eventSpan', () => {
  const cases = [
    { start: '2021-02-03', end: undefined, expected: { start: utc(2021, 2, 3), end: utc(2021, 2, 4) } },
    { start: '2021-02-03', end: '2021-02-05', expected: { start: utc(2021, 2, 3), end: utc(2021, 2, 6) } },
    { start: '2021', end: '2022-03', expected: { start: utc(2021, 1, 1), end: utc(2022, 4, 1) } },
    {
      start: '2026-01-08T23:47+02:00',
      end: '2026-01-09',
      expected: { start: utc(2026, 1, 8, 21, 47), end: utc(2026, 1, 10) },
    },
  ];

  it.each(cases)('$start .. $end', ({ start, end, expected }) => {
    expect(eventSpan(value(start), end === undefined ? undefined : value(end))).toEqual(expected);
  });
});

describe('isEndBeforeStart', () => {
  const cases = [
    { start: '2021-02-03', end: '2021-02-02', before: true },
    { start: '2021-02-03', end: '2021-02-03', before: false },
    { start: '2021-02-03', end: '2021-02-04', before: false },
    { start: '2021-02', end: '2021-02-14', before: false },
    // The end month begins on 1 Feb, before the start day.
    { start: '2021-02-03', end: '2021-02', before: true },
    { start: '2021', end: '2020-12-31', before: true },
    { start: '2021-02-03T10:00Z', end: '2021-02-03T09:59Z', before: true },
    // Same instant written in two offsets.
    { start: '2021-02-03T10:00Z', end: '2021-02-03T12:00+02:00', before: false },
    { start: '2021-02-03T10:00Z', end: '2021-02-03T11:00+02:00', before: true },
  ];

  it.each(cases)('$start .. $end -> $before', ({ start, end, before }) => {
    expect(isEndBeforeStart(value(start), value(end))).toBe(before);
  });
});

describe('civilFromAxis', () => {
  const cases = [
    { ms: 0, expected: { year: 1970, month: 1, day: 1, hour: 0, minute: 0 } },
    { ms: -1, expected: { year: 1969, month: 12, day: 31, hour: 23, minute: 59 } },
    { ms: utc(2026, 1, 8, 21, 47, 59, 999), expected: { year: 2026, month: 1, day: 8, hour: 21, minute: 47 } },
    { ms: utc(2024, 2, 29, 12, 0), expected: { year: 2024, month: 2, day: 29, hour: 12, minute: 0 } },
    { ms: utc(99, 3, 15, 6, 30), expected: { year: 99, month: 3, day: 15, hour: 6, minute: 30 } },
    { ms: utc(0, 1, 1), expected: { year: 0, month: 1, day: 1, hour: 0, minute: 0 } },
    { ms: utc(9999, 12, 31, 23, 59), expected: { year: 9999, month: 12, day: 31, hour: 23, minute: 59 } },
  ];

  it.each(cases)('$ms', ({ ms, expected }) => {
    expect(civilFromAxis(ms)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------

describe('formatDate', () => {
  const cases: { text: string; approximate?: boolean; expected: string }[] = [
    { text: '2021', expected: '2021' },
    { text: '2021-02', expected: 'Feb 2021' },
    { text: '2021-02-03', expected: '3 Feb 2021' },
    { text: '2026-01-08T23:47+02:00', expected: '8 Jan 2026, 23:47 UTC+02:00' },
    { text: '2026-01-08T23:47Z', expected: '8 Jan 2026, 23:47 UTC' },
    { text: '2026-01-08T23:47+00:00', expected: '8 Jan 2026, 23:47 UTC' },
    { text: '2026-01-08T03:07-05:30', expected: '8 Jan 2026, 03:07 UTC-05:30' },
    { text: '2026-01-08T23:47:05+02:00', expected: '8 Jan 2026, 23:47:05 UTC+02:00' },
    { text: '2026-01-08T23:47:05.25Z', expected: '8 Jan 2026, 23:47:05.250 UTC' },
    { text: '0099-03-15', expected: '15 Mar AD 99' },
    { text: '0099', expected: 'AD 99' },
    { text: '0001', expected: 'AD 1' },
    { text: '0999-12', expected: 'Dec AD 999' },
    { text: '0000', expected: '0' },
    { text: '1000', expected: '1000' },
    { text: '9999-12-31', expected: '31 Dec 9999' },
    { text: '2021-02', approximate: true, expected: 'c. Feb 2021' },
    { text: '2021', approximate: true, expected: 'c. 2021' },
    { text: '2021-02-03', approximate: false, expected: '3 Feb 2021' },
    { text: '2026-01-08T23:47+02:00', approximate: true, expected: 'c. 8 Jan 2026, 23:47 UTC+02:00' },
  ];

  it.each(cases)('$text (approximate: $approximate) -> $expected', ({ text, approximate, expected }) => {
    expect(formatDate(value(text), { approximate })).toBe(expected);
  });

  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map(
    (abbreviation, index) => ({ month: index + 1, abbreviation }),
  );

  it.each(months)('month $month is $abbreviation', ({ month, abbreviation }) => {
    expect(formatDate(value(`2021-${pad(month, 2)}`))).toBe(`${abbreviation} 2021`);
  });
});

describe('formatRange', () => {
  const cases: { start: string; end?: string; approximate?: boolean; expected: string }[] = [
    { start: '2020-09-27', end: '2020-11-10', expected: '27 Sep – 10 Nov 2020' },
    { start: '2020-12-01', end: '2020-12-02', expected: '1–2 Dec 2020' },
    { start: '2021-02-03', end: '2026-02-05', expected: '3 Feb 2021 – 5 Feb 2026' },
    { start: '2020-12-31', end: '2021-01-01', expected: '31 Dec 2020 – 1 Jan 2021' },
    { start: '2021-02', end: '2021-03', expected: 'Feb – Mar 2021' },
    { start: '2021-11', end: '2022-02', expected: 'Nov 2021 – Feb 2022' },
    { start: '2021', end: '2022', expected: '2021 – 2022' },
    { start: '2021-02', end: '2021-03-05', expected: 'Feb 2021 – 5 Mar 2021' },
    { start: '2021', end: '2021-03-05', expected: '2021 – 5 Mar 2021' },
    { start: '2021-03-05', end: '2021-04', expected: '5 Mar 2021 – Apr 2021' },
    {
      start: '2026-01-08T23:47+02:00',
      end: '2026-01-09T01:10+02:00',
      expected: '8 Jan 2026, 23:47 UTC+02:00 – 9 Jan 2026, 01:10 UTC+02:00',
    },
    {
      start: '2026-01-08T23:47:05Z',
      end: '2026-01-08',
      expected: '8 Jan 2026, 23:47:05 UTC – 8 Jan 2026',
    },
    { start: '0099-03-15', end: '0099-04-01', expected: '15 Mar – 1 Apr AD 99' },
    { start: '0999', end: '1000', expected: 'AD 999 – 1000' },
    // No end, or an end equal to the start: a single date.
    { start: '2021-02-03', expected: '3 Feb 2021' },
    { start: '2021-02-03', end: '2021-02-03', expected: '3 Feb 2021' },
    { start: '2021-02', end: '2021-02', expected: 'Feb 2021' },
    { start: '2021-02-03T10:00Z', end: '2021-02-03T10:00+00:00', expected: '3 Feb 2021, 10:00 UTC' },
    // "c." qualifies the whole range once.
    { start: '2020-09-27', end: '2020-11-10', approximate: true, expected: 'c. 27 Sep – 10 Nov 2020' },
    { start: '2021-02', end: '2021-02', approximate: true, expected: 'c. Feb 2021' },
    { start: '2021-02', approximate: true, expected: 'c. Feb 2021' },
  ];

  it.each(cases)('$start .. $end -> $expected', ({ start, end, approximate, expected }) => {
    const endValue = end === undefined ? undefined : value(end);
    expect(formatRange(value(start), endValue, { approximate })).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// Independence from the machine's timezone
// ---------------------------------------------------------------------------------------

describe('results do not depend on process.env.TZ', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // Minutes that local-time Date reports for 1 June 2021, proving the zone switch took effect.
  const cases = [
    { tz: 'Pacific/Kiritimati', localOffset: -840 },
    { tz: 'Pacific/Pago_Pago', localOffset: 660 },
    { tz: 'America/Los_Angeles', localOffset: 420 },
    { tz: 'Asia/Kolkata', localOffset: -330 },
    { tz: 'UTC', localOffset: 0 },
  ];

  it.each(cases)('TZ=$tz', ({ tz, localOffset }) => {
    process.env.TZ = tz;
    expect(new Date(2021, 5, 1).getTimezoneOffset()).toBe(localOffset);

    const june = value('2021-06-01');
    expect(formatDate(june)).toBe('1 Jun 2021');
    expect(spanOf(june)).toEqual({ start: 1_622_505_600_000, end: 1_622_592_000_000 });
    expect(civilFromAxis(1_622_505_600_000)).toEqual({ year: 2021, month: 6, day: 1, hour: 0, minute: 0 });
    expect(spanOf(value('2026-01-08T23:47+02:00')).start).toBe(1_767_908_820_000);
    expect(formatRange(value('2020-12-01'), value('2020-12-02'))).toBe('1–2 Dec 2020');
  });
});

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

describe('properties', () => {
  it('YYYY-MM-DD parses exactly when the day exists, and its epoch day round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const result = parseIsoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
          expect(result.ok).toBe(day <= oracleMonthLength(year, month));
          if (result.ok) {
            expect(civilFromDays(daysFromCivil(year, month, day))).toEqual({ year, month, day });
            expect(spanOf(result.value).start).toBe(utc(year, month, day));
          }
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('civilFromAxis agrees with the UTC fields of Date for any instant in years 0-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: utc(0, 1, 1), max: utc(10_000, 1, 1) - 1 }), (ms) => {
        const date = new Date(ms);
        expect(civilFromAxis(ms)).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
          hour: date.getUTCHours(),
          minute: date.getUTCMinutes(),
        });
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('isoWeek', () => {
  it.each([
    [2020, 12, 31, '2020-W53'],
    [2021, 1, 1, '2020-W53'],
    [2021, 1, 4, '2021-W01'],
    [2024, 12, 30, '2025-W01'],
    [2026, 2, 5, '2026-W06'],
    [1999, 1, 1, '1998-W53'],
  ])('%i-%i-%i is in %s', (y, m, d, label) => {
    expect(isoWeekLabel(isoWeek(y, m, d))).toBe(label);
  });

  it("agrees with the definition (the week of the Thursday, counted from the year's first Thursday) for any day 1600–2400", () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1600, 1, 1), max: daysFromCivil(2400, 12, 31) }), (days) => {
        const { year, month, day } = civilFromDays(days);
        const weekday = new Date(days * DAY_MS).getUTCDay(); // 0 = Sunday
        const thursday = days - ((weekday + 6) % 7) + 3;
        const weekYear = civilFromDays(thursday).year;
        let firstThursday = daysFromCivil(weekYear, 1, 1);
        while (new Date(firstThursday * DAY_MS).getUTCDay() !== 4) firstThursday++;
        expect(isoWeek(year, month, day)).toEqual({ year: weekYear, week: (thursday - firstThursday) / 7 + 1 });
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
