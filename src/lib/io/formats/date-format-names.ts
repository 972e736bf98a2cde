/**
 * The names of the date formats and how an import reports its dates: small, so the import result
 * (in the app's first load) can offer the choice without loading the readers (date-format.ts).
 */
/** The formats offered in the app, in the order shown. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY', 'DD/MM/YY', 'MM/DD/YY', 'YYYY-MM-DD'] as const;
export type CanonicalDateFormat = (typeof DATE_FORMATS)[number];
const ALIASES: Readonly<Record<string, CanonicalDateFormat>> = {
  'D/M/YYYY': 'DD/MM/YYYY',
  'M/D/YYYY': 'MM/DD/YYYY',
  'D/M/YY': 'DD/MM/YY',
  'M/D/YY': 'MM/DD/YY',
  ISO: 'YYYY-MM-DD',
};
/** A format by any of its names (unpadded parts are read under every name). */
export type DateFormat = CanonicalDateFormat | 'D/M/YYYY' | 'M/D/YYYY' | 'D/M/YY' | 'M/D/YY' | 'ISO';

/** Two-digit years below this are 20xx, the others 19xx (POSIX strptime's %y). */
export const TWO_DIGIT_YEAR_PIVOT = 69;
export const PIVOT_NOTE = 'two-digit years read with the pivot 69: 00-68 → 2000-2068, 69-99 → 1969-1999';

/** The canonical name of a format given by any of its names (case-insensitive), or undefined. */
export function dateFormatOf(text: string): CanonicalDateFormat | undefined {
  const upper = text.trim().toUpperCase();
  if ((DATE_FORMATS as readonly string[]).includes(upper)) return upper as CanonicalDateFormat;
  return Object.prototype.hasOwnProperty.call(ALIASES, upper) ? ALIASES[upper] : undefined;
}

/** How an import read its dates: shown in the import result, which offers the choice when it matters. */
export interface DateReport {
  /** The format the dates were read in, or null when the order was not known. */
  format: CanonicalDateFormat | null;
  /** given: named by the user; decided: from the file's own dates; ambiguous / mixed: not known; none: no day-month dates. */
  how: 'given' | 'decided' | 'ambiguous' | 'mixed' | 'none';
  /** One sentence for people ("dates read as DD/MM/YYYY: '25/03/2022' (row 3) has a day above 12"). */
  note: string;
  /** Rows skipped because of their dates (unreadable under the format, or readable both ways). */
  skipped: number;
}
