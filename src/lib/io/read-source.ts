/**
 * Any source of data → a dataset, or a report that says what is wrong and where. io only reads
 * and returns values; AppState.open is the one place that shows what comes back (with its load
 * token, progress and report), so every source is read, validated and reported the same way.
 */
import { datasetFromFile, datasetFromPack, datasetFromParts, loadDataset, type Dataset } from '../model/dataset';
import { textKey } from '../model/content-key';
import { LIMITS } from '../model/limits';
import { PACK_MAGIC } from '../model/pack';
import { viewVerifiedPack } from '../model/pack-verify';
import type { Problem } from '../model/problems';
import { fetchBytes } from './fetch-text';
import { detectImporter, type ImportProblem } from './formats';
import { faultline } from './formats/faultline';
import { loadBytesOffThread, prewarmLoader, PREWARM_AFTER_BYTES } from './worker-load';

/** Where data comes from. `name` is what the user knows it by; `origin` says where it came from. */
export type DataSource =
  /** The bundled dataset, ?data=, a hot reload: our JSON or a pack, downloaded with progress. */
  | { kind: 'url'; url: string; name: string; origin: string }
  /** A picked or dropped file, in any format the importers read. */
  | { kind: 'file'; file: File }
  /** Text in memory (a paste), in any format the importers read. */
  | { kind: 'text'; text: string; name: string; origin?: string }
  /** A dataset already built and checked (the editor's draft applied to the loaded data). */
  | { kind: 'edit'; dataset: Dataset };

/** The sources read without waiting: AppState.open answers them at once. */
export type InMemorySource = Extract<DataSource, { kind: 'text' | 'edit' }>;

/** What the import panel shows after a third-party format was read. */
export interface ImportReport {
  format: string;
  rows: { total: number; imported: number; skipped: number } | null;
  /** "row 3: …" / "line 12: …", at most LIMITS.maxReportedProblems of them. */
  problems: ImportProblem[];
  /** How many problems were not listed. */
  more: number;
  mapped: string[];
  dropped: string[];
}

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

/** Our own JSON above this size is read in the worker rather than on the page. */
const WORKER_JSON_BYTES = 1024 * 1024;

const nf = (n: number): string => n.toLocaleString('en-GB');

/** Checked before reading: a 2 GB file must not be read into memory only to be refused. */
export function sizeError(name: string, bytes: number, limit: number = LIMITS.maxFileBytes): string | null {
  if (bytes <= limit) return null;
  const mb = (n: number): string => (n / 2 ** 20).toFixed(n % 2 ** 20 ? 1 : 0);
  return `${name} is ${mb(bytes)} MB; the limit is ${mb(limit)} MB`;
}

/** The user-facing name of a source. */
export function sourceName(source: DataSource): string {
  switch (source.kind) {
    case 'url':
    case 'text':
      return source.name;
    case 'file':
      return source.file.name;
    case 'edit':
      return source.dataset.name;
  }
}

