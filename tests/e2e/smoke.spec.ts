import { readFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';

const bundled = JSON.parse(readFileSync('data/events.json', 'utf8')) as {
  title: string;
  events: { id: string; date: string }[];
};

test('the built app shows the bundled dataset: title, count and events in time order', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('dataset-title')).toHaveText(bundled.title);
  await expect(page.getByTestId('event-count')).toHaveText(`${bundled.events.length} events`);
  const rows = page.getByTestId('event-row');
  await expect(rows.first()).toBeVisible();
  const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')));
  const sorted = [...bundled.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  expect(ids[0]).toBe(sorted[0]!.id);
  await expect(page.getByTestId('problems')).toHaveCount(0);
});

test('dates show by precision and as the same calendar day in every timezone', async ({ browser }) => {
  const fixture = JSON.stringify({
    format: 'faultline/1',
    title: 'Timezone fixture',
    categories: [{ id: 'c', label: 'C', color: '#123456' }],
    events: [
      {
        id: 'day',
        title: 'Day',
        summary: 'S',
        date: '2021-06-01',
        category: 'c',
        sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
      },
      {
        id: 'month',
        title: 'Month',
        summary: 'S',
        date: '2021-02',
        category: 'c',
        sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
      },
      {
        id: 'range',
        title: 'Range',
        summary: 'S',
        date: '2020-09-27',
        end: '2020-11-10',
        category: 'c',
        sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
      },
      {
        id: 'year',
        title: 'Year',
        summary: 'S',
        date: '2019',
        approximate: true,
        category: 'c',
        sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
      },
    ],
  });
  for (const timezoneId of ['Pacific/Pago_Pago', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
    const context = await browser.newContext({ timezoneId });
    const page = await context.newPage();
    await page.route('**/fixtures/tz.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: fixture }),
    );
    await page.goto('./?data=fixtures/tz.json');
    const date = (id: string) => page.locator(`[data-event-id="${id}"] .date`);
    await expect(date('day')).toHaveText('1 Jun 2021');
    await expect(date('month')).toHaveText('Feb 2021');
    await expect(date('range')).toHaveText('27 Sep – 10 Nov 2020');
    await expect(date('year')).toHaveText('c. 2019');
    await context.close();
  }
});

test('a dataset with a broken event still shows the valid ones and lists the problem', async ({ page }) => {
  await page.route('**/fixtures/invalid.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: readFileSync('tests/fixtures/invalid.json', 'utf8') }),
  );
  await page.goto('./?data=fixtures/invalid.json');
  await expect(page.getByTestId('event-count')).toHaveText('3 events');
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('7 events could not be shown');
  await expect(problems).toContainText(
    'fixtures/invalid.json:20:7 /events/1/date: "2021-02-30" is not a calendar date',
  );
});
