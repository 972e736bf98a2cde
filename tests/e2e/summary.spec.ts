import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { afterFrames, brushOverview, expect, openApp, test } from './fixtures';

/**
 * The summary view: its numbers follow every filter (they must equal what the list shows), its
 * chart is linked (hover marks, click sets the window and the timeline shows it), it is usable
 * from the keyboard and a screen reader, and it exports what it shows.
 */

const dataset = JSON.parse(readFileSync('data/events.json', 'utf8')) as {
  events: { category: string; fatalities?: { min: number; max?: number } }[];
};

async function openSummary(page: Page, query = ''): Promise<void> {
  await openApp(page, query);
  await page.getByTestId('side-tab-summary').click();
  await expect(page.getByTestId('summary-chart')).toBeVisible();
}

/** The number of events the header says are shown ("12 of 53 events" → 12). */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('event-count').textContent()) ?? '';
  return Number(/^([\d,]+)/.exec(text.trim())![1]!.replace(/,/g, ''));
}

async function summaryCount(page: Page): Promise<number> {
  return Number(((await page.getByTestId('summary-events').textContent()) ?? '').replace(/\D/g, ''));
}

/** The summary's count equals the header's count and the list's rows once the list is shown. */
async function expectAgreement(page: Page): Promise<number> {
  await afterFrames(page);
  const shown = await shownCount(page);
  await expect.poll(() => summaryCount(page)).toBe(shown);
  // The chart's bars and the "began before" line add up to the same number.
  const bars = await page
    .locator('[data-testid="summary-chart"] g.bar')
    .evaluateAll((gs) => gs.reduce((sum, g) => sum + Number(g.getAttribute('data-total')), 0));
  const beforeText = (await page.getByTestId('summary-before').count())
    ? ((await page.getByTestId('summary-before').textContent()) ?? '')
    : '0';
  expect(bars + Number(/^([\d,]+)/.exec(beforeText.trim())![1]!.replace(/,/g, ''))).toBe(shown);
  return shown;
}

test('the summary counts what the filters select, through category, actor, text and window filters', async ({
  page,
}) => {
  await openSummary(page);
  const all = await expectAgreement(page);
  expect(all).toBe(dataset.events.length);
  // Fatalities: the sum of the lowest to the sum of the highest figures in the file.
  const withFigure = dataset.events.filter((e) => e.fatalities);
  const low = withFigure.reduce((s, e) => s + e.fatalities!.min, 0);
  const high = withFigure.reduce((s, e) => s + (e.fatalities!.max ?? e.fatalities!.min), 0);
  await expect(page.getByTestId('summary-fatalities')).toContainText(low === high ? `${low}` : `${low}–${high}`);
  await expect(page.getByTestId('summary-fatalities')).toContainText(`reported in ${withFigure.length} event`);

  // A category from the summary's own list narrows every view to it.
  const strikes = dataset.events.filter((e) => e.category === 'strike').length;
  await page
    .getByTestId('summary-categories')
    .getByRole('button', { name: /Strike/ })
    .click();
  await expect(page.getByTestId('event-count')).toHaveText(new RegExp(`^${strikes} of`));
  await expectAgreement(page);
  await expect(page).toHaveURL(/cat=strike/);
  // The same button gives every category back.
  await page
    .getByTestId('summary-categories')
    .getByRole('button', { name: /Strike/ })
    .click();
  await expect(page).not.toHaveURL(/cat=/);

  // An actor from the top actors.
  const actor = page.getByTestId('summary-actors').getByRole('button').first();
  const actorCount = Number(((await actor.locator('.count').textContent()) ?? '').replace(/\D/g, ''));
  await actor.click();
  await expect(page.getByTestId('event-count')).toHaveText(new RegExp(`^${actorCount} of`));
  await expectAgreement(page);
  await page.getByTestId('clear-filters').click();

  // Text.
  await page.getByTestId('search').fill('Ganja');
  await expect(page.getByTestId('event-count')).toHaveText(/ of /);
  await expectAgreement(page);
  await page.getByTestId('search').fill('');

  // A brushed window.
  await brushOverview(page, 0.6, 0.75);
  await expect(page).toHaveURL(/from=/);
  await expect(page.getByTestId('summary-scope')).not.toContainText('all dates');
  await expectAgreement(page);
});

