import { downloadBlob } from '../io/download';
import type { ExportKind } from '../io/export-file';
import type { EventSource } from '../io/formats/export';
import type { Dataset } from '../model/dataset';
import { drain, type Steps } from '../model/steps';
import { runSliced } from './sliced';
import { formatNumber, t } from '../i18n/i18n.svelte';
import type { TextKey } from '../i18n/types';

/** Above this many events an export is written in slices, its progress shown; below, at once. */
export const SLICED_EXPORT_ABOVE = 5_000;
/** Text gathered before it goes into a Blob, so the page never holds the file as strings. */
const PART_CHARS = 1 << 18;
/** How often (events) the progress shown moves on. */
const PROGRESS_EVERY = 2_048;

export interface ExportProgress {
  kind: ExportKind;
  done: number;
  total: number;
}

/** The slice of AppState an export needs. */
export interface ExportHost {
  readonly dataset: Dataset | null;
  readonly visible: Uint32Array;
  notify(message: string): void;
}

export interface ExportOptions {
  /** Hands the file to the user (a download link by default). */
  save?: (blob: Blob, name: string) => void;
  slicedAbove?: number;
  partChars?: number;
  /** Whether the browser can read the file back (its last byte). */
  readable?: (blob: Blob) => Promise<boolean>;
}

const LABEL = {
  json: 'export.jsonFile',
  csv: 'export.csvFile',
  geojson: 'export.geojsonFile',
  all: 'export.datasetFile',
} as const satisfies Record<ExportKind, TextKey>;
/** What to do instead when the file is more than the browser will hold. */
const TOO_BIG = {
  json: 'export.fewerOrCsv',
  geojson: 'export.fewerOrCsv',
  csv: 'export.fewer',
  all: 'export.allAsCsv',
} as const satisfies Record<ExportKind, TextKey>;

/**
 * A download being written. A small export is written at once. A large one (a million events
 * took 34 s in one task and then failed: the file is longer than a string may be) is written a
 * slice per task, into Blob parts, with its progress shown and a way to give it up; the page
 * answers input meanwhile. It writes what was shown when it started, whatever is loaded later.
 */
export class ExportJob {
  progress = $state.raw<ExportProgress | null>(null);
  #stop: (() => void) | null = null;
  #host: ExportHost;
  #save: (blob: Blob, name: string) => void;
  #slicedAbove: number;
  #partChars: number;
  #readable: (blob: Blob) => Promise<boolean>;
  /** The export whose file is being checked; a newer start or a cancel replaces it. */
  #token: object | null = null;
  /** The export waiting for the writers' code (a chunk of its own); a cancel forgets it. */
  #pending = $state.raw<object | null>(null);

  constructor(host: ExportHost, options: ExportOptions = {}) {
    this.#host = host;
    this.#save = options.save ?? downloadBlob;
    this.#slicedAbove = options.slicedAbove ?? SLICED_EXPORT_ABOVE;
    this.#partChars = options.partChars ?? PART_CHARS;
    this.#readable = options.readable ?? readable;
  }

