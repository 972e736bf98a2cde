import { buildColumns, timeOrder, type EventColumns } from './columns';
import { parseJson, positionFinder } from './json';
import { LIMITS } from './limits';
import { validateDataset, type RejectedEvent } from './validate';
import type { Problem } from './problems';
import type { DatasetMeta, EventRecord } from './types';

/** An immutable, validated dataset: events in time order (row i of the columns is events[i]). */
export interface Dataset {
  readonly name: string;
  readonly meta: DatasetMeta;
  readonly events: readonly EventRecord[];
  readonly columns: EventColumns;
  readonly rowById: ReadonlyMap<string, number>;
  readonly rejected: readonly RejectedEvent[];
  readonly problems: readonly Problem[];
}

export type LoadResult =
  | { ok: true; dataset: Dataset }
  /** Nothing usable: the caller keeps whatever it showed before. */
  | { ok: false; name: string; problems: Problem[] };

/**
 * Text in, dataset out: parse with positions, validate, place every problem at line:column,
 * and build the columns once. Pure, so the app, the CLI and the tests share it.
 */
export function loadDataset(text: string, name: string): LoadResult {
  if (text.length > LIMITS.maxFileBytes) {
    return { ok: false, name, problems: [{ severity: 'error', pointer: '', message: `the file is ${(text.length / 1e6).toFixed(1)} MB; the limit is ${LIMITS.maxFileBytes / 1e6} MB` }] };
  }
  const where = positionFinder(text);
  const parsed = parseJson(text, { maxDepth: LIMITS.maxDepth });
  if (!parsed.ok) {
    return { ok: false, name, problems: [{ ...parsed.error, position: where(parsed.error.offset) }] };
  }
  const result = validateDataset(parsed.value);
  const problems: Problem[] = [
    ...parsed.warnings.map((w) => ({ ...w, position: where(w.offset) })),
    ...result.problems.map((p) => ({ ...p, position: where(parsed.locate(p.pointer)) })),
  ].sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
  if (!result.usable) return { ok: false, name, problems };
  return { ok: true, dataset: buildDataset(name, result.meta, result.accepted.map((a) => a.event), result.rejected, problems) };
}

export function buildDataset(
  name: string,
  meta: DatasetMeta,
  events: readonly EventRecord[],
  rejected: readonly RejectedEvent[] = [],
  problems: readonly Problem[] = [],
): Dataset {
  const ordered = timeOrder(events);
  const columns = buildColumns(ordered, meta.categories.map((c) => c.id));
  const rowById = new Map(ordered.map((e, row) => [e.id, row]));
  return { name, meta, events: ordered, columns, rowById, rejected, problems };
}
