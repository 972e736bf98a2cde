/**
 * Dates written with a day and a month in some order ("3/4/2022", "25.03.22", "2022-03-25"),
 * read the same way by every importer. The order is never guessed from one value: it is given
 * (the CLI's --date-format, the app's choice) or decided from every date in the file. A file whose
 * dates all read both ways (no day above 12) is reported as ambiguous, and so is one that has
 * day-first and month-first dates side by side; their rows that read both ways are skipped with
 * that reason, and the user names the order. Parts may be unpadded ("3/3/2022"); two-digit years
 * are read with the POSIX pivot (00-68 → 2000-2068, 69-99 → 1969-1999). Every result goes
 * through isoOf, so "31/02/2020" is refused, never rolled into March; no Date is built.
 */
import { parseIsoDate } from '../../model/dates';
import { isoOf, readDay, type DateRead } from './source-dates';

import {
  dateFormatOf,
  PIVOT_NOTE,
  TWO_DIGIT_YEAR_PIVOT,
  type CanonicalDateFormat,
  type DateFormat,
  type DateReport,
} from './date-format-names';

export { DATE_FORMATS, dateFormatOf, PIVOT_NOTE, TWO_DIGIT_YEAR_PIVOT } from './date-format-names';
export type { CanonicalDateFormat, DateFormat, DateReport } from './date-format-names';

type Order = 'dmy' | 'mdy' | 'ymd';
const orderOf = (format: CanonicalDateFormat): Order =>
  format.startsWith('DD') ? 'dmy' : format.startsWith('MM') ? 'mdy' : 'ymd';

export type DayRead = (DateRead & { ok: true; time?: string }) | (DateRead & { ok: false; ambiguous?: boolean });

interface Where {
  row?: number;
  line?: number;
}

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
];

/** day/month/year with any of / . - and an optional time ("3/3/2022", "25.03.22 14:05"). */
const DMY =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:[AaPp][Mm])?)?$/;
/** Year first with / or . ("2022/03/25"), or ISO with a time our grammar does not take ("2017-07-31 00:00:00.000"). */
const YMD = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:Z|[+-]\d{2}:?\d{2})?)?$/;

interface Parts {
  a: number;
  b: number;
  year: number;
  twoDigit: boolean;
  time?: string;
}

function dmyParts(text: string): Parts | null {
  const m = DMY.exec(text);
  if (!m) return null;
  const parts: Parts = { a: Number(m[1]), b: Number(m[3]), year: Number(m[4]), twoDigit: m[4]!.length === 2 };
  if (parts.twoDigit) parts.year += parts.year < TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900;
  if (m[5]) parts.time = m[5];
  return parts;
}

/** What one value says about the order: it reads only day first, only month first, both ways, or either way the same. */
function evidence(p: Parts): 'dmy' | 'mdy' | 'both' | 'same' | 'neither' {
  const aMonth = p.a >= 1 && p.a <= 12;
  const bMonth = p.b >= 1 && p.b <= 12;
  if (aMonth && bMonth) return p.a === p.b ? 'same' : 'both';
  if (bMonth && p.a <= 31) return 'dmy';
  if (aMonth && p.b <= 31) return 'mdy';
  return 'neither';
}

/**
 * One reader per date field set of an import: `see` every date first, then `decide`, then `read`
 * each. Without a given format, the order is the one the file's dates show (a day above 12
 * settles it) when none shows the other.
 */
export class DateReader {
  private readonly given: CanonicalDateFormat | undefined;
  private first: { dmy?: { text: string; at: Where }; mdy?: { text: string; at: Where } } = {};
  private bothWays: { count: number; text?: string; at?: Where } = { count: 0 };
  private dayMonth = 0;
  private twoDigitYears = false;
  private order: Order | null = null;
  private how: DateReport['how'] = 'none';
  private skippedRows = 0;

  constructor(format?: DateFormat | string) {
    this.given = format ? dateFormatOf(format) : undefined;
  }

  /** A date as the file writes it, in the first pass. */
  see(cell: string, at: Where): void {
    const parts = dmyParts(cell.trim());
    if (!parts) return;
    this.dayMonth++;
    if (parts.twoDigit) this.twoDigitYears = true;
    const says = evidence(parts);
    if ((says === 'dmy' || says === 'mdy') && !this.first[says]) this.first[says] = { text: cell.trim(), at };
    if (says === 'both' && this.bothWays.count++ === 0) {
      this.bothWays.text = cell.trim();
      this.bothWays.at = at;
    }
  }

