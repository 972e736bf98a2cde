/**
 * What every importer shares: the result shape, a problem log that names rows and lines, ids,
 * slugs, categories with stable colours, and the final pass through our own validator, so an
 * import never hands out an event that loadDataset would reject.
 */
import { LIMITS } from '../../model/limits';
import { validateDataset } from '../../model/validate';
import { ID_PATTERN } from '../../model/validate-event';
import type { Category, DatasetFile, EventRecord, Source } from '../../model/types';

export interface ImportProblem {
  line?: number;
  row?: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportResult {
  /** In our format, ready for toJson / loadDataset; null when nothing could be imported. */
  dataset: DatasetFile | null;
  rows: { total: number; imported: number; skipped: number };
  problems: ImportProblem[];
  /** What became what, e.g. "event_date → date". */
  mapped: string[];
  /** Source fields not kept, e.g. "timestamp". */
  dropped: string[];
}

export interface ImportOptions {
  /** Read "45,5" as 45.5. Off by default: a comma is more often a mistake than a locale. */
  decimalComma?: boolean;
  /** timemap DATE_FMT. */
  dateFormat?: 'MM/DD/YYYY' | 'M/D/YYYY' | 'DD/MM/YYYY';
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

/** Where a problem is: a data row (1-based) and/or the line of the file it starts on. */
export interface At {
  row?: number;
  line?: number;
}

/** A million bad cells must not become a million messages. */
const MAX_PROBLEMS = 500;
const MAX_NOTES = 100;

export class ImportLog {
  readonly problems: ImportProblem[] = [];
  private readonly mappedSet = new Set<string>();
  private readonly droppedSet = new Set<string>();
  private omitted = { errors: 0, warnings: 0 };
  total = 0;

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
    if (this.problems.length >= MAX_PROBLEMS) {
      this.omitted[severity === 'error' ? 'errors' : 'warnings']++;
      return;
    }
    const where = at.row !== undefined ? `row ${at.row}: ` : at.line !== undefined ? `line ${at.line}: ` : '';
    const problem: ImportProblem = { message: where + message, severity };
    if (at.line !== undefined) problem.line = at.line;
    if (at.row !== undefined) problem.row = at.row;
    this.problems.push(problem);
  }

  /** Runs our validator over the built events, keeps the ones it accepts, reports the rest by row. */
  finish(
    meta: Omit<DatasetFile, 'format' | 'events' | 'categories'>,
    categories: Category[],
    built: { event: EventRecord; at: At }[],
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
      const checked = validateDataset(updated ? file : rest);
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
    } else if (!this.problems.some((p) => p.severity === 'error' && p.row === undefined && p.line === undefined)) {
      this.add({}, 'no events could be imported', 'error');
    }
    if (this.omitted.errors + this.omitted.warnings > 0) {
      const n = this.omitted.errors + this.omitted.warnings;
      this.problems.push({
        severity: this.omitted.errors ? 'error' : 'warning',
        message: `…and ${n} more problem${n === 1 ? '' : 's'} not listed`,
      });
    }
    const imported = dataset?.events.length ?? 0;
    return {
      dataset,
      rows: { total: this.total, imported, skipped: Math.max(0, this.total - imported) },
      problems: this.problems,
      mapped: [...this.mappedSet],
      dropped: [...this.droppedSet],
    };
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
        first.row !== undefined
          ? `row ${first.row}`
          : first.line !== undefined
            ? `line ${first.line}`
            : 'an earlier event';
      this.add(at, `duplicate id "${event.id}" (also ${where}); row skipped`, 'error');
      return false;
    });
  }

  /** The whole input is refused. */
  fail(message: string, at: At = {}): ImportResult {
    this.add(at, message, 'error');
    return {
      dataset: null,
      rows: { total: this.total, imported: 0, skipped: this.total },
      problems: this.problems,
      mapped: [...this.mappedSet],
      dropped: [...this.droppedSet],
    };
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
