// The peer side of the benchmark: serves bench/peers/*.html (each runs a tool analysts use today
// on the lean form of the same synthetic data, see scripts/bench-peer-data.ts) and drives them in
// headless Chromium with the same metric definitions as scripts/bench.ts, so that it can print
// ratios ours/peer.
//
// Definitions (all times in ms, from the page's performance clock):
//   load         peer:interactive − peer:data-arrived. data-arrived is marked right after the
//                response text is in; interactive is rAF → setTimeout 0 after JSON.parse, the
//                adapter and the first render have been requested.
//   brush        crossfilter: mouse down on the brush canvas at 20 % of its width, 41 moves from
//                25 % to 65 %, mouse up; per pointermove, e.timeStamp → next rAF → setTimeout 0.
//   brushFrame   the same steps, from the pointermove's dispatch → next rAF → setTimeout 0: the
//                main-thread time of the frame that shows the step (scripts/bench-probe.ts).
//   facet        crossfilter: 6 clicks on the first category checkbox; per click, same probe.
//   repaint      map peers: per 'peer:map-moveend' mark (registered by the page before any layer
//                listens to moveend), next rAF → setTimeout 0 − mark.startTime, for a 30-step map
//                drag (−6, −3 px per step) and then 4 wheel steps (∓120) 900 ms apart.
//   timelinePan  vis-timeline: 30-step horizontal drag (−10 px per step) from the centre, on the
//                window our timeline shows once zoomed in by TIMELINE_ZOOM (bench-gestures.ts); per
//                pointermove (hammer.js uses Pointer Events in Chromium), same probe.
//   timelineZoom vis-timeline: after the pan, six wheel steps in (250 ms apart) and six out (60 ms
//                apart) at the centre (wheelZooms in bench-gestures.ts); per wheel event, same probe.
//   heap         CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize, in MB,
//                after the steps; its backingStorageSize (ArrayBuffers) beside it.
// Every step has a 60 s cut-off; past it the step is 'DNF' (load 'DNF' skips the rest).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { wheelZooms } from './bench-gestures.ts';
import { installLatencyProbe, takeLatencies } from './bench-probe.ts';

export interface PeerResult {
  peer: string;
  load: number | 'DNF';
  brush?: number[] | 'DNF';
  brushFrame?: number[] | 'DNF';
  facet?: number[] | 'DNF';
  repaint?: number[] | 'DNF';
  timelinePan?: number[] | 'DNF';
  timelineZoom?: number[] | 'DNF';
  heap: number | 'DNF';
  /** ArrayBuffers outside the JS heap (crossfilter's indexes, canvases' are not among them), in MB. */
  buffers?: number;
  note?: string;
  /** JSON.parse and adapter time inside load (page measures peer:parse, peer:adapter), when the page got that far. */
  phases?: { parse: number; adapter: number };
}

export const PEERS: readonly string[] = [
  'leaflet-canvas',
  'markercluster',
  'supercluster',
  'vis-timeline',
  'crossfilter',
];
const MAP_PEERS = new Set(['leaflet-canvas', 'markercluster', 'supercluster']);

const STEP_TIMEOUT_MS = 60_000;
const VIEWPORT = { width: 1400, height: 900 };
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Static server
// ---------------------------------------------------------------------------------------------

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Mounted prefixes: URL prefix → directory on disk. Nothing else is served. */
function mounts(dataDir: string): [string, string][] {
  return [
    ['/bench/peers/', resolve(REPO_ROOT, 'bench/peers')],
    ['/node_modules/', resolve(REPO_ROOT, 'node_modules')],
    ['/bench-data/', resolve(dataDir)],
  ];
}

