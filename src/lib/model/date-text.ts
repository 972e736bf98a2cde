/**
 * Dates in words, in the interface's language.
 *
 * The fields (year, month, day, time) always come from the integer calendar in dates.ts; a language
 * supplies only words and patterns (`DateWords`). So no calendar day ever passes through a Date, and
 * "2021-02-03" reads as 3 February in every timezone and every language. English is built in (it is
 * the first paint's language); other languages build their words from dayjs's locale data, loaded
 * when chosen (i18n/date-locales.ts).
 *
 * An instant ("2021-02-03T14:05+03:00") is shown in the zone the caller picks (`InstantZone`): as
 * written (its own offset), in UTC, or at offsets the caller computes (the viewer's zone: this layer
 * never reads the machine's timezone itself).
 */
import { civilFromAxis, instantOf, type CalendarValue } from './dates';

/** Patterns with `{name}` slots; every slot named must be filled (see fill). */
export interface DatePatterns {
  /** A day: "{d} {M} {y}" → "3 Feb 2021"; M from monthsWithDay. */
  day: string;
  /** A day without its year (axis ticks, a range's first day): "{d} {M}" → "3 Feb". */
  dayMonth: string;
  /** A month: "{M} {y}" → "Feb 2021"; M from monthsAlone. */
  month: string;
  /** Two days of one month: "{d1}–{d2} {M} {y}" → "1–2 Dec 2020". */
  daysOfMonth: string;
  /** Any two ends: "{from} – {to}". */
  range: string;
  /** A date known only roughly: "c. {date}". */
  approximate: string;
  /** Years 1–999, which would read as a short year: "AD {y}". */
  earlyYear: string;
  /** A time: "{date}, {time} {zone}" → "3 Feb 2021, 14:05 UTC+03:00". */
  time: string;
}

export interface DateWords {
  /** Abbreviated month names beside a day number ("3 Feb"), January first: 12 names. */
  monthsWithDay: readonly string[];
  /** Abbreviated month names on their own or before a year ("Feb 2021", a tick), January first. */
  monthsAlone: readonly string[];
  patterns: DatePatterns;
  /**
   * The language is written right to left: a label it writes into a left-to-right place (the
   * timeline's axis) is isolated, so "6 سبتمبر" keeps its own order there.
   */
  rtl?: boolean;
}

/** A label isolated in its language's direction where it is placed in a left-to-right run. */
export function isolated(text: string, words: DateWords): string {
  return words.rtl && text ? `\u2067${text}\u2069` : text;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export const ENGLISH_DATE_WORDS: DateWords = {
  monthsWithDay: EN_MONTHS,
  monthsAlone: EN_MONTHS,
  patterns: {
    day: '{d} {M} {y}',
    dayMonth: '{d} {M}',
    month: '{M} {y}',
    daysOfMonth: '{d1}–{d2} {M} {y}',
    range: '{from} – {to}',
    approximate: 'c. {date}',
    earlyYear: 'AD {y}',
    time: '{date}, {time} {zone}',
  },
};

/**
 * Where an instant's wall-clock time is read: 'event' as written (its own offset), 'utc', or a
 * function giving the offset (minutes east of UTC) at an instant, e.g. the viewer's zone.
 */
export type InstantZone = 'event' | 'utc' | ((instantMs: number) => number);

export interface DateTextOptions {
  approximate?: boolean;
  words?: DateWords;
  zone?: InstantZone;
}

/** Replaces each `{name}` with its value; a slot without a value stays visible rather than vanishing. */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}

export function formatDate(v: CalendarValue, opts: DateTextOptions = {}): string {
  const words = opts.words ?? ENGLISH_DATE_WORDS;
  return approximate(fullText(shown(v, opts.zone), words), opts.approximate, words);
}

export function formatRange(start: CalendarValue, end?: CalendarValue, opts: DateTextOptions = {}): string {
  if (!end) return formatDate(start, opts);
  const words = opts.words ?? ENGLISH_DATE_WORDS;
  // Compared as shown: "10:00Z" and "13:00+03:00" are one instant, and one text in UTC.
  const [a, b] = [shown(start, opts.zone), shown(end, opts.zone)];
  if (sameValue(a, b)) return approximate(fullText(a, words), opts.approximate, words);
  // "c." qualifies the whole range, so it is written once.
  return approximate(rangeText(a, b, words), opts.approximate, words);
}

/** A year in words: "2021", "AD 99" (year 0 stays "0"). */
export function yearText(year: number, words: DateWords = ENGLISH_DATE_WORDS): string {
  if (year >= 1000 || year === 0) return String(year);
  return fill(words.patterns.earlyYear, { y: String(year) });
}

