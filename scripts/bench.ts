// npm run bench [-- --sizes 1000,10000,100000,1000000 --runs 3 --peers all|none|a,b --json --dist DIR --raw --port 4190]
// Opens the production build in headless Chromium on deterministic synthetic data and measures
// what an analyst feels: load to interactive, brush and facet latency, map repaint, timeline pan
// and the JS heap. In the same run it measures the peers (scripts/bench-peers.ts) on the same
// events and prints each peer's figure with the ratio ours ÷ peer (p95 for latencies; below 1: we are faster).
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';
import { findChromium } from './browser.mjs';
import { generate, generatePack } from './synthetic.ts';
import { nodeRegionLookup } from './regions-node.ts';
import { regionCodes, type RegionLookup } from '../src/lib/model/region-lookup.ts';
import { leanJson } from './bench-peer-data.ts';
import { measurePeer, PEERS, startPeerServer, type PeerResult } from './bench-peers.ts';
import { installLatencyProbe, loadTime, takeLatencies, waitLoaded } from './bench-probe.ts';
import { calibrate, loopNow } from './bench-calibrate.ts';
import {
  brushDrag,
  facetClicks,
  mapDrag,
  mapZooms,
  searchLatencies,
  setMapMode,
  timelineDrag,
  timelineZooms,
} from './bench-gestures.ts';
import { LIMITS } from '../src/lib/model/limits.ts';
import { PACK_VERSION, readPackHeader, viewPack } from '../src/lib/model/pack.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = arg('sizes', '100000').split(',').map(Number);
const runs = Number(arg('runs', '3'));
const peerArg = arg('peers', 'all');
const peers = peerArg === 'none' ? [] : peerArg === 'all' ? [...PEERS] : peerArg.split(',');
const withJson = process.argv.includes('--json');
/** Where our build is served (another port when 4190 is taken by a server beside this run). */
const port = Number(arg('port', '4190'));
// Every sample of every run, in order (which step of a gesture is the slow one).
const raw = process.argv.includes('--raw');
const STEP_MS = 60_000;
/** A word found in the pack's bytes, a plural (its singular's events match too), one decoded (found nowhere). */
const SEARCH_WORDS = ['sahel', 'strikes', 'северный'];

