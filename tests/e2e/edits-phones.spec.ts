import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { afterFrames, expect, openApp, test } from './fixtures';

/**
 * Issue #27, items 6–8: a downloaded dataset diffs against its file by the edit alone, the app on a
 * 360 px phone (details in view, whole titles), links checked after a draft is offered, no Svelte
 * warnings on load, and the Share dialog's origins field.
 */
const FILE = readFileSync('data/events.json', 'utf8');
const bundled = JSON.parse(FILE) as {
  title: string;
  categories: { id: string }[];
  events: { id: string; title: string }[];
};
const total = bundled.events.length;
const PHONE = { width: 360, height: 740 };

/** Lines a line diff removes from `a` and adds in `b` (longest common subsequence, as git diff does). */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = Array.from({ length: x.length + 1 }, () => new Uint16Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) (i++, j++);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(x[i++]!);
    else added.push(y[j++]!);
  }
  return { removed: [...removed, ...x.slice(i)], added: [...added, ...y.slice(j)] };
}

/** The page's own calendar day, as a file name carries it. */
const pageDay = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

test.describe('on a 360 px phone', () => {
  test.use({ viewport: PHONE });

  test('selecting an event shows its details in view, focus on them, and Back returns to the list', async ({
    page,
  }) => {
    await openApp(page);
    const row = page.locator(`[data-event-id="${bundled.events[2]!.id}"]`);
    await row.click();
    const detail = page.getByTestId('event-detail');
    const heading = detail.getByRole('heading', { level: 2 });
    await expect(heading).toHaveText(bundled.events[2]!.title);
    // Scrolled to, not left ~950 px down the page; the keyboard is there too.
    await expect(heading).toBeInViewport();
    const box = (await heading.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await expect(heading).toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="event-detail"]') !== null)).toBe(
      true,
    );

    await detail.getByTestId('detail-back').click();
    const list = page.getByTestId('event-list');
    await expect(list).toBeFocused();
    await expect(list).toBeInViewport();
    await expect(row).toBeInViewport();
    await expect(row).toHaveAttribute('aria-selected', 'true');

    // Another event, chosen by keyboard in the list: the details come into view again.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(heading).toHaveText(bundled.events[3]!.title);
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
  });

  test('list rows show the title on up to two lines, then an ellipsis', async ({ page }) => {
    await openApp(page);
    const measure = (id: string) =>
      page.locator(`[data-event-id="${id}"] .title`).evaluate((el) => {
        const style = getComputedStyle(el);
        return {
          lines: Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight)),
          clipped: el.scrollHeight > el.clientHeight + 1,
          width: el.getBoundingClientRect().width,
          text: el.textContent,
        };
      });
    // Long enough for more than two lines at this width: two shown, the rest cut with an ellipsis.
    const long = bundled.events.find((e) => e.id === 'blr20-election')!;
    const shown = await measure(long.id);
    expect(shown).toMatchObject({ lines: 2, clipped: true, text: long.title });
    // The title has the row's width, not a column beside the date (~18 characters).
    expect(shown.width).toBeGreaterThan(PHONE.width * 0.8);
    // One that fits in two lines is shown whole.
    const fits = await measure('blr20-tsikh-exile');
    expect(fits).toMatchObject({ lines: 2, clipped: false });
  });

  test('the event form opens in view with no error shown until a field is left or Save pressed', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('add-event').click();
    const form = page.getByTestId('event-form');
    await expect(form.getByRole('heading', { name: 'Add event' })).toBeInViewport();
    await expect(form.getByTestId('field-messages')).toHaveCount(0);
    await form.getByTestId('form-title').focus();
    await form.getByTestId('form-summary').focus();
    // Left empty: the title (and only the title) says so now.
    await expect(form.getByTestId('field-messages')).toHaveCount(1);
    await expect(form.getByTestId('form-title')).toHaveAttribute('aria-invalid', 'true');
    await form.getByTestId('form-save').click();
    expect(await form.getByTestId('field-messages').count()).toBeGreaterThan(3);
    await expect(form.getByTestId('form-title')).toBeFocused();
  });
});

test('at 1200 px the list keeps one line per title beside the date', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await openApp(page);
  const lines = await page
    .locator('[data-event-id="blr20-election"] .title')
    .evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBe(1);
});

test('?cat=flood names no category the data has: every category stays shown, with a notice', async ({ page }) => {
  await openApp(page, '?cat=flood');
  await expect(page.getByTestId('notices')).toContainText('Ignored unknown category "flood"');
  await expect(page.getByTestId('event-count')).toHaveText(`${total} events`);
  const checked = await page
    .getByTestId('facet-categories')
    .locator('input[type="checkbox"]')
    .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked));
  expect(checked).toHaveLength(bundled.categories.length);
  expect(checked.every(Boolean)).toBe(true);
  await expect(page).not.toHaveURL(/cat=/);
});

