import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every browser test fails on a console error, an uncaught exception or a failed request:
 * a page that "works" while logging errors is not working.
 */
export const test = base.extend<{ watch: { errors: string[] } }>({
  watch: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        // A request cut short because the page navigated or closed (the favicon, typically) is
        // not a failure of the app; anything else is.
        if (reason === 'net::ERR_ABORTED') return;
        errors.push(`request failed: ${request.url()} ${reason}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await use({ errors });
      expect(errors, 'console errors, failed requests or dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('event-count')).toHaveText(/\d+ events?/);
}

/** Drags across the timeline overview from one fraction of its width to another: a brushed time window. */
export async function brushOverview(page: Page, from: number, to: number): Promise<void> {
  const box = (await page.getByTestId('overview').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, y, { steps: 5 });
  await page.mouse.up();
}
