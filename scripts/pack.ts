// npm run pack -- <dataset.json> [-o out.flpack]: validates a Faultline JSON dataset and writes
// its packed form (src/lib/model/pack.ts), which the app opens in a worker and views in place.
// Problems print as file:line:column like npm run validate; events with errors are left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadDataset } from '../src/lib/model/dataset.ts';
import { LIMITS } from '../src/lib/model/limits.ts';
import { packDataset } from '../src/lib/model/pack-build.ts';
import { regionCodes } from '../src/lib/model/region-lookup.ts';
import { nodeRegionLookup } from './regions-node.ts';
import { countBySeverity, formatProblem } from '../src/lib/model/problems.ts';
import { terminalText } from './terminal-text.ts';

/** Every line goes through terminalText: file names, ids and values come from the data. */
const print = (line: string): void => console.log(terminalText(line));
const printError = (line: string): void => console.error(terminalText(line));
const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

const args = process.argv.slice(2);
const outAt = args.indexOf('-o');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const input = args.find((a, i) => !a.startsWith('-') && i !== outAt + 1);
if (!input) {
  console.error('usage: npm run pack -- <dataset.json> [-o out.flpack]');
  process.exit(2);
}
const target = out ?? input.replace(/\.json$/i, '') + '.flpack';
const started = Date.now();
// Node reads past the browser's JSON cap: packing is how large data gets into the app.
let text: string;
try {
  text = readFileSync(input, 'utf8');
} catch (error) {
  // Node's own message quotes the path raw, so it is not printed.
  printError(`${input}: cannot read the file (${codeOf(error)})`);
  process.exit(1);
}
const result = loadDataset(text, input, {
  maxBytes: 512 * 1024 * 1024,
  maxEvents: LIMITS.maxPackEvents,
});
const problems = result.ok ? result.dataset.problems : result.problems;
for (const p of problems.slice(0, LIMITS.maxReportedProblems)) print(formatProblem(input, p));
const { errors, warnings } = countBySeverity(problems);
if (!result.ok) {
  print(`✘ ${input} cannot be packed: ${errors} errors`);
  process.exit(1);
}
// Each event's country and region, as the app would assign them at load (model/regions.ts).
const lookup = await nodeRegionLookup().catch((error: unknown) => {
  print(`(regions not assigned: ${(error as Error).message}; the app assigns them when it opens the pack)`);
  return null;
});
const bytes = packDataset(result.dataset, lookup ? regionCodes(lookup, result.dataset.columns) : null);
try {
  writeFileSync(target, bytes);
} catch (error) {
  printError(`${target}: cannot write the file (${codeOf(error)})`);
  process.exit(1);
}
print(
  `✔ wrote ${target}: ${result.dataset.columns.size.toLocaleString('en-GB')} events, ${(bytes.byteLength / 1e6).toFixed(1)} MB, ${errors} errors (events left out), ${warnings} warnings, in ${Date.now() - started} ms`,
);