const quantile = (values: number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const median = (values: number[]): number => quantile(values, 0.5);
const fmt = (v: number): string =>
  Number.isFinite(v) ? (v >= 1000 ? `${Math.round(v).toLocaleString('en-GB')}` : v.toFixed(1)) : 'n/a';

interface Ours {
  load: number;
  brush: number[];
  brushFrame: number[];
  facet: number[];
  repaint: number[];
  timelinePan: number[];
  timelineZoom: number[];
  /** With the summary showing: a brush frame, a facet click, a switch of its measure. */
  summaryBrushFrame: number[];
  summaryFacet: number[];
  summarySwitch: number[];
  /** One per word of SEARCH_WORDS: its last key to the frame showing its matches. */
  search: number[];
  /**
   * The map's modes (issue #23): a switch of mode (the first to each mode apart: it loads the
   * mode's code, and a choropleth its shapes), and with density or countries showing a brush frame
   * and a repaint.
   */
  modeSwitch: number[];
  modeFirst: number[];
  densityBrushFrame: number[];
  densityRepaint: number[];
  choroplethBrushFrame: number[];
  choroplethRepaint: number[];
  heap: number;
  /** ArrayBuffers (the pack, the evaluator's lists…), outside the JS heap. */
  buffers: number;
}

async function measureOurs(browser: Browser, url: string, total: number): Promise<Ours> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  await context.route(
    (u) => u.hostname !== '127.0.0.1',
    (r) => r.abort(),
  );
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page
      .getByTestId('event-count')
      .filter({ hasText: `${total.toLocaleString('en-GB')} events` })
      .waitFor({ timeout: STEP_MS });
    await waitLoaded(page, STEP_MS);
    const load = await loadTime(page);
    await page.waitForTimeout(500);
    await installLatencyProbe(page, 'faultline:map-moveend');

    await brushDrag(page);
    const brush = await takeLatencies(page, 'pointermove');
    const brushFrame = await takeLatencies(page, 'pointermove-frame');

    // With the brushed window active.
    await takeLatencies(page, 'click');
    await facetClicks(page);
    const facet = await takeLatencies(page, 'click');
    await takeLatencies(page, 'repaint');

    // Each moveend → next frame.
    await mapDrag(page);
    await page.waitForTimeout(800);
    await mapZooms(page);
    const repaint = await takeLatencies(page, 'repaint');

    await takeLatencies(page, 'pointermove');
    await takeLatencies(page, 'pointermove-frame');
    await timelineDrag(page);
    const timelinePan = await takeLatencies(page, 'pointermove');

    await takeLatencies(page, 'wheel');
    await timelineZooms(page);
    const timelineZoom = await takeLatencies(page, 'wheel');

    const search = await searchLatencies(page, SEARCH_WORDS);

    // The map's density and choropleth modes: each switch timed; then, with each showing, the
    // brush drag and the map's pan and zooms (names on) as above. Back to the markers after.
    const modeSwitch: number[] = [];
    const modeFirst: number[] = [];
    const seen = new Set<string>(['clusters']);
    const switchTo = async (mode: string) => {
      (seen.has(mode) ? modeSwitch : modeFirst).push(await setMapMode(page, mode));
      seen.add(mode);
    };
    const modeShowing = async (mode: string) => {
      await switchTo(mode);
      await page.waitForTimeout(300);
      await takeLatencies(page, 'pointermove-frame');
      await brushDrag(page);
      const frames = await takeLatencies(page, 'pointermove-frame');
      await takeLatencies(page, 'repaint');
      await mapDrag(page);
      await page.waitForTimeout(800);
      await mapZooms(page);
      return { frames, repaint: await takeLatencies(page, 'repaint') };
    };
    const density = await modeShowing('density');
    const choropleth = await modeShowing('countries');
    for (const mode of ['clusters', 'density', 'countries', 'regions', 'clusters', 'regions', 'clusters'])
      await switchTo(mode);

    // The summary beside the map: it follows every brush step and click from its aggregates.
    await page.getByTestId('side-tab-summary').click();
    await page.getByTestId('summary-chart').waitFor({ timeout: STEP_MS });
    await page.waitForTimeout(300);
    await takeLatencies(page, 'pointermove-frame');
    await takeLatencies(page, 'click');
    await brushDrag(page);
    const summaryBrushFrame = await takeLatencies(page, 'pointermove-frame');
    await takeLatencies(page, 'click');
    await facetClicks(page);
    const summaryFacet = await takeLatencies(page, 'click');
    for (let i = 0; i < 6; i++)
      await page.getByTestId(i % 2 ? 'summary-measure-events' : 'summary-measure-fatalities').click();
    const summarySwitch = await takeLatencies(page, 'click');

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, backingStorageSize } = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize: number;
    };
    return {
      load,
      brush,
      brushFrame,
      facet,
      repaint,
      timelinePan,
      timelineZoom,
      summaryBrushFrame,
      summaryFacet,
      summarySwitch,
      search,
      modeSwitch,
      modeFirst,
      densityBrushFrame: density.frames,
      densityRepaint: density.repaint,
      choroplethBrushFrame: choropleth.frames,
      choroplethRepaint: choropleth.repaint,
      heap: usedSize / 2 ** 20,
      buffers: backingStorageSize / 2 ** 20,
    };
  } finally {
    await context.close();
  }
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('No Chromium found: set CHROMIUM_PATH or install chromium.');
  process.exit(1);
}
// --dist serves another build (an A/B comparison: two builds, runs alternated on one machine).
const distDir = arg('dist', 'dist');
if (!existsSync(join(distDir, 'index.html')))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', distDir], { stdio: 'inherit' });
// The benchmark's data is served by vite preview from <dist>/bench-data (removed at the end).
const dataDir = join(distDir, 'bench-data');
mkdirSync(dataDir, { recursive: true });
const peerDir = mkdtempSync(join(tmpdir(), 'faultline-peers-'));
const server = await preview({
  build: { outDir: distDir },
  preview: { host: '127.0.0.1', port, strictPort: true },
  logLevel: 'warn',
});
const peerServer = peers.length ? await startPeerServer(4192, peerDir) : null;
const launch = () =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  });
const probe = await launch();
const version = probe.version();
const calibration = await calibrate(probe);
await probe.close();
const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();

