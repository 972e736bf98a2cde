/**
 * A file's bytes, in any format we read, to something the page can show: a pack passed through,
 * our JSON laid out in columns, another tool's format imported and laid out the same way. Pure and
 * synchronous: the load worker runs it (load-worker.ts) and small files run it in place
 * (worker-load.ts), so a 60 MB ACLED export is parsed off the page as our JSON is.
 */
import { bytesKey, textKey } from '../model/content-key';
import { datasetFromFile } from '../model/dataset';
import { LIMITS } from '../model/limits';
import { isPack } from '../model/pack';
import { packDataset } from '../model/pack-build';
import { loadJsonText, loadPack, partsOf, sizeMessage, type BytesResult } from '../model/load-bytes';
import { detectImporter, type ImportOptions, type ImportResult } from './formats';
import { columnarKind, COLUMNAR_LABEL, type ColumnarKind } from './formats/columnar-kind';
import { importTextFiles, mergeImports, type NamedResult } from './formats/multi';
import { importDetail, importReport, type ImportReport } from './import-report';

export interface ReadResult {
  result: BytesResult;
  /** A failure before the file's content was read (too large, an unknown format, a stopped read): the reason itself. */
  error?: string;
  /** Set when an importer ran (third-party formats), whether or not it succeeded. */
  import: ImportReport | null;
}

const fail = (message: string, imported: ImportReport | null = null): ReadResult => ({
  result: { ok: false, problems: [] },
  error: message,
  import: imported,
});

/** What the worker (or the page, for a small file) is asked to read: one file, or several as one import. */
export type ReadRequest =
  | { buffer: ArrayBuffer; name: string; options?: ImportOptions }
  | { files: { name: string; buffer: ArrayBuffer }[]; name: string; options?: ImportOptions };

/** Any request: a pack, our JSON, any importer's format, Parquet or Arrow (whose reader loads now), or several files. */
export function readRequest(request: ReadRequest): ReadResult | Promise<ReadResult> {
  if ('files' in request) return readFiles(request.files, request.name, request.options);
  const kind = columnarKind(new Uint8Array(request.buffer, 0, Math.min(16, request.buffer.byteLength)), request.name);
  if (kind) return readColumnar(request.buffer, request.name, kind, request.options);
  return readBytes(request.buffer, request.name, request.options);
}

export function readBytes(buffer: ArrayBuffer, name: string, options: ImportOptions = {}): ReadResult {
  const bytes = new Uint8Array(buffer);
  if (isPack(bytes)) return { result: loadPack(buffer, name), import: null };
  const kind = columnarKind(bytes.subarray(0, 16), name);
  if (kind) return fail(`${name} is ${COLUMNAR_LABEL[kind]}; it is read by readRequest`);
  // Checked before decoding, in the file's own unit: text formats are parsed into objects.
  const tooBig = sizeMessage(buffer.byteLength, LIMITS.maxFileBytes);
  if (tooBig) return fail(`${tooBig} (larger datasets load as a pack: npm run pack)`);
  return readText(new TextDecoder('utf-8').decode(bytes), name, options);
}

