// The benchmark's gestures on our app, shared by the benchmark (scripts/bench.ts) and the profiler
// (scripts/bench-profile.ts) so that a profile shows the steps the benchmark times.
import type { Page } from '@playwright/test';

/** Drags across the timeline overview in 41 steps (20 % → 25–65 % of its width). */
export async function brushDrag(page: Page): Promise<void> {
  const overview = (await page.getByTestId('overview').boundingBox())!;
  const y = overview.y + overview.height / 2;
  await page.mouse.move(overview.x + overview.width * 0.2, y);
  await page.mouse.down();
  for (let i = 0; i <= 40; i++) await page.mouse.move(overview.x + overview.width * (0.25 + (i / 40) * 0.4), y);
  await page.mouse.up();
}

/** Toggles the first category off and on, three times; `pauseMs` between clicks. */
export async function facetClicks(page: Page, pauseMs = 0): Promise<void> {
  const box = page.getByTestId('facet-categories').getByRole('checkbox').first();
  for (let i = 0; i < 6; i++) {
    await box.click();
    if (pauseMs) await page.waitForTimeout(pauseMs);
  }
}

function mapCentre(box: { x: number; y: number; width: number; height: number }): [number, number] {
  return [box.x + box.width / 2, box.y + box.height / 2];
}

/** Drags the map 30 steps up and to the left from its centre. */
export async function mapDrag(page: Page): Promise<void> {
  const [cx, cy] = mapCentre((await page.getByTestId('map').boundingBox())!);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(cx - i * 6, cy - i * 3);
  await page.mouse.up();
}

/** Four wheel steps at the map's centre (in, out, in, out), 900 ms apart. */
export async function mapZooms(page: Page): Promise<void> {
  const [cx, cy] = mapCentre((await page.getByTestId('map').boundingBox())!);
  for (const dy of [-120, 120, -120, 120]) {
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(900);
  }
}

/**
 * d3-zoom's factor for one wheel event of deltaY -300: 2^(300 × 0.002). The whole span cannot be
 * panned, so the timeline is zoomed in by this much first; vis-timeline's page opens on the same
 * window (bench/peers/vis-timeline.js), so both pan the same stretch of time.
 */
export const TIMELINE_ZOOM = 2 ** 0.6;

/** Zooms the main timeline in by TIMELINE_ZOOM at its centre, then drags it 30 steps to the left (pairs with vis-timeline's pan). */
export async function timelineDrag(page: Page): Promise<void> {
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  const [px, py] = mapCentre(plot);
  await page.mouse.move(px, py);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(600);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(px - i * 10, py);
  await page.mouse.up();
}

/**
 * Six wheel steps in at the centre of `box`, 250 ms apart (the view stays a moment after each, as
 * when an analyst zooms and looks), then six out, 60 ms apart (a quick zoom back, which leaves
 * behind whatever was laid out around the zoomed view). Used on our timeline and vis-timeline's.
 */
export async function wheelZooms(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
): Promise<void> {
  await page.mouse.move(...mapCentre(box));
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(250);
  }
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(60);
  }
}

/** wheelZooms on the main timeline. */
export async function timelineZooms(page: Page): Promise<void> {
  await wheelZooms(page, (await page.getByTestId('timeline-plot').boundingBox())!);
}

/**
 * Types a word into the search box, a key every 90 ms, and waits until the count shows the
 * events it matched: the search runs once the typing pauses (above 50,000 events).
 */
export async function searchWord(page: Page, word: string): Promise<void> {
  const count = page.getByTestId('event-count');
  const before = await count.textContent();
  await page.getByTestId('search').pressSequentially(word, { delay: 90 });
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid=event-count]')?.textContent !== text,
    before,
    { timeout: 120_000 },
  );
}

/**
 * Types each word into the search box (a key every 90 ms), and times from the last key's input
 * event to a task after the frame that shows the count of its matches (above 50,000 events
 * this includes the 250 ms pause in typing the search waits for). The box is cleared between words.
 */
export async function searchLatencies(page: Page, words: readonly string[]): Promise<number[]> {
  const box = page.getByTestId('search');
  const count = page.getByTestId('event-count');
  const out: number[] = [];
  for (const word of words) {
    const before = (await count.textContent()) ?? '';
    // No named helpers inside evaluate: tsx would wrap them in a __name() call the page lacks.
    await page.evaluate((shown) => {
      const w = window as unknown as { __search: Promise<number>; __lastKey?: number };
      const el = document.querySelector('[data-testid=event-count]')!;
      // Once per page: the last key's input event (Playwright types a Cyrillic letter with no keydown).
      if (w.__lastKey === undefined) addEventListener('input', (e) => (w.__lastKey = e.timeStamp), { capture: true });
      w.__lastKey = 0;
      w.__search = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          const text = el.textContent ?? '';
          if (text === shown || text.includes('Searching')) return;
          seen.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - w.__lastKey!), 0));
        });
        seen.observe(el, { subtree: true, childList: true, characterData: true });
      });
    }, before);
    await box.pressSequentially(word, { delay: 90 });
    out.push(await page.evaluate(() => (window as unknown as { __search: Promise<number> }).__search));
    await box.fill('');
    await count.filter({ hasText: before }).waitFor({ timeout: 60_000 });
  }
  return out;
}

/**
 * Chooses a map mode in the map's menu and returns the ms from the menu's change event to a task
 * after the frame that shows the mode drawn (the map container's data-mapmode names it once its
 * canvas is drawn; a mode's code and shapes load the first time it is chosen).
 */
export async function setMapMode(page: Page, mode: string): Promise<number> {
  await page.evaluate(`(() => {
    const w = window;
    w.__modeStart = 0;
    document.querySelector('[data-testid=map-mode]').addEventListener('change', (e) => (w.__modeStart = e.timeStamp), { capture: true, once: true });
  })()`);
  await page.getByTestId('map-mode').selectOption(mode);
  return page.evaluate(`new Promise((done) => {
    const map = document.querySelector('[data-testid=map]');
    const finish = () => requestAnimationFrame(() => setTimeout(() => done(performance.now() - window.__modeStart), 0));
    if (map.getAttribute('data-mapmode') === ${JSON.stringify(mode)}) return finish();
    const watch = new MutationObserver(() => {
      if (map.getAttribute('data-mapmode') !== ${JSON.stringify(mode)}) return;
      watch.disconnect();
      finish();
    });
    watch.observe(map, { attributes: true, attributeFilter: ['data-mapmode'] });
  })`);
}
