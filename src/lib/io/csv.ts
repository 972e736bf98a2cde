/**
 * RFC 4180 CSV, read and written by hand: the importers need line numbers, ragged-row reports and
 * hard caps, and the exporter needs formula neutralising, none of which a generic parser gives.
 * Pure: no DOM, no Node.
 *
 * Round-trip rule (security.md §5): the writer prefixes a text cell that starts with a formula
 * trigger (= + - @ | TAB CR LF NUL, or the full-width ＝ ＋ － ＠ ｜ a spreadsheet folds to them) with a
 * single quote, as OWASP advises. Spreadsheets skip leading whitespace and invisible characters
 * (space, NBSP, VT, FF, BOM, zero-width and other format or control characters) before they look
 * for a trigger, so a trigger behind any run of those counts too. A cell that already starts with
 * quotes followed by such a trigger gets one more ("'=x" becomes "''=x"). `restoreFormula` undoes
 * exactly that (one quote off a cell of quotes, skipped characters, trigger), so the pair is a
 * bijection and our own CSV round-trips. Only the Faultline CSV importer calls it: third-party
 * exports (ACLED, UCDP, sheets) were never prefixed by us, so their cells are kept verbatim.
 */

export type Delimiter = ',' | ';' | '\t';

/** Excel's sheet height (data rows) and a column count far above any format we read. */
export const CSV_LIMITS = { maxRows: 1_048_576, maxColumns: 200 } as const;

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted multi-line field spans several). */
  line: number;
  fields: string[];
}

export interface CsvRead {
  delimiter: Delimiter;
  /** The first record (usually the header) and every well-formed record of the same width. */
  records: CsvRecord[];
  /** Records set aside (ragged, unclosed quote, text after a quote), one problem each. */
  problems: { line: number; message: string }[];
  /** Set when the whole file is refused (over a cap); records is then empty. */
  fatal: string | null;
}

export interface CsvReadOptions {
  delimiter?: Delimiter;
  maxRows?: number;
  maxColumns?: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/**
 * What a spreadsheet skips before reading a cell as a formula: whitespace (\s has NBSP, VT, FF,
 * BOM, the Unicode spaces), format characters (zero-width, joiners, direction marks, soft hyphen)
 * and controls. Then the triggers, ASCII and full-width (and the small forms of = + -).
 */
const HIDDEN = String.raw`[\s\p{Cf}\p{Cc}]*`;
const TRIGGERS = String.raw`[=+\-@|\t\r\n\0\uff1d\uff0b\uff0d\uff20\uff5c\ufe62\ufe63\ufe66]`;
const TRIGGER = new RegExp(`^'*${HIDDEN}${TRIGGERS}`, 'u');
const QUOTED_TRIGGER = new RegExp(`^'+${HIDDEN}${TRIGGERS}`, 'u');

export function readCsv(text: string, options: CsvReadOptions = {}): CsvRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(body);
  const maxRows = options.maxRows ?? CSV_LIMITS.maxRows;
  const maxColumns = options.maxColumns ?? CSV_LIMITS.maxColumns;
  const result: CsvRead = { delimiter, records: [], problems: [], fatal: null };
  const scanner = new Scanner(body, delimiter.charCodeAt(0), maxColumns);
  let width = -1;
  let count = 0;
  while (!scanner.done()) {
    const record = scanner.next();
    // A line with nothing on it is not a record (trailing or spacer lines in hand-made files).
    if (record.fields.length === 1 && record.fields[0] === '' && !record.quoted) continue;
    if (++count > maxRows + 1) {
      return {
        ...result,
        records: [],
        problems: [],
        fatal: `the file has more than ${maxRows} data rows; the limit is ${maxRows}`,
      };
    }
    if (width < 0 && record.overflow) {
      return {
        ...result,
        records: [],
        problems: [],
        fatal: `line ${record.line}: more than ${maxColumns} columns; the limit is ${maxColumns}`,
      };
    }
    if (record.problem) {
      result.problems.push({ line: record.line, message: record.problem });
    } else if (width >= 0 && (record.overflow || record.fields.length !== width)) {
      const found = record.overflow ? `more than ${maxColumns}` : String(record.fields.length);
      result.problems.push({ line: record.line, message: `expected ${width} fields, found ${found}` });
    } else {
      if (width < 0) width = record.fields.length;
      result.records.push({ line: record.line, fields: record.fields });
    }
  }
  return result;
}

