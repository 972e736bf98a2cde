/**
 * Any source of data → a dataset, or a report that says what is wrong and where. io only reads
 * and returns values; AppState.open is the one place that shows what comes back (with its load
 * token, progress and report), so every source is read, validated and reported the same way.
 */
import { datasetFromPack, datasetFromParts, type Dataset } from '../model/dataset';
import { LIMITS } from '../model/limits';
import { loadJsonText, megabytes, type BytesResult } from '../model/load-bytes';
import { PACK_MAGIC } from '../model/pack';
import { viewVerifiedPack } from '../model/pack-verify';
import type { Problem } from '../model/problems';
import { fetchBytes } from './fetch-text';
import type { ImportOptions } from './formats';
import { columnarKind } from './formats/columnar-kind';
import { importDetail, type ImportReport } from './import-report';
import type { ReadResult } from './read-bytes';
import { isOurJsonText } from './sniff';

import { CANCELLED, prewarmLoader, PREWARM_AFTER_BYTES, readBytesOffThread, readFilesOffThread } from './worker-load';

export type { ImportReport } from './import-report';

/** Where data comes from. `name` is what the user knows it by; `origin` says where it came from. */
export type DataSource =
  /** The bundled dataset, ?data=, a hot reload: our JSON or a pack, downloaded with progress. */
  | { kind: 'url'; url: string; name: string; origin: string }
  /**
   * A picked or dropped file (or a paste, handed over as one), in any format the importers read;
   * `options` re-runs an import with a choice the result offered (a date format).
   */
  | { kind: 'file'; file: File; origin?: string; options?: ImportOptions }
  /** Several files picked or dropped together, read as one import (a timemap export's three files). */
  | { kind: 'files'; files: readonly File[]; origin?: string; options?: ImportOptions }
  /**
   * Text in memory, in our JSON (answered at once, with the model's loader). Other formats open as
   * a file (a paste is handed over as one), whose importers load with it.
   */
  | { kind: 'text'; text: string; name: string; origin?: string }
  /** A dataset already built and checked (the editor's draft applied to the loaded data). */
  | { kind: 'edit'; dataset: Dataset };

/** The sources read without waiting: AppState.open answers them at once. */
export type InMemorySource = Extract<DataSource, { kind: 'text' | 'edit' }>;

/** The same shape for every source, whether it opened or not. */
export interface OpenReport {
  name: string;
  ok: boolean;
  /** A failure before validation: size, unreadable file, unknown format, a failed download. */
  error: string | null;
  /**
   * A refused file's validation problems, each at its line and column where it has one. An opened
   * dataset carries its own (dataset.problems), which the problem list shows.
   */
  problems: readonly Problem[];
  /** Set when an importer ran (third-party formats), whether or not the open succeeded. */
  import: ImportReport | null;
}

export type Opened =
  { ok: true; dataset: Dataset; origin: string; report: OpenReport } | { ok: false; report: OpenReport };

/** Download and read progress, for the loading card and banner. */
export type ReadProgress = (progress: { stage: 'download' | 'read'; loaded?: number; total?: number | null }) => void;

export interface ReadOptions {
  progress?: ReadProgress;
  /** Ends a download or a read under way (the loading card's Cancel). */
  signal?: AbortSignal;
}

/** Checked before reading: a 2 GB file must not be read into memory only to be refused. */
export function sizeError(name: string, bytes: number, limit: number = LIMITS.maxFileBytes): string | null {
  if (bytes <= limit) return null;
  return `${name} is ${megabytes(bytes)} MB; the limit is ${megabytes(limit)} MB`;
}

/** The user-facing name of a source. */
export function sourceName(source: DataSource): string {
  switch (source.kind) {
    case 'url':
    case 'text':
      return source.name;
    case 'file':
      return source.file.name;
    case 'files':
      return filesName(source.files);
    case 'edit':
      return source.dataset.name;
  }
}

