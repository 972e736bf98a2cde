import type { Page } from '@playwright/test';
import { afterFrames, brushOverview, expect, openApp, test } from './fixtures';

/**
 * A fixed dataset so mark positions are predictable: two events a year from 2010 to 2021,
 * one range, one month-precision and one approximate year event. Served with page.route.
 */
const source = [{ publisher: 'P', title: 'T', url: 'https://example.org' }];
const events: Record<string, unknown>[] = [];
for (let year = 2010; year <= 2021; year++) {
  events.push({
    id: `spring-${year}`,
    title: `Spring talks ${year}`,
    summary: 'S',
    date: `${year}-03-01`,
    category: 'talks',
    actors: ['Alpha'],
    sources: source,
  });
  events.push({
    id: `autumn-${year}`,
    title: `Autumn strike ${year}`,
    summary: 'S',
    date: `${year}-09-15`,
    category: 'strike',
    actors: ['Beta', 'Alpha'],
    sources: source,
  });
}
events.push({
  id: 'long-war',
  title: 'Long war',
  summary: 'S',
  date: '2015-01-01',
  end: '2016-12-31',
  category: 'war',
  actors: ['Gamma'],
  sources: source,
});
events.push({
  id: 'month-only',
  title: 'Known to the month',
  summary: 'S',
  date: '2018-06',
  category: 'war',
  sources: source,
});
events.push({
  id: 'about-2019',
  title: 'About 2019',
  summary: 'S',
  date: '2019',
  approximate: true,
  category: 'war',
  sources: source,
});
const TOTAL = events.length;
const fixture = JSON.stringify({
  format: 'faultline/1',
  title: 'Timeline fixture',
  categories: [
    { id: 'war', label: 'Armed conflict', color: '#b2182b' },
    { id: 'strike', label: 'Strike', color: '#d55e00' },
    { id: 'talks', label: 'Meeting', color: '#6a3d9a' },
  ],
  events,
});

