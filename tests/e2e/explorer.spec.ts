import { readFileSync } from 'node:fs';
import { afterFrames, expect, openApp, test } from './fixtures';
import { REPLACE_EVERY_MS } from '../../src/lib/state/url-timing';

interface E {
  id: string;
  title: string;
  category: string;
  location: unknown;
  sources: { url: string }[];
}
const bundled = JSON.parse(readFileSync('data/events.json', 'utf8')) as {
  events: E[];
  categories: { id: string; label: string }[];
};
const total = bundled.events.length;

test('clicking a list item selects it and opens its details with sources', async ({ page }) => {
  await openApp(page);
  const row = page.locator('[data-event-id="nato20-sg-presser-1201"]');
  await page.getByTestId('search').fill('Stoltenberg');
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  const detail = page.getByTestId('event-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(
    bundled.events.find((e) => e.id === 'nato20-sg-presser-1201')!.title,
  );
  const link = detail.getByRole('link', { name: /NATO Welcomes the Cessation of Fighting/ });
  await expect(link).toHaveAttribute('href', 'http://ccbsnews.info/en/news/detail/1764');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page).toHaveURL(/event=nato20-sg-presser-1201/);
  await expect(detail.getByTestId('permalink')).toHaveAttribute('href', /\?event=nato20-sg-presser-1201$/);
});

test('a related event link selects that event', async ({ page }) => {
  await openApp(page, '?event=nst-extension');
  const detail = page.getByTestId('event-detail');
  await expect(detail).toContainText('3 Feb 2021 – 5 Feb 2026');
  const related = detail.getByTestId('related-event').first();
  const name = (await related.textContent()) ?? '';
  await related.click();
  await expect(detail.getByRole('heading', { level: 2 })).not.toHaveText('');
  await expect(page).not.toHaveURL(/event=nst-extension/);
  expect(name.length).toBeGreaterThan(0);
});

test('a category toggle and a search change the count and the list together', async ({ page }) => {
  await openApp(page);
  const strikes = bundled.events.filter((e) => e.category === 'strike').length;
  const label = bundled.categories.find((c) => c.id === 'strike')!.label;
  await page
    .getByTestId('facet-categories')
    .getByRole('checkbox', { name: new RegExp(`^${label}\\b`) })
    .uncheck();
  await expect(page.getByTestId('event-count')).toHaveText(`${total - strikes} of ${total} events`);
  await expect(page).toHaveURL(/cat=/);

  await page.getByTestId('search').fill('Ganja');
  const rows = page.getByTestId('event-row');
  await expect(page.getByTestId('event-count')).toHaveText(/^\d+ of \d+ events$/);
  for (const title of await rows.locator('.title').allTextContents()) expect(title).not.toMatch(/strike/i);

  await page.getByTestId('clear-filters').click();
  await expect(page.getByTestId('event-count')).toHaveText(`${total} events`);
  await expect(page.getByTestId('search')).toHaveValue('');
});

test('reloading the URL restores filters, window and selection; back and forward step through changes', async ({
  page,
}) => {
  await openApp(page, '?q=ceasefire&from=2020-10-01&to=2020-10-31&event=nk20-moscow-1010&map=45.5,30.25,4');
  const count = page.getByTestId('event-count');
  await expect(count).toHaveText(/^\d+ of \d+ events$/);
  const before = await count.textContent();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await expect(page.getByTestId('window-label')).toHaveText('1 Oct 2020 – 31 Oct 2020');

  // The map takes the view from the URL instead of fitting the data (which would rewrite it). A fit
  // to the first data comes before its markers, and its URL write a frame after: wait for those
  // markers, then for frames enough to outlast a Leaflet animation (a pan to the selection).
  await expect
    .poll(async () => ((await page.getByTestId('map').getAttribute('data-markers')) ?? '[]').length)
    .toBeGreaterThan(2);
  await afterFrames(page, 20);
  await expect(page).toHaveURL(/map=45\.5,30\.25,4(&|$)/);
  const markersBefore = await page.getByTestId('map').getAttribute('data-markers');

  await page.reload();
  await expect(count).toHaveText(before!);
  await expect(page).toHaveURL(/map=45\.5,30\.25,4(&|$)/);
  await expect.poll(() => page.getByTestId('map').getAttribute('data-markers')).toBe(markersBefore);
  await expect(page.getByTestId('search')).toHaveValue('ceasefire');
  await expect(page.locator('[data-event-id="nk20-moscow-1010"]')).toHaveAttribute('aria-selected', 'true');

  // A discrete change, then back and forward.
  await page.getByTestId('clear-filters').click();
  await expect(count).toHaveText(`${total} events`);
  await page.goBack();
  await expect(count).toHaveText(before!);
  await expect(page.getByTestId('search')).toHaveValue('ceasefire');
  await page.goForward();
  await expect(count).toHaveText(`${total} events`);
});

