import type { Dataset } from '../model/dataset';
import { normalizeText } from './text';

/**
 * A many-valued column (actors, tags) in compressed sparse rows: row r's codes are
 * codes[offsets[r]] … codes[offsets[r + 1] - 1]. Two typed arrays instead of one array per row.
 */
export interface MultiColumn {
  /** Distinct values, sorted; codes index into it. */
  readonly values: readonly string[];
  readonly offsets: Uint32Array;
  readonly codes: Uint32Array;
}

/**
 * Per-dataset lookup structures, built once when a dataset loads, so each filter change is a
 * scan over typed arrays rather than over event objects.
 */
export interface QueryIndex {
  readonly dataset: Dataset;
  readonly actors: MultiColumn;
  readonly tags: MultiColumn;
  /** Longest span in the data: bounds the backwards search for ranges overlapping a window. */
  readonly maxDuration: number;
  /** Normalised searchable text per row (title, summary, place, actors, tags, sources), built on first search. */
  searchText(): readonly string[];
}

export function buildQueryIndex(dataset: Dataset): QueryIndex {
  const { start, end } = dataset.columns;
  let maxDuration = 0;
  for (let i = 0; i < start.length; i++) maxDuration = Math.max(maxDuration, end[i]! - start[i]!);
  let text: string[] | undefined;
  return {
    dataset,
    actors: multiColumn(dataset.events, (e) => e.actors),
    tags: multiColumn(dataset.events, (e) => e.tags),
    maxDuration,
    // Most sessions at 100k never search; normalising every event's text up front costs seconds.
    searchText: () => (text ??= dataset.events.map(searchableText)),
  };
}

function multiColumn(events: Dataset['events'], get: (e: Dataset['events'][number]) => readonly string[] | undefined): MultiColumn {
  const offsets = new Uint32Array(events.length + 1);
  for (let r = 0; r < events.length; r++) offsets[r + 1] = offsets[r]! + (get(events[r]!)?.length ?? 0);
  // One pass with codes in order of first appearance, then a remap so codes follow sorted values.
  const codeOf = new Map<string, number>();
  const codes = new Uint32Array(offsets[events.length]!);
  let k = 0;
  for (const e of events) {
    for (const v of get(e) ?? []) {
      let code = codeOf.get(v);
      if (code === undefined) codeOf.set(v, (code = codeOf.size));
      codes[k++] = code;
    }
  }
  const firstSeen = [...codeOf.keys()];
  const order = firstSeen.map((_, i) => i).sort((a, b) => firstSeen[a]!.localeCompare(firstSeen[b]!, 'en'));
  const remap = new Uint32Array(order.length);
  order.forEach((old, sorted) => (remap[old] = sorted));
  for (let i = 0; i < codes.length; i++) codes[i] = remap[codes[i]!]!;
  return { values: order.map((i) => firstSeen[i]!), offsets, codes };
}

/** The codes of one row, without allocating. */
export function forEachCode(column: MultiColumn, row: number, fn: (code: number) => void): void {
  for (let k = column.offsets[row]!; k < column.offsets[row + 1]!; k++) fn(column.codes[k]!);
}

function searchableText(e: Dataset['events'][number]): string {
  let text = `${e.title}\n${e.summary}\n${e.location?.name ?? ''}`;
  for (const a of e.actors ?? []) text += `\n${a}`;
  for (const t of e.tags ?? []) text += `\n${t}`;
  for (const s of e.sources) text += `\n${s.publisher}\n${s.title}\n${s.author ?? ''}`;
  return normalizeText(text);
}