interface Mark {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

async function open(page: Page): Promise<void> {
  await page.route('**/fixtures/timeline.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: fixture }),
  );
  await openApp(page, '?data=fixtures/timeline.json');
  await expect(page.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
}

async function marks(page: Page): Promise<Mark[]> {
  const canvas = page.getByTestId('timeline-canvas');
  await expect(canvas).toHaveAttribute('data-marks', /\[/);
  return JSON.parse((await canvas.getAttribute('data-marks')) ?? '[]') as Mark[];
}

/**
 * Waits for a zoom to be drawn as laid out (not a scaled preview), over frames enough for the
 * wheel's last notch to be painted: the marks read next are where the zoom put them.
 */
async function zoomDrawn(page: Page): Promise<void> {
  await expect(page.getByTestId('timeline-canvas')).toHaveAttribute('data-scaled', 'false');
  await afterFrames(page);
}

async function brushSelectionX(page: Page): Promise<number> {
  const selection = page.getByTestId('overview').locator('.selection');
  return Number(await selection.getAttribute('x'));
}

test('brushing the overview narrows the count and the list; clicking it clears the window', async ({ page }) => {
  await open(page);
  const box = (await page.getByTestId('overview').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.05, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.3, y, { steps: 4 });
  await page.mouse.up();

  const count = page.getByTestId('event-count');
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} events$`));
  const shown = Number((await count.textContent())!.split(' ')[0]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(TOTAL);
  await expect(page.getByTestId('event-row')).toHaveCount(shown);
  await expect(page.locator('[data-event-id="spring-2021"]')).toHaveCount(0);
  // The main timeline highlights the window.
  await expect(page.getByTestId('timeline-window')).toBeVisible();

  // A click without a drag, outside the selection, empties the brush and the window.
  await page.mouse.click(box.x + box.width * 0.85, y);
  await expect(count).toHaveText(`${TOTAL} events`);
  await expect(page.getByTestId('timeline-window')).toHaveCount(0);
});

test('clicking a mark selects its event in the list', async ({ page }) => {
  await open(page);
  const mark = (await marks(page)).find((m) => m.id === 'spring-2014')!;
  expect(mark).toBeTruthy();
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  await page.mouse.move(plot.x + mark.x + mark.w / 2, plot.y + mark.y + mark.h / 2);
  await expect(page.getByTestId('timeline-tooltip')).toContainText('Spring talks 2014');
  await page.mouse.click(plot.x + mark.x + mark.w / 2, plot.y + mark.y + mark.h / 2);
  await expect(page.locator('[data-event-id="spring-2014"]')).toHaveAttribute('aria-selected', 'true');
});

/** The marks canvas's alpha (0–255) at a point of the plot (CSS px). */
async function alphaAt(page: Page, x: number, y: number): Promise<number> {
  return page.getByTestId('timeline-canvas').evaluate(
    (el, [px, py]) => {
      const canvas = el as HTMLCanvasElement;
      const dpr = canvas.width / canvas.getBoundingClientRect().width;
      return canvas.getContext('2d')!.getImageData(Math.round(px! * dpr), Math.round(py! * dpr), 1, 1).data[3]!;
    },
    [x, y],
  );
}

/** Whether the marks canvas has paint at a point of the plot (CSS px). */
async function paintedAt(page: Page, x: number, y: number): Promise<boolean> {
  return (await alphaAt(page, x, y)) > 0;
}

test('dragging the zoomed timeline moves marks with the pointer, near and past where they were laid out', async ({
  page,
}) => {
  await open(page);
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  const y = plot.y + plot.height / 3;
  await page.mouse.move(plot.x + plot.width / 2, y);
  for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -500);
  await expect.poll(async () => (await marks(page)).length).toBeLessThan(TOTAL - 4);
  await zoomDrawn(page);
  const before = new Map((await marks(page)).map((m) => [m.id, m]));
  let moved = 0;
  // Three drags of 200 px: the first within the laid-out sheet, the later ones past it.
  for (let drag = 0; drag < 3; drag++) {
    const from = plot.x + plot.width / 2;
    await page.mouse.move(from, y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(from - step * 20, y);
    // No hover while panning: the tooltip does not chase the marks under the pointer.
    await expect(page.getByTestId('timeline-tooltip')).toHaveCount(0);
    await page.mouse.up();
    moved += 200;
    await expect
      .poll(async () => {
        const now = await marks(page);
        const shifted = now.filter((m) => before.has(m.id) && m.w < 20 && before.get(m.id)!.w < 20);
        return shifted.length > 0 && shifted.every((m) => Math.abs(before.get(m.id)!.x - moved - m.x) <= 1);
      })
      .toBe(true);
    const points = (await marks(page)).filter((m) => m.w < 20 && m.x > 5 && m.x + m.w < plot.width - 5);
    expect(points.length).toBeGreaterThan(0);
    for (const m of points) expect(await paintedAt(page, m.x + m.w / 2, m.y + m.h / 2)).toBe(true);
  }
  // A mark that came into view with the pans is hovered and clicked where it is drawn.
  const arrived = (await marks(page)).find(
    (m) => !before.has(m.id) && m.w < 20 && m.x > 5 && m.x + m.w < plot.width - 5,
  )!;
  expect(arrived).toBeTruthy();
  await page.mouse.move(plot.x + arrived.x + arrived.w / 2, plot.y + arrived.y + arrived.h / 2);
  await expect(page.getByTestId('timeline-tooltip')).toBeVisible();
  await page.mouse.click(plot.x + arrived.x + arrived.w / 2, plot.y + arrived.y + arrived.h / 2);
  await expect(page.locator(`[data-event-id="${arrived.id}"]`)).toHaveAttribute('aria-selected', 'true');
});

test('marks outside the brushed window are drawn faint, those inside at full strength, before and after a pan', async ({
  page,
}) => {
  await open(page);
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  const y = plot.y + plot.height / 3;
  await page.mouse.move(plot.x + plot.width / 2, y);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await marks(page)).length).toBeLessThan(TOTAL - 4);
  await zoomDrawn(page);
  // Day marks (the spring and autumn events) away from the edges, and their alpha at full strength.
  const days = (await marks(page)).filter(
    (m) => /^(spring|autumn)-/.test(m.id) && m.x > 120 && m.x + m.w < plot.width - 120,
  );
  const centre = (m: Mark, shift = 0) => [m.x + m.w / 2 - shift, m.y + m.h / 2] as const;
  const full = new Map<string, number>();
  for (const m of days) full.set(m.id, await alphaAt(page, ...centre(m)));
  expect(days.length).toBeGreaterThan(6);
  for (const a of full.values()) expect(a).toBeGreaterThan(200);

  // A window over part of the overview, so that some of those marks fall inside it and some outside.
  await brushOverview(page, 0.4, 0.6);
  await expect(page.getByTestId('timeline-window')).toBeVisible();

  // Inside the window: listed and at full strength; outside: not listed, drawn at about a quarter.
  const check = async (shift: number) => {
    const band = (await page.getByTestId('timeline-window').boundingBox())!;
    const left = band.x - plot.x;
    const right = left + band.width;
    const listed = new Set((await marks(page)).map((m) => m.id));
    let inside = 0;
    let outside = 0;
    for (const m of days) {
      const [cx, cy] = centre(m, shift);
      if (cx < 5 || cx > plot.width - 5 || Math.abs(cx - left) < 8 || Math.abs(cx - right) < 8) continue;
      const a = await alphaAt(page, cx, cy);
      if (cx > left && cx < right) {
        expect(listed.has(m.id)).toBe(true);
        expect(a).toBe(full.get(m.id));
        inside++;
      } else {
        expect(listed.has(m.id)).toBe(false);
        expect(a).toBeGreaterThan(0);
        expect(a).toBeLessThan(full.get(m.id)! * 0.3);
        outside++;
      }
    }
    expect(inside).toBeGreaterThan(0);
    expect(outside).toBeGreaterThan(0);
  };
  await check(0);

  // A pan of 100 px: the marks and the window move together, and the strengths with them.
  await page.mouse.move(plot.x + plot.width / 2, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(plot.x + plot.width / 2 - step * 10, y);
  await page.mouse.up();
  const moved = async () => {
    const now = (await marks(page)).filter((m) => full.has(m.id));
    return now.length > 0 && now.every((m) => Math.abs(days.find((d) => d.id === m.id)!.x - 100 - m.x) <= 1);
  };
  await expect.poll(moved).toBe(true);
  await check(100);
});

test('wheel zoom turns year ticks into month ticks', async ({ page }) => {
  await open(page);
  const labels = () => page.getByTestId('timeline-axis').locator('text').allTextContents();
  const isMonth = (label: string) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/.test(label);
  await expect.poll(labels).toContain('2014');
  expect((await labels()).some(isMonth)).toBe(false);
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 3);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -500);
  await expect.poll(async () => (await labels()).some(isMonth)).toBe(true);
  // Zooming does not filter: the count stays.
  await expect(page.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
});

test('playback moves the window forward and pause stops it', async ({ page }) => {
  await open(page);
  await page.getByTestId('speed').selectOption('4');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('event-count')).toHaveText(new RegExp(`^\\d+ of ${TOTAL} events$`));
  const first = await brushSelectionX(page);
  await expect.poll(() => brushSelectionX(page)).toBeGreaterThan(first + 5);

  await page.getByTestId('play').click(); // pause
  await expect(page.getByTestId('play')).toHaveAccessibleName('Play through time');
  const stopped = await brushSelectionX(page);
  // At 4× playback steps every 250 ms: twenty frames (about 330 ms, longer on a busy machine) with no move.
  await afterFrames(page, 20);
  expect(await brushSelectionX(page)).toBe(stopped);
});

test('arrow keys step through events and announce them', async ({ page }) => {
  await open(page);
  const plot = page.getByTestId('timeline-plot');
  await plot.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-event-id="spring-2010"]')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-event-id="autumn-2010"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('timeline-announcement')).toContainText('15 Sep 2010: Autumn strike 2010');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-event-id="spring-2010"]')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByTestId('timeline-announcement')).toContainText('Autumn strike 2021');
});

test('lanes switch between categories and actors', async ({ page }) => {
  await open(page);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('list', { name: 'Lanes' })).toContainText('Armed conflict');
  await timeline.getByRole('button', { name: 'Actor' }).click();
  const lanes = timeline.getByRole('list', { name: 'Lanes' }).getByRole('listitem');
  await expect(lanes.first()).toContainText('Alpha');
  await expect(timeline.getByRole('button', { name: 'Actor' })).toHaveAttribute('aria-pressed', 'true');
});

test('a window from the URL shows on the brush and the plot; clearing it empties both', async ({ page }) => {
  await page.route('**/fixtures/timeline.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: fixture }),
  );
  await openApp(page, '?data=fixtures/timeline.json&from=2012-01-01&to=2013-12-31');
  await expect(page.getByTestId('event-count')).toHaveText(`4 of ${TOTAL} events`);
  const selection = page.getByTestId('overview').locator('.selection');
  await expect(selection).toBeVisible();
  expect(Number(await selection.getAttribute('width'))).toBeGreaterThan(10);
  await expect(page.getByTestId('timeline-window')).toBeVisible();

  await page.getByTestId('clear-window').click();
  await expect(page.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
  await expect(selection).toBeHidden();
});

test('selecting an event elsewhere pans the zoomed timeline to it', async ({ page }) => {
  await open(page);
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.9, plot.y + plot.height / 3);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -500);
  await expect.poll(async () => (await marks(page)).some((m) => m.id === 'spring-2010')).toBe(false);
  await page.locator('[data-event-id="spring-2010"]').click();
  await expect.poll(async () => (await marks(page)).some((m) => m.id === 'spring-2010')).toBe(true);
});

test("with reduced motion, a year's window plays a whole year a step, its width kept", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.route('**/fixtures/timeline.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: fixture }),
  );
  await openApp(page, '?data=fixtures/timeline.json&from=2010-01-01&to=2010-12-31');
  const selection = page.getByTestId('overview').locator('.selection');
  const x = async () => Number(await selection.getAttribute('x'));
  const width = Number(await selection.getAttribute('width'));
  const start = await x();
  await page.getByTestId('play').click();
  await expect.poll(x).toBeGreaterThan(start + 1);
  await page.getByTestId('play').click();
  // A whole year is the window, so playback steps by years: the offset is a multiple of its width (within rounding).
  const steps = ((await x()) - start) / width;
  expect(Math.abs(steps - Math.round(steps))).toBeLessThan(0.05);
  expect(Math.round(steps)).toBeGreaterThanOrEqual(1);
});