test('an invalid or unknown parameter is ignored with a visible notice', async ({ page }) => {
  await openApp(page, '?from=2021-02-30&to=2021-03-01&colour=red&cat=strike,nonsense&event=nope');
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('Ignored the time window 2021-02-30');
  await expect(notices).toContainText('Ignored unknown parameter "colour"');
  await expect(notices).toContainText('Ignored unknown category "nonsense"');
  await expect(notices).toContainText('Ignored event="nope"');
  const strikes = bundled.events.filter((e) => e.category === 'strike').length;
  await expect(page.getByTestId('event-count')).toHaveText(`${strikes} of ${total} events`);
});

test('the list works by keyboard: arrows move, Enter selects', async ({ page }) => {
  await openApp(page);
  const list = page.getByTestId('event-list');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const selected = page.locator('[data-testid="event-row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute('aria-posinset', '3');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(selected).toHaveAttribute('aria-posinset', String(total));
});

test('no horizontal scrolling at 360 px; filters open in a drawer', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('filter-panel')).toBeHidden();
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByTestId('filter-panel')).toBeVisible();
  await page.getByRole('button', { name: 'Close filters' }).click();
  await expect(page.getByTestId('filter-panel')).toBeHidden();
});

test('landmarks are named for assistive technology', async ({ page }) => {
  await openApp(page);
  for (const name of ['Filters', 'Map', 'Timeline', 'Events']) {
    await expect(page.getByRole(name === 'Filters' ? 'complementary' : 'region', { name, exact: true })).toBeVisible();
  }
  await page.locator('[data-testid="event-row"]').first().click();
  await expect(page.getByRole('region', { name: 'Event details' })).toBeVisible();
});

/** What each view shows: list rows, timeline marks (not faint), and located events on the map. */
async function views(page: import('@playwright/test').Page) {
  const list = await page
    .getByTestId('event-row')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')!));
  const marks = JSON.parse((await page.getByTestId('timeline-canvas').getAttribute('data-marks')) ?? '[]') as {
    id: string;
  }[];
  const markers = JSON.parse((await page.getByTestId('map').getAttribute('data-markers')) ?? '[]') as {
    count: number;
  }[];
  return {
    list: [...new Set(list)].sort(),
    timeline: [...new Set(marks.map((m) => m.id))].sort(),
    mapCount: markers.reduce((sum, m) => sum + m.count, 0),
  };
}

test('search, a category toggle and the time window change map, timeline and list together', async ({ page }) => {
  const located = (ids: string[]) => ids.filter((id) => bundled.events.find((e) => e.id === id)!.location).length;
  const consistent = async (expectedCount: number) => {
    await expect(page.getByTestId('event-count')).toHaveText(`${expectedCount} of ${total} events`);
    await expect
      .poll(async () => {
        const v = await views(page);
        return v.list.length === expectedCount && v.timeline.join() === v.list.join() && v.mapCount === located(v.list);
      })
      .toBe(true);
  };

  await openApp(page);
  await page.getByTestId('search').fill('Ganja');
  const ganja = bundled.events.filter((e) => JSON.stringify(e).toLowerCase().includes('ganja')).length;
  await consistent(ganja);

  await page.getByTestId('search').fill('');
  const label = bundled.categories.find((c) => c.id === 'statement')!.label;
  const others = bundled.categories.filter((c) => c.id !== 'statement');
  for (const c of others)
    await page
      .getByTestId('facet-categories')
      .getByRole('checkbox', { name: new RegExp(`^${c.label}\\b`) })
      .uncheck();
  await expect(
    page.getByTestId('facet-categories').getByRole('checkbox', { name: new RegExp(`^${label}\\b`) }),
  ).toBeChecked();
  await consistent(bundled.events.filter((e) => e.category === 'statement').length);

  await openApp(page, '?from=2020-11-08&to=2020-11-10');
  const inWindow = (await views(page)).list.length;
  expect(inWindow).toBeGreaterThan(2);
  await consistent(inWindow);
});