  /** Settles the order; returns what the import should say about it (file-level errors and warnings). */
  decide(): { errors: string[]; warnings: string[] } {
    const errors: string[] = [];
    const warnings: string[] = [];
    const { dmy, mdy } = this.first;
    if (this.given) {
      this.order = orderOf(this.given);
      this.how = 'given';
    } else if (dmy && mdy) {
      this.how = 'mixed';
      errors.push(
        `dates are written in both orders: ${quote(dmy)} can only be day first and ${quote(mdy)} only month first; choose a date format (dates that read both ways were skipped)`,
      );
    } else if (dmy || mdy) {
      this.order = dmy ? 'dmy' : 'mdy';
      this.how = 'decided';
    } else if (this.bothWays.count > 0) {
      this.how = 'ambiguous';
      const n = this.bothWays.count;
      errors.push(
        `dates are ambiguous: ${n.toLocaleString('en-GB')} date${n === 1 ? '' : 's'} such as ${quote({ text: this.bothWays.text!, at: this.bothWays.at! })} read${n === 1 ? 's' : ''} as day/month or month/day, and no date in the file has a day above 12 to tell; choose a date format (DD/MM/YYYY or MM/DD/YYYY); those rows were skipped`,
      );
    }
    if (this.twoDigitYears && this.order !== 'ymd') warnings.push(`dates have ${PIVOT_NOTE}`);
    return { errors, warnings };
  }

  /** A date: our ISO grammar as is, a day-month date in the decided order, or a month written out. */
  read(cell: string): DayRead {
    const text = cell.trim();
    if (parseIsoDate(text).ok) return { ok: true, date: text };
    const ymd = YMD.exec(text);
    if (ymd) {
      const read = isoOf(Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));
      if (!read.ok) return { ok: false, message: asWritten(text, read.message) };
      return ymd[5] ? { ...read, time: ymd[5] } : read;
    }
    const parts = dmyParts(text);
    if (!parts) {
      const named = readDay(text);
      if (named.ok) return named;
      return { ok: false, message: `'${text}' is not a date${this.expected()}` };
    }
    let order = this.order;
    if (order === 'ymd') return { ok: false, message: `'${text}' is not a date in ${this.given}` };
    const says = evidence(parts);
    if (!order) {
      if (says === 'both') {
        const [d1, m1, d2, m2] = [parts.a, parts.b, parts.b, parts.a];
        return {
          ok: false,
          ambiguous: true,
          message: `'${text}' could be ${d1} ${MONTH_NAMES[m1 - 1]} or ${d2} ${MONTH_NAMES[m2 - 1]} ${parts.year}; choose a date format`,
        };
      }
      // Read the one way it can be read (or either way, the same day).
      order = says === 'mdy' ? 'mdy' : 'dmy';
    }
    const [day, month] = order === 'dmy' ? [parts.a, parts.b] : [parts.b, parts.a];
    const read = isoOf(parts.year, month, day);
    if (!read.ok) return { ok: false, message: asWritten(text, read.message) };
    return parts.time ? { ...read, time: parts.time } : read;
  }

  /** Counts a row skipped for its date, for the report. */
  skipped(): void {
    this.skippedRows++;
  }

  /** The format in force, for mapping notes ("date (DD/MM/YYYY) → date"). */
  get format(): CanonicalDateFormat | null {
    if (this.given) return this.given;
    if (!this.order) return null;
    const years = this.twoDigitYears ? 'YY' : 'YYYY';
    return (this.order === 'dmy' ? `DD/MM/${years}` : `MM/DD/${years}`) as CanonicalDateFormat;
  }

  /** Undefined when the file had no day-month date and nothing was asked. */
  report(): DateReport | undefined {
    if (this.how === 'none' && this.skippedRows === 0 && this.dayMonth === 0) return undefined;
    const { dmy, mdy } = this.first;
    const settled = dmy ?? mdy;
    const note =
      this.how === 'given'
        ? `dates read as ${this.given} (as chosen)`
        : this.how === 'decided'
          ? `dates read as ${this.format}: ${quote(settled!)} can only be ${dmy ? 'day' : 'month'} first`
          : this.how === 'ambiguous'
            ? 'dates read both ways and nothing in the file tells which: choose a date format'
            : this.how === 'mixed'
              ? 'dates are written in both orders: choose a date format'
              : 'dates are year first or written out; no order needed';
    return { format: this.format, how: this.how, note, skipped: this.skippedRows };
  }

  private expected(): string {
    return this.given
      ? ` in ${this.given}`
      : ' (expected YYYY-MM-DD, a day and month with a year such as 25/03/2022, or "15 March 2020")';
  }
}

/** Messages name the date as the file wrote it ('31/02/2020'), not our reordering of it. */
function asWritten(text: string, message: string): string {
  return message.replace(/^"[^"]*"/, `'${text}'`);
}

function quote(seen: { text: string; at: Where }): string {
  const where =
    seen.at.row !== undefined ? ` (row ${seen.at.row})` : seen.at.line !== undefined ? ` (line ${seen.at.line})` : '';
  return `'${seen.text.slice(0, 40)}'${where}`;
}
