import { expect, openApp, test } from './fixtures';

// Issue #26: search across scripts. The bundled data writes Shusha in Latin letters; the place's
// aliases (data/events.json) add Shushi, Şuşa, Շուշի and Шуша.
test('typing "Шуша" lists the Shusha events, and the details show the place\u2019s other names', async ({ page }) => {
  await openApp(page);
  const rows = page.getByTestId('event-list').locator('[data-event-id]');
  await page.getByTestId('search').fill('Шуша');
  await expect(page.getByTestId('event-count')).toHaveText(/^2 of \d+ events$/);
  await expect(rows).toHaveCount(2);
  const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')).sort());
  expect(ids).toEqual(['nk20-shusha', 'nk20-stepanakert']);

  // The same two as the Latin spelling finds.
  await page.getByTestId('search').fill('Shusha');
  await expect(page.getByTestId('event-count')).toHaveText(/^2 of \d+ events$/);

  await page.locator('[data-event-id="nk20-shusha"]').click();
  const aliases = page.getByTestId('event-detail').getByTestId('detail-aliases');
  await expect(aliases).toHaveText('Also known as: Shushi, Şuşa, Շուշի, Шуша');
});
