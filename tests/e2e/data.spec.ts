import { readFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';
import { importText } from '../../src/lib/io/formats';
import { loadDataset } from '../../src/lib/model/dataset';

const ACLED = 'tests/fixtures/import/acled-current.csv';
const acled = importText(readFileSync(ACLED, 'utf8'), 'acled-current.csv');
const acledIds = acled.dataset!.events.map((e) => e.id);

test('opening an ACLED CSV shows its events in the list, on the map and on the timeline', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('data-button').click();
  await expect(page.getByTestId('data-origin')).toHaveText('Bundled dataset data/events.json');
  await page.getByTestId('open-file').setInputFiles(ACLED);
  await expect(page.getByTestId('import-result')).toContainText(
    `${acled.rows.imported} of ${acled.rows.total} rows imported`,
  );
  await expect(page.getByTestId('data-origin')).toHaveText(
    /^File: acled-current\.csv \(ACLED CSV export, \d+ rows imported, \d+ skipped\)$/,
  );
  await page.screenshot({ path: '/tmp/data-menu.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-count')).toHaveText(`${acledIds.length} events`);
  const rows = await page
    .getByTestId('event-row')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')));
  expect(rows.sort()).toEqual([...acledIds].sort());
  await expect
    .poll(async () => {
      const markers = JSON.parse((await page.getByTestId('map').getAttribute('data-markers')) ?? '[]') as {
        count: number;
      }[];
      return markers.reduce((n, m) => n + m.count, 0);
    })
    .toBe(acled.dataset!.events.filter((e) => e.location).length);
  await expect
    .poll(async () => {
      const marks = JSON.parse((await page.getByTestId('timeline-canvas').getAttribute('data-marks')) ?? '[]') as {
        id: string;
      }[];
      return new Set(marks.map((m) => m.id)).size;
    })
    .toBe(acledIds.length);
});

test('dropping a file anywhere opens it', async ({ page }) => {
  await openApp(page);
  const text = readFileSync(ACLED, 'utf8');
  const transfer = await page.evaluateHandle((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('data-origin')).toHaveText(/^File: dropped\.csv/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-count')).toHaveText(`${acledIds.length} events`);
});

test('a bad file keeps the current data and says where it is wrong', async ({ page }) => {
  await openApp(page);
  const before = await page.getByTestId('event-count').textContent();
  await page.getByTestId('data-button').click();
  await page.getByTestId('open-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "faultline/1",\n  "title": 5,\n'),
  });
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('broken.json could not be opened');
  await expect(result).toContainText('The data already shown is unchanged');
  await expect(result.getByTestId('load-problems')).toContainText(/broken\.json:\d+:\d+/);
  await expect(page.getByTestId('data-origin')).toHaveText('Bundled dataset data/events.json');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-count')).toHaveText(before!);
});

test('pasted JSON loads, and the filtered events download as JSON that loads back', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('search').fill('ceasefire');
  const shown = Number((await page.getByTestId('event-count').textContent())!.match(/^(\d+) of/)![1]);
  await page.getByTestId('data-button').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}-filtered\.json$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const loaded = loadDataset(text, 'x');
  expect(loaded.ok && loaded.dataset.events.length).toBe(shown);
  await page.getByText('Paste JSON…').click();
  await page.getByTestId('paste-json').fill(text);
  await page.getByTestId('paste-load').click();
  await expect(page.getByTestId('data-origin')).toHaveText('Pasted JSON');
});

async function markerTotal(page: import('@playwright/test').Page): Promise<number> {
  const markers = JSON.parse((await page.getByTestId('map').getAttribute('data-markers')) ?? '[]') as {
    count: number;
  }[];
  return markers.reduce((n, m) => n + m.count, 0);
}

async function markIds(page: import('@playwright/test').Page): Promise<string[]> {
  return (
    JSON.parse((await page.getByTestId('timeline-canvas').getAttribute('data-marks')) ?? '[]') as { id: string }[]
  ).map((m) => m.id);
}

/** Adds an event through the form, its place picked with a click on the map. */
async function addEvent(page: import('@playwright/test').Page, id: string): Promise<void> {
  await page.getByTestId('add-event').click();
  const form = page.getByTestId('event-form');
  // An empty form shows no errors until a field is left or Save is pressed.
  await expect(form.getByTestId('field-messages')).toHaveCount(0);
  await form.getByTestId('form-id').fill(id);
  await form.getByTestId('form-title').fill('Test event from the form');
  await form.getByTestId('form-summary').fill('Typed in a browser test.');
  await form.getByTestId('form-date').fill('2020-10-1x');
  await form.getByTestId('form-date').blur();
  // The validator's message sits under the date field (its pointer /date mapped to the input),
  // shown once the field is left.
  const dateMessages = form.locator('[id$="-m-date"]');
  await expect(dateMessages).toContainText('expected YYYY');
  await expect(form.getByTestId('form-date')).toHaveAttribute(
    'aria-describedby',
    (await dateMessages.getAttribute('id'))!,
  );
  await form.getByTestId('form-date').fill('2020-10-15');
  await form.getByTestId('form-location-name').fill('Somewhere');
  await form.getByTestId('pick-on-map').click();
  await page.getByTestId('map').click({ position: { x: 40, y: 200 } });
  await expect(form.getByTestId('form-lat')).not.toHaveValue('');
  const source = form.getByTestId('source-row');
  await source.getByLabel('Publisher').fill('Test publisher');
  await source.getByLabel('Title').fill('A source');
  await source.getByLabel('URL').fill('https://example.org/source');
  await page.screenshot({ path: '/tmp/data-form.png' });
  await form.getByTestId('form-save').click();
  await expect(form).toHaveCount(0);
}

