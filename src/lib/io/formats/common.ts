/**
 * What every importer shares: the result shape, a problem log that names rows and lines, ids,
 * slugs, categories with stable colours, and the final pass through our own validator, so an
 * import never hands out an event that loadDataset would reject.
 */
import { LIMITS } from '../../model/limits';
import { validateDataset } from '../../model/validate';
import { ID_PATTERN } from '../../model/validate-event';
import type { Category, DatasetFile, EventRecord, Source } from '../../model/types';
import type { DateFormat, DateReader, DateReport } from './date-format';

export interface ImportProblem {
  /** The file it is in, when an import read several. */
  file?: string;
  line?: number;
  row?: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportResult {
  /** In our format, ready for toJson / loadDataset; null when nothing could be imported. */
  dataset: DatasetFile | null;
  rows: { total: number; imported: number; skipped: number };
  /**
   * In file order. At most LIMITS.maxImportProblems: every error is kept before any warning
   * (a skipped row's reason never gives way to a warning), and what did not fit is counted in `omitted`.
   */
  problems: ImportProblem[];
  /** Problems found but not kept in `problems`, by severity. */
  omitted: { errors: number; warnings: number };
  /** How the dates were read, for formats whose dates are written in a day/month order. */
  dates?: DateReport;
  /** What became what, e.g. "event_date → date". */
  mapped: string[];
  /** Source fields not kept, e.g. "timestamp". */
  dropped: string[];
}

export interface ImportOptions {
  /** Read "45,5" as 45.5. Off by default: a comma is more often a mistake than a locale. */
  decimalComma?: boolean;
  /**
   * How numeric dates are written (source-dates.ts DATE_FORMATS); without it the order is decided
   * from every date in the file, and a file whose dates could be read either way is reported, not guessed.
   */
  dateFormat?: DateFormat;
  /** "Z" or "±HH:MM" for sources whose times carry no zone; without it only the day is kept. */
  utcOffset?: string;
  delimiter?: ',' | ';' | '\t';
}

export interface Importer {
  id: string;
  label: string;
  extensions: readonly string[];
  detect(text: string, fileName: string): boolean;
  parse(text: string, fileName: string, options?: ImportOptions): ImportResult;
}

/** Where a problem is: a data row (1-based) and/or the line of the file it starts on, and the file when there are several. */
export interface At {
  file?: string;
  row?: number;
  line?: number;
}

const MAX_NOTES = 100;

/**
 * A million bad cells must not become a million messages: at most LIMITS.maxImportProblems are
 * kept, errors first. Errors and warnings are held apart (each list capped), so an error found
 * after thousands of warnings still takes a warning's place; `problems` merges them in file order.
 */
export class ImportLog {
  private readonly errors: { seq: number; problem: ImportProblem }[] = [];
  private readonly warnings: { seq: number; problem: ImportProblem }[] = [];
  private seq = 0;
  private readonly mappedSet = new Set<string>();
  private readonly droppedSet = new Set<string>();
  private readonly omittedCount = { errors: 0, warnings: 0 };
  /** How the dates were read (set by importers that read numeric dates). */
  dates: DateReport | undefined;
  total = 0;

  /** What is kept, in file order: every kept error, then as many warnings as the limit leaves room for. */
  get problems(): ImportProblem[] {
    const room = Math.max(0, LIMITS.maxImportProblems - this.errors.length);
    const kept = [...this.errors, ...this.warnings.slice(0, room)];
    return kept.sort((a, b) => a.seq - b.seq).map((k) => k.problem);
  }

  /** Found but not kept: over the limit, and warnings that made way for errors. */
  get omitted(): { errors: number; warnings: number } {
    const room = Math.max(0, LIMITS.maxImportProblems - this.errors.length);
    return {
      errors: this.omittedCount.errors,
      warnings: this.omittedCount.warnings + Math.max(0, this.warnings.length - room),
    };
  }

  /** Whether an error not tied to a row or line (the whole input's) was logged. */
  hasFileError(): boolean {
    return this.errors.some(({ problem: p }) => p.row === undefined && p.line === undefined);
  }

  error(at: At, message: string): void {
    this.add(at, message, 'error');
  }

  warn(at: At, message: string): void {
    this.add(at, message, 'warning');
  }

  map(...lines: string[]): void {
    for (const l of lines) if (this.mappedSet.size < MAX_NOTES) this.mappedSet.add(l);
  }