/** Reads a source. In-memory sources are answered at once; the others after their bytes arrive. */
export function readSource(source: InMemorySource, progress?: ReadProgress): Opened;
export function readSource(source: DataSource, progress?: ReadProgress): Opened | Promise<Opened>;
export function readSource(source: DataSource, progress: ReadProgress = () => {}): Opened | Promise<Opened> {
  switch (source.kind) {
    case 'edit': {
      const { dataset } = source;
      return { ok: true, dataset, origin: '', report: report(dataset.name, { ok: true }) };
    }
    case 'text':
      return withEvents(readText(source.text, source.name, source.origin ?? source.name));
    case 'url':
      return readUrl(source.url, source.name, source.origin, progress).then(withEvents);
    case 'file':
      return readFile(source.file, progress).then(withEvents);
  }
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

async function readUrl(url: string, name: string, origin: string, progress: ReadProgress): Promise<Opened> {
  let buffer: ArrayBuffer;
  try {
    buffer = await fetchBytes(url, {
      onprogress: (loaded, total) => {
        if (loaded > PREWARM_AFTER_BYTES) prewarmLoader();
        progress({ stage: 'download', loaded, total });
      },
    });
  } catch (error) {
    return failed(name, { error: `Could not load ${name}: ${(error as Error).message}` });
  }
  return readBytes(buffer, name, origin, progress);
}

/** A pack or our JSON, read in a worker when large. */
async function readBytes(buffer: ArrayBuffer, name: string, origin: string, progress: ReadProgress): Promise<Opened> {
  // User Timing marks: the benchmark measures "data arrived → interactive" from these.
  performance.mark('faultline:data-arrived');
  progress({ stage: 'read' });
  const result = await loadBytesOffThread(buffer, name);
  if (!result.ok) return failed(name, { error: `${name} could not be opened`, problems: result.problems });
  const dataset =
    result.kind === 'pack'
      ? datasetFromPack(name, viewVerifiedPack(result.pack), result.rejected, result.problems, result.contentKey)
      : datasetFromParts(name, result.parts, result.rejected, result.problems);
  return { ok: true, dataset, origin, report: report(name, { ok: true }) };
}

async function readFile(file: File, progress: ReadProgress): Promise<Opened> {
  const origin = `File: ${file.name}`;
  const unreadable = (error: unknown): Opened =>
    failed(file.name, { error: `${file.name} could not be read: ${(error as Error).message}` });
  let head: Uint8Array;
  try {
    head = new Uint8Array(await bytesOf(file.slice(0, 8192)));
  } catch (error) {
    return unreadable(error);
  }
  const packed = PACK_MAGIC.every((b, i) => head[i] === b);
  const tooBig = sizeError(file.name, file.size, packed ? LIMITS.maxPackBytes : LIMITS.maxFileBytes);
  if (tooBig) return failed(file.name, { error: tooBig });
  const ownJson =
    !packed && file.size > WORKER_JSON_BYTES && faultline.detect(new TextDecoder().decode(head), file.name);
  if (packed || ownJson) {
    let bytes: ArrayBuffer;
    try {
      bytes = await bytesOf(file);
    } catch (error) {
      return unreadable(error);
    }
    return readBytes(bytes, file.name, origin, progress);
  }
  let text: string;
  try {
    text = new TextDecoder().decode(await bytesOf(file));
  } catch (error) {
    return unreadable(error);
  }
  return readText(text, file.name, origin);
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

/**
 * Our JSON is parsed and validated; another format goes through its importer, whose last pass is
 * our validator, so its events become a dataset as they are (validated once, never re-parsed).
 */
function readText(text: string, name: string, origin: string): Opened {
  const tooBig = sizeError(name, text.length);
  if (tooBig) return failed(name, { error: tooBig });
  const importer = detectImporter(text, name);
  // Unrecognised JSON still goes to the loader: it says where the syntax or shape is wrong.
  if (!importer || importer.id === 'faultline') {
    if (!importer && !/^\s*[[{]/.test(text)) {
      return failed(name, {
        error: `could not tell the format of ${name}; expected Faultline JSON or CSV, GeoJSON, ACLED, UCDP, TimelineJS or timemap`,
      });
    }
    performance.mark('faultline:data-arrived');
    const result = loadDataset(text, name);
    if (!result.ok) return failed(name, { error: `${name} could not be opened`, problems: result.problems });
    return { ok: true, dataset: result.dataset, origin, report: report(name, { ok: true }) };
  }
  const result = importer.parse(text, name);
  const max = LIMITS.maxReportedProblems;
  const imported: ImportReport = {
    format: importer.label,
    rows: result.rows,
    problems: result.problems.slice(0, max),
    more: Math.max(0, result.problems.length - max),
    mapped: result.mapped,
    dropped: result.dropped,
  };
  if (!result.dataset) return failed(name, { error: `${name} could not be imported`, import: imported });
  const detail = `${importer.label}, ${nf(result.rows.imported)} rows imported, ${nf(result.rows.skipped)} skipped`;
  return {
    ok: true,
    dataset: datasetFromFile(name, result.dataset, textKey(text)),
    origin: `${origin} (${detail})`,
    report: report(name, { ok: true, import: imported }),
  };
}
