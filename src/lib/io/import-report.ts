import { LIMITS } from '../model/limits';
import type { Importer, ImportProblem, ImportResult } from './formats';
import type { DateReport } from './formats/date-format-names';

/** What the import panel shows after a third-party format was read. */
export interface ImportReport {
  format: string;
  rows: { total: number; imported: number; skipped: number } | null;
  /**
   * Errors before warnings, at most LIMITS.maxReportedProblems: every skipped row's reason is
   * listed before any warning is, and what is not listed is counted below.
   */
  problems: ImportProblem[];
  /** How many problems were not listed (moreErrors + moreWarnings). */
  more: number;
  moreErrors: number;
  moreWarnings: number;
  mapped: string[];
  dropped: string[];
  /** How dates were read, when the format writes them with a day and a month in some order. */
  dates?: DateReport;
}

export function importReport(importer: Pick<Importer, 'label'>, result: ImportResult): ImportReport {
  const max = LIMITS.maxReportedProblems;
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity !== 'error');
  // A skipped row's reason must not hide behind warnings that were listed first.
  const listedErrors = errors.slice(0, max);
  const listedWarnings = warnings.slice(0, max - listedErrors.length);
  const moreErrors = errors.length - listedErrors.length + result.omitted.errors;
  const moreWarnings = warnings.length - listedWarnings.length + result.omitted.warnings;
  const report: ImportReport = {
    format: importer.label,
    rows: result.rows,
    problems: [...listedErrors, ...listedWarnings],
    more: moreErrors + moreWarnings,
    moreErrors,
    moreWarnings,
    mapped: result.mapped,
    dropped: result.dropped,
  };
  if (result.dates) report.dates = result.dates;
  return report;
}

/** "and 12 more errors and 2,569 more warnings not listed", or '' when everything is listed. */
export function notListed(report: Pick<ImportReport, 'moreErrors' | 'moreWarnings'>): string {
  const nf = (n: number): string => n.toLocaleString('en-GB');
  const parts: string[] = [];
  if (report.moreErrors) parts.push(`${nf(report.moreErrors)} more error${report.moreErrors === 1 ? '' : 's'}`);
  if (report.moreWarnings) parts.push(`${nf(report.moreWarnings)} more warning${report.moreWarnings === 1 ? '' : 's'}`);
  return parts.length ? `and ${parts.join(' and ')} not listed` : '';
}

/** "ACLED CSV export, 1,204 rows imported, 3 skipped": how the Data menu names the data's origin. */
export function importDetail(report: ImportReport): string {
  const nf = (n: number): string => n.toLocaleString('en-GB');
  const rows = report.rows;
  return rows ? `${report.format}, ${nf(rows.imported)} rows imported, ${nf(rows.skipped)} skipped` : report.format;
}