/** Text in any format we read; also the in-place path for text already in memory. */
export function readText(text: string, name: string, options: ImportOptions = {}): ReadResult {
  const importer = detectImporter(text, name);
  // Unrecognised JSON (by its first character or its name) still goes to the loader: it says
  // where the syntax or shape is wrong ("not JSON" at 1:1 for an HTML page served as .json).
  if (!importer || importer.id === 'faultline') {
    if (!importer && !/^\s*[[{]/.test(text) && !/\.json$/i.test(name)) {
      return fail(
        `could not tell the format of ${name}; expected Faultline JSON or CSV, GeoJSON, ACLED, UCDP, TimelineJS or timemap`,
      );
    }
    return { result: loadJsonText(text, name), import: null };
  }
  const parsed = importer.parse(text, name, options);
  return imported(importer.label, parsed, name, () => textKey(text));
}

/** Parquet or Arrow IPC: the reader is loaded now (its own chunk), then the rows are imported by their layout. */
async function readColumnar(
  buffer: ArrayBuffer,
  name: string,
  kind: ColumnarKind,
  options: ImportOptions = {},
): Promise<ReadResult> {
  const tooBig = sizeMessage(buffer.byteLength, LIMITS.maxColumnarBytes, `for ${COLUMNAR_LABEL[kind]}`);
  if (tooBig) return fail(tooBig);
  const { importColumnar } = await import('./formats/columnar');
  const { label, result } = await importColumnar(buffer, name, kind, options);
  return imported(label, result, name, () => bytesKey(new Uint8Array(buffer)));
}

/**
 * Several files as one import: a timemap export's parts joined, the others imported one by one
 * (Parquet and Arrow too), all merged into one dataset. Packs open on their own.
 */
export async function readFiles(
  files: readonly { name: string; buffer: ArrayBuffer }[],
  name: string,
  options: ImportOptions = {},
): Promise<ReadResult> {
  if (files.length > LIMITS.maxImportFiles)
    return fail(`${files.length} files were opened at once; the limit is ${LIMITS.maxImportFiles}`);
  const total = files.reduce((sum, f) => sum + f.buffer.byteLength, 0);
  const tooBig = sizeMessage(total, LIMITS.maxImportTotalBytes, 'for files opened together');
  if (tooBig) return fail(tooBig.replace('the file is', 'the files are'));
  const texts: { name: string; text: string }[] = [];
  const binary: NamedResult[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(file.buffer);
    if (isPack(bytes)) return fail(`${file.name} is a pack; a pack opens on its own, not with other files`);
    const kind = columnarKind(bytes.subarray(0, 16), file.name);
    if (kind) {
      const big = sizeMessage(bytes.byteLength, LIMITS.maxColumnarBytes, `for ${COLUMNAR_LABEL[kind]}`);
      if (big) return fail(`${file.name}: ${big}`);
      const { importColumnar } = await import('./formats/columnar');
      binary.push({ name: file.name, ...(await importColumnar(file.buffer, file.name, kind, options)) });
      continue;
    }
    const big = sizeMessage(bytes.byteLength, LIMITS.maxFileBytes);
    if (big) return fail(`${file.name}: ${big}`);
    texts.push({ name: file.name, text: new TextDecoder('utf-8').decode(bytes) });
  }
  const { label, result } = mergeImports([...importTextFiles(texts, options), ...binary]);
  return imported(label, result, name, () => textKey(texts.map((t) => `${t.name}\u0000${t.text}`).join('\u0000')));
}

/** An importer's result as something the page can show: objects up to the editable size, a pack above it. */
function imported(label: string, parsed: ImportResult, name: string, key: () => string): ReadResult {
  const imported = importReport({ label }, parsed);
  if (!parsed.dataset)
    return { result: { ok: false, problems: [] }, error: `${name} could not be imported`, import: imported };
  // The importer's last pass was our validator: its events become the dataset as they are. A large
  // one is not edited here, so its content is not hashed for a draft key.
  const small = parsed.dataset.events.length <= LIMITS.maxEditablePackEvents;
  const dataset = datasetFromFile(name, parsed.dataset, small ? key() : undefined);
  if (small) return { result: partsOf(dataset), import: imported };
  // A large import crosses to the page as a pack, viewed in place: as a quarter of a million
  // objects it took seconds to copy over and its garbage collections held the page for up to
  // half a second. Like any large pack it is edited at its source (or as downloaded JSON).
  const packed = packDataset(dataset);
  const buffer =
    packed.byteOffset === 0 && packed.byteLength === packed.buffer.byteLength ? packed.buffer : packed.slice().buffer;
  return { result: loadPack(buffer as ArrayBuffer, name), import: imported };
}

export { importDetail };
