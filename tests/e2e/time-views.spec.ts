import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { appOrigin, brushOverview, expect, openApp, test } from './fixtures';

/**
 * Time views that follow the analyst (issue #24): a window set from outside the timeline (a link,
 * back/forward, the embed and its host page) is what the main timeline shows; a brush snaps to
 * whole units of its axis; playback steps by whole units, skips empty stretches, and can be
 * cumulative.
 */
const bundled = JSON.parse(readFileSync('data/events.json', 'utf8')) as { events: { category: string }[] };
const TOTAL = bundled.events.length;

/** Axis ms of a UTC day (month 1-12). */
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
/** The reported window: 27 Sep to 10 Nov 2020, the end day included. */
const WAR = { start: day(2020, 9, 27), end: day(2020, 11, 11) };

/** The main timeline's visible domain, as it exposes it. */
async function viewOf(timeline: Locator): Promise<{ start: number; end: number }> {
  const [start, end] = await Promise.all([
    timeline.getAttribute('data-view-start'),
    timeline.getAttribute('data-view-end'),
  ]);
  return { start: Number(start), end: Number(end) };
}

/** The view shows the window with a little padding: all of it, and not much else. */
async function showsWindow(timeline: Locator, w: { start: number; end: number }): Promise<boolean> {
  const v = await viewOf(timeline);
  return v.start <= w.start && v.end >= w.end && v.end - v.start < 1.25 * (w.end - w.start);
}

/** Every URL the page writes to history, recorded from its start. */
async function recordHistory(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __urls: string[] };
    w.__urls = [];
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = (data: unknown, unused: string, url?: string | URL | null) => {
        if (url) w.__urls.push(String(url));
        original(data, unused, url);
      };
    }
  });
}

/** Each text the filter panel's window label takes from now on. */
async function recordWindowLabels(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __labels: string[] };
    w.__labels = [];
    const panel = document.querySelector('[data-testid=filter-panel]')!;
    const note = () => {
      const text = panel.querySelector('[data-testid=window-label]')?.textContent ?? '';
      if (text !== w.__labels.at(-1)) w.__labels.push(text);
    };
    note();
    new MutationObserver(note).observe(panel, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __labels: string[] }).__labels);
}