console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, Chromium ${version} headless, --disable-gpu; app ${sha}; ${new Date().toISOString().slice(0, 10)}`,
);
const pair = (v: number[] | 'DNF' | undefined): string =>
  v === undefined ? '—' : v === 'DNF' ? 'DNF (> 60 s)' : `${fmt(median(v))} / ${fmt(quantile(v, 0.95))} ms`;
console.log(
  `Calibration (blank page, same browser): a fixed loop ${fmt(calibration.loopMs)} ms; brush frame probe with nothing to do ${pair(calibration.idleFrame)}, with an 8 ms handler ${pair(calibration.busyFrame)}.`,
);
console.log(
  `Ours: ${runs} runs per size, medians; p50/p95 pool every step of every run. Peers: 1 run per size. Ratios are ours ÷ peer, on the median for load and heap and on p95 for latencies (below 1: Faultline is faster).`,
);
console.log('');
console.log(
  '| events | tool | load → interactive | brush frame p50 / p95 | brush p50 / p95 | facet click p50 / p95 | map repaint p50 / p95 | timeline pan p50 / p95 | timeline zoom p50 / p95 | JS heap |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');

const ratio = (ours: number, peer: number[] | number | 'DNF' | undefined, q = 0.5): string => {
  if (peer === undefined) return '';
  if (peer === 'DNF') return ' (peer DNF)';
  const p = typeof peer === 'number' ? peer : quantile(peer, q);
  return Number.isFinite(p) && p > 0 ? ` (×${(ours / p).toFixed(2)})` : '';
};

/**
 * Generated inputs are kept in data/generated (git-ignored) and reused: packing a million events
 * takes minutes, and the data is the same for a given size and seed.
 */
function cached(name: string, make: () => string | Uint8Array): string {
  const path = join('data/generated', name);
  if (!existsSync(path)) {
    mkdirSync('data/generated', { recursive: true });
    writeFileSync(path, make());
  }
  return path;
}
/** Times the load worker's region assignment over a pack's points; says whether the pack carries regions. */
function regionAssignment(size: number, packPath: string, lookup: RegionLookup): string {
  const bytes = readFileSync(packPath);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const read = readPackHeader(buffer);
  if (!read.ok) return `| ${size.toLocaleString('en-GB')} | (pack unreadable: ${read.message}) | | | |`;
  const a = viewPack(buffer, read.header);
  const columns = { lat: a.lat, lon: a.lon, locationPrecision: a.locationPrecision };
  const times: number[] = [];
  let withRegion = 0;
  for (let run = 0; run < Math.max(3, runs); run++) {
    const t0 = performance.now();
    const codes = regionCodes(lookup, columns);
    times.push(performance.now() - t0);
    withRegion = codes.country.reduce((n, c) => n + (c ? 1 : 0), 0);
  }
  const ms = median(times);
  return `| ${size.toLocaleString('en-GB')} | ${fmt(ms)} ms | ${fmt((ms * 1e6) / size)} ms | ${read.header.regions?.key === lookup.key ? 'yes' : 'no'} | ${((withRegion / size) * 100).toFixed(1)} % |`;
}

function place(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The summary's own table, printed after the main one. */
const summaryRows: string[] = [];
const searchRows: string[] = [];
const modeRows: string[] = [];
const regionRows: string[] = [];
// The region lookup the build serves: packs carry each event's region (keyed by it, so a pack of
// other boundaries is made again), and the assignment the load worker runs is timed with it.
const regionLookup = await nodeRegionLookup();
for (const size of sizes) {
  const packFile = `synthetic-${size}.flpack`;
  const packPath = cached(`synthetic-${size}-seed1.v${PACK_VERSION}-r${regionLookup.key.slice(0, 8)}.flpack`, () =>
    generatePack(size, 1, regionLookup),
  );
  place(packPath, join(dataDir, packFile));
  regionRows.push(regionAssignment(size, packPath, regionLookup));
  const targets: { label: string; url: string }[] = [
    { label: 'Faultline (pack)', url: `http://127.0.0.1:${port}/?data=bench-data/${packFile}` },
  ];
  let file: ReturnType<typeof generate> | null = null;
  const events = () => (file ??= generate(size, 1));
  if (withJson && size <= LIMITS.maxEvents) {
    place(
      cached(`synthetic-${size}-seed1.json`, () => JSON.stringify(events())),
      join(dataDir, `synthetic-${size}.json`),
    );
    targets.push({
      label: 'Faultline (JSON)',
      url: `http://127.0.0.1:${port}/?data=bench-data/synthetic-${size}.json`,
    });
  }
  if (peers.length)
    place(
      cached(`lean-${size}-seed1.json`, () => leanJson(events())),
      join(peerDir, `lean-${size}.json`),
    );
  let oursRef: Ours | null = null;
  for (const target of targets) {
    const results: Ours[] = [];
    const loops: number[] = [];
    for (let r = 0; r < runs; r++) {
      const browser = await launch();
      try {
        loops.push(await loopNow(browser));
        results.push(await measureOurs(browser, target.url, size));
      } finally {
        await browser.close();
      }
    }
    const all = (key: Exclude<keyof Ours, 'load' | 'heap' | 'buffers'>) => results.flatMap((x) => x[key]);
    const row = {
      load: median(results.map((x) => x.load)),
      brush: all('brush'),
      brushFrame: all('brushFrame'),
      facet: all('facet'),
      repaint: all('repaint'),
      timelinePan: all('timelinePan'),
      timelineZoom: all('timelineZoom'),
      summaryBrushFrame: all('summaryBrushFrame'),
      summaryFacet: all('summaryFacet'),
      summarySwitch: all('summarySwitch'),
      search: all('search'),
      modeSwitch: all('modeSwitch'),
      modeFirst: all('modeFirst'),
      densityBrushFrame: all('densityBrushFrame'),
      densityRepaint: all('densityRepaint'),
      choroplethBrushFrame: all('choroplethBrushFrame'),
      choroplethRepaint: all('choroplethRepaint'),
      heap: median(results.map((x) => x.heap)),
      buffers: median(results.map((x) => x.buffers)),
    };
    oursRef ??= row;
    if (raw) {
      for (const [i, x] of results.entries()) {
        const list = (v: number[]) => v.map((ms) => ms.toFixed(1)).join(' ');
        console.log(
          `  run ${i + 1}: calibration loop ${loops[i]!.toFixed(1)} ms; load ${x.load.toFixed(1)}; brush frame ${list(x.brushFrame)}; facet ${list(x.facet)}; repaint ${list(x.repaint)}; timeline pan ${list(x.timelinePan)}; timeline zoom ${list(x.timelineZoom)}`,
        );
      }
    }
    // Each word's median over the runs.
    searchRows.push(
      `| ${size.toLocaleString('en-GB')} | ${target.label} | ${SEARCH_WORDS.map((_, i) => `${fmt(median(results.map((x) => x.search[i]!)))} ms`).join(' | ')} |`,
    );
    modeRows.push(
      `| ${size.toLocaleString('en-GB')} | ${target.label} | ${pair(row.modeSwitch)} | ${pair(row.modeFirst)} | ${pair(row.densityBrushFrame)} | ${pair(row.densityRepaint)} | ${pair(row.choroplethBrushFrame)} | ${pair(row.choroplethRepaint)} |`,
    );
    summaryRows.push(
      `| ${size.toLocaleString('en-GB')} | ${target.label} | ${pair(row.summaryBrushFrame)} | ${pair(row.summaryFacet)} | ${pair(row.summarySwitch)} |`,
    );
    console.log(
      `| ${size.toLocaleString('en-GB')} | ${target.label} | ${fmt(row.load)} ms | ${pair(row.brushFrame)} | ${pair(row.brush)} | ${pair(row.facet)} | ${pair(row.repaint)} | ${pair(row.timelinePan)} | ${pair(row.timelineZoom)} | ${row.heap.toFixed(0)} MB + ${row.buffers.toFixed(0)} MB buffers |`,
    );
  }
  for (const peer of peers) {
    const browser = await launch();
    let res: PeerResult;
    try {
      res = await measurePeer(browser, peer, peerServer!.url, `lean-${size}.json`, size);
    } finally {
      await browser.close();
    }
    const o = oursRef!;
    const load = res.load === 'DNF' ? 'DNF (> 60 s)' : `${fmt(res.load)} ms${ratio(o.load, res.load)}`;
    const cell = (mine: number[], theirs: number[] | 'DNF' | undefined) =>
      theirs === undefined
        ? '—'
        : `${pair(theirs)}${theirs === 'DNF' ? '' : ratio(quantile(mine, 0.95), theirs, 0.95)}`;
    // The ratio is on the JS heap (the issue's measure); the second, on heap and buffers together.
    const heap =
      res.heap === 'DNF'
        ? 'DNF'
        : `${res.heap.toFixed(0)} MB + ${res.buffers!.toFixed(0)} MB buffers${ratio(o.heap, res.heap)}${ratio(o.heap + o.buffers, res.heap + res.buffers!).replace(' (×', ' (all ×')}`;
    console.log(
      `| ${size.toLocaleString('en-GB')} | ${peer} | ${load} | ${cell(o.brushFrame, res.brushFrame)} | ${cell(o.brush, res.brush)} | ${cell(o.facet, res.facet)} | ${cell(o.repaint, res.repaint)} | ${cell(o.timelinePan, res.timelinePan)} | ${cell(o.timelineZoom, res.timelineZoom)} | ${heap} |`,
    );
    if (res.note) console.error(`  ${peer} at ${size}: ${res.note}`);
  }
  rmSync(join(dataDir, packFile), { force: true });
  rmSync(join(dataDir, `synthetic-${size}.json`), { force: true });
}
console.log('');
console.log('With the summary showing (Summary tab open; the same gestures):');
console.log('');
console.log('| events | tool | brush frame p50 / p95 | facet click p50 / p95 | measure switch p50 / p95 |');
console.log('|---|---|---|---|---|');
for (const row of summaryRows) console.log(row);
console.log('');
console.log('Map modes (a switch from the menu to the frame showing the mode, the first to each mode apart: it');
console.log('loads the code, and for a choropleth the shapes; with density or the countries choropleth showing,');
console.log('the brush drag and the map pan and zooms, names on):');
console.log('');
console.log(
  '| events | tool | mode switch p50 / p95 | first switch to a mode p50 / p95 | density: brush frame p50 / p95 | density: map repaint p50 / p95 | countries: brush frame p50 / p95 | countries: map repaint p50 / p95 |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of modeRows) console.log(row);
console.log('');
console.log('Text search (from the last key, a key every 90 ms, to the frame showing the matches; above 50,000');
console.log('events this includes the 250 ms pause in typing the search waits for):');
console.log('');
console.log(`| events | tool | ${SEARCH_WORDS.map((w) => `\`${w}\``).join(' | ')} |`);
console.log(`|---|---|${SEARCH_WORDS.map(() => '---|').join('')}`);
for (const row of searchRows) console.log(row);
console.log('');
console.log("Region assignment (issue #23): each located event's country and admin-1 region by point in polygon,");
console.log('the function the load worker runs for JSON and imports (here in Node, every block of the lookup');
console.log('loaded); a pack carries the codes, so opening one assigns nothing:');
console.log('');
console.log('| events | assign p50 (of the runs) | per million | packs carry it | rows with a region |');
console.log('|---|---|---|---|---|');
for (const row of regionRows) console.log(row);
rmSync(dataDir, { recursive: true, force: true });
rmSync(peerDir, { recursive: true, force: true });
await peerServer?.close();
server.httpServer.close();
