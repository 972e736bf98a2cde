import { buildColumns, type EventColumns } from './columns';
import { arrayStore, type EventStore } from './event-store';
import { buildMultiColumn, type MultiColumn } from './multi-column';
import type { StringTable } from './pack';
import type { RegionCodes, RegionColumns } from './regions';
import type { PackCheck } from './pack-verify';
import { packedStore } from './packed-store';
import { checkDepth, parseJson, positionFinder } from './json';
import { textKey } from './content-key';
import { hasRepeatedKey } from './json-repeats';
import { LIMITS } from './limits';
import { validateDataset, type RejectedEvent } from './validate';
import type { Problem } from './problems';
import type { DatasetFile, DatasetMeta, EventRecord } from './types';
import { captureLayout, type FileLayout } from './file-layout';

/** A JSON dataset read in the worker: its events (cloned across) and its columns (transferred). */
export interface DatasetParts {
  meta: DatasetMeta;
  events: EventRecord[];
  columns: EventColumns;
  actors: MultiColumn;
  tags: MultiColumn;
  places: MultiColumn;
  reporters: MultiColumn;
  endOrder: Uint32Array;
  contentKey: string;
  /** Event id → row, when the receiver built it while the events arrived (never sent by the worker). */
  rowById?: Map<string, number>;
  /** How the file was laid out (file-layout.ts), for a download that keeps it. */
  layout?: FileLayout;
  /** Region codes assigned in the worker (io/region-assign.ts); the page attaches their table. */
  regions?: RegionColumns;
}

/** An immutable, validated dataset: events in time order (row i of the columns is events[i]). */
export interface Dataset {
  readonly name: string;
  readonly meta: DatasetMeta;
  readonly events: EventStore;
  readonly columns: EventColumns;
  /** Actors and tags per row, as codes into sorted dictionaries. */
  readonly actors: MultiColumn;
  readonly tags: MultiColumn;
  /** Each located event's place name (one code, none when it has no location): the summary's top places. */
  readonly places: MultiColumn;
  /** Who reported each event's fatality figure (fatalities.by), none without one: whose figures the totals are. */
  readonly reporters: MultiColumn;
  /** A packed dataset's normalised search text per row (see pack-build.ts); null for one held as objects. */
  readonly packedSearch: StringTable | null;
  /**
   * Each row's country and admin-1 region (model/regions.ts: 0 none, else 1 + index into the
   * region table of `regions.key`). Absent when the dataset has no located event or the region
   * assets could not be loaded: the region facet and names are then not offered.
   */
  readonly regions?: RegionCodes;
  /** Rows sorted by end (ties by row), when the loader provided it; brushing builds it otherwise. */
  readonly endOrder?: Uint32Array;
  readonly rejected: readonly RejectedEvent[];
  readonly problems: readonly Problem[];
  /**
   * Stands for the content the dataset was read from (content-key.ts): what is stored for it (the
   * draft of edits) is keyed by this, never by the name alone. Absent for large packs, which are
   * not edited here.
   */
  readonly contentKey?: string;
  /**
   * How the JSON file it was read from was laid out ($schema, key and event order: file-layout.ts),
   * so a download writes it back the same way. Absent for imports and packs.
   */
  readonly layout?: FileLayout;
}

export type LoadResult =
  | { ok: true; dataset: Dataset }
  /** Nothing usable: the caller keeps whatever it showed before. */
  | { ok: false; name: string; problems: Problem[] };

/**
 * Text in, dataset out: parse with positions, validate, place every problem at line:column,
 * and build the columns once. Pure, so the app, the CLI and the tests share it.
 */
export function loadDataset(
  text: string,
  name: string,
  limits: { maxBytes: number; maxEvents: number } = { maxBytes: LIMITS.maxFileBytes, maxEvents: LIMITS.maxEvents },
): LoadResult {
  if (text.length > limits.maxBytes) {
    return {
      ok: false,
      name,
      problems: [
        {
          severity: 'error',
          pointer: '',
          // In MiB, the unit of every other size message (a file browser's MB), never 1e6 bytes.
          message: `the file is ${(text.length / 2 ** 20).toFixed(1)} MB; the limit is ${(limits.maxBytes / 2 ** 20).toFixed(0)} MB`,
        },
      ],
    };
  }
  const parsed = parse(text);
  if (!parsed.ok) return { ok: false, name, problems: [parsed.error] };
  const result = validateDataset(parsed.value, limits.maxEvents);
  const problems = [...parsed.warnings, ...result.problems];
  locate(text, problems, parsed.locate);
  if (!result.usable) return { ok: false, name, problems };
  const dataset = buildDataset(
    name,
    result.meta,
    result.accepted.map((a) => a.event),
    result.rejected,
    problems,
  );
  const layout = captureLayout(parsed.value, result.accepted);
  return { ok: true, dataset: { ...dataset, contentKey: textKey(text), layout } };
}

/** Files above this size skip the strict parser unless there are problems to place. */
const STRICT_PARSE_BYTES = 4 * 1024 * 1024;

type Parsed =
  | { ok: true; value: unknown; warnings: Problem[]; locate: ((pointer: string) => number) | null }
  | { ok: false; error: Problem };

/**
 * Small files go through our strict parser (exact positions, duplicate keys, reserved keys).
 * Large ones use the engine's JSON.parse, several times faster, after a depth pre-scan; the
 * strict parser then runs only to place problems, or to explain a syntax error.
 */