test('a bar click sets the window to the bar and the timeline shows it', async ({ page }) => {
  await openSummary(page);
  await page.getByTestId('summary-unit').selectOption('year');
  // The fullest bar.
  const bars = page.locator('[data-testid="summary-chart"] g.bar');
  const totals = await bars.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-total'))));
  const fullest = totals.indexOf(Math.max(...totals));
  const box = (await page.getByTestId('summary-chart').locator('svg').boundingBox())!;
  const bar = (await bars.nth(fullest).locator('rect').last().boundingBox())!;
  const markers = page.locator('canvas.faultline-markers');
  const before = await markers.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await page.mouse.move(bar.x + bar.width / 2, box.y + box.height - 30);
  // Hovering marks the bar's span on the timeline, and rings its events on the map.
  await expect(page.getByTestId('timeline-span-highlight')).toBeVisible();
  await expect.poll(() => markers.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);
  await expect(page.getByTestId('summary-readout')).toContainText(`${totals[fullest]} events`);
  await page.mouse.click(bar.x + bar.width / 2, box.y + box.height - 30);
  // A year bar: the window is that whole year.
  await expect(page).toHaveURL(/from=(\d{4})-01-01&to=\1-12-31/);
  await expect.poll(() => shownCount(page)).toBeLessThanOrEqual(totals[fullest]!);
  // The timeline zoomed to the window: the band fills most of the plot.
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  await expect
    .poll(async () => ((await page.getByTestId('timeline-window').boundingBox())?.width ?? 0) / plot.width)
    .toBeGreaterThan(0.6);
});

test('the chart is walked bar by bar from the keyboard, and Enter sets the window', async ({ page }) => {
  await openSummary(page);
  await page.getByTestId('summary-unit').selectOption('year');
  const chart = page.getByTestId('summary-chart');
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(chart).toHaveAttribute('aria-valuenow', '1');
  await expect(chart).toHaveAttribute('aria-valuetext', /^2010: \d+ events?/);
  await page.keyboard.press('ArrowRight');
  await expect(chart).toHaveAttribute('aria-valuenow', '2');
  await expect(chart).toHaveAttribute('aria-valuetext', /^2011: /);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/from=2011-01-01&to=2011-12-31/);
  // The table a screen reader reads holds the same numbers.
  await expect(page.getByTestId('summary-table').locator('tbody tr')).not.toHaveCount(0);
});

test('fatalities mode, the table and the CSV download carry the same figures', async ({ page }) => {
  await openSummary(page);
  await page.getByTestId('summary-unit').selectOption('year');
  await page.getByTestId('summary-measure-fatalities').click();
  await expect(page.getByTestId('summary-readout')).toContainText('Reported fatalities');
  const download = page.waitForEvent('download');
  await page.getByTestId('summary-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/summary-years\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toMatch(/^year starting,label,.*events,events with a fatality figure/);
  const low = csv.slice(1).reduce((s, line) => s + Number(line.split(',').at(-2)), 0);
  const withFigure = dataset.events.filter((e) => e.fatalities);
  expect(low).toBe(withFigure.reduce((s, e) => s + e.fatalities!.min, 0));
  const events = csv.slice(1).reduce((s, line) => s + Number(line.split(',').at(-4)), 0);
  expect(events).toBe(dataset.events.length);
});

test('the SVG and PNG downloads are pictures of the chart', async ({ page }) => {
  await openSummary(page);
  const svgDownload = page.waitForEvent('download');
  await page.getByTestId('summary-svg').click();
  const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toMatch(/events over time/);
  // Each bar's segments carry their colour as an attribute, not a class the editor lacks.
  expect(svg).toMatch(/<rect[^>]+fill="(#|rgb)/);
  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('summary-png').click();
  const png = readFileSync((await (await pngDownload).path())!);
  expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  expect(png.length).toBeGreaterThan(2000);
});

test('axe finds no serious or critical violation in the summary, light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openSummary(page);
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .include('[data-testid="summary"]')
      .analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
});

test('an embed with views=summary shows the summary for its link’s filters', async ({ page }) => {
  await page.goto('./embed.html?views=summary,timeline&cat=strike');
  await expect(page.getByTestId('summary')).toBeVisible();
  const strikes = dataset.events.filter((e) => e.category === 'strike').length;
  await expect(page.getByTestId('summary-events')).toHaveText(String(strikes));
  await expect(page.getByTestId('summary-chart')).toBeVisible();
});

test('the print view carries the summary above the events', async ({ page }) => {
  await openApp(page, '?cat=strike');
  const strikes = dataset.events.filter((e) => e.category === 'strike').length;
  // The print section's code arrives in idle time; printing then shows it.
  await page.emulateMedia({ media: 'print' });
  const summary = page.getByTestId('print-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(`${strikes} events`);
  await expect(summary.locator('table tbody tr')).not.toHaveCount(0);
});
