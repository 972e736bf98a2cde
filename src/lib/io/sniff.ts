/**
 * What a file is, from its first bytes, without the importers: a pack or our own JSON is read by
 * the model's loader at once; every other format (the importers, Parquet and Arrow) is read by
 * read-bytes.ts, which the page loads only when such a file is opened (the load worker has it
 * always). This keeps the importers out of the app's first load.
 */
import { isPack } from '../model/pack';

/** Our JSON names its format near the top; our GeoJSON export carries the same line inside "faultline:meta". */
export function isOurJsonText(text: string): boolean {
  const head = text.slice(0, 8192);
  return (
    /^\uFEFF?\s*\{/.test(head) &&
    /"format"\s*:\s*"faultline\/1"/.test(head) &&
    !/"type"\s*:\s*"FeatureCollection"/i.test(head)
  );
}

/** A pack, or our JSON: what the model's loadBytes reads without any importer. */
export function isModelReadable(bytes: Uint8Array): boolean {
  if (isPack(bytes)) return true;
  return isOurJsonText(new TextDecoder('utf-8').decode(bytes.subarray(0, 8192)));
}
