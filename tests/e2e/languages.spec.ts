import type { Page } from '@playwright/test';
import { appOrigin, expect, test } from './fixtures';

/**
 * Languages and dates (issue #26 parts 2 and 4): counts take the language's plural forms, dates
 * its month names, and the time-zone choice moves an instant but never a calendar day. Each
 * dataset is served on a same-origin path and opened with ?data=.
 */
const SOURCE = { publisher: 'P', title: 'Source', url: 'https://example.org/' };

function dataset(events: Record<string, unknown>[]): string {
  return JSON.stringify({
    format: 'faultline/1',
    title: 'Dates fixture',
    categories: [{ id: 'c', label: 'Category', color: '#0072b2' }],
    events: events.map((e, i) => ({
      id: `e${i}`,
      title: `Event ${i}`,
      summary: 'S',
      date: '2021-02-03',
      category: 'c',
      location: null,
      sources: [SOURCE],
      ...e,
    })),
  });
}

async function open(page: Page, path: string, body: string, query: string): Promise<void> {
  await page.route(`${appOrigin()}/${path}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await page.goto(`./?data=${path}&${query}`);
}

/** A day, a month and an instant 23:30 at UTC+3 (20:30 UTC; 05:30 the next day in Tokyo). */
const DATES = dataset([
  { id: 'day', title: 'A day', date: '2021-02-03' },
  { id: 'month', title: 'A month', date: '2021-03' },
  { id: 'instant', title: 'An instant', date: '2021-02-03T23:30+03:00' },
]);

test('lang=ru counts events with Russian plurals: 1 событие, 2 события, 5 событий, 21 событие', async ({ page }) => {
  for (const [n, words] of [
    [1, '1 событие'],
    [2, '2 события'],
    [5, '5 событий'],
    [21, '21 событие'],
  ] as const) {
    await open(page, `fixtures/n${n}.json`, dataset(Array.from({ length: n }, () => ({}))), 'lang=ru');
    await expect(page.getByTestId('event-count')).toHaveText(words);
  }
});

test.describe('in the viewer’s zone Asia/Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('lang=ru writes dates with Russian month names; tz= moves an instant, never a day', async ({ page }) => {
    await open(page, 'fixtures/dates.json', DATES, 'lang=ru&tz=utc&event=instant');
    const row = (id: string) => page.locator(`[data-event-id="${id}"] .date`);
    await expect(page.getByTestId('detail-date')).toHaveText('3 февр. 2021, 20:30 UTC');
    await expect(row('day')).toHaveText('3 февр. 2021');
    await expect(row('month')).toHaveText('март 2021');
    await expect(page.getByTestId('event-detail')).toContainText('указано время');
    // The axis labels its ticks in Russian too.
    await expect(page.getByTestId('timeline-axis')).toContainText(/янв\.|февр\.|март|апр\./);

    // The reader's zone: the instant is the next morning in Tokyo; the day stays the 3rd.
    await page.getByTestId('zone-choice').selectOption('local');
    await expect(page.getByTestId('detail-date')).toHaveText('4 февр. 2021, 05:30 UTC+09:00');
    await expect(row('instant')).toHaveText('4 февр. 2021, 05:30 UTC+09:00');
    await expect(row('day')).toHaveText('3 февр. 2021');
    await expect(page).toHaveURL(/[?&]tz=local(&|$)/);

    // As reported: in the event's own offset, and tz= leaves the address (it is the default).
    await page.getByTestId('zone-choice').selectOption('event');
    await expect(page.getByTestId('detail-date')).toHaveText('3 февр. 2021, 23:30 UTC+03:00');
    await expect(row('day')).toHaveText('3 февр. 2021');
    await expect(page).not.toHaveURL(/[?&]tz=/);
  });
});

test('lang=ar shows Arabic dates, right to left', async ({ page }) => {
  await open(page, 'fixtures/dates.json', DATES, 'lang=ar&event=day');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('detail-date')).toHaveText('3 فبراير 2021');
  await expect(page.locator('[data-event-id="month"] .date')).toHaveText('مارس 2021');
  await expect(page.getByTestId('event-count')).toHaveText('3 أحداث');
});

test('an unknown tz= is ignored with a notice, and times are shown as reported', async ({ page }) => {
  await open(page, 'fixtures/dates.json', DATES, 'tz=nowhere&event=instant');
  await expect(page.getByTestId('notices')).toContainText('Ignored tz="nowhere": use event, utc or local.');
  await expect(page.getByTestId('detail-date')).toHaveText('3 Feb 2021, 23:30 UTC+03:00');
});