test('a window in the link opens the main timeline on it, and back and forward show it again', async ({ page }) => {
  await openApp(page, '?from=2020-09-27&to=2020-11-10');
  const timeline = page.getByTestId('timeline');
  await expect.poll(() => showsWindow(timeline, WAR)).toBe(true);
  // The axis is in days of autumn 2020, not in years of the whole data.
  const labels = () => page.getByTestId('timeline-axis').locator('text').allTextContents();
  await expect.poll(labels).toContain('Nov');
  expect(await labels()).not.toContain('2015');

  // The whole period, then the window cleared (a new history entry): back brings the window and its view.
  await timeline.getByRole('button', { name: 'All', exact: true }).click();
  await expect.poll(() => showsWindow(timeline, WAR)).toBe(false);
  await page.getByTestId('clear-window').click();
  await expect(page.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
  await expect(page).not.toHaveURL(/from=/);
  await page.goBack();
  await expect(page).toHaveURL(/from=2020-09-27&to=2020-11-10/);
  await expect.poll(() => showsWindow(timeline, WAR)).toBe(true);
});

test("the embed opens on the link's window, and on the window its host page sets", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto('./embed.html?from=2020-09-27&to=2020-11-10');
  await expect(page.getByTestId('event-count')).toHaveText(/^\d+ of \d+ events$/);
  await expect.poll(() => showsWindow(page.getByTestId('timeline'), WAR)).toBe(true);

  // Framed by a host page, which then sets another window through the API.
  const host = `${appOrigin()}/__time-host.html`;
  await page.route(host, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body style="margin:0">
<iframe id="embed" title="Faultline" src="./embed.html" style="border:0;width:1000px;height:680px"></iframe>
<script>window.send = (m) => document.getElementById('embed').contentWindow.postMessage(m, '*');</script>
</body></html>`,
    }),
  );
  await page.goto(host);
  const embed = page.frameLocator('#embed');
  await expect(embed.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
  await page.evaluate(() =>
    (window as unknown as { send: (m: unknown) => void }).send({
      v: 1,
      type: 'setWindow',
      payload: { from: '2020-09-27', to: '2020-11-10' },
    }),
  );
  await expect(embed.getByTestId('event-count')).toHaveText(/^\d+ of \d+ events$/);
  await expect.poll(() => showsWindow(embed.getByTestId('timeline'), WAR)).toBe(true);
});

test("the Share dialog's embed preview opens on the window too", async ({ page }) => {
  await openApp(page, '?from=2020-09-27&to=2020-11-10');
  await page.getByTestId('share-button').click();
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.getByTestId('event-count')).toHaveText(/^\d+ of \d+ events$/);
  await expect.poll(() => showsWindow(preview.getByTestId('timeline'), WAR)).toBe(true);
  // Let the preview finish loading: closing the page mid-load would abort its requests.
  await expect(preview.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
});

/** Events over two months of 2020: the overview strip is at day scale. */
const autumn = JSON.stringify({
  format: 'faultline/1',
  title: 'Autumn fixture',
  categories: [{ id: 'war', label: 'Armed conflict', color: '#b2182b' }],
  events: ['09-20', '09-27', '10-02', '10-09', '10-14', '10-20', '10-28', '11-03', '11-10', '11-20'].map((d) => ({
    id: `e-${d}`,
    title: `Event ${d}`,
    summary: 'S',
    date: `2020-${d}`,
    category: 'war',
    sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
  })),
});

test('a brush at day scale writes whole days to the link and the label, and leaves the view alone', async ({
  page,
}) => {
  await page.route('**/fixtures/autumn.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: autumn }),
  );
  await openApp(page, '?data=fixtures/autumn.json');
  const timeline = page.getByTestId('timeline');
  const before = await viewOf(timeline);
  await brushOverview(page, 0.23, 0.61);
  await expect(page.getByTestId('event-count')).toHaveText(/^\d+ of 10 events$/);
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}(&|$)/);
  const params = new URL(page.url()).searchParams;
  expect(params.get('from')).not.toContain('T');
  expect(params.get('to')).not.toContain('T');
  await expect(page.getByTestId('window-label')).toHaveText(
    /^\d{1,2} [A-Z][a-z]{2} 2020 – \d{1,2} [A-Z][a-z]{2} 2020$/,
  );
  // A brush never zooms the main view: it stays where it was while the window is chosen.
  expect(await viewOf(timeline)).toEqual(before);
});

test('a brush over the years of the bundled data snaps to whole months', async ({ page }) => {
  await openApp(page);
  await brushOverview(page, 0.62, 0.7);
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}(&|$)/);
  const to = new URL(page.url()).searchParams.get('to')!;
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  // The last day of its month: the next day is a 1st.
  expect(new Date(Date.UTC(y, m - 1, d + 1)).getUTCDate()).toBe(1);
});

test("cumulative playback grows the window from the data's start to every filtered event, in whole days", async ({
  page,
}) => {
  await recordHistory(page);
  await openApp(page);
  // One category off: the full count to reach is the filtered one.
  await page
    .getByTestId('facet-categories')
    .getByRole('checkbox', { name: /^Statement\b/ })
    .uncheck();
  const count = page.getByTestId('event-count');
  await expect(count).toHaveText(/^\d+ of \d+ events$/);
  const filtered = await count.textContent();

  await page.getByTestId('playback-mode').selectOption('cumulative');
  await page.getByTestId('playback-step').selectOption('year');
  await page.getByTestId('speed').selectOption('4');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAccessibleName('Pause playback');
  // It ends by itself, with every filtered event shown.
  await expect(page.getByTestId('play')).toHaveAccessibleName('Play through time', { timeout: 30_000 });
  await expect(count).toHaveText(filtered!);
  await expect(page.getByTestId('playback-announcement')).toHaveText(/^Playback ended at 2010 – 20\d\d\.$/);
  await expect(page).toHaveURL(/[?&]from=2010-01-01&to=20\d\d-12-31(&|$)/);
  // No step wrote a time (let alone milliseconds) into the link.
  const urls = await page.evaluate(() => (window as unknown as { __urls: string[] }).__urls);
  expect(urls.filter((u) => /[?&](from|to)=/.test(u)).length).toBeGreaterThan(0);
  expect(urls.filter((u) => /[?&](from|to)=[^&]*T/.test(u))).toEqual([]);
});

test('with reduced motion, playback steps a year at a time, skips the empty years, and jumps the view', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, '?from=2011-01-01&to=2011-12-31');
  const timeline = page.getByTestId('timeline');
  const year2011 = { start: day(2011, 1, 1), end: day(2012, 1, 1) };
  await expect.poll(() => showsWindow(timeline, year2011)).toBe(true);
  // A whole year is the window: playback steps by years.
  await expect(page.getByTestId('playback-step')).toHaveValue('year');
  const labels = await recordWindowLabels(page);
  await page.evaluate(() => {
    const w = window as unknown as { __views: string[] };
    w.__views = [];
    const node = document.querySelector('[data-testid=timeline]')!;
    new MutationObserver(() =>
      w.__views.push(`${node.getAttribute('data-view-start')}/${node.getAttribute('data-view-end')}`),
    ).observe(node, {
      attributes: true,
      attributeFilter: ['data-view-start', 'data-view-end'],
    });
  });

  // Slowly (a step every two seconds), so the pause below comes before the steps reach the data's edge.
  await page.getByTestId('speed').selectOption('0.5');
  await page.getByTestId('play').click();
  await expect.poll(labels, { timeout: 30_000 }).toContain('1 Jan 2020 – 31 Dec 2020');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAccessibleName('Play through time');
  // 2011, then 2020: the eight years without an event are skipped.
  const seen = await labels();
  expect(seen.slice(0, 2)).toEqual(['1 Jan 2011 – 31 Dec 2011', '1 Jan 2020 – 31 Dec 2020']);
  await expect(page.getByTestId('playback-announcement')).toHaveText(/^20\d\d$/);
  // The view followed in jumps: every view it took is centred on a whole year, none in between.
  const views = await page.evaluate(() => (window as unknown as { __views: string[] }).__views);
  expect(views.length).toBeGreaterThan(0);
  for (const v of views) {
    const [start, end] = v.split('/').map(Number) as [number, number];
    const year = new Date((start + end) / 2).getUTCFullYear();
    expect(Math.abs((start + end) / 2 - (day(year, 1, 1) + day(year + 1, 1, 1)) / 2)).toBeLessThan(1);
  }
});

test('at 360 px the playback options open under the toolbar, whole, and Escape closes them', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  const timeline = page.getByTestId('timeline');
  await timeline.scrollIntoViewIfNeeded();
  const toggle = page.getByTestId('playback-options');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('playback-step')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const box = (await timeline.boundingBox())!;
  for (const id of ['playback-step', 'playback-mode', 'playback-loop', 'speed']) {
    const control = page.getByTestId(id);
    await expect(control).toBeVisible();
    const c = (await control.boundingBox())!;
    expect(c.x).toBeGreaterThanOrEqual(box.x);
    expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width);
  }
  await page.getByTestId('playback-mode').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('playback-step')).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('the timeline toolbar holds its controls without scrolling, narrow to wide', async ({ page }) => {
  await openApp(page);
  const toolbar = page.getByTestId('timeline').locator('.toolbar');
  for (const width of [360, 600, 700, 760, 1000]) {
    await page.setViewportSize({ width, height: 740 });
    // The options move into the toolbar from about 720 px of timeline: either place, nothing hidden.
    await expect
      .poll(() => toolbar.evaluate((t) => t.scrollWidth - t.clientWidth), { message: `at ${width} px` })
      .toBeLessThanOrEqual(0);
  }
});