  /** Capped too: a hostile file can invent a new field name on every row. */
  drop(...lines: string[]): void {
    for (const l of lines) if (this.droppedSet.size < MAX_NOTES) this.droppedSet.add(l.slice(0, 200));
  }

  private add(at: At, message: string, severity: 'error' | 'warning'): void {
    const list = severity === 'error' ? this.errors : this.warnings;
    if (list.length >= LIMITS.maxImportProblems) {
      this.omittedCount[severity === 'error' ? 'errors' : 'warnings']++;
      return;
    }
    const place = at.row !== undefined ? `row ${at.row}` : at.line !== undefined ? `line ${at.line}` : '';
    const where = at.file !== undefined ? `${at.file}${place ? ` ${place}` : ''}: ` : place ? `${place}: ` : '';
    const problem: ImportProblem = { message: where + message, severity };
    if (at.file !== undefined) problem.file = at.file;
    if (at.line !== undefined) problem.line = at.line;
    if (at.row !== undefined) problem.row = at.row;
    list.push({ seq: this.seq++, problem });
  }

  /** Runs our validator over the built events, keeps the ones it accepts, reports the rest by row. */
  finish(
    meta: Omit<DatasetFile, 'format' | 'events' | 'categories'>,
    categories: Category[],
    built: { event: EventRecord; at: At }[],
    maxEvents: number = LIMITS.maxEvents,
  ): ImportResult {
    let dataset: DatasetFile | null = null;
    built = this.withoutDuplicates(built);
    if (built.length > 0) {
      const used = new Set(built.map((b) => b.event.category));
      const file: DatasetFile = {
        format: 'faultline/1',
        ...meta,
        categories: categories.filter((c) => used.has(c.id)),
        events: built.map((b) => b.event),
      };
      // An empty "updated" means "not given" (toJson omits it); the validator would call '' a bad date.
      const { updated, ...rest } = file;
      const checked = validateDataset(updated ? file : rest, maxEvents);
      for (const p of checked.problems) {
        const at = p.eventIndex !== undefined ? built[p.eventIndex]!.at : {};
        const field = p.eventIndex !== undefined ? p.pointer.replace(/^\/events\/\d+\/?/, '') : p.pointer;
        this.add(at, `${field ? `${field}: ` : ''}${p.message}`, p.severity);
      }
      if (checked.usable && checked.accepted.length > 0) {
        dataset = {
          ...file,
          categories: checked.meta.categories.filter((c) => used.has(c.id)),
          events: checked.accepted.map((a) => a.event),
        };
      }
    } else if (!this.hasFileError()) {
      this.add({}, 'no events could be imported', 'error');
    }
    const imported = dataset?.events.length ?? 0;
    return this.result(dataset, { total: this.total, imported, skipped: Math.max(0, this.total - imported) });
  }

  private result(dataset: DatasetFile | null, rows: ImportResult['rows']): ImportResult {
    const out: ImportResult = {
      dataset,
      rows,
      problems: this.problems,
      omitted: this.omitted,
      mapped: [...this.mappedSet],
      dropped: [...this.droppedSet],
    };
    if (this.dates) out.dates = this.dates;
    return out;
  }

  /** The first event with an id wins; later ones are reported with the row that has it. */
  private withoutDuplicates(built: { event: EventRecord; at: At }[]): { event: EventRecord; at: At }[] {
    const seen = new Map<string, At>();
    return built.filter(({ event, at }) => {
      const first = seen.get(event.id);
      if (!first) {
        seen.set(event.id, at);
        return true;
      }
      const where =
        (first.file !== undefined && first.file !== at.file ? `${first.file} ` : '') +
        (first.row !== undefined
          ? `row ${first.row}`
          : first.line !== undefined
            ? `line ${first.line}`
            : 'an earlier event');
      this.add(at, `duplicate id "${event.id}" (also ${where}); row skipped`, 'error');
      return false;
    });
  }

