import type { Dataset } from '../model/dataset';
import { normalizeText } from './text';

/**
 * Per-dataset lookup structures, built once when a dataset loads, so each filter change is a
 * scan over typed arrays rather than over event objects.
 */
export interface QueryIndex {
  readonly dataset: Dataset;
  /** Normalised searchable text per row: title, summary, place, actors, tags, sources. */
  readonly text: readonly string[];
  /** Distinct actors and tags, sorted, and each row's codes into them. */
  readonly actors: readonly string[];
  readonly tags: readonly string[];
  readonly actorCodes: readonly Uint32Array[];
  readonly tagCodes: readonly Uint32Array[];
  /** Longest span in the data: bounds the backwards search for ranges overlapping a window. */
  readonly maxDuration: number;
}

export function buildQueryIndex(dataset: Dataset): QueryIndex {
  const actors = distinct(dataset.events.flatMap((e) => e.actors ?? []));
  const tags = distinct(dataset.events.flatMap((e) => e.tags ?? []));
  const actorCode = new Map(actors.map((a, i) => [a, i]));
  const tagCode = new Map(tags.map((t, i) => [t, i]));
  const { start, end } = dataset.columns;
  let maxDuration = 0;
  for (let i = 0; i < start.length; i++) maxDuration = Math.max(maxDuration, end[i]! - start[i]!);
  return {
    dataset,
    text: dataset.events.map((e) =>
      normalizeText(
        [
          e.title,
          e.summary,
          e.location?.name ?? '',
          ...(e.actors ?? []),
          ...(e.tags ?? []),
          ...e.sources.flatMap((s) => [s.publisher, s.title, s.author ?? '']),
        ].join('\n'),
      ),
    ),
    actors,
    tags,
    actorCodes: dataset.events.map((e) => Uint32Array.from(e.actors ?? [], (a) => actorCode.get(a)!)),
    tagCodes: dataset.events.map((e) => Uint32Array.from(e.tags ?? [], (t) => tagCode.get(t)!)),
    maxDuration,
  };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en'));
}
