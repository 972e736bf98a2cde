import { LIMITS } from '../model/limits';
import type { Importer, ImportProblem, ImportResult } from './formats';

/** What the import panel shows after a third-party format was read. */
export interface ImportReport {
  format: string;
  rows: { total: number; imported: number; skipped: number } | null;
  /** Errors before warnings, at most LIMITS.maxReportedProblems. */
  problems: ImportProblem[];
  /** How many problems were not listed. */
  more: number;
  mapped: string[];
  dropped: string[];
}

export function importReport(importer: Importer, result: ImportResult): ImportReport {
  const max = LIMITS.maxReportedProblems;
  return {
    format: importer.label,
    rows: result.rows,
    // A skipped row's reason must not hide behind warnings that were listed first.
    problems: [
      ...result.problems.filter((p) => p.severity === 'error'),
      ...result.problems.filter((p) => p.severity !== 'error'),
    ].slice(0, max),
    more: Math.max(0, result.problems.length - max),
    mapped: result.mapped,
    dropped: result.dropped,
  };
}

/** "ACLED CSV export, 1,204 rows imported, 3 skipped": how the Data menu names the data's origin. */
export function importDetail(report: ImportReport): string {
  const nf = (n: number): string => n.toLocaleString('en-GB');
  const rows = report.rows;
  return rows ? `${report.format}, ${nf(rows.imported)} rows imported, ${nf(rows.skipped)} skipped` : report.format;
}
