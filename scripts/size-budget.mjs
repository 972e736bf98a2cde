// The initial-load budget: the JS and CSS a browser must fetch before the dataset (the entry
// script and stylesheet from dist/index.html, their modulepreload links and their static
// imports, followed transitively), gzipped, must stay at or under 150 KB. Lazily loaded chunks
// (the Leaflet adapter, the basemap JSON, the exports) do not count. Prints each file and the
// total. Then the bundled basemap's size on disk, against its own budget (15 MB). Exits 1 when
// either is over. Run after `vite build`: node scripts/size-budget.mjs [distDir]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1000;
/** The whole bundled basemap on disk, at most (issue #23). */
export const BASEMAP_DISK_BYTES = 15 * 1000 * 1000;

const dist = resolve(process.argv[2] ?? 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`size budget: ${relative(process.cwd(), indexPath)} not found; run \`npx vite build\` first`);
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');

/** Attribute value of a tag's attribute, or null. */
function attr(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : null;
}

const entries = [];
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attr(tag, 'src');
  if (src && attr(tag, 'type') === 'module') entries.push(src);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
  const href = attr(tag, 'href');
  if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) entries.push(href);
}

/** Static imports and re-exports of a built module (`import x from"./a.js"`, `import"./b.js"`, `export*from"./c.js"`), never `import(…)`. */
function staticImports(code) {
  const found = [];
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(pattern)) found.push(match[2]);
  return found.filter((spec) => spec.startsWith('.') || spec.startsWith('/'));
}

/** CSS @import (Vite inlines them, but a hand-written one would count). */
function cssImports(code) {
  return [...code.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)].map((m) => m[1]);
}

const seen = new Map();
function visit(file) {
  if (seen.has(file)) return;
  if (!existsSync(file)) {
    console.error(`size budget: ${relative(dist, file)} is referenced but missing`);
    process.exit(1);
  }
  const bytes = readFileSync(file);
  seen.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  const code = bytes.toString('utf8');
  const deps = file.endsWith('.css') ? cssImports(code) : file.endsWith('.js') ? staticImports(code) : [];
  for (const dep of deps) visit(resolveRef(dep, file));
}

function resolveRef(ref, from) {
  const clean = ref.split(/[?#]/)[0];
  if (clean.startsWith('/')) return join(dist, clean);
  return resolve(dirname(from), clean);
}

visit(indexPath);
for (const ref of entries) {
  if (/^[a-z]+:/i.test(ref)) continue; // absolute URLs are not ours to count
  visit(resolveRef(ref, indexPath));
}

let total = 0;
const rows = [...seen].map(([file, size]) => {
  total += size.gzip;
  return [posix.normalize(relative(dist, file).split('\\').join('/')), size];
});
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const [name, size] of rows)
  console.log(`  ${name.padEnd(44)} ${kb(size.raw).padStart(10)} raw ${kb(size.gzip).padStart(10)} gzip`);
const over = total > BUDGET_BYTES;
console.log(`initial load: ${kb(total)} gzip (budget ${kb(BUDGET_BYTES)})${over ? ' — OVER BUDGET' : ''}`);

// The bundled basemap on disk (issue #23): its names, regions and gazetteer (dist/basemap/, made by
// scripts/build-basemap.ts) and world-atlas's country shapes the page draws land from.
const basemapFiles = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else basemapFiles.push(path);
  }
};
if (existsSync(join(dist, 'basemap'))) walk(join(dist, 'basemap'));
else console.error('size budget: no basemap/ in the build');
for (const name of readdirSync(join(dist, 'assets')))
  if (/^countries-(110m|50m)-.*\.json$/.test(name)) basemapFiles.push(join(dist, 'assets', name));
const disk = basemapFiles.reduce((sum, file) => sum + statSync(file).size, 0);
const basemapOver = disk > BASEMAP_DISK_BYTES || !existsSync(join(dist, 'basemap'));
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
console.log(
  `bundled basemap: ${mb(disk)} on disk in ${basemapFiles.length} files (budget ${mb(BASEMAP_DISK_BYTES)})${basemapOver ? ' — OVER BUDGET' : ''}`,
);
process.exit(over || basemapOver ? 1 : 0);
