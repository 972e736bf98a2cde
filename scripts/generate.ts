// npm run generate -- --count 100000 --seed 1 [--pack] [-o file]: writes a deterministic synthetic
// dataset as JSON, or with --pack in the packed form (the only form that holds a million events).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generate, generatePack } from './synthetic.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.findIndex((a) => a === `--${name}` || (name === 'out' && a === '-o'));
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const count = Number(arg('count', '100000'));
const seed = Number(arg('seed', '1'));
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run generate -- --count 100000 --seed 1 [-o data/generated/file.json]');
  process.exit(2);
}
const packed = process.argv.includes('--pack');
const out = arg('out', `data/generated/synthetic-${count}-seed${seed}.${packed ? 'flpack' : 'json'}`);
mkdirSync(dirname(out), { recursive: true });
const started = Date.now();
if (packed) {
  const bytes = generatePack(count, seed);
  writeFileSync(out, bytes);
  console.log(
    `wrote ${out}: ${count.toLocaleString('en-GB')} events, ${(bytes.byteLength / 1e6).toFixed(1)} MB in ${Date.now() - started} ms`,
  );
  console.log(`open it with npm start and http://127.0.0.1:5173/?data=${out}`);
  process.exit(0);
}
const text = `${JSON.stringify(generate(count, seed))}\n`;
writeFileSync(out, text);
console.log(
  `wrote ${out}: ${count.toLocaleString('en-GB')} events, ${(text.length / 1e6).toFixed(1)} MB in ${Date.now() - started} ms`,
);
console.log(`open it with npm start and http://127.0.0.1:5173/?data=${out}`);