test('a brush drag makes one history entry, writes the URL sparingly and leaves the final window in it', async ({
  page,
}) => {
  // History writes and the drag's first step and release, in the page's time.
  interface Probe {
    __writes: { kind: 'push' | 'replace'; at: number }[];
    __firstStepAt?: number;
    __upAt?: number;
  }
  await page.addInitScript(() => {
    const w = window as unknown as Probe;
    w.__writes = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      w.__writes.push({ kind: 'replace', at: performance.now() });
      replace(...args);
    };
    const push = history.pushState.bind(history);
    history.pushState = (...args: Parameters<History['pushState']>) => {
      w.__writes.push({ kind: 'push', at: performance.now() });
      push(...args);
    };
    window.addEventListener('pointermove', (e) => e.buttons !== 0 && (w.__firstStepAt ??= performance.now()), true);
    window.addEventListener('pointerup', () => (w.__upAt ??= performance.now()), true);
  });
  await openApp(page);
  const before = await page.evaluate(() => history.length);
  const pushed = async () =>
    (await page.evaluate(() => (window as unknown as Probe).__writes)).filter((x) => x.kind === 'push').length;
  const overview = (await page.getByTestId('overview').boundingBox())!;
  const y = overview.y + overview.height / 2;
  await page.mouse.move(overview.x + overview.width * 0.3, y);
  await page.mouse.down();
  // The drag's first step sets a window but writes no history yet: that would cost its frame a navigation.
  // (Its entry is pushed by the thinning timer, REPLACE_EVERY_MS later, or when the drag ends: a busy
  // machine may get there before this check, so what counts is when each push came.)
  await page.mouse.move(overview.x + overview.width * 0.35, y);
  await expect(page.getByTestId('window-label')).not.toHaveText('');
  await afterFrames(page);
  expect(
    await page.evaluate((within) => {
      const w = window as unknown as Probe;
      return w.__writes.filter((x) => x.kind === 'push' && x.at < w.__firstStepAt! + within).length;
    }, REPLACE_EVERY_MS / 2),
  ).toBe(0);
  const steps = 30;
  await page.mouse.move(overview.x + overview.width * 0.8, y, { steps });
  await page.mouse.up();
  await expect.poll(pushed).toBe(1);
  const label = page.getByTestId('window-label');
  await expect(label).not.toHaveText('');
  // The last step reaches the URL, and one entry stands for the whole drag.
  await expect(page).toHaveURL(/from=.*&to=|to=.*&from=/);
  // Thinned: during the drag at most one write per REPLACE_EVERY_MS, and the last step's when it ends
  // (each write costs the browser a navigation). Bounded by how long the drag took, not by the
  // machine's pace: a quick drag makes one or two, where each of its 30 steps could have made one.
  const { writes, firstStepAt, upAt } = await page.evaluate(() => {
    const w = window as unknown as Probe;
    return { writes: w.__writes, firstStepAt: w.__firstStepAt!, upAt: w.__upAt! };
  });
  const duringDrag = writes.filter((x) => x.kind === 'replace' && x.at >= firstStepAt).length;
  expect(duringDrag).toBeLessThanOrEqual(Math.floor((upAt - firstStepAt) / REPLACE_EVERY_MS) + 1);
  const shown = await label.textContent();
  await page.reload();
  await expect(page.getByTestId('window-label')).toHaveText(shown!);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
});