/** The file a URL path maps to, or null when it is outside every mount or tries to escape one. */
function resolvePath(pathname: string, table: [string, string][]): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  for (const [prefix, dir] of table) {
    if (!decoded.startsWith(prefix)) continue;
    const rest = decoded.slice(prefix.length);
    if (rest === '' || rest.split('/').some((segment) => segment === '..' || segment === '.')) return null;
    const file = resolve(dir, rest);
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startPeerServer(port: number, dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const table = mounts(dataDir);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const file = resolvePath(pathname, table);
      if (!file) return send(res, 404, 'not found');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return send(res, 404, 'not found');
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // The pages have no inline scripts; this keeps it so.
        'content-security-policy': "script-src 'self'; object-src 'none'; base-uri 'none'",
      });
      if (req.method === 'HEAD') return void res.end();
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'error');
      else res.destroy();
    });
  });
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------

class Timeout extends Error {}

/** Resolves with the step's value, or 'DNF' when it takes longer than the cut-off. */
async function step<T>(run: () => Promise<T>, notes: string[], name: string): Promise<T | 'DNF'> {
  let timer: NodeJS.Timeout | undefined;
  const cutoff = new Promise<never>((_, ko) => {
    timer = setTimeout(() => ko(new Timeout()), STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([run(), cutoff]);
  } catch (error) {
    notes.push(
      error instanceof Timeout
        ? `${name}: > ${STEP_TIMEOUT_MS / 1000} s`
        : `${name}: ${(error as Error).message.split('\n')[0]}`,
    );
    return 'DNF';
  } finally {
    clearTimeout(timer);
  }
}

async function box(page: Page, bench: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await page.locator(`[data-bench="${bench}"]`).first().boundingBox();
  if (!b) throw new Error(`[data-bench="${bench}"] is not visible`);
  return b;
}

async function brushStep(page: Page): Promise<{ latency: number[]; frame: number[] }> {
  const b = await box(page, 'brush');
  const y = b.y + b.height / 2;
  await takeLatencies(page, 'pointermove');
  await takeLatencies(page, 'pointermove-frame');
  await page.mouse.move(b.x + b.width * 0.2, y);
  await page.mouse.down();
  for (let i = 0; i <= 40; i++) await page.mouse.move(b.x + b.width * (0.25 + (i / 40) * 0.4), y);
  await page.mouse.up();
  return { latency: await takeLatencies(page, 'pointermove'), frame: await takeLatencies(page, 'pointermove-frame') };
}

async function facetStep(page: Page): Promise<number[]> {
  const checkbox = page.locator('[data-bench="facet"] input[type="checkbox"]').first();
  await takeLatencies(page, 'click');
  for (let i = 0; i < 6; i++) await checkbox.click();
  return takeLatencies(page, 'click');
}

async function repaintStep(page: Page): Promise<number[]> {
  await takeLatencies(page, 'repaint');
  const b = await box(page, 'map');
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(cx - i * 6, cy - i * 3);
  await page.mouse.up();
  await page.waitForTimeout(800);
  await page.mouse.move(cx, cy);
  for (const deltaY of [-120, 120, -120, 120]) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(900);
  }
  return takeLatencies(page, 'repaint');
}

async function timelinePanStep(page: Page, notes: string[]): Promise<number[]> {
  const b = await box(page, 'timeline');
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  await takeLatencies(page, 'pointermove');
  await takeLatencies(page, 'mousemove');
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(cx - i * 10, cy);
  await page.mouse.up();
  const pointer = await takeLatencies(page, 'pointermove');
  const mouse = await takeLatencies(page, 'mousemove');
  if (pointer.length) {
    notes.push('timelinePan: pointermove latencies (hammer.js PointerEventInput)');
    return pointer;
  }
  notes.push('timelinePan: mousemove latencies (no pointermove seen)');
  return mouse;
}

async function timelineZoomStep(page: Page): Promise<number[]> {
  await takeLatencies(page, 'wheel');
  await wheelZooms(page, await box(page, 'timeline'));
  return takeLatencies(page, 'wheel');
}

async function heapMB(context: BrowserContext, page: Page): Promise<{ heap: number; buffers: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, backingStorageSize } = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize: number;
  };
  await cdp.detach();
  return { heap: usedSize / 1024 / 1024, buffers: backingStorageSize / 1024 / 1024 };
}