  /**
   * Writes and downloads an export; `saved` runs once the file is handed to the browser. One at
   * a time: while one is written (or checked) a second press does nothing, rather than start over.
   * The promise settles once the writing has begun (the writers' code loads on the first export).
   */
  start(kind: ExportKind, saved?: () => void): Promise<void> {
    if (this.#stop || this.#token || this.#pending) return Promise.resolve();
    const dataset = this.#host.dataset;
    if (!dataset) return Promise.resolve();
    // What was shown at the press is written, whatever changes while the writers load.
    const visible = this.#host.visible.slice();
    const pending = (this.#pending = {});
    return loadWriters().then(
      (writers) => {
        if (this.#pending !== pending) return;
        this.#pending = null;
        this.#write(writers, dataset, visible, kind, saved);
      },
      (error: unknown) => {
        if (this.#pending !== pending) return;
        this.#pending = null;
        const reason = error instanceof Error ? error.message : String(error);
        this.#host.notify(t('export.failed', { file: t(LABEL[kind]), reason }));
      },
    );
  }

  #write(writers: Writers, dataset: Dataset, visible: Uint32Array, kind: ExportKind, saved?: () => void): void {
    const { EXPORT_MIME, exportFileName, exportSource, exportSteps } = writers;
    const unreadable: string[] = [];
    const source = exportSource(dataset, visible, kind, (id) => unreadable.push(id));
    const total = source.count;
    const blobs: Blob[] = [];
    let parts: string[] = [];
    let chars = 0;
    const sink = (text: string): void => {
      parts.push(text);
      chars += text.length;
      if (chars < this.#partChars) return;
      blobs.push(new Blob(parts));
      parts = [];
      chars = 0;
    };
    let failure: unknown = null;
    const fail = (reason: string): void => {
      this.progress = null;
      this.#host.notify(t('export.failed', { file: t(LABEL[kind]), reason }));
    };
    const finish = (): void => {
      this.#stop = null;
      if (failure !== null) return fail(failure instanceof Error ? failure.message : String(failure));
      let blob: Blob;
      try {
        blob = new Blob([...blobs, ...parts], { type: EXPORT_MIME[kind] });
      } catch (error) {
        return fail(error instanceof Error ? error.message : String(error));
      }
      if (this.progress) this.progress = { kind, done: total, total };
      const token = (this.#token = {});
      // The browser keeps a Blob's bytes within a quota (in a private window, in memory only): one
      // over it is created but cannot be read, and its download would fail without a word.
      void this.#readable(blob).then((ok) => {
        if (token !== this.#token) return;
        this.#token = null;
        this.progress = null;
        if (!ok) return fail(t('export.tooBig', { size: megabytes(blob.size), advice: t(TOO_BIG[kind]) }));
        this.#save(blob, exportFileName(dataset.meta.title, kind));
        if (unreadable.length) this.#host.notify(leftOut(unreadable));
        saved?.();
      });
    };
    const steps = (events: EventSource): Steps<void> =>
      guarded(exportSteps(dataset, events, kind, sink), (error) => (failure = error));
    if (total <= this.#slicedAbove) {
      drain(steps(source));
      finish();
      return;
    }
    const counted = {
      count: total,
      at: (i: number) => {
        if (i % PROGRESS_EVERY === 0) this.progress = { kind, done: i, total };
        return source.at(i);
      },
    };
    this.progress = { kind, done: 0, total };
    this.#stop = runSliced(steps(counted), finish);
  }

  /** Whether an export is being written or checked, or waits for the writers' code. */
  get busy(): boolean {
    return this.progress !== null || this.#pending !== null;
  }

  /** Gives up the export under way; nothing is downloaded. */
  cancel(): void {
    this.#stop?.();
    this.#stop = null;
    this.#token = null;
    this.#pending = null;
    this.progress = null;
  }
}

type Writers = typeof import('../io/export-file');
let writers: Promise<Writers> | null = null;
/** The file writers load on the first export: no one needs them to see the data. */
const loadWriters = (): Promise<Writers> => (writers ??= import('../io/export-file'));

function readable(blob: Blob): Promise<boolean> {
  if (blob.size === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(true);
    reader.onerror = () => resolve(false);
    reader.readAsArrayBuffer(blob.slice(blob.size - 1));
  });
}

/** "2 events could not be read from the data and were left out of the file: e1, e7." */
function leftOut(ids: readonly string[]): string {
  const n = ids.length;
  const listed = ids.slice(0, 5).join(', ') + (n > 5 ? ` ${t('problems.more', { count: n - 5 })}` : '');
  return t('export.leftOut', { count: n, ids: listed });
}

const megabytes = (bytes: number): string => formatNumber(Math.round(bytes / 2 ** 20));

/** The steps, with a failure handed to `failed` instead of thrown (out of a task, or out of start). */
function* guarded(steps: Steps<void>, failed: (error: unknown) => void): Steps<void> {
  try {
    yield* steps;
  } catch (error) {
    failed(error ?? new Error('unknown error'));
  }
}