/** The most frequent of comma, semicolon and tab outside quotes on the first line; comma on a tie. */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

interface RawRecord {
  line: number;
  fields: string[];
  quoted: boolean;
  overflow: boolean;
  problem: string | null;
}

/** Walks the text one record at a time, counting physical lines, including those inside quotes. */
class Scanner {
  private pos = 0;
  private line = 1;
  constructor(
    private readonly text: string,
    private readonly delimiter: number,
    private readonly maxColumns: number,
  ) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  next(): RawRecord {
    const record: RawRecord = { line: this.line, fields: [], quoted: false, overflow: false, problem: null };
    const { text } = this;
    for (;;) {
      let value: string;
      if (text.charCodeAt(this.pos) === QUOTE) {
        record.quoted = true;
        value = this.quotedField(record);
      } else {
        const start = this.pos;
        while (this.pos < text.length && !this.endsField(text.charCodeAt(this.pos))) this.pos++;
        value = text.slice(start, this.pos);
      }
      if (record.fields.length < this.maxColumns) record.fields.push(value);
      else record.overflow = true;
      const c = text.charCodeAt(this.pos);
      if (c === this.delimiter) {
        this.pos++;
        continue;
      }
      this.endOfLine();
      return record;
    }
  }

  private endsField(c: number): boolean {
    return c === this.delimiter || c === CR || c === LF;
  }

  /** Reads "…" with "" as a quote; newlines inside are data. Leaves pos after the field. */
  private quotedField(record: RawRecord): string {
    const { text } = this;
    let value = '';
    let from = this.pos + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close < 0) {
        value += text.slice(from);
        this.countLines(text.slice(from));
        this.pos = text.length;
        record.problem = 'a quoted field is never closed';
        return value;
      }
      const segment = text.slice(from, close);
      value += segment;
      this.countLines(segment);
      if (text.charCodeAt(close + 1) === QUOTE) {
        value += '"';
        from = close + 2;
        continue;
      }
      this.pos = close + 1;
      break;
    }
    if (this.pos < text.length && !this.endsField(text.charCodeAt(this.pos))) {
      // RFC 4180 allows nothing between a closing quote and the delimiter; "a"b is malformed.
      record.problem = 'unexpected text after a closing quote';
      const start = this.pos;
      while (this.pos < text.length && !this.endsField(text.charCodeAt(this.pos))) this.pos++;
      value += text.slice(start, this.pos);
    }
    return value;
  }

  private countLines(segment: string): void {
    for (let i = 0; i < segment.length; i++) {
      const c = segment.charCodeAt(i);
      if (c === LF || (c === CR && segment.charCodeAt(i + 1) !== LF)) this.line++;
    }
  }

  private endOfLine(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === CR) {
      this.pos += this.text.charCodeAt(this.pos + 1) === LF ? 2 : 1;
      this.line++;
    } else if (c === LF) {
      this.pos++;
      this.line++;
    }
  }
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 output with CRLF line ends. Strings are text cells (neutralised); numbers and booleans
 * are values we formatted ourselves and are written plain, so a longitude of -12.5 stays a number.
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], delimiter: Delimiter = ','): string {
  let out = '';
  for (const row of rows) out += row.map((cell) => writeCell(cell, delimiter)).join(delimiter) + '\r\n';
  return out;
}

function writeCell(cell: CsvCell, delimiter: Delimiter): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = neutralizeFormula(cell);
  // A leading U+FEFF is quoted: as the file's first character it would be read as a byte-order mark and dropped.
  const needsQuotes =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text.charCodeAt(0) === 0xfeff;
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** OWASP CSV-injection defence: a text cell a spreadsheet would run as a formula gets a leading '. */
export function neutralizeFormula(text: string): string {
  // Most cells start with a letter or digit: no regular expression for them (exports run per cell).
  const first = text.charCodeAt(0);
  const lower = first | 0x20;
  if ((first >= 0x30 && first <= 0x39) || (lower >= 0x61 && lower <= 0x7a)) return text;
  return TRIGGER.test(text) ? `'${text}` : text;
}

/** Inverse of neutralizeFormula, for reading our own CSV back (see the rule at the top). */
export function restoreFormula(text: string): string {
  return QUOTED_TRIGGER.test(text) ? text.slice(1) : text;
}
