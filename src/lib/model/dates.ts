/**
 * Calendar dates for the Faultline dataset.
 *
 * A dataset date is a calendar value with a precision ("2021", "2021-02", "2021-02-03",
 * "2021-02-03T14:05+03:00"), never a local-time Date: a local Date for "2021-02-03" is
 * 2 Feb in one timezone and 3 Feb in another. So everything here is integer arithmetic on
 * the proleptic Gregorian calendar, and nothing reads the machine's timezone (no
 * `new Date(y, m, d)`, no `Date.parse`, no `getHours()`). `Date.UTC` is avoided as well,
 * because it maps years 0-99 to 1900-1999.
 *
 * The shared time axis is "axis ms": milliseconds since 1970-01-01T00:00Z. A calendar date
 * occupies the span of its day on that axis with no timezone applied; a timed value sits at
 * its UTC instant.
 */
import type { DatePrecision } from './types';

export interface CalendarValue {
  /** The text as given in the dataset. */
  text: string;
  precision: DatePrecision;
  year: number;
  /** 1-12; 1 when the precision is year. */
  month: number;
  /** 1-31; 1 when the precision is year or month. */
  day: number;
  /** As written, in the value's own offset; 0 for calendar dates. */
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC (Z is 0); null for calendar dates, which have no offset. */
  offsetMinutes: number | null;
}

export type DateParse = { ok: true; value: CalendarValue } | { ok: false; message: string };

export const DAY_MS: number = 86_400_000;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;
/** UTC offsets in use run from -12:00 to +14:00; ±14:00 is the documented bound. */
const MAX_OFFSET_MINUTES = 14 * 60;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MESSAGES = {
  grammar: 'expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM',
  yearRange: 'years outside 0000-9999 are not supported',
  missingOffset: 'a time needs an offset, e.g. Z or +03:00',
  offsetColon: 'write the offset as ±HH:MM',
  offsetRange: 'an offset must be between -14:00 and +14:00, with minutes 00-59',
} as const;

// ---------------------------------------------------------------------------------------
// Calendar arithmetic (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms").
// The year is shifted to start in March so that the leap day falls at the end of it;
// eras are 400-year cycles of exactly 146 097 days. Math.floor keeps negative days right.
// ---------------------------------------------------------------------------------------

/** Days from 1970-01-01 to the given proleptic Gregorian date (month 1-12). Integers only. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400; // 0..399
  const monthFromMarch = m > 2 ? m - 3 : m + 9; // 0..11, March = 0
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + d - 1; // 0..365
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468; // 719 468 = days from 0000-03-01 to 1970-01-01
}

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097; // 0..146096
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  ); // 0..399
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153); // 0..11, March = 0
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// ---------------------------------------------------------------------------------------
// Parsing. The grammar is our own and strict: the shape is matched first, then the calendar
// date, then the time, then the offset, so a message names the first real problem.
// ---------------------------------------------------------------------------------------

const CALENDAR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** The tail after the time is captured whole so a missing or malformed offset gets its own message. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(.*)$/;
/** A sign, or five or more digits, where the year should be: an expanded ISO year. */
const EXPANDED_YEAR = /^(?:[+-]\d|\d{5,}(?:-|$))/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const OFFSET_WITHOUT_COLON = /^[+-]\d{2}(?:\d{2})?$/;

type Step<T> = { ok: true; value: T } | { ok: false; message: string };

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

export function parseIsoDate(text: string): DateParse {
  if (EXPANDED_YEAR.test(text)) return fail(MESSAGES.yearRange);
  const calendar = CALENDAR_DATE.exec(text);
  if (calendar) return parseCalendarDate(text, calendar);
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) return parseDateTime(text, dateTime);
  return fail(MESSAGES.grammar);
}

function parseCalendarDate(text: string, match: RegExpExecArray): DateParse {
  const [, yearText = '', monthText, dayText] = match;
  const precision: DatePrecision = dayText ? 'day' : monthText ? 'month' : 'year';
  const year = Number(yearText);
  const month = monthText ? Number(monthText) : 1;
  const day = dayText ? Number(dayText) : 1;
  const problem = calendarProblem(text, year, month, day);
  if (problem) return fail(problem);
  return {
    ok: true,
    value: {
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
    },
  };
}

function parseDateTime(text: string, match: RegExpExecArray): DateParse {
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, tail = ''] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const dateProblem = calendarProblem(text, year, month, day);
  if (dateProblem) return fail(dateProblem);

  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText ? Number(secondText) : 0;
  if (hour > 23 || minute > 59 || second > 59) {
    return fail(`"${text}" is not a valid time (hours 00-23, minutes 00-59, seconds 00-59)`);
  }

  const offset = parseOffset(tail);
  if (!offset.ok) return offset;
  return {
    ok: true,
    value: {
      text,
      precision: secondText ? 'second' : 'minute',
      year,
      month,
      day,
      hour,
      minute,
      second,
      // ".5" is half a second: pad on the right before reading it as milliseconds.
      millisecond: fraction ? Number(fraction.padEnd(3, '0')) : 0,
      offsetMinutes: offset.value,
    },
  };
}

