// The benchmark's calibration (performance.md §2.5): what this machine does right now on fixed
// work that involves no app code, so results from a busy or slow moment can be told apart from
// a slower app. Measured in a blank page of the same browser:
//   loop       a fixed integer loop (3·10⁷ steps), median of 5 after 3 warm-up runs (the first
//              runs time the JIT, not the CPU), ms: the CPU's speed at the moment
//   frame      the brush probe on a page that does nothing per pointer move, p50/p95 ms: the
//              floor of "brush frame" on this machine (frame production alone)
//   frame 8 ms the same with a handler that burns 8 ms: the probe should read about 8 ms more
import type { Browser } from '@playwright/test';
import { installLatencyProbe, takeLatencies } from './bench-probe.ts';

export interface Calibration {
  loopMs: number;
  idleFrame: number[];
  busyFrame: number[];
}

// Strings, not functions: tsx would wrap named helpers in a __name() call the page lacks.
const LOOP =
  '(() => { const run = () => { const t = performance.now(); let x = 0; for (let i = 0; i < 3e7; i++) x += i % 7; return x > 0 ? performance.now() - t : -1; }; for (let i = 0; i < 3; i++) run(); const times = [run(), run(), run(), run(), run()].sort((a, b) => a - b); return times[2]; })()';

/** The fixed loop alone, in a blank page of `browser`: taken before each of our runs, so `--raw` shows when the machine drifted mid-run. */
export async function loopNow(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  try {
    return Number(await (await context.newPage()).evaluate(LOOP));
  } finally {
    await context.close();
  }
}

export async function calibrate(browser: Browser): Promise<Calibration> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  try {
    await page.setContent('<div style="width:1000px;height:300px;background:#ddd"></div>');
    const loopMs = Number(await page.evaluate(LOOP));
    await installLatencyProbe(page);
    const drag = async (): Promise<number[]> => {
      await takeLatencies(page, 'pointermove-frame');
      await page.mouse.move(100, 100);
      await page.mouse.down();
      for (let i = 0; i <= 40; i++) await page.mouse.move(100 + i * 10, 100);
      await page.mouse.up();
      return takeLatencies(page, 'pointermove-frame');
    };
    const idleFrame = await drag();
    await page.evaluate('onpointermove = () => { const t = performance.now(); while (performance.now() - t < 8); }');
    const busyFrame = await drag();
    return { loopMs, idleFrame, busyFrame };
  } finally {
    await context.close();
  }
}
