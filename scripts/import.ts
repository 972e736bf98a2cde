// npm run import -- [--from <format>] <input>... -o <output.json> [options]
// Converts other tools' exports into a Faultline dataset with the same importers the app uses,
// prints what was mapped and dropped and every problem as input:line: message, writes canonical
// JSON, then loads the result with the app's validator and prints its summary. Several inputs are
// one import: a timemap export's events, sources and associations files are joined, other files
// merged. Parquet and Arrow IPC files are read by their column names. Exits 1 when nothing could
// be imported (or the output does not load), 2 on a usage error.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { columnarKind } from '../src/lib/io/formats/columnar-kind.ts';
import { DATE_FORMATS, dateFormatOf } from '../src/lib/io/formats/date-format.ts';
import { IMPORTERS, toJson, type ImportOptions, type ImportResult } from '../src/lib/io/formats/index.ts';
import { importTextFiles, mergeImports, type NamedResult } from '../src/lib/io/formats/multi.ts';
import { LIMITS } from '../src/lib/model/limits.ts';
import { loadDataset } from '../src/lib/model/dataset.ts';
import { countBySeverity, formatProblem } from '../src/lib/model/problems.ts';
import { terminalText } from './terminal-text.ts';

/** Every line goes through terminalText: file names, column names, cells and messages come from the data. */
const print = (line: string): void => console.log(terminalText(line));
const printError = (line: string): void => console.error(terminalText(line));
const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

const USAGE = `usage: npm run import -- [--from <${IMPORTERS.map((i) => i.id).join('|')}>] <input>... -o <output.json>
         several inputs are one import (a timemap export's events, sources and associations files are
         joined); Parquet and Arrow IPC files are read by their column names
options: --decimal-comma            read "45,5" as 45.5
         --date-format <fmt>        how every format's day-month dates are written: ${DATE_FORMATS.join(', ')}
                                    (D/M/YYYY and M/D/YYYY too); without it the order is decided from the
                                    file's dates, and an ambiguous file is reported, not guessed
         --utc-offset <±HH:MM|Z>    keep times of day that carry no zone, at this offset
         --delimiter <,|;|tab>      CSV delimiter (default: detected from the header)`;

function usage(message: string): never {
  // The message quotes an argument; USAGE is ours and keeps its line breaks.
  if (message) printError(message);
  console.error(USAGE);
  process.exit(2);
}

interface Args extends ImportOptions {
  inputs: string[];
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
    else if (arg === '--date-format') {
      const given = value();
      const format = dateFormatOf(given);
      if (!format) usage(`unknown date format "${given}"; use one of ${DATE_FORMATS.join(', ')}`);
      args.dateFormat = format;
    } else if (arg === '--utc-offset') args.utcOffset = value();
    else if (arg === '--delimiter') {
      const d = value();
      args.delimiter = d === 'tab' || d === '\\t' ? '\t' : (d as Args['delimiter']);
    } else if (arg === '-h' || arg === '--help') usage('');
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length === 0) usage('give at least one input file');
  if (positional.length > LIMITS.maxImportFiles) usage(`give at most ${LIMITS.maxImportFiles} input files`);
  if (!args.output) usage('give the output file with -o');
  if (args.format && !IMPORTERS.some((i) => i.id === args.format)) usage(`unknown format "${args.format}"`);
  return { ...args, inputs: positional, output: args.output };
}

const args = parseArgs(process.argv.slice(2));
const texts: { name: string; text: string }[] = [];
const binary: NamedResult[] = [];
const pathOf = new Map<string, string>();
for (const input of args.inputs) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(input);
  } catch (error) {
    printError(`${input}: cannot read the file (${codeOf(error)})`);
    process.exit(1);
  }
  const name = basename(input);
  pathOf.set(name, input);
  const kind = columnarKind(new Uint8Array(bytes.buffer, bytes.byteOffset, Math.min(16, bytes.byteLength)), name);
  if (kind) {
    // The reader is loaded only for such a file, as in the app.
    const { importColumnar } = await import('../src/lib/io/formats/columnar.ts');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    binary.push({ name, ...(await importColumnar(buffer, name, kind, args)) });
  } else texts.push({ name, text: bytes.toString('utf8') });
}

const { result } = mergeImports([...importTextFiles(texts, args), ...binary]);
const several = args.inputs.length > 1;
const list = (title: string, items: string[]): void => {
  if (!items.length) return;
  print(`${title}:`);
  for (const item of items) print(`  ${item}`);
};
list('mapped', result.mapped);
list('dropped', result.dropped);
printProblems(result);
const { total, imported, skipped } = result.rows;
print(`rows: ${total} read, ${imported} imported, ${skipped} skipped`);
if (!result.dataset || imported === 0) {
  print('✖ nothing could be imported; no file written');
  process.exit(1);
}

/** Each problem as input:line: message (the file's own path when several were read), then what was not listed. */
function printProblems(r: ImportResult): void {
  for (const p of r.problems) {
    const input = p.file !== undefined ? (pathOf.get(p.file) ?? p.file) : several ? '' : args.inputs[0]!;
    // Of several files, a problem without a line names its file in the message already.
    const where =
      input && (!several || p.line !== undefined) ? `${input}${p.line !== undefined ? `:${p.line}` : ''}: ` : '';
    print(`${where}${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
  }
  const { errors, warnings } = r.omitted;
  if (errors || warnings)
    print(
      `…and ${errors} more error${errors === 1 ? '' : 's'} and ${warnings} more warning${warnings === 1 ? '' : 's'} not listed`,
    );
  if (r.dates) print(`dates: ${r.dates.note}`);
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
