/**
 * Our own JSON format: nothing to translate, so the importer is the validator with the results
 * put in import terms (rows, problems with lines). Events keep their file order, unlike
 * loadDataset, which sorts them by time for the views.
 */
import { FORMAT_ID, type DatasetFile } from '../../model/types';
import { validateDataset } from '../../model/validate';
import { head, ImportLog, isRecord, type Importer } from './common';
import { readJson } from './json-input';

export const faultline: Importer = {
  id: 'faultline',
  label: 'Faultline JSON',
  extensions: ['json'],
  detect(text) {
    const top = head(text, 8192);
    // Our GeoJSON export carries "format": "faultline/1" inside its "faultline:meta" member.
    return /"format"\s*:\s*"faultline\/1"/.test(top) && !/"type"\s*:\s*"featurecollection"/.test(top);
  },
  parse(text, _fileName, options = {}) {
    const log = new ImportLog();
    try {
      if (options.dateFormat)
        log.warn(
          {},
          `dates in Faultline JSON are ISO 8601 by definition; the date format ${options.dateFormat} does not apply`,
        );
      const json = readJson(text);
      if (!json.ok) return log.fail(`not valid JSON: ${json.message}`, json.line ? { line: json.line } : {});
      const events = isRecord(json.value) && Array.isArray(json.value.events) ? json.value.events : [];
      log.total = events.length;
      for (const w of json.warnings) log.warn({ line: w.line }, w.message);
      const result = validateDataset(json.value);
      for (const p of result.problems) {
        const line = json.lineOf(p.pointer);
        const at = {
          ...(p.eventIndex !== undefined ? { row: p.eventIndex + 1 } : {}),
          ...(line !== undefined ? { line } : {}),
        };
        const say = `${p.pointer || '/'}: ${p.message}`;
        if (p.severity === 'error') log.error(at, say);
        else log.warn(at, say);
      }
      log.map('every field → itself (our own format, validated)');
      if (!result.usable || result.accepted.length === 0) return log.fail('no events could be imported');
      const dataset: DatasetFile = { format: FORMAT_ID, ...result.meta, events: result.accepted.map((a) => a.event) };
      if (isRecord(json.value) && typeof json.value.$schema === 'string') dataset.$schema = json.value.$schema;
      return {
        dataset,
        rows: {
          total: events.length,
          imported: result.accepted.length,
          skipped: events.length - result.accepted.length,
        },
        problems: log.problems,
        omitted: log.omitted,
        mapped: ['every field → itself (our own format, validated)'],
        dropped: result.problems.some((p) => p.message.startsWith('unknown field'))
          ? ['unknown fields (listed as warnings)']
          : [],
      };
    } catch (error) {
      return log.fail(`could not read the file: ${String(error)}`);
    }
  },
};
