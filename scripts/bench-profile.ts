// npm run bench:profile [-- --size 1000000 --scenario brush|facet|zoom|pan|repaint|timeline|timeline-zoom|search|density-brush|density-repaint|countries-brush|countries-repaint|load] [--trace out.json [--invalidations]] [--port 4191 --out dist-profile] [--probe-only 5]
// Where the time of one benchmark scenario goes: runs it in a non-minified build with Chrome's
// sampling profiler and a timeline trace, then prints the functions with the most self time and
// the main thread's time by trace phase (script, style, layout, paint, commit…), and the
// benchmark's probe over the gesture (brush frames, repaints: slower here, under the profiler, but
// comparable run to run). For finding what to make faster; `npm run bench` is what measures.
// --port and --out let two profiles run beside each other. --probe-only N runs the gesture N times
// with no profiler and prints only the probe: a quicker before/after than the benchmark.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { preview } from 'vite';
import { findChromium } from './browser.mjs';
import { generatePack } from './synthetic.ts';
import {
  brushDrag,
  facetClicks,
  mapDrag,
  mapZooms,
  searchWord,
  setMapMode,
  timelineDrag,
  timelineZooms,
} from './bench-gestures.ts';
import { installLatencyProbe, loadTime, takeLatencies, waitLoaded } from './bench-probe.ts';
import { PACK_VERSION } from '../src/lib/model/pack.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const size = Number(arg('size', '1000000'));
const scenario = arg('scenario', 'brush');
const outDir = arg('out', 'dist-profile');
const port = Number(arg('port', '4191'));
// The raw trace (with --invalidations, what dirtied style and layout) and the CPU profile beside it (.cpuprofile), for
// DevTools or a script that asks what was invalidated or who called what.
const traceFile = arg('trace', '');
const probeOnly = Number(arg('probe-only', '0'));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

const url = `http://127.0.0.1:${port}/?data=bench-data/data.flpack`;

async function run(page: Page): Promise<void> {
  if (scenario === 'load') {
    await page.goto(url);
    await waitLoaded(page, 120_000);
  } else if (scenario === 'brush') await brushDrag(page);
  else if (scenario === 'facet') await facetClicks(page, 200);
  else if (scenario === 'pan') await mapDrag(page);
  else if (scenario === 'repaint') await repaintGestures(page);
  else if (scenario === 'timeline') await timelineDrag(page);
  else if (scenario === 'timeline-zoom') await timelineZooms(page);
  else if (scenario === 'search') await searchWord(page, 'sahel');
  else if (/^(density|countries)-(brush|repaint)$/.test(scenario)) {
    // The mode's switch is profiled too; its brush drag or repaints are what the benchmark's row times.
    const [mode, gesture] = scenario.split('-');
    await setMapMode(page, mode!);
    await page.waitForTimeout(300);
    await takeLatencies(page, 'pointermove-frame');
    await takeLatencies(page, 'repaint');
    if (gesture === 'brush') await brushDrag(page);
    else await repaintGestures(page);
  } else await mapZooms(page);
  await page.waitForTimeout(500);
}

/** The benchmark's map repaint: a drag of the map, then four wheel zooms (each moveend is timed). */
async function repaintGestures(page: Page): Promise<void> {
  await mapDrag(page);
  await page.waitForTimeout(800);
  await mapZooms(page);
}

/** The probe's samples of one kind, as p50 / p95 / max. */
function latencyLine(name: string, values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
  return s.length ? `${name}: ${s.length} samples, p50 ${q(0.5)} / p95 ${q(0.95)} / max ${q(1)} ms` : `${name}: none`;
}

/** Self time per function (ms), from the sampling profile. */
function selfTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Total (self + callees) time per function (ms): each sample counts once for every function on its stack. */
function totalTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!frame.url) continue;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + ms);
    }
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Main-thread time by trace event name (complete events, ms), on the renderer's main thread. */
function phases(events: TraceEvent[]): [string, number][] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map<string, number>();
  for (const e of events) {
    if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X' || !e.dur) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium.');
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--minify', 'false', '--outDir', outDir], {
  stdio: 'inherit',
});
// The benchmark's pack (regions assigned at pack time) when it has made one; a plain one otherwise.
const benchPack = existsSync('data/generated')
  ? readdirSync('data/generated').find((f) => f.startsWith(`synthetic-${size}-seed1.v${PACK_VERSION}-r`))
  : undefined;
