/**
 * Bring-your-own-data: a file or pasted text → a dataset in the app. Every format goes through
 * the importer registry, and whatever comes out goes through AppState.loadText, so the same
 * validator guards all of them and a failed load keeps the data already shown.
 */
import { detectImporter, toJson, type ImportProblem } from './formats';
import { faultline } from './formats/faultline';
import { LIMITS } from '../model/limits';
import { PACK_MAGIC } from '../model/pack';

/** What the result panel shows after an import. */
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

export interface OpenOutcome {
  ok: boolean;
  /** Set when the importer ran (third-party formats), whether or not the load succeeded. */
  report: ImportReport | null;
  /** A message for failures that happen before validation (size, unknown format, unreadable file). */
  error: string | null;
}

/** The slice of AppState this module needs: keeps it testable without Svelte. */
export interface Loader {
  loadText(text: string, name: string, origin?: string): boolean;
  /** Packs and large JSON files: read off the main thread. */
  loadBytes?(buffer: ArrayBuffer, name: string, origin?: string): Promise<boolean>;
}

/** Our own JSON above this size is read in the worker rather than on the page. */
const WORKER_JSON_BYTES = 1024 * 1024;

const nf = (n: number): string => n.toLocaleString('en-GB');

/** Checked before reading: a 2 GB file must not be read into memory only to be refused. */
export function sizeError(name: string, bytes: number, limit: number = LIMITS.maxFileBytes): string | null {
  if (bytes <= limit) return null;
  const mb = (n: number): string => (n / 2 ** 20).toFixed(n % 2 ** 20 ? 1 : 0);
  return `${name} is ${mb(bytes)} MB; the limit is ${mb(limit)} MB`;
}

export async function openFile(app: Loader, file: File): Promise<OpenOutcome> {
  const origin = `File: ${file.name}`;
  let head: Uint8Array;
  try {
    head = new Uint8Array(await bytesOf(file.slice(0, 8192)));
  } catch (error) {
    return { ok: false, report: null, error: `${file.name} could not be read: ${(error as Error).message}` };
  }
  const packed = PACK_MAGIC.every((b, i) => head[i] === b);
  const tooBig = sizeError(file.name, file.size, packed ? LIMITS.maxPackBytes : LIMITS.maxFileBytes);
  if (tooBig) return { ok: false, report: null, error: tooBig };
  const ownJson =
    !packed && file.size > WORKER_JSON_BYTES && faultline.detect(new TextDecoder().decode(head), file.name);
  if ((packed || ownJson) && app.loadBytes) {
    try {
      return { ok: await app.loadBytes(await bytesOf(file), file.name, origin), report: null, error: null };
    } catch (error) {
      return { ok: false, report: null, error: `${file.name} could not be read: ${(error as Error).message}` };
    }
  }
  if (packed) return { ok: false, report: null, error: `${file.name} is a pack; this loader reads only text formats` };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, report: null, error: `${file.name} could not be read: ${(error as Error).message}` };
  }
  return openText(app, text, file.name, origin);
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

/** Our JSON loads as is; other formats are imported, then loaded from their canonical JSON. */
export function openText(app: Loader, text: string, name: string, origin: string): OpenOutcome {
  const tooBig = sizeError(name, text.length);
  if (tooBig) return { ok: false, report: null, error: tooBig };
  const importer = detectImporter(text, name);
  // Unrecognised JSON still goes to the loader: it says where the syntax or shape is wrong.
  if (!importer || importer.id === 'faultline') {
    if (!importer && !/^\s*[[{]/.test(text)) {
      return {
        ok: false,
        report: null,
        error: `could not tell the format of ${name}; expected Faultline JSON or CSV, GeoJSON, ACLED, UCDP, TimelineJS or timemap`,
      };
    }
    return { ok: app.loadText(text, name, origin), report: null, error: null };
  }
  const result = importer.parse(text, name);
  const max = LIMITS.maxReportedProblems;
  const report: ImportReport = {
    format: importer.label,
    rows: result.rows,
    problems: result.problems.slice(0, max),
    more: Math.max(0, result.problems.length - max),
    mapped: result.mapped,
    dropped: result.dropped,
  };
  if (!result.dataset) return { ok: false, report, error: `${name} could not be imported` };
  const detail = `${importer.label}, ${nf(result.rows.imported)} rows imported, ${nf(result.rows.skipped)} skipped`;
  return { ok: app.loadText(toJson(result.dataset), name, `${origin} (${detail})`), report, error: null };
}
