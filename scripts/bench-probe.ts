// The one latency probe of the benchmark, installed the same way in our app and in every peer page,
// so their figures compare: per input event, from its timeStamp to a task after the next animation
// frame; per map moveend (a User Timing mark set by the map's first moveend listener), from the mark
// to a task after the next frame. Values are read (and cleared) by type: pointermove, click,
// mousemove, wheel, repaint.
//
// The latency from the event's timeStamp includes the wait for the display's next frame (0–17 ms
// at 60 Hz; Chromium delivers pointer moves at the start of a frame), so no page scores below
// ~17 ms p95 on it. 'pointermove-frame' takes the same step from the event's dispatch instead:
// the main-thread time of the frame that shows the step (handlers, animation frame callbacks,
// style, layout, paint, commit). That is the frame budget a 60 fps drag must fit (16.7 ms).
import type { Page } from '@playwright/test';

export async function installLatencyProbe(page: Page, moveendMark: string | null = null): Promise<void> {
  // No named helpers inside evaluate: tsx would wrap them in a __name() call the page lacks.
  await page.evaluate((mark) => {
    const w = window as unknown as { __lat: Record<string, number[]> };
    w.__lat = {};
    for (const type of ['pointermove', 'click', 'mousemove', 'wheel']) {
      addEventListener(
        type,
        (e) => {
          const start = e.timeStamp;
          const dispatched = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => {
              const now = performance.now();
              (w.__lat[type] ??= []).push(now - start);
              (w.__lat[`${type}-frame`] ??= []).push(now - dispatched);
            }, 0),
          );
        },
        { capture: true },
      );
    }
    if (mark === null) return;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name !== mark) continue;
        requestAnimationFrame(() =>
          setTimeout(() => (w.__lat.repaint ??= []).push(performance.now() - entry.startTime), 0),
        );
      }
    }).observe({ type: 'mark' });
  }, moveendMark);
}

export async function takeLatencies(page: Page, type: string): Promise<number[]> {
  await page.waitForTimeout(300);
  return page.evaluate((t) => {
    const w = window as unknown as { __lat: Record<string, number[]> };
    const out = w.__lat[t] ?? [];
    w.__lat[t] = [];
    return out;
  }, type);
}

/**
 * Our load is done once every view shows the data: the page's first render
 * ('faultline:interactive') and the map's markers ('faultline:map-interactive'; the map's code
 * arrives in a chunk of its own, so it may draw later). Each mark is set in a task after the
 * frame that shows it.
 */
const LOADED = ['faultline:interactive', 'faultline:map-interactive'];

export async function waitLoaded(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction((marks) => marks.every((m) => performance.getEntriesByName(m).length > 0), LOADED, {
    timeout,
  });
}

/** ms from 'faultline:data-arrived' to the later of the LOADED marks. */
export async function loadTime(page: Page): Promise<number> {
  return page.evaluate(
    (marks) =>
      Math.max(...marks.map((m) => performance.getEntriesByName(m).at(-1)!.startTime)) -
      performance.getEntriesByName('faultline:data-arrived').at(-1)!.startTime,
    LOADED,
  );
}