const pack = join('data/generated', benchPack ?? `synthetic-${size}-seed1.v${PACK_VERSION}.flpack`);
if (!existsSync(pack)) {
  mkdirSync('data/generated', { recursive: true });
  writeFileSync(pack, generatePack(size, 1));
}
mkdirSync(join(outDir, 'bench-data'), { recursive: true });
execFileSync('cp', ['-l', pack, join(outDir, 'bench-data', 'data.flpack')]);
const server = await preview({
  build: { outDir },
  preview: { host: '127.0.0.1', port, strictPort: true },
  logLevel: 'warn',
});
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // A load is profiled from a page of the same origin, so the navigation keeps the profiled process.
  if (scenario === 'load') await page.goto(`http://127.0.0.1:${port}/favicon.svg`);
  else {
    await page.goto(url);
    await page
      .getByTestId('event-count')
      .filter({ hasText: `${size.toLocaleString('en-GB')} events` })
      .waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000);
  }
  if (scenario === 'facet') {
    // As in the benchmark: facet clicks happen with a brushed window.
    await brushDrag(page);
    await page.waitForTimeout(500);
  }
  if (scenario !== 'load') await installLatencyProbe(page, 'faultline:map-moveend');
  if (probeOnly > 0) {
    const pooled: Record<string, number[]> = { 'pointermove-frame': [], click: [], repaint: [] };
    // With --trace, a timeline trace (no profiler): its events' thread times (tdur) hold on a busy machine.
    if (traceFile)
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      });
    for (let i = 0; i < probeOnly; i++) {
      await run(page);
      for (const kind of Object.keys(pooled)) pooled[kind]!.push(...(await takeLatencies(page, kind)));
    }
    if (traceFile) writeFileSync(traceFile, await browser.stopTracing());
    console.log(`\n${scenario} at ${size.toLocaleString('en-GB')} events, ${probeOnly} times, not profiled:`);
    for (const [kind, values] of Object.entries(pooled)) console.log(`  ${latencyLine(kind, values)}`);
  } else {
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
    // Invalidation tracking says what dirtied style and layout, but it makes every forced style
    // recalculation several times slower: asked for on its own, so that --trace keeps the proportions.
    if (process.argv.includes('--invalidations'))
      categories.push('disabled-by-default-devtools.timeline.invalidationTracking');
    await browser.startTracing(page, { categories });
    await cdp.send('Profiler.start');
    await run(page);
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const raw = (await browser.stopTracing()).toString();
    if (traceFile) {
      writeFileSync(traceFile, raw);
      writeFileSync(traceFile.replace(/(\.json)?$/, '.cpuprofile'), JSON.stringify(profile));
    }
    const trace = JSON.parse(raw) as { traceEvents: TraceEvent[] };
    if (scenario === 'load') {
      const ms = await loadTime(page);
      console.log(`\nload → interactive (profiled, so slower than in the benchmark): ${ms.toFixed(1)} ms`);
    }
    if (scenario !== 'load') {
      console.log(`\nthe benchmark's probe, profiled (slower than in the benchmark):`);
      for (const kind of ['pointermove-frame', 'click', 'repaint'])
        console.log(`  ${latencyLine(kind, await takeLatencies(page, kind))}`);
    }
    console.log(`\n${scenario} at ${size.toLocaleString('en-GB')} events: self time by function (ms)`);
    for (const [name, ms] of selfTimes(profile).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
    console.log('\ntotal time by function, callees included (ms)');
    for (const [name, ms] of totalTimes(profile).slice(0, 40)) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
    console.log('\nmain thread by trace event (ms, nested events overlap)');
    for (const [name, ms] of phases(trace.traceEvents).slice(0, 25))
      console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
  }
} finally {
  await browser.close();
  server.httpServer.close();
  if (!process.argv.includes('--keep')) rmSync(outDir, { recursive: true, force: true });
}
