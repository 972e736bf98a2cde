import { expect, openApp, test } from './fixtures';

// Issue #27: the importers' edges, in the browser. Every test fails on a console error (fixtures.ts).
const DIR = 'tests/fixtures/import';

test('the three files of a timemap export open at once and their sources become links', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('data-button').click();
  await page
    .getByTestId('open-file')
    .setInputFiles([`${DIR}/timemap-events.csv`, `${DIR}/timemap-sources.csv`, `${DIR}/timemap-associations.csv`]);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Read as timemap export (3 files joined): 4 of 5 rows imported, 1 skipped.');
  // Errors first, then what could not be joined, by file and row.
  const problems = page.getByTestId('import-problems').locator('li');
  await expect(problems.first()).toHaveText(
    'timemap-events.csv row 5: description is empty (timemap requires it); row skipped',
  );
  await expect(problems.filter({ hasText: "source 'src9' is not in timemap-sources.csv" })).toHaveCount(1);
  await expect(page.getByTestId('import-dates')).toContainText(
    "dates read as MM/DD/YYYY: '3/15/2022' (row 2) can only be month first",
  );
  await expect(page.getByTestId('data-origin')).toHaveText(
    'Files: timemap-events.csv, timemap-sources.csv and timemap-associations.csv (timemap export (3 files joined), 4 rows imported, 1 skipped)',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-count')).toHaveText('4 events');
  await page.locator('[data-testid="event-row"][data-event-id="e1"]').click();
  const link = page.getByTestId('source').getByRole('link', { name: 'Fictional video of the gathering' });
  await expect(link).toHaveAttribute('href', 'https://example.org/fictional/video1.mp4');
});

test('a file whose dates read both ways: pick the format and the skipped rows appear', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('data-button').click();
  await page.getByTestId('open-file').setInputFiles(`${DIR}/ambiguous-dates.csv`);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('2 of 4 rows imported, 2 skipped');
  await expect(page.getByTestId('import-problems').locator('li').first()).toHaveText(
    /^dates are ambiguous: 2 dates such as '03\/04\/2022' \(row 1\)/,
  );
  await expect(page.getByTestId('import-dates')).toContainText(
    'dates read both ways and nothing in the file tells which: choose a date format; 2 rows skipped for their dates.',
  );
  await page.getByTestId('import-date-format').selectOption('MM/DD/YYYY');
  await page.getByTestId('import-reimport').click();
  await expect(result).toContainText('4 of 4 rows imported, 0 skipped');
  await expect(page.getByTestId('import-dates')).toContainText('dates read as MM/DD/YYYY (as chosen)');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-count')).toHaveText('4 events');
  const rows = await page
    .getByTestId('event-row')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')).sort());
  expect(rows).toEqual(['amb-1', 'amb-2', 'amb-3', 'amb-4']);
});

test('a Parquet file opens (its reader loaded only then), and the filtered events download as Parquet', async ({
  page,
}) => {
  const chunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/(columnar|export-parquet)-/.test(request.url())) chunks.push(new URL(request.url()).pathname);
  });
  await openApp(page);
  expect(chunks).toEqual([]);
  await page.getByTestId('data-button').click();
  await page.getByTestId('open-file').setInputFiles(`${DIR}/events.parquet`);
  await expect(page.getByTestId('import-result')).toContainText(
    'Read as Parquet (our CSV columns): 12 of 12 rows imported, 0 skipped.',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-count')).toHaveText('12 events');
  await page.getByTestId('data-button').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-parquet').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-filtered\.parquet$/);
  expect(chunks.some((c) => c.includes('export-parquet-'))).toBe(true);
});