test('one edit, downloaded, differs from data/events.json by that line alone, under a whole file name', async ({
  page,
}) => {
  await openApp(page, '?event=nk20-hadrut');
  await page.getByTestId('edit-event').click();
  await page.getByTestId('form-title').fill('Aliyev announces the capture of Hadrut (edited in a test)');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('draft-count')).toHaveText('Draft: 1 edit');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('draft-download').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  const diff = lineDiff(FILE, text);
  expect(diff.removed).toHaveLength(1);
  expect(diff.added).toEqual(['      "title": "Aliyev announces the capture of Hadrut (edited in a test)",']);
  expect(diff.removed[0]).toMatch(/^ {6}"title": /);
  expect(text.startsWith('{\n  "$schema": "./faultline.schema.json",\n')).toBe(true);
  expect(download.suggestedFilename()).toBe(
    `karabakh-nato-and-new-start-events-behind-a-turan-report-2010-2026-${await pageDay(page)}.json`,
  );
});

test('no Svelte binding_property_non_reactive warning on load', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await openApp(page);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  // The Data dialog's download buttons (whose bindings warned) are there and working.
  await page.getByTestId('data-button').click();
  await expect(page.getByTestId('export-all')).toBeVisible();
  await afterFrames(page);
  expect(warnings.filter((w) => w.includes('binding_property_non_reactive'))).toEqual([]);
});

test("a link's event that a stored draft adds is checked after the draft is offered, not before", async ({ page }) => {
  await openApp(page);
  const id = 'test-draft-event';
  await page.getByTestId('add-event').click();
  const form = page.getByTestId('event-form');
  await form.getByTestId('form-id').fill(id);
  await form.getByTestId('form-title').fill('Added before a reload');
  await form.getByTestId('form-summary').fill('Typed in a browser test.');
  await form.getByTestId('form-date').fill('2020-10-15');
  await form.getByLabel('No location').check();
  const source = form.getByTestId('source-row');
  await source.getByLabel('Publisher').fill('Test publisher');
  await source.getByLabel('Title').fill('A source');
  await source.getByLabel('URL').fill('https://example.org/source');
  await form.getByTestId('form-save').click();
  await expect(page.getByTestId('draft-count')).toHaveText('Draft: 1 edit');
  // Downloaded, so the reload is not held by the unsaved-edits warning.
  await Promise.all([page.waitForEvent('download'), page.getByTestId('draft-download').click()]);
  await expect(page.getByTestId('draft-count')).toHaveText('Draft: 1 edit (downloaded)');

  const notices = page.getByTestId('notices');
  const missing = page.getByText(/Ignored event/);
  await page.goto(`./?event=${id}`);
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await expect(page.getByTestId('event-count')).toHaveText(`${total} events`);
  await afterFrames(page, 4);
  await expect(missing).toHaveCount(0);
  await page.getByTestId('draft-restore').click();
  await expect(page.getByTestId('event-detail').getByRole('heading', { level: 2 })).toHaveText('Added before a reload');
  await afterFrames(page, 4);
  await expect(missing).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`event=${id}`));

  // Declined, the draft does not add it: then, and only then, the link's event is reported missing.
  await page.goto(`./?event=${id}`);
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(notices).toContainText(`Ignored event="${id}": no event has that id in this dataset.`);
  await expect(page.getByTestId('event-detail')).toHaveCount(0);
});

test("the Share dialog's origins field is checked like origins= and ends up in the snippet", async ({ page }) => {
  await openApp(page);
  await page.getByTestId('share-button').click();
  const dialog = page.getByTestId('share-dialog');
  const field = dialog.getByTestId('embed-origins');
  await field.fill('https://news.example, news.example/page, https://blog.example');
  await field.press('Tab');
  await expect(dialog.getByTestId('embed-origins-problems')).toHaveText(
    '"news.example/page" is not a web address: write it with its scheme, such as https://news.example.',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const snippet = await dialog.getByTestId('embed-snippet').inputValue();
  const src = new URL(snippet.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&'));
  expect(src.pathname).toMatch(/embed\.html$/);
  expect(src.searchParams.get('origins')).toBe('https://news.example,https://blog.example');
  // The preview is the same embed without origins= (its host is this page, which the list would
  // refuse): it sends nothing the browser has to refuse, so no console warning.
  const previewSrc = new URL((await dialog.getByTestId('embed-preview').getAttribute('src'))!);
  expect(previewSrc.searchParams.has('origins')).toBe(false);
  previewSrc.searchParams.set('origins', src.searchParams.get('origins')!);
  expect(previewSrc.pathname).toBe(src.pathname);
  expect([...previewSrc.searchParams]).toEqual([...src.searchParams]);
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.getByTestId('event-count')).toHaveText(`${total} events`);
  await expect(preview.getByTestId('notices')).toHaveCount(0);
  await expect(preview.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
});