/** Null when year-month-day exists; otherwise the message saying why not. */
function calendarProblem(text: string, year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `"${text}" is not a calendar date (month ${month})`;
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) {
    return `"${text}" is not a calendar date (${monthName(month)} ${year} has ${length} days)`;
  }
  return null;
}

/** Reads what follows the time: "Z" or "±HH:MM", as minutes east of UTC. */
function parseOffset(tail: string): Step<number> {
  if (tail === '') return fail(MESSAGES.missingOffset);
  if (tail === 'Z') return { ok: true, value: 0 };
  const match = OFFSET.exec(tail);
  if (!match) return fail(OFFSET_WITHOUT_COLON.test(tail) ? MESSAGES.offsetColon : MESSAGES.grammar);
  const [, sign, hoursText, minutesText] = match;
  const hours = Number(hoursText);
  const minutes = Number(minutesText);
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > MAX_OFFSET_MINUTES) return fail(MESSAGES.offsetRange);
  // `|| 0` turns "-00:00" into 0 rather than -0, so equal offsets compare equal.
  return { ok: true, value: (sign === '-' ? -total : total) || 0 };
}

// ---------------------------------------------------------------------------------------
// The time axis.
// ---------------------------------------------------------------------------------------

export function spanOf(v: CalendarValue): { start: number; end: number } {
  switch (v.precision) {
    case 'year':
      return daySpan(daysFromCivil(v.year, 1, 1), daysFromCivil(v.year + 1, 1, 1));
    case 'month': {
      const next = v.month === 12 ? { year: v.year + 1, month: 1 } : { year: v.year, month: v.month + 1 };
      return daySpan(daysFromCivil(v.year, v.month, 1), daysFromCivil(next.year, next.month, 1));
    }
    case 'day': {
      const day = daysFromCivil(v.year, v.month, v.day);
      return daySpan(day, day + 1);
    }
    case 'minute': {
      const start = instantOf(v);
      return { start, end: start + MINUTE_MS };
    }
    case 'second': {
      const start = instantOf(v);
      return { start, end: start + SECOND_MS };
    }
  }
}

export function eventSpan(start: CalendarValue, end?: CalendarValue): { start: number; end: number } {
  return { start: spanOf(start).start, end: spanOf(end ?? start).end };
}

/** True when the end's span starts before the start's span starts, i.e. the range runs backwards. */
export function isEndBeforeStart(start: CalendarValue, end: CalendarValue): boolean {
  return spanOf(end).start < spanOf(start).start;
}

/**
 * The ISO 8601 week of a calendar day: weeks start on Monday and belong to the year that holds
 * their Thursday, so 31 Dec 2020 and 1 Jan 2021 are both in 2020-W53 and 30 Dec 2024 is in 2025-W01.
 * (Weekly counts such as ACLED's are by these weeks.)
 */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const days = daysFromCivil(year, month, day);
  // 1970-01-01 was a Thursday: Monday = 0.
  const weekday = (((days + 3) % 7) + 7) % 7;
  const thursday = days - weekday + 3;
  const weekYear = civilFromDays(thursday).year;
  return { year: weekYear, week: Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1 };
}

/** "2020-W53". */
export function isoWeekLabel(w: { year: number; week: number }): string {
  return `${String(w.year).padStart(4, '0')}-W${String(w.week).padStart(2, '0')}`;
}

export function civilFromAxis(ms: number): { year: number; month: number; day: number; hour: number; minute: number } {
  // Floor, not truncate, so instants before 1970 land in the right day.
  const days = Math.floor(ms / DAY_MS);
  const msOfDay = ms - days * DAY_MS;
  return {
    ...civilFromDays(days),
    hour: Math.floor(msOfDay / HOUR_MS),
    minute: Math.floor((msOfDay % HOUR_MS) / MINUTE_MS),
  };
}

function daySpan(startDay: number, endDay: number): { start: number; end: number } {
  return { start: startDay * DAY_MS, end: endDay * DAY_MS };
}

/** The UTC instant of a timed value: its wall-clock time minus its offset. */
export function instantOf(v: CalendarValue): number {
  const wallClock =
    daysFromCivil(v.year, v.month, v.day) * DAY_MS +
    v.hour * HOUR_MS +
    v.minute * MINUTE_MS +
    v.second * SECOND_MS +
    v.millisecond;
  return wallClock - (v.offsetMinutes ?? 0) * MINUTE_MS;
}

// ---------------------------------------------------------------------------------------
// Words: dates in the interface's language are written by date-text.ts; the month names here are
// for the validator's messages, which are English.
// ---------------------------------------------------------------------------------------

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `month ${month}`;
}
