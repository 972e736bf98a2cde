/**
 * Dates as other tools write them, turned into our ISO strings. Every result goes through
 * parseIsoDate, so "31-02-2020" is refused rather than rolled into March, and nothing here builds a
 * Date (a local-time Date moves a calendar day across midnight; bellingcat #46, dayjs #1871).
 */
import { parseIsoDate } from '../../model/dates';

export type DateRead = { ok: true; date: string } | { ok: false; message: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Year, month, day (month and day optional) → "YYYY", "YYYY-MM" or "YYYY-MM-DD", checked. */
export function isoOf(year: number, month?: number, day?: number): DateRead {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    return { ok: false, message: year < 0 ? 'BCE dates are not supported' : `year ${year} is outside 0000-9999` };
  }
  if (day !== undefined && month === undefined) return { ok: false, message: 'a day needs a month' };
  let text = pad(year, 4);
  if (month !== undefined) text += `-${pad(month)}`;
  if (day !== undefined) text += `-${pad(day)}`;
  if ((month !== undefined && !Number.isInteger(month)) || (day !== undefined && !Number.isInteger(day))) {
    return { ok: false, message: `${text} is not a date` };
  }
  const parsed = parseIsoDate(text);
  return parsed.ok ? { ok: true, date: text } : { ok: false, message: parsed.message };
}

/**
 * A day as ACLED has written it over the years: 2020-03-15, 15-03-2020 (the codebook's
 * dd-mm-yyyy), or "15 March 2020" / "15 Mar 2020".
 */
export function readDay(cell: string): DateRead {
  const text = cell.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return asWritten(text, isoOf(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return asWritten(text, isoOf(Number(m[3]), Number(m[2]), Number(m[1])));
  m = /^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})$/.exec(text);
  const month = m ? monthNumber(m[2]!) : undefined;
  if (m && month) return asWritten(text, isoOf(Number(m[3]), month, Number(m[1])));
  return { ok: false, message: `'${text}' is not a date (expected YYYY-MM-DD, DD-MM-YYYY or "15 March 2020")` };
}

/** Messages name the date as the file wrote it ('31-02-2020'), not our reordering of it. */
function asWritten(text: string, read: DateRead): DateRead {
  return read.ok ? read : { ok: false, message: read.message.replace(/^"[^"]*"/, `'${text}'`) };
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const full = FULL_MONTHS.indexOf(lower);
  if (full >= 0) return full + 1;
  const short = MONTHS.indexOf(lower === 'sept' ? 'sep' : lower);
  return short >= 0 ? short + 1 : undefined;
}

/** "2002-03-01T00:00:00", "2017-07-31 00:00:00.000" or "2017-07-31" → "2017-07-31": the time is dropped as text. */
export function truncateDateTime(cell: string): DateRead {
  const text = cell.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) return { ok: false, message: `'${text}' is not a date (expected YYYY-MM-DD, optionally with a time)` };
  return asWritten(text, isoOf(Number(m[1]), Number(m[2]), Number(m[3])));
}

export type SlashFormat = 'MM/DD/YYYY' | 'M/D/YYYY' | 'DD/MM/YYYY';

/** timemap's DATE_FMT, applied strictly; an ISO day is accepted too, since it cannot be misread. */
export function readSlashDate(cell: string, format: SlashFormat): DateRead {
  const text = cell.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return asWritten(text, isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])));
  const digits = format === 'M/D/YYYY' ? '\\d{1,2}' : '\\d{2}';
  const m = new RegExp(`^(${digits})/(${digits})/(\\d{4})$`).exec(text);
  if (!m) return { ok: false, message: `'${text}' does not match ${format}` };
  const [a, b] = [Number(m[1]), Number(m[2])];
  return asWritten(text, format === 'DD/MM/YYYY' ? isoOf(Number(m[3]), b, a) : isoOf(Number(m[3]), a, b));
}

/** "14:05" or "14:05:30" on a day, with a known offset → our timed ISO string. */
export function withTime(date: string, time: string, offset: string): DateRead {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!m) return { ok: false, message: `time '${time.trim()}' is not HH:MM` };
  const text = `${date}T${pad(Number(m[1]))}:${m[2]}${m[3] ? `:${m[3]}` : ''}${offset}`;
  const parsed = parseIsoDate(text);
  return parsed.ok ? { ok: true, date: text } : { ok: false, message: parsed.message };
}

/** True for "Z" or "±HH:MM" within ±14:00. */
export function isOffset(text: string): boolean {
  return /^(?:Z|[+-]\d{2}:\d{2})$/.test(text) && parseIsoDate(`2000-01-01T00:00${text}`).ok;
}