function parse(text: string): Parsed {
  if (text.length > STRICT_PARSE_BYTES) {
    try {
      // V8's JSON.parse is iterative: a nesting bomb cannot overflow the stack here; the
      // validator only walks the format's fixed shape, and the strict parser explains failures.
      const value = JSON.parse(text) as unknown;
      const deep = maxDepthExceeded(value, LIMITS.maxDepth) ? checkDepth(text, LIMITS.maxDepth) : null;
      if (deep) return { ok: false, error: { ...deep, position: positionFinder(text)(deep.offset) } };
      // The engine keeps a repeated key's last value without a word: when the file repeats one,
      // the strict parser reads it instead, and says where.
      if (!hasRepeatedKey(text, value)) return { ok: true, value, warnings: [], locate: null };
    } catch {
      // Fall through: the strict parser says where and why.
    }
  }
  const strict = parseJson(text, { maxDepth: LIMITS.maxDepth });
  if (!strict.ok) return { ok: false, error: { ...strict.error, position: positionFinder(text)(strict.error.offset) } };
  return { ok: true, value: strict.value, warnings: strict.warnings, locate: strict.locate };
}

/** Depth check on the parsed value, cheap because datasets are wide, not deep. */
function maxDepthExceeded(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** Adds line:column to each problem and sorts them in file order. */
function locate(text: string, problems: Problem[], known: ((pointer: string) => number) | null): void {
  if (problems.length === 0) return;
  let finder = known;
  if (!finder) {
    const strict = parseJson(text, { maxDepth: LIMITS.maxDepth });
    if (strict.ok) finder = strict.locate;
  }
  const where = positionFinder(text);
  for (const p of problems) {
    const offset = (p as Problem & { offset?: number }).offset ?? finder?.(p.pointer);
    if (offset !== undefined) p.position = where(offset);
  }
  problems.sort(
    (a, b) =>
      (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

export function buildDataset(
  name: string,
  meta: DatasetMeta,
  events: readonly EventRecord[],
  rejected: readonly RejectedEvent[] = [],
  problems: readonly Problem[] = [],
): Dataset {
  const { events: ordered, columns } = buildColumns(
    events,
    meta.categories.map((c) => c.id),
  );
  return {
    name,
    meta,
    events: arrayStore(ordered),
    columns,
    actors: buildMultiColumn(ordered.length, (r) => ordered[r]!.actors),
    tags: buildMultiColumn(ordered.length, (r) => ordered[r]!.tags),
    places: buildMultiColumn(ordered.length, (r) => placeOf(ordered[r]!)),
    reporters: buildMultiColumn(ordered.length, (r) => reporterOf(ordered[r]!)),
    packedSearch: null,
    rejected,
    problems,
  };
}

/** A dataset from a file object our validator has already passed (an importer's output): not checked again. */
export function datasetFromFile(name: string, file: DatasetFile, contentKey?: string): Dataset {
  const { title, description, license, updated, categories, stories } = file;
  // An importer's stories (a TimelineJS file's slides) come along with the meta.
  const meta = { title, description, license, updated: updated ?? '', categories, ...(stories ? { stories } : {}) };
  const dataset = buildDataset(name, meta, file.events);
  return { ...dataset, contentKey };
}

/** A dataset from the parts a worker laid out (events in row order, columns built). */
export function datasetFromParts(
  name: string,
  parts: DatasetParts,
  rejected: readonly RejectedEvent[] = [],
  problems: readonly Problem[] = [],
): Dataset {
  return {
    name,
    meta: parts.meta,
    events: arrayStore(parts.events, parts.rowById),
    columns: parts.columns,
    actors: parts.actors,
    tags: parts.tags,
    places: parts.places,
    reporters: parts.reporters,
    packedSearch: null,
    endOrder: parts.endOrder,
    rejected,
    problems,
    contentKey: parts.contentKey,
    ...(parts.layout ? { layout: parts.layout } : {}),
  };
}

/** A dataset over a verified pack's buffer: the columns are views into it, nothing is copied. */
export function datasetFromPack(
  name: string,
  pack: Extract<PackCheck, { ok: true }>,
  rejected: readonly RejectedEvent[] = [],
  problems: readonly Problem[] = [],
  contentKey?: string,
): Dataset {
  const { arrays: a, meta, header } = pack;
  const columns: EventColumns = {
    size: header.size,
    start: a.start,
    end: a.end,
    precision: a.precision,
    approximate: a.approximate,
    isRange: a.isRange,
    category: a.category,
    lat: a.lat,
    lon: a.lon,
    locationPrecision: a.locationPrecision,
    status: a.status,
    fatalMin: a.fatalMin,
    fatalMax: a.fatalMax,
  };
  return {
    name,
    meta,
    events: packedStore(a, meta, header),
    columns,
    actors: { values: header.actors, offsets: a.actorOffsets, codes: a.actorCodes },
    tags: { values: header.tags, offsets: a.tagOffsets, codes: a.tagCodes },
    places: { values: header.places, offsets: a.placeOffsets, codes: a.placeCodes },
    reporters: { values: header.reporters, offsets: a.reporterOffsets, codes: a.reporterCodes },
    packedSearch: { offsets: a.searchOffsets, bytes: a.searchBytes },
    endOrder: a.endOrder,
    rejected,
    problems,
    contentKey,
  };
}

/** A place as the summary counts it: its name, once per event. */
export function placeOf(e: EventRecord): readonly string[] | undefined {
  return e.location ? [e.location.name] : undefined;
}

/** Who gave an event's fatality figure, when it names someone. */
export function reporterOf(e: EventRecord): readonly string[] | undefined {
  return e.fatalities?.by ? [e.fatalities.by] : undefined;
}
