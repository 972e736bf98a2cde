import { test as base, expect, type Frame, type Page } from '@playwright/test';

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

/** The app's origin, from the configured base URL (playwright.config.ts; FAULTLINE_E2E_PORT moves it). */
export function appOrigin(): string {
  return new URL(test.info().project.use.baseURL!).origin;
}

/**
 * Waits until `target` has drawn `frames` more animation frames and then run the tasks those
 * queued: whatever the last input or message set off has been handled, painted and, if it writes
 * the URL or posts a message (a frame, then a task), written. Frames, not milliseconds: on a busy
 * machine they come later, and the wait with them.
 */
export async function afterFrames(target: Page | Frame, frames = 2): Promise<void> {
  await target.evaluate(
    (n) =>
      new Promise<void>((done) => {
        const tick = (left: number): unknown =>
          left === 0 ? setTimeout(done, 0) : requestAnimationFrame(() => tick(left - 1));
        tick(n);
      }),
    frames,
  );
}

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
