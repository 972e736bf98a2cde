// npm run validate [files…]: checks datasets (default: every dataset in data/) with the same
// module the app uses, prints each problem as file:line:column /pointer: message, exits 1 on errors.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadDataset } from '../src/lib/model/dataset.ts';
import { countBySeverity, formatProblem } from '../src/lib/model/problems.ts';
import { terminalText } from './terminal-text.ts';

/** Every line goes through terminalText: file names, ids and values come from the data. */
const print = (line: string): void => console.log(terminalText(line));

function defaultFiles(): string[] {
  return readdirSync('data')
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => join('data', f));
}

const args = process.argv.slice(2);
const files = args.length ? args : defaultFiles();
let errors = 0;
let warnings = 0;
let events = 0;

for (const file of files) {
  const name = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    print(`${name}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    errors++;
    continue;
  }
  const result = loadDataset(text, name);
  const problems = result.ok ? result.dataset.problems : result.problems;
  for (const problem of problems) print(formatProblem(name, problem));
  const counts = countBySeverity(problems);
  errors += counts.errors;
  warnings += counts.warnings;
  if (result.ok) events += result.dataset.events.length;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
print(
  `${errors ? '✖' : '✔'} ${plural(files.length, 'file')}, ${plural(events, 'valid event')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
);
process.exit(errors ? 1 : 0);
