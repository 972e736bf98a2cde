/**
 * The pure half of the draft: how edits apply to a loaded dataset, how they are written to and
 * read back from storage, and the two-slot store that never overwrites the last good snapshot.
 */
import { buildDataset, type Dataset } from '../model/dataset';
import { Checker, type Json } from '../model/check';
import { validateEvent } from '../model/validate-event';
import type { DatasetMeta, EventRecord } from '../model/types';
import type { Story } from '../model/story';
import { readStoredStories } from './draft-stories';

/** Event id → its new record, or null when the loaded event is deleted. Replaced whole, never mutated. */
export type Changes = ReadonlyMap<string, EventRecord | null>;

/**
 * Everything a draft holds: the event edits, and the dataset's stories as written in the story
 * editor (null while they are the loaded dataset's own). One undo step holds both.
 */
export interface DraftEdits {
  readonly changes: Changes;
  readonly stories: readonly Story[] | null;
}

export interface Snapshot {
  version: 1;
  /** The dataset the edits belong to (its name). */
  dataset: string;
  changes: [string, EventRecord | null][];
  /** The stories as edited; absent while they are the loaded dataset's own. */
  stories?: Story[];
  savedAt: number;
  /** True when the edits have been downloaded since the last change. */
  savedToFile: boolean;
}

/** The loaded dataset with the edits on top, rebuilt (events are immutable; the base is untouched). */
export function applyChanges(base: Dataset, changes: Changes, stories: readonly Story[] | null = null): Dataset {
  if (changes.size === 0 && stories === null) return base;
  const meta = stories === null ? base.meta : withStories(base.meta, stories);
  // Stories alone change no event: the columns and indexes are the loaded ones.
  if (changes.size === 0) return { ...base, meta };
  const kept = base.events.toArray().filter((e) => !changes.has(e.id));
  const edited = [...changes.values()].filter((e): e is EventRecord => e !== null);
  const dataset = buildDataset(base.name, meta, [...kept, ...edited], base.rejected, base.problems);
  // Every row's country and region again, the edited rows' from their new places (model/regions.ts).
  const from = base.regions;
  const regions = from?.assign ? { ...from, ...from.assign(dataset.columns) } : undefined;
  // Still the loaded content with edits on top: its draft stays where it was, and a download
  // keeps the loaded file's layout (file-layout.ts).
  return {
    ...dataset,
    ...(regions ? { regions } : {}),
    contentKey: base.contentKey,
    ...(base.layout ? { layout: base.layout } : {}),
  };
}

/** The meta with these stories; none leaves the key out, as a file without stories has it. */
export function withStories(meta: DatasetMeta, stories: readonly Story[]): DatasetMeta {
  const { stories: _loaded, ...rest } = meta;
  return stories.length ? { ...rest, stories: [...stories] } : rest;
}

/**
 * How many stories differ between the loaded ones and the edited ones (added, changed or
 * removed, by id): what a story edit adds to the draft's count of edits.
 */
export function storyEdits(loaded: readonly Story[], edited: readonly Story[] | null): number {
  if (edited === null) return 0;
  const before = new Map(loaded.map((s) => [s.id, JSON.stringify(s)]));
  let n = 0;
  for (const story of edited) if (before.get(story.id) !== JSON.stringify(story)) n++;
  const kept = new Set(edited.map((s) => s.id));
  for (const id of before.keys()) if (!kept.has(id)) n++;
  return n;
}

/** Where a dataset's draft is stored: by its name and its content (model/content-key.ts). */
export function draftKey(name: string, contentKey: string): string {
  return `faultline:draft:${name}#${contentKey}`;
}

export function serialise(snapshot: Snapshot): string {
  return JSON.stringify(snapshot);
}

/**
 * Storage is outside our control (another tab, an older version, a hand edit): every restored
 * event goes through the validator again, and anything that fails is left out.
 */
export function parseSnapshot(text: string | null, dataset: string, categories: ReadonlySet<string>): Snapshot | null {
  const snapshot = parseEvents(text, dataset, categories);
  if (!snapshot || !text) return snapshot;
  // Stories are read again with the dataset's validator; stories that fail are left as loaded.
  const stories = readStoredStories((JSON.parse(text) as { stories?: unknown }).stories, categories);
  return stories ? { ...snapshot, stories } : snapshot;
}

function parseEvents(text: string | null, dataset: string, categories: ReadonlySet<string>): Snapshot | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const s = raw as Partial<Snapshot> | null;
  if (!s || s.version !== 1 || s.dataset !== dataset || !Array.isArray(s.changes)) return null;
  const changes: [string, EventRecord | null][] = [];
  for (const entry of s.changes as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
    const [id, value] = entry as [string, unknown];
    if (value === null) {
      changes.push([id, null]);
      continue;
    }
    const event = validateEvent(new Checker(), value as Json, [], categories);
    if (event && event.id === id) changes.push([id, event]);
  }
  return { version: 1, dataset, changes, savedAt: Number(s.savedAt) || 0, savedToFile: s.savedToFile === true };
}

/** The storage the draft writes to; storage.ts in the app, a fake in tests. */
export interface KeyValue {
  read(key: string): string | null;
  /** False when the value could not be kept (no storage, quota). */
  write(key: string, value: string): boolean;
  remove(key: string): void;
}

/**
 * Two slots and a pointer: a snapshot is written to the slot not in use, and only once that
 * succeeded does the pointer swap to it. A failed or interrupted write (quota, a closed tab)
 * leaves the previous good snapshot where the pointer says.
 */
export class SlotStore {
  constructor(
    private readonly kv: KeyValue,
    private readonly key: string,
  ) {}

  private get current(): '0' | '1' {
    return this.kv.read(`${this.key}:slot`) === '1' ? '1' : '0';
  }

  save(text: string): boolean {
    const next = this.current === '0' ? '1' : '0';
    if (!this.kv.write(`${this.key}:${next}`, text)) return false;
    return this.kv.write(`${this.key}:slot`, next);
  }

  /** The current snapshot, then the previous one: the caller takes the first that parses. */
  candidates(): (string | null)[] {
    const current = this.current;
    return [this.kv.read(`${this.key}:${current}`), this.kv.read(`${this.key}:${current === '0' ? '1' : '0'}`)];
  }

  clear(): void {
    for (const suffix of ['slot', '0', '1']) this.kv.remove(`${this.key}:${suffix}`);
  }
}
