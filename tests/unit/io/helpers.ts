/** Shared by the importer tests: fixture reading and the checks every import result must pass. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { toJson } from '../../../src/lib/io/formats/export';
import type { ImportResult } from '../../../src/lib/io/formats/common';
import { loadDataset } from '../../../src/lib/model/dataset';
import type { EventRecord } from '../../../src/lib/model/types';

export const FIXTURES = 'tests/fixtures/import';

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}/${name}`, 'utf8');
}

/** "row 3: …" lines of one severity, in order. */
export function messages(result: ImportResult, severity: 'error' | 'warning'): string[] {
  return result.problems.filter((p) => p.severity === severity).map((p) => p.message);
}

/** The imported dataset, written as our JSON, loads with no errors; returns its warnings. */
export function expectLoads(result: ImportResult): string[] {
  expect(result.dataset).not.toBeNull();
  const loaded = loadDataset(toJson(result.dataset!), 'x');
  expect(loaded.ok).toBe(true);
  const problems = loaded.ok ? loaded.dataset.problems : loaded.problems;
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(loaded.ok && loaded.dataset.events.length).toBe(result.rows.imported);
  return problems.map((p) => p.message);
}

/** A result, not an exception, and no internal failure disguised as a problem. */
export function wellFormed(result: ImportResult): void {
  expect(Array.isArray(result.problems)).toBe(true);
  expect(Array.isArray(result.mapped) && Array.isArray(result.dropped)).toBe(true);
  expect(result.rows.imported).toBeLessThanOrEqual(result.rows.total);
  expect(result.rows.imported + result.rows.skipped).toBe(result.rows.total);
  expect(result.rows.imported).toBe(result.dataset?.events.length ?? 0);
  for (const p of result.problems) expect(p.message).not.toMatch(/^could not read the file/);
}

export function eventById(result: ImportResult, id: string): EventRecord {
  const event = result.dataset?.events.find((e) => e.id === id);
  if (!event) throw new Error(`no event ${id}; have ${result.dataset?.events.map((e) => e.id).join(', ')}`);
  return event;
}
