// npm run import -- --from <format> <input> -o <output.json> [options]
// Converts another tool's export into a Faultline dataset with the same importers the app uses,
// prints what was mapped and dropped and every problem as input:line: message, writes canonical
// JSON, then loads the result with the app's validator and prints its summary. Exits 1 when nothing
// could be imported (or the output does not load), 2 on a usage error.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importText, IMPORTERS, toJson, type ImportOptions } from '../src/lib/io/formats/index.ts';
import { loadDataset } from '../src/lib/model/dataset.ts';
import { countBySeverity, formatProblem } from '../src/lib/model/problems.ts';
import { terminalText } from './terminal-text.ts';

/** Every line goes through terminalText: file names, column names, cells and messages come from the data. */
const print = (line: string): void => console.log(terminalText(line));
const printError = (line: string): void => console.error(terminalText(line));
const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

const USAGE = `usage: npm run import -- --from <${IMPORTERS.map((i) => i.id).join('|')}> <input> -o <output.json>
options: --decimal-comma            read "45,5" as 45.5
         --date-format <fmt>        timemap dates: MM/DD/YYYY (default), M/D/YYYY or DD/MM/YYYY
         --utc-offset <±HH:MM|Z>    keep times of day that carry no zone, at this offset
         --delimiter <,|;|tab>      CSV delimiter (default: detected from the header)`;

function usage(message: string): never {
  // The message quotes an argument; USAGE is ours and keeps its line breaks.
  if (message) printError(message);
  console.error(USAGE);
  process.exit(2);
}

interface Args extends ImportOptions {
  input: string;
  output: string;
  format?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === '--from') args.format = value();
    else if (arg === '-o' || arg === '--output') args.output = value();
    else if (arg === '--decimal-comma') args.decimalComma = true;
    else if (arg === '--date-format') args.dateFormat = value() as Args['dateFormat'];
    else if (arg === '--utc-offset') args.utcOffset = value();
    else if (arg === '--delimiter') {
      const d = value();
      args.delimiter = d === 'tab' || d === '\\t' ? '\t' : (d as Args['delimiter']);
    } else if (arg === '-h' || arg === '--help') usage('');
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) usage('give exactly one input file');
  if (!args.output) usage('give the output file with -o');
  if (args.format && !IMPORTERS.some((i) => i.id === args.format)) usage(`unknown format "${args.format}"`);
  return { ...args, input: positional[0]!, output: args.output };
}

const args = parseArgs(process.argv.slice(2));
let text: string;
try {
  text = readFileSync(args.input, 'utf8');
} catch (error) {
  printError(`${args.input}: cannot read the file (${codeOf(error)})`);
  process.exit(1);
}

const result = importText(text, basename(args.input), args);
const list = (title: string, items: string[]): void => {
  if (!items.length) return;
  print(`${title}:`);
  for (const item of items) print(`  ${item}`);
};
list('mapped', result.mapped);
list('dropped', result.dropped);
for (const p of result.problems) {
  print(
    `${args.input}${p.line !== undefined ? `:${p.line}` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`,
  );
}
const { total, imported, skipped } = result.rows;
print(`rows: ${total} read, ${imported} imported, ${skipped} skipped`);
if (!result.dataset || imported === 0) {
  print('✖ nothing could be imported; no file written');
  process.exit(1);
}

const json = toJson(result.dataset);
try {
  writeFileSync(args.output, json);
} catch (error) {
  printError(`${args.output}: cannot write the file (${codeOf(error)})`);
  process.exit(1);
}
const loaded = loadDataset(json, args.output);
const problems = loaded.ok ? loaded.dataset.problems : loaded.problems;
// Warnings were already listed by the import; errors here would be a bug in an importer, so show them.
for (const p of problems) if (p.severity === 'error') print(formatProblem(args.output, p));
if (!loaded.ok)
  print('the output does not load in the app; split the input (for example by year or country) and import the parts');
const counts = countBySeverity(problems);
const events = loaded.ok ? loaded.dataset.events.length : 0;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
print(
  `${counts.errors || !loaded.ok ? '✖' : '✔'} wrote ${args.output}: ${plural(events, 'valid event')}, ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`,
);
process.exit(loaded.ok ? 0 : 1);
