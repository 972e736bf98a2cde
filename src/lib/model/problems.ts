import type { TextPosition } from './json';

export type Severity = 'error' | 'warning';

/** One thing wrong with a dataset, located by JSON pointer and, once the text is known, line:column. */
export interface Problem {
  severity: Severity;
  pointer: string;
  message: string;
  /** Index of the event in the file's events array, when the problem belongs to one. */
  eventIndex?: number;
  position?: TextPosition;
}

/** `data/events.json:214:15 /events/12/date: "2021-02-30" is not a calendar date` */
export function formatProblem(file: string, problem: Problem): string {
  const where = problem.position ? `${file}:${problem.position.line}:${problem.position.column}` : file;
  const level = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where} ${problem.pointer || '/'}: ${level}${problem.message}`;
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}
