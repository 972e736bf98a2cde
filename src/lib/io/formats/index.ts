/**
 * The importer registry. Each format is one module exporting an Importer; detection tries the
 * most specific signatures first (our own formats, then GeoJSON, then the third-party CSVs).
 */
import { acled } from './acled';
import { ImportLog, type ImportOptions, type ImportResult, type Importer } from './common';
import { faultline } from './faultline';
import { faultlineCsv } from './faultline-csv';
import { geojson } from './geojson';
import { timelinejs } from './timelinejs';
import { timemap } from './timemap';
import { ucdp } from './ucdp';

export type { At, ImportOptions, ImportProblem, ImportResult, Importer } from './common';
export { toCsv, toGeoJson, toJson, canonicalEvent } from './export';

/** In detection order. */
export const IMPORTERS: readonly Importer[] = [faultline, geojson, faultlineCsv, acled, ucdp, timelinejs, timemap];

export function importerById(id: string): Importer | undefined {
  return IMPORTERS.find((i) => i.id === id);
}

/** The first importer that recognises the text, or undefined. Never throws. */
export function detectImporter(text: string, fileName = ''): Importer | undefined {
  return IMPORTERS.find((importer) => {
    try {
      return importer.detect(text, fileName);
    } catch {
      return false;
    }
  });
}

/** Imports with a named format, or the detected one; a result with a problem when neither works. */
export function importText(
  text: string,
  fileName: string,
  options: ImportOptions & { format?: string } = {},
): ImportResult {
  const importer = options.format ? importerById(options.format) : detectImporter(text, fileName);
  if (!importer) {
    const known = IMPORTERS.map((i) => i.id).join(', ');
    return new ImportLog().fail(
      options.format
        ? `unknown format "${options.format}"; use one of ${known}`
        : `could not tell the format of ${fileName || 'the file'}; name it (${known})`,
    );
  }
  return importer.parse(text, fileName, options);
}
