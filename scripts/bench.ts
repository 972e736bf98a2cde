// npm run bench [-- --sizes 10000,100000 --runs 3]: opens the production build in headless
// Chromium with synthetic data and measures what an analyst feels: load to interactive, brush
// and map-pan frame latency, a category click, and the JS heap. Prints medians and p95.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { findChromium } from './browser.mjs';
import { generate } from './synthetic.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = arg('sizes', '100000').split(',').map(Number);
const runs = Number(arg('runs', '3'));

const quantile = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

/** Latency from each input event to the next animation frame: what the user waits to see. */
async function installLatencyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: Record<string, number[]> };
    w.__lat = {};
    for (const type of ['pointermove', 'click', 'mousemove']) {
      addEventListener(
        type,
        (e) => {
          const start = e.timeStamp;
          requestAnimationFrame(() => setTimeout(() => (w.__lat[type] ??= []).push(performance.now() - start), 0));
        },
        { capture: true },
      );
    }
  });
}
async function takeLatencies(page: Page, type: string): Promise<number[]> {
  await page.waitForTimeout(300);
  return page.evaluate((t) => {
    const w = window as unknown as { __lat: Record<string, number[]> };
    const out = w.__lat[t] ?? [];
    w.__lat[t] = [];
    return out;
  }, type);
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function measure(page: Page, url: string, body: string, total: number) {
  await page.route('**/bench/synthetic.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  await page.goto(url);
  await page.getByTestId('event-count').filter({ hasText: `${total.toLocaleString('en-GB')} events` }).waitFor({ timeout: 120_000 });
  await page.getByTestId('event-row').first().waitFor();
  // "Interactive": from the data's arrival to the first frame that shows it (marks set by the app).
  await page.waitForFunction(() => performance.getEntriesByName('faultline:interactive').length > 0);
  // No named helper inside evaluate: tsx would wrap it in a __name() call the page lacks.
  const load = await page.evaluate(
    () => performance.getEntriesByName('faultline:interactive').at(-1)!.startTime - performance.getEntriesByName('faultline:data-arrived').at(-1)!.startTime,
  );
  await installLatencyProbe(page);

  // Brush: drag across the overview in 40 steps.
  const overview = (await page.getByTestId('overview').boundingBox())!;
  const y = overview.y + overview.height / 2;
  await page.mouse.move(overview.x + overview.width * 0.2, y);
  await page.mouse.down();
  for (let i = 0; i <= 40; i++) await page.mouse.move(overview.x + overview.width * (0.25 + (i / 40) * 0.4), y);
  await page.mouse.up();
  const brush = await takeLatencies(page, 'pointermove');
  const windowed = await page.getByTestId('event-count').textContent();

  // Facet: toggle the first category off and on.
  const box = page.getByTestId('facet-categories').getByRole('checkbox').first();
  await takeLatencies(page, 'click');
  for (let i = 0; i < 6; i++) await box.click();
  const facet = await takeLatencies(page, 'click');

  // Map: pan by dragging in 30 steps, then zoom in and out.
  const map = (await page.getByTestId('map').boundingBox())!;
  const cx = map.x + map.width / 2;
  const cy = map.y + map.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(cx - i * 6, cy - i * 3);
  await page.mouse.up();
  const pan = await takeLatencies(page, 'pointermove');
  const redraw = await page.evaluate(async () => {
    const times: number[] = [];
    const el = document.querySelector('[data-testid="map"]') as HTMLElement;
    for (let i = 0; i < 4; i++) {
      const start = performance.now();
      el.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 2 ? 120 : -120, clientX: el.clientWidth / 2, clientY: el.clientHeight / 2, bubbles: true }));
      await new Promise((r) => setTimeout(r, 600));
      times.push(performance.getEntriesByName('faultline:map-redraw').at(-1)?.duration ?? NaN);
      void start;
    }
    return times;
  });
  const heap = await heapMB(page);
  return { load, brush, facet, pan, redraw, heap, windowed };
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('No Chromium found: set CHROMIUM_PATH or install chromium.');
  process.exit(1);
}
if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const server = await preview({ preview: { host: '127.0.0.1', port: 4190, strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${browser.version()} headless, no GPU`);
console.log('| events | load → interactive (median) | brush p50 / p95 | category click p50 / p95 | map pan p50 / p95 | map redraw median | JS heap |');
console.log('|---|---|---|---|---|---|---|');
for (const size of sizes) {
  const body = JSON.stringify(generate(size, 1));
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    results.push(await measure(page, 'http://127.0.0.1:4190/?data=bench/synthetic.json', body, size));
    await page.close();
  }
  const all = (key: 'brush' | 'facet' | 'pan' | 'redraw') => results.flatMap((r) => r[key]).filter(Number.isFinite);
  console.log(
    `| ${size.toLocaleString('en-GB')} | ${ms(quantile(results.map((r) => r.load), 0.5))} | ${ms(quantile(all('brush'), 0.5))} / ${ms(quantile(all('brush'), 0.95))} | ${ms(quantile(all('facet'), 0.5))} / ${ms(quantile(all('facet'), 0.95))} | ${ms(quantile(all('pan'), 0.5))} / ${ms(quantile(all('pan'), 0.95))} | ${ms(quantile(all('redraw'), 0.5))} | ${quantile(results.map((r) => r.heap), 0.5).toFixed(0)} MB |`,
  );
  console.log(`  (${runs} runs; ${all('brush').length} brush steps, ${all('facet').length} clicks, ${all('pan').length} pan steps; brushed count: ${results[0]?.windowed})`);
}
await browser.close();
server.httpServer.close();