  /** The whole input is refused. */
  fail(message: string, at: At = {}): ImportResult {
    this.add(at, message, 'error');
    return this.result(null, { total: this.total, imported: 0, skipped: this.total });
  }
}

/**
 * A table lookup that sees only the table's own keys: a cell reading "constructor" or "toString"
 * must not find Object.prototype's function.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Lower-case ASCII words joined by '-': "Violence against civilians" → "violence-against-civilians". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  // Scripts with no Latin letters slug to nothing; a hash keeps distinct names distinct.
  return slug || (text.trim() ? `x${hash(text).toString(36)}` : '');
}

/** The source's id if it is already a valid id of ours, else a slug of it. */
export function cleanId(raw: string): string {
  const text = raw.trim();
  return ID_PATTERN.test(text) && text.length <= LIMITS.maxIdLength ? text : slugify(text);
}

/** FNV-1a: small, deterministic, and the same in every engine. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Okabe-Ito first (colour-blind safe), then darker tones; an id always gets the same colour. */
const PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#b2182b',
  '#7b3294',
  '#4d9221',
  '#8c510a',
  '#01665e',
  '#666666',
];

/** Categories met while importing, in order of first use, each with a colour from its id. */
export class CategoryBook {
  private readonly byId = new Map<string, Category>();

  constructor(private readonly fixedColors: Readonly<Record<string, string>> = {}) {}

  add(label: string, id = slugify(label)): string {
    if (!this.byId.has(id)) {
      this.byId.set(id, {
        id,
        label: label.trim() || id,
        color: lookup(this.fixedColors, id) ?? PALETTE[hash(id) % PALETTE.length]!,
      });
    }
    return id;
  }

  list(): Category[] {
    return [...this.byId.values()];
  }
}

/** Distinct, trimmed, non-empty parts of a joined list ("A; B; A" → ["A", "B"]). */
export function splitList(text: string | undefined, separator: string | RegExp = ';'): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(separator)) {
    const item = part.trim();
    if (item && !out.includes(item)) out.push(item.slice(0, LIMITS.maxTextLength));
  }
  return out;
}

/** Adds items not yet in the list (order kept). */
export function addDistinct(list: string[], ...items: string[]): void {
  for (const item of items) if (item && !list.includes(item)) list.push(item);
}

/** Cuts text at a limit the validator enforces, with a warning, rather than losing the event. */
export function fitText(log: ImportLog, at: At, field: string, text: string, limit: number): string {
  if (text.length <= limit) return text;
  log.warn(at, `${field} is ${text.length} characters long; cut to ${limit}`);
  return text.slice(0, limit - 1) + '…';
}

/** First sentence-ish of a text, for formats that have a description but no title. */
export function titleFrom(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.{20,}?[.!?])\s/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/**
 * An event with no citable link keeps the import file as its source. The url is the file name, not
 * a link, so the validator flags it and the app shows it as plain text: the gap stays visible.
 */
export function fileSource(publisher: string, fileName: string): Source {
  const name = fileName || 'the imported file';
  return { publisher, title: `imported from ${name}; the original gives no source link`, url: name };
}

/** Reads string-ish values from JSON records (numbers become text, null and objects become ''). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first part of a file, lower-cased, for cheap format detection. */
export function head(text: string, length = 4096): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1, length + 1) : text.slice(0, length)).toLowerCase();
}

/**
 * After a DateReader has seen every date: says how the order was settled (an ambiguous or mixed
 * file is an error of the whole file, with the rows it costs reported one by one as they are read).
 */
export function settleDates(log: ImportLog, reader: DateReader): void {
  const { errors, warnings } = reader.decide();
  for (const message of errors) log.error({}, message);
  for (const message of warnings) log.warn({}, message);
}

/** A row's date could not be read: the reason is logged and the row counted as skipped for its date. */
export function dateFailed(log: ImportLog, reader: DateReader, at: At, field: string, message: string): null {
  reader.skipped();
  log.error(at, `${field} ${message}; row skipped`);
  return null;
}

/**
 * A date cell in a format whose dates are meant to be ours (ISO): kept as written when our grammar
 * takes it, else read by the DateReader (a day and month in the file's order, a month written
 * out); a time without a zone keeps only its day, with a warning. Null when the row is skipped
 * (logged); text that is no kind of date is passed on for the validator to explain.
 */
export function readDateCell(log: ImportLog, reader: DateReader, at: At, field: string, cell: string): string | null {
  const text = cell.trim();
  const read = reader.read(text);
  if (read.ok) {
    if (read.time !== undefined)
      log.warn(at, `${field} '${text}' has a time but no time zone; only the day ${read.date} was kept`);
    return read.date;
  }
  if (read.ambiguous || /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/.test(text))
    return dateFailed(log, reader, at, field, read.message);
  return text;
}
