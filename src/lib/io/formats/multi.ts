/**
 * Several files opened at once. A timemap export's events, sources and associations files are
 * joined (timemap.ts); every other file is imported on its own; the results are merged into one
 * dataset: events in file order (an id met in an earlier file wins, the later row is reported),
 * categories by id (the first file's label and colour). Every problem names its file.
 */
import { LIMITS } from '../../model/limits';
import type { Category, DatasetFile, EventRecord } from '../../model/types';
import type { ImportOptions, ImportProblem, ImportResult } from './common';
import { detectImporter, importText, importerById } from './index';
import { importTimemapFiles, timemapRole, type TimemapFile } from './timemap';

export interface NamedResult {
  /** The file (or files, for a joined timemap export) it came from. */
  name: string;
  /** The importer's label. */
  label: string;
  result: ImportResult;
  /** True when the problems already name their files. */
  named?: boolean;
}

/** Text files: a timemap export's parts are joined, the others imported one by one. */
export function importTextFiles(
  files: readonly { name: string; text: string }[],
  options: ImportOptions & { format?: string } = {},
): NamedResult[] {
  const roles = files.map((f) => (options.format && options.format !== 'timemap' ? null : timemapRole(f.text)));
  const joined = roles.some((r) => r === 'sources' || r === 'associations');
  const out: NamedResult[] = [];
  if (joined) {
    const parts: TimemapFile[] = [];
    files.forEach((f, i) => {
      const role = roles[i];
      if (role) parts.push({ name: f.name, text: f.text, role });
    });
    out.push({
      name: parts.map((p) => p.name).join(', '),
      label: `timemap export (${parts.length} files joined)`,
      result: importTimemapFiles(parts, options),
      named: parts.length > 1,
    });
  }
  files.forEach((f, i) => {
    if (joined && roles[i]) return;
    const result = importText(f.text, f.name, options);
    out.push({ name: f.name, label: labelOf(f.text, f.name, options), result });
  });
  return out;
}

function labelOf(text: string, name: string, options: { format?: string }): string {
  const importer = options.format ? importerById(options.format) : detectImporter(text, name);
  return importer?.label ?? 'unknown format';
}

/** The results of several files as one import. */
export function mergeImports(parts: readonly NamedResult[]): { label: string; result: ImportResult } {
  if (parts.length === 1 && !parts[0]!.named && parts[0]!.result)
    return { label: parts[0]!.label, result: withFile(parts[0]!, false) };
  const problems: ImportProblem[] = [];
  const omitted = { errors: 0, warnings: 0 };
  const rows = { total: 0, imported: 0, skipped: 0 };
  const mapped: string[] = [];
  const dropped: string[] = [];
  const categories = new Map<string, Category>();
  const events: EventRecord[] = [];
  const firstFile = new Map<string, string>();
  const titles: string[] = [];
  let dates: ImportResult['dates'];
  for (const part of parts) {
    const result = withFile(part, true);
    problems.push(...result.problems);
    omitted.errors += result.omitted.errors;
    omitted.warnings += result.omitted.warnings;
    rows.total += result.rows.total;
    for (const line of result.mapped) if (!mapped.includes(line)) mapped.push(line);
    for (const line of result.dropped) if (!dropped.includes(line)) dropped.push(line);
    // The first file whose dates needed an order speaks for all: each was read with the same choice.
    if (result.dates && (!dates || (dates.how !== 'ambiguous' && dates.how !== 'mixed'))) dates = result.dates;
    const dataset = result.dataset;
    if (!dataset) continue;
    titles.push(dataset.title);
    for (const c of dataset.categories) if (!categories.has(c.id)) categories.set(c.id, c);
    for (const event of dataset.events) {
      const earlier = firstFile.get(event.id);
      if (earlier !== undefined) {
        rows.skipped++;
        if (problems.length < LIMITS.maxImportProblems)
          problems.push({
            severity: 'error',
            file: part.name,
            message: `${part.name}: duplicate id "${event.id}" (also in ${earlier}); event skipped`,
          });
        else omitted.errors++;
        continue;
      }
      firstFile.set(event.id, part.name);
      events.push(event);
    }
  }
  rows.imported = events.length;
  rows.skipped = rows.total - rows.imported;
  const label = [...new Set(parts.map((p) => p.label))].join(', ');
  let dataset: DatasetFile | null = null;
  if (events.length) {
    const first = parts.find((p) => p.result.dataset)!.result.dataset!;
    dataset = {
      ...first,
      title:
        parts.length > 1
          ? `${parts.length} files: ${parts.map((p) => p.name).join(', ')}`.slice(0, LIMITS.maxTitleLength)
          : first.title,
      description: titles.length > 1 ? `Imported from ${parts.map((p) => p.name).join(', ')}.` : first.description,
      categories: [...categories.values()],
      events,
    };
  }
  const out: ImportResult = { dataset, rows, problems, omitted, mapped, dropped };
  if (dates) out.dates = dates;
  return { label: parts.length > 1 ? `${parts.length} imports: ${label}` : label, result: out };
}

/** The part's problems, each naming its file (unless they do already, or the file is alone). */
function withFile(part: NamedResult, name: boolean): ImportResult {
  if (!name || part.named) return part.result;
  const problems = part.result.problems.map((p) => ({
    ...p,
    file: part.name,
    message: /^(row|line) \d+: /.test(p.message) ? `${part.name} ${p.message}` : `${part.name}: ${p.message}`,
  }));
  return { ...part.result, problems };
}
