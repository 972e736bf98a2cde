// Base Playwright test: the shared fixture fails on any dialog, and this one expects one.
import { expect, test } from '@playwright/test';

test('a page with edits not yet downloaded warns before closing; a clean one does not', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  await page.goto('./?event=nst-extension');
  await expect(page.getByTestId('event-count')).toHaveText(/53 events/);
  await page.getByTestId('delete-event').click();
  await expect(page.getByTestId('event-count')).toHaveText('52 events');
  // Chromium only shows beforeunload prompts after a user gesture on the page.
  await page.getByTestId('search').click();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(errors).toEqual([]);
});
