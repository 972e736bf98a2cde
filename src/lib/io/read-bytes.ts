/**
 * A file's bytes, in any format we read, to something the page can show: a pack passed through,
 * our JSON laid out in columns, another tool's format imported and laid out the same way. Pure and
 * synchronous: the load worker runs it (load-worker.ts) and small files run it in place
 * (worker-load.ts), so a 60 MB ACLED export is parsed off the page as our JSON is.
 */
import { textKey } from '../model/content-key';
import { datasetFromFile } from '../model/dataset';
import { LIMITS } from '../model/limits';
import { isPack } from '../model/pack';
import { packDataset } from '../model/pack-build';
import { loadJsonText, loadPack, partsOf, sizeMessage, type BytesResult } from '../model/load-bytes';
import { detectImporter } from './formats';
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

export function readBytes(buffer: ArrayBuffer, name: string): ReadResult {
  const bytes = new Uint8Array(buffer);
  if (isPack(bytes)) return { result: loadPack(buffer, name), import: null };
  // Checked before decoding, in the file's own unit: text formats are parsed into objects.
  const tooBig = sizeMessage(buffer.byteLength, LIMITS.maxFileBytes);
  if (tooBig) return fail(`${tooBig} (larger datasets load as a pack: npm run pack)`);
  return readText(new TextDecoder('utf-8').decode(bytes), name);
}

/** Text in any format we read; also the in-place path for text already in memory. */
export function readText(text: string, name: string): ReadResult {
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
  const parsed = importer.parse(text, name);
  const imported = importReport(importer, parsed);
  if (!parsed.dataset)
    return { result: { ok: false, problems: [] }, error: `${name} could not be imported`, import: imported };
  // The importer's last pass was our validator: its events become the dataset as they are.
  const dataset = datasetFromFile(name, parsed.dataset, textKey(text));
  if (dataset.events.length <= LIMITS.maxEditablePackEvents) return { result: partsOf(dataset), import: imported };
  // A large import crosses to the page as a pack, viewed in place: as a quarter of a million
  // objects it took seconds to copy over and its garbage collections held the page for up to
  // half a second. Like any large pack it is edited at its source (or as downloaded JSON).
  const packed = packDataset(dataset);
  const buffer =
    packed.byteOffset === 0 && packed.byteLength === packed.buffer.byteLength ? packed.buffer : packed.slice().buffer;
  return { result: loadPack(buffer as ArrayBuffer, name), import: imported };
}

export { importDetail };
