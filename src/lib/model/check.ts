import { pointerOf } from './json';
import type { Problem, Severity } from './problems';

/**
 * Collects problems while walking a parsed JSON value. Each check names the pointer it looked at,
 * so every message can later be placed at a line and column.
 */
export class Checker {
  readonly problems: Problem[] = [];
  eventIndex: number | undefined;

  report(path: ReadonlyArray<string | number>, message: string, severity: Severity = 'error'): void {
    const problem: Problem = { severity, pointer: pointerOf(path), message };
    if (this.eventIndex !== undefined) problem.eventIndex = this.eventIndex;
    this.problems.push(problem);
  }

  errorsSince(mark: number): number {
    let n = 0;
    for (let i = mark; i < this.problems.length; i++) if (this.problems[i]!.severity === 'error') n++;
    return n;
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 37)}…"` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A required or optional non-empty string, trimmed of nothing: the file's text is kept verbatim. */
export function checkString(
  c: Checker,
  obj: JsonObject,
  key: string,
  path: ReadonlyArray<string | number>,
  opts: { required: boolean; max: number; label?: string },
): string | undefined {
  const value = obj[key];
  // Fast path first: most fields are fine, and building paths for them costs allocations.
  if (typeof value === 'string' && value.length <= opts.max && (value.length > 0 || !opts.required) && /\S/.test(value))
    return value;
  const at = [...path, key];
  if (value === undefined || value === null) {
    if (opts.required) c.report(path, `missing "${key}"${opts.label ? ` (${opts.label})` : ''}`);
    return undefined;
  }
  if (typeof value !== 'string') {
    c.report(at, `"${key}" must be text, not ${describe(value)}`);
    return undefined;
  }
  if (value.trim() === '') {
    if (opts.required) c.report(at, `"${key}" is empty`);
    return opts.required ? undefined : value;
  }
  if (value.length > opts.max) {
    c.report(at, `"${key}" is ${value.length} characters long; the limit is ${opts.max}`);
    return undefined;
  }
  return value;
}

/** An optional list of non-empty, distinct strings. */
export function checkStringList(
  c: Checker,
  obj: JsonObject,
  key: string,
  path: ReadonlyArray<string | number>,
  max: { items: number; length: number },
): string[] | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.length <= max.items && isCleanList(value, max.length)) return value as string[];
  const at = [...path, key];
  if (!Array.isArray(value)) {
    c.report(at, `"${key}" must be a list of text, not ${describe(value)}`);
    return undefined;
  }
  if (value.length > max.items) {
    c.report(at, `"${key}" has ${value.length} entries; the limit is ${max.items}`);
    return undefined;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      c.report([...at, i], `each entry of "${key}" must be non-empty text, not ${describe(item)}`);
    } else if (item.length > max.length) {
      c.report([...at, i], `entry is ${item.length} characters long; the limit is ${max.length}`);
    } else if (seen.has(item)) {
      c.report([...at, i], `"${item}" is listed twice`, 'warning');
    } else {
      seen.add(item);
      out.push(item);
    }
  });
  return out;
}

/** Reports keys the format does not define: a typo ("sumary") should not pass silently. */
export function checkKnownKeys(
  c: Checker,
  obj: JsonObject,
  known: ReadonlySet<string>,
  path: ReadonlyArray<string | number>,
  what: string,
): void {
  for (const key of Object.keys(obj)) {
    if (!known.has(key)) c.report([...path, key], `unknown field "${key}" in ${what} (ignored)`, 'warning');
  }
}

/** True for a list of distinct, non-blank strings within the length limit: the common case. */
function isCleanList(values: Json[], maxLength: number): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string' || v.length > maxLength || !/\S/.test(v)) return false;
    for (let j = 0; j < i; j++) if (values[j] === v) return false;
  }
  return true;
}