async function closeQuietly(context: BrowserContext): Promise<void> {
  // A renderer stuck in a long task can make close() slow; don't let it stall the run.
  await Promise.race([context.close().catch(() => undefined), new Promise((ok) => setTimeout(ok, 15_000))]);
}

/**
 * Measures one peer page on one dataset. dataFile is a file name under the server's dataDir
 * (served at /bench-data/), holding the lean JSON; size is the event count it should contain.
 */
export async function measurePeer(
  browser: Browser,
  peer: string,
  serverUrl: string,
  dataFile: string,
  size: number,
): Promise<PeerResult> {
  if (!PEERS.includes(peer)) throw new Error(`unknown peer ${peer}; known: ${PEERS.join(', ')}`);
  const notes: string[] = [];
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message.split('\n')[0] ?? ''));
  const result: PeerResult = { peer, load: 'DNF', heap: 'DNF' };
  try {
    const query = new URLSearchParams({ data: `/bench-data/${dataFile}`, n: String(size) });
    const url = `${serverUrl}/bench/peers/${peer}.html?${query}`;
    const started = Date.now();
    const loaded = await step(
      async () => {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: STEP_TIMEOUT_MS });
        await page.waitForFunction(
          () =>
            performance.getEntriesByName('peer:interactive').length > 0 ||
            performance.getEntriesByName('peer:error').length > 0,
          null,
          { timeout: Math.max(1, STEP_TIMEOUT_MS - (Date.now() - started)) },
        );
        return page.evaluate(() => ({
          arrived: performance.getEntriesByName('peer:data-arrived').at(-1)?.startTime ?? NaN,
          interactive: performance.getEntriesByName('peer:interactive').at(-1)?.startTime ?? NaN,
          parse: performance.getEntriesByName('peer:parse').at(-1)?.duration ?? NaN,
          adapter: performance.getEntriesByName('peer:adapter').at(-1)?.duration ?? NaN,
          error: document.body.dataset.error ?? '',
          warning: document.body.dataset.warning ?? '',
          count: Number(document.body.dataset.count ?? NaN),
        }));
      },
      notes,
      'load',
    );
    if (loaded === 'DNF') return result;
    if (loaded.warning) notes.push(loaded.warning);
    if (loaded.error || !Number.isFinite(loaded.interactive)) {
      notes.push(`load: page error: ${loaded.error || 'no peer:interactive mark'}`);
      return result;
    }
    result.load = loaded.interactive - loaded.arrived;
    if (Number.isFinite(loaded.parse) && Number.isFinite(loaded.adapter))
      result.phases = { parse: loaded.parse, adapter: loaded.adapter };

    await installLatencyProbe(page, 'peer:map-moveend');
    if (peer === 'crossfilter') {
      const brush = await step(() => brushStep(page), notes, 'brush');
      result.brush = brush === 'DNF' ? brush : brush.latency;
      result.brushFrame = brush === 'DNF' ? brush : brush.frame;
      result.facet = await step(() => facetStep(page), notes, 'facet');
    } else if (peer === 'vis-timeline') {
      result.timelinePan = await step(() => timelinePanStep(page, notes), notes, 'timelinePan');
      if (result.timelinePan !== 'DNF')
        result.timelineZoom = await step(() => timelineZoomStep(page), notes, 'timelineZoom');
    } else if (MAP_PEERS.has(peer)) {
      result.repaint = await step(() => repaintStep(page), notes, 'repaint');
    }
    const memory = await step(() => heapMB(context, page), notes, 'heap');
    result.heap = memory === 'DNF' ? 'DNF' : memory.heap;
    if (memory !== 'DNF') result.buffers = memory.buffers;
    return result;
  } finally {
    if (errors.length) notes.push(`page errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
    if (notes.length) result.note = notes.join('; ');
    await closeQuietly(context);
  }
}