test('an event added through the form shows everywhere, survives a reload and downloads', async ({ page }) => {
  await openApp(page);
  // Count the markers only once the map has drawn every located event of the bundled dataset.
  const bundled = JSON.parse(readFileSync('data/events.json', 'utf8')) as { events: { location?: unknown }[] };
  const located = bundled.events.filter((e) => e.location).length;
  await expect.poll(() => markerTotal(page)).toBe(located);
  const markersBefore = await markerTotal(page);
  await addEvent(page, 'test-added-1');
  await expect(page.getByTestId('event-count')).toHaveText('54 events');
  await expect(page.locator('[data-event-id="test-added-1"]')).toBeVisible();
  await expect(page.getByTestId('event-detail')).toContainText('Test event from the form');
  await expect.poll(() => markerTotal(page)).toBe(markersBefore + 1);
  await page.getByTestId('search').fill('Typed in a browser');
  await expect.poll(() => markIds(page)).toContain('test-added-1');
  await expect(page.getByTestId('draft-count')).toHaveText('Draft: 1 edit');
  await page.getByTestId('search').fill('');

  // Downloading first: a page with edits not yet downloaded would (rightly) warn on reload.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('draft-download').click()]);
  const loaded = loadDataset(readFileSync((await download.path())!, 'utf8'), download.suggestedFilename());
  expect(loaded.ok).toBe(true);
  if (!loaded.ok) return;
  expect(loaded.dataset.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(loaded.dataset.events.rowOf('test-added-1') !== undefined).toBe(true);
  await expect(page.getByTestId('draft-count')).toHaveText('Draft: 1 edit (downloaded)');

  await page.reload();
  await expect(page.getByTestId('draft-offer')).toContainText('Restore draft of 1 edit from');
  await expect(page.getByTestId('event-count')).toHaveText('53 events');
  await page.getByTestId('draft-restore').click();
  await expect(page.getByTestId('event-count')).toHaveText('54 events');
  // The list is windowed: search brings the restored event into view.
  await page.getByTestId('search').fill('Typed in a browser');
  await expect(page.locator('[data-event-id="test-added-1"]')).toBeVisible();
});

test('edit, delete, undo and redo through the details panel', async ({ page }) => {
  await openApp(page, '?event=nst-extension');
  await page.getByTestId('edit-event').click();
  await page.getByTestId('form-title').fill('Renamed in a test');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('event-detail').getByRole('heading', { level: 2 })).toHaveText('Renamed in a test');
  await page.getByTestId('delete-event').click();
  await expect(page.getByTestId('event-count')).toHaveText('52 events');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('event-count')).toHaveText('53 events');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('event-count')).toHaveText('52 events');
  await page.getByTestId('draft-discard').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('event-count')).toHaveText('53 events');
  await expect(page.getByTestId('draft-bar')).toHaveCount(0);
});

test('with storage blocked the app works and says autosave is unavailable', async ({ page }) => {
  await page.addInitScript(() => {
    const deny = (): never => {
      throw new DOMException('blocked in a test', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: deny });
    Object.defineProperty(window, 'indexedDB', { get: deny });
  });
  await openApp(page);
  await addEvent(page, 'test-no-storage');
  const banner = page.getByTestId('autosave-banner');
  await expect(banner).toContainText('Autosave unavailable: your edits are only in this tab');
  await expect(page.locator('[data-event-id="test-no-storage"]')).toBeVisible();
  await page.screenshot({ path: '/tmp/data-banner.png' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download dataset' }).click(),
  ]);
  const loaded = loadDataset(readFileSync((await download.path())!, 'utf8'), 'x');
  expect(loaded.ok && loaded.dataset.events.rowOf('test-no-storage') !== undefined).toBe(true);
});

test('opening a file over unsaved edits asks first', async ({ page }) => {
  await openApp(page, '?event=nst-extension');
  await page.getByTestId('delete-event').click();
  await page.getByTestId('data-button').click();
  await page.getByTestId('open-file').setInputFiles(ACLED);
  await expect(page.getByTestId('confirm-dialog')).toContainText('1 edit not yet downloaded');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('data-origin')).toHaveText('Bundled dataset data/events.json');
});

test('a second tab editing the same dataset gets a conflict warning instead of a silent overwrite', async ({
  page,
  context,
}) => {
  await openApp(page, '?event=nst-extension');
  const other = await context.newPage();
  await openApp(other, '?event=nst-signed');
  await other.getByTestId('delete-event').click();
  await expect(other.getByTestId('event-count')).toHaveText('52 events');
  // The other tab's autosave reaches this tab as a storage event.
  await expect(page.getByTestId('draft-conflict')).toBeVisible();
  await expect(other.getByTestId('draft-conflict')).toHaveCount(0);
  await page.getByRole('button', { name: "Keep this tab's edits" }).click();
  await expect(page.getByTestId('draft-conflict')).toHaveCount(0);
  await other.close();
});