/** A day without its year: "3 Feb" (axis ticks). */
export function dayMonthText(day: number, month: number, words: DateWords = ENGLISH_DATE_WORDS): string {
  return fill(words.patterns.dayMonth, { d: String(day), M: monthWithDay(month, words) });
}

/** A month on its own: "Feb" (axis ticks). */
export function monthText(month: number, words: DateWords = ENGLISH_DATE_WORDS): string {
  return monthAlone(month, words);
}

/** A month of a year: "Feb 2021". */
export function monthYearText(year: number, month: number, words: DateWords = ENGLISH_DATE_WORDS): string {
  return fill(words.patterns.month, { M: monthAlone(month, words), y: yearText(year, words) });
}

/** A day of a year: "3 Feb 2021". */
export function dayText(year: number, month: number, day: number, words: DateWords = ENGLISH_DATE_WORDS): string {
  return fill(words.patterns.day, { d: String(day), M: monthWithDay(month, words), y: yearText(year, words) });
}

/** Two ends in the language's range pattern: "3 Feb 2021 – 5 Mar 2022". */
export function rangeOf(from: string, to: string, words: DateWords = ENGLISH_DATE_WORDS): string {
  return fill(words.patterns.range, { from, to });
}

/** "UTC", "UTC+03:00", "UTC-08:00". */
export function offsetText(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  return `UTC${sign}${pad2(Math.floor(magnitude / 60))}:${pad2(magnitude % 60)}`;
}

/**
 * A timed value as its wall clock in the chosen zone: the same instant, other fields and offset.
 * Calendar values (year, month, day precision) have no instant and are returned as they are.
 */
function shown(v: CalendarValue, zone: InstantZone = 'event'): CalendarValue {
  if (v.offsetMinutes === null || zone === 'event') return v;
  const instant = instantOf(v);
  const offset = zone === 'utc' ? 0 : zone(instant);
  if (offset === v.offsetMinutes) return v;
  const wall = instant + offset * 60_000;
  const c = civilFromAxis(wall);
  return { ...v, year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, offsetMinutes: offset };
}

/** Shares the year (and month) between the two ends where the precisions allow it. */
function rangeText(a: CalendarValue, b: CalendarValue, words: DateWords): string {
  const sameYear = a.year === b.year;
  if (a.precision === 'day' && b.precision === 'day' && sameYear) {
    if (a.month === b.month) {
      return fill(words.patterns.daysOfMonth, {
        d1: String(a.day),
        d2: String(b.day),
        M: monthWithDay(b.month, words),
        y: yearText(b.year, words),
      }); // "1–2 Dec 2020"
    }
    return rangeOf(dayMonthText(a.day, a.month, words), fullText(b, words), words); // "27 Sep – 10 Nov 2020"
  }
  if (a.precision === 'month' && b.precision === 'month' && sameYear) {
    return rangeOf(monthAlone(a.month, words), monthYearText(b.year, b.month, words), words); // "Feb – Mar 2021"
  }
  return rangeOf(fullText(a, words), fullText(b, words), words);
}

function fullText(v: CalendarValue, words: DateWords): string {
  switch (v.precision) {
    case 'year':
      return yearText(v.year, words);
    case 'month':
      return monthYearText(v.year, v.month, words);
    case 'day':
      return dayText(v.year, v.month, v.day, words);
    case 'minute':
    case 'second':
      return fill(words.patterns.time, {
        date: dayText(v.year, v.month, v.day, words),
        time: timeText(v),
        zone: offsetText(v.offsetMinutes ?? 0),
      });
  }
}

/** The time as shown: hours and minutes, and seconds when the value has them. */
function timeText(v: CalendarValue): string {
  const hm = `${pad2(v.hour)}:${pad2(v.minute)}`;
  if (v.precision !== 'second') return hm;
  const fraction = v.millisecond ? `.${String(v.millisecond).padStart(3, '0')}` : '';
  return `${hm}:${pad2(v.second)}${fraction}`;
}

function approximate(text: string, approximate: boolean | undefined, words: DateWords): string {
  return approximate ? fill(words.patterns.approximate, { date: text }) : text;
}

/** Same precision and fields, whatever the text: "…T10:00Z" and "…T10:00+00:00" are one value. */
function sameValue(a: CalendarValue, b: CalendarValue): boolean {
  return (
    a.precision === b.precision &&
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second &&
    a.millisecond === b.millisecond &&
    a.offsetMinutes === b.offsetMinutes
  );
}

function monthWithDay(month: number, words: DateWords): string {
  return words.monthsWithDay[month - 1] ?? String(month);
}

function monthAlone(month: number, words: DateWords): string {
  return words.monthsAlone[month - 1] ?? String(month);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