/** Reads a source. In-memory sources are answered at once; the others after their bytes arrive. */
export function readSource(source: InMemorySource, options?: ReadOptions): Opened;
export function readSource(source: DataSource, options?: ReadOptions): Opened | Promise<Opened>;
export function readSource(
  source: DataSource,
  { progress = () => {}, signal }: ReadOptions = {},
): Opened | Promise<Opened> {
  switch (source.kind) {
    case 'edit': {
      const { dataset } = source;
      return { ok: true, dataset, origin: '', report: report(dataset.name, { ok: true }) };
    }
    case 'text': {
      const tooBig = sizeError(source.name, source.text.length);
      if (tooBig) return failed(source.name, { error: tooBig });
      if (!isOurJsonText(source.text) && !/^\uFEFF?\s*[[{]/.test(source.text))
        return failed(source.name, {
          error: `${source.name} is not Faultline JSON; open other formats as a file, which reads every format`,
        });
      const read: ReadResult = { result: loadJsonText(source.text, source.name), import: null };
      const open = opened(read, source.name, source.origin ?? source.name);
      // Answered at once: regions as far as the lookup is already loaded (a paste beside the data shown).
      const r = regionCode;
      const assets = r?.regionAssets();
      return withEvents(
        open.ok && r
          ? { ...open, dataset: r.assignLoaded(open.dataset, assets ?? null, assets?.loadedTable ?? null) }
          : open,
      );
    }
    case 'url':
      return readUrl(source.url, source.name, source.origin, progress, signal).then(withEvents);
    case 'file':
      return readFile(source.file, source.origin ?? `File: ${source.file.name}`, progress, signal, source.options).then(
        withEvents,
      );
    case 'files': {
      const name = filesName(source.files);
      return readFiles(source.files, name, source.origin ?? `Files: ${name}`, progress, signal, source.options).then(
        withEvents,
      );
    }
  }
}

/** "events.csv, sources.csv and associations.csv" (at most three names, then a count). */
function filesName(files: readonly File[]): string {
  const names = files.map((f) => f.name);
  if (names.length <= 3)
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more files`;
}

/**
 * A file none of whose events can be shown (every one invalid, or no categories to put them in)
 * is refused like an unreadable one: opened, it would replace the data shown with nothing. Its
 * problems say why each event was left out. (The editor's dataset may be empty: that is an edit.)
 */
function withEvents(opened: Opened): Opened {
  if (!opened.ok || opened.dataset.events.length > 0) return opened;
  const { name, problems } = opened.dataset;
  return failed(name, { error: `${name} has no event that can be shown`, problems, import: opened.report.import });
}

function report(name: string, parts: Partial<OpenReport>): OpenReport {
  return { name, ok: false, error: null, problems: [], import: null, ...parts };
}

function failed(name: string, parts: Partial<OpenReport>): Opened {
  return { ok: false, report: report(name, parts) };
}

async function readUrl(
  url: string,
  name: string,
  origin: string,
  progress: ReadProgress,
  signal?: AbortSignal,
): Promise<Opened> {
  let buffer: ArrayBuffer;
  try {
    buffer = await fetchBytes(url, {
      signal,
      onprogress: (loaded, total) => {
        if (loaded > PREWARM_AFTER_BYTES) prewarmLoader();
        progress({ stage: 'download', loaded, total });
      },
    });
  } catch (error) {
    if (signal?.aborted) return failed(name, { error: `${name}: ${CANCELLED}` });
    return failed(name, { error: `Could not load ${name}: ${(error as Error).message}` });
  }
  return readBuffer(buffer, name, origin, progress, signal);
}

/** Any file's bytes, read in a worker when large (worker-load.ts), in place when small. */
async function readBuffer(
  buffer: ArrayBuffer,
  name: string,
  origin: string,
  progress: ReadProgress,
  signal?: AbortSignal,
  importOptions?: ImportOptions,
): Promise<Opened> {
  // User Timing marks: the benchmark measures "data arrived → interactive" from these.
  performance.mark('faultline:data-arrived');
  progress({ stage: 'read' });
  return openedWithRegions(
    await readBytesOffThread(buffer, name, { signal, ...(importOptions ? { importOptions } : {}) }),
    name,
    origin,
  );
}

/**
 * Several files: their number and total size are checked (from File.size) before any is read,
 * and each file's own limit too; then they are read as one import in the worker.
 */
async function readFiles(
  files: readonly File[],
  name: string,
  origin: string,
  progress: ReadProgress,
  signal?: AbortSignal,
  importOptions?: ImportOptions,
): Promise<Opened> {
  if (files.length > LIMITS.maxImportFiles)
    return failed(name, { error: `${files.length} files were opened at once; the limit is ${LIMITS.maxImportFiles}` });
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > LIMITS.maxImportTotalBytes)
    return failed(name, {
      error: `the files are ${megabytes(total)} MB together; the limit for files opened together is ${megabytes(LIMITS.maxImportTotalBytes)} MB`,
    });
  const buffers: { name: string; buffer: ArrayBuffer }[] = [];
  for (const file of files) {
    let head: Uint8Array;
    try {
      head = new Uint8Array(await bytesOf(file.slice(0, 16)));
    } catch (error) {
      return failed(name, { error: `${file.name} could not be read: ${(error as Error).message}` });
    }
    const tooBig = sizeError(file.name, file.size, limitFor(head, file.name));
    if (tooBig) return failed(name, { error: tooBig });
    try {
      buffers.push({ name: file.name, buffer: await bytesOf(file) });
    } catch (error) {
      return failed(name, { error: `${file.name} could not be read: ${(error as Error).message}` });
    }
  }
  performance.mark('faultline:data-arrived');
  progress({ stage: 'read' });
  return openedWithRegions(
    await readFilesOffThread(buffers, name, { signal, ...(importOptions ? { importOptions } : {}) }),
    name,
    origin,
  );
}

/** The size limit of a file, by its first bytes: packs, Parquet and Arrow, or text. */
function limitFor(head: Uint8Array, name: string): number {
  if (PACK_MAGIC.every((b, i) => head[i] === b)) return LIMITS.maxPackBytes;
  return columnarKind(head, name) ? LIMITS.maxColumnarBytes : LIMITS.maxFileBytes;
}

/** What the reader gave back, as a dataset to show or a report of why not. */
function opened({ result, error, import: imported }: ReadResult, name: string, origin: string): Opened {
  if (!result.ok) {
    if (error !== undefined)
      return failed(name, { error: error === CANCELLED ? `${name}: ${CANCELLED}` : error, import: imported });
    return failed(name, {
      error: `${name} could not be ${imported ? 'imported' : 'opened'}`,
      problems: result.problems,
      import: imported,
    });
  }
  const dataset = datasetOf(result, name);
  return {
    ok: true,
    dataset,
    origin: imported ? `${origin} (${importDetail(imported)})` : origin,
    report: report(name, { ok: true, import: imported }),
  };
}

/** opened, with the region codes the read assigned (or the pack carried) and their table. */
async function openedWithRegions(read: ReadResult, name: string, origin: string): Promise<Opened> {
  const open = opened(read, name, origin);
  if (!open.ok || !read.result.ok) return open;
  const r = (regionCode ??= await import('./region-assign'));
  return {
    ...open,
    dataset: await r.datasetWithRegions(open.dataset, r.regionColumnsOf(read.result), r.regionAssets()),
  };
}

/** The region code, once a read has loaded it (its own chunk). */
let regionCode: typeof import('./region-assign') | null = null;

function datasetOf(result: Extract<BytesResult, { ok: true }>, name: string): Dataset {
  return result.kind === 'pack'
    ? datasetFromPack(name, viewVerifiedPack(result.pack), result.rejected, result.problems, result.contentKey)
    : datasetFromParts(name, result.parts, result.rejected, result.problems);
}

async function readFile(
  file: File,
  origin: string,
  progress: ReadProgress,
  signal?: AbortSignal,
  importOptions?: ImportOptions,
): Promise<Opened> {
  let head: Uint8Array;
  try {
    head = new Uint8Array(await bytesOf(file.slice(0, 16)));
  } catch (error) {
    return failed(file.name, { error: `${file.name} could not be read: ${(error as Error).message}` });
  }
  // Checked before reading: a 2 GB file must not be read into memory only to be refused.
  const tooBig = sizeError(file.name, file.size, limitFor(head, file.name));
  if (tooBig) return failed(file.name, { error: tooBig });
  let bytes: ArrayBuffer;
  try {
    bytes = await bytesOf(file);
  } catch (error) {
    return failed(file.name, { error: `${file.name} could not be read: ${(error as Error).message}` });
  }
  return readBuffer(bytes, file.name, origin, progress, signal, importOptions);
}

/** Blob.arrayBuffer where there is one; FileReader elsewhere (older engines, jsdom). */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(blob);
  });
}
