import type { Page } from '@playwright/test';
import { afterFrames, brushOverview, expect, openApp, test } from './fixtures';

/**
 * The built app under its real Content-Security-Policy (sent by `vite preview`, see
 * scripts/security-headers.ts): walk every view and interaction and fail on any violation.
 * Playwright has no CSP event (microsoft/playwright#12694), so a listener is injected before
 * any page script runs, in every frame, and console messages are checked too.
 */
declare global {
  interface Window {
    __cspViolations: string[];
  }
}

async function watchCsp(page: Page): Promise<string[]> {
  const consoleCsp: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) consoleCsp.push(msg.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return consoleCsp;
}

async function violations(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames()) {
    try {
      all.push(...(await frame.evaluate(() => window.__cspViolations ?? [])));
    } catch {
      // a frame navigating away has nothing left to report
    }
  }
  return all;
}

test('the headers are sent and the policy is the documented one', async ({ page }) => {
  const response = await page.goto('./');
  const headers = response!.headers();
  const csp = headers['content-security-policy']!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  // The explorer holds edits in local storage: no page may frame it. The embed entry may be framed.
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  const embed = (await page.request.get('./embed.html')).headers()['content-security-policy']!;
  expect(embed).toContain('frame-ancestors *');
  expect(embed.replace('frame-ancestors *', '')).toBe(csp.replace("frame-ancestors 'none'", ''));
});

test('walking the whole explorer raises no CSP violation', async ({ page }) => {
  // A long walk: room for a busy machine.
  test.setTimeout(120_000);
  const consoleCsp = await watchCsp(page);
  await openApp(page);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');

  // Search, then clear it.
  await page.getByTestId('search').fill('ceasefire');
  await expect(page.getByTestId('event-count')).toHaveText(/^\d+ of \d+ events$/);
  await page.getByTestId('search').fill('');

  // Toggle a category off and on.
  const box = page.getByTestId('facet-categories').getByRole('checkbox').first();
  await box.uncheck();
  await box.check();

  // Brush the overview.
  await brushOverview(page, 0.4, 0.9);
  await expect(page.getByTestId('event-count')).toHaveText(/^\d+ of \d+ events$/);

  // Hover the timeline plot (tooltip), select from the list, open details, follow a related link.
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2, { steps: 3 });
  await page.getByTestId('clear-filters').click();
  await openApp(page, '?event=nst-extension');
  const detail = page.getByTestId('event-detail');
  await expect(detail).toBeVisible();
  await detail.getByTestId('related-event').first().click();
  await expect(page).not.toHaveURL(/event=nst-extension/);
  await page.getByTestId('event-row').nth(2).click();
  await expect(page.getByTestId('event-row').nth(2)).toHaveAttribute('aria-selected', 'true');

  // Zoom and pan the map, with buttons, wheel and drag.
  const map = page.getByTestId('map');
  await page.getByRole('button', { name: 'Zoom map in' }).click();
  const mbox = (await map.boundingBox())!;
  await page.mouse.move(mbox.x + mbox.width / 2, mbox.y + mbox.height / 2);
  await page.mouse.wheel(0, -300);
  await page.mouse.down();
  await page.mouse.move(mbox.x + mbox.width / 2 + 80, mbox.y + mbox.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Zoom map out' }).click();

  // The Share dialog with its live preview (a same-origin frame).
  await page.getByTestId('share-button').click();
  await expect(page.getByRole('dialog', { name: 'Share and embed' })).toBeVisible();
  await expect(page.frameLocator('[data-testid="embed-preview"]').getByTestId('map')).toHaveAttribute(
    'data-basemap',
    'ready',
  );
  await page.keyboard.press('Escape');

  // The Data menu, when the build has one.
  const dataMenu = page.getByTestId('data-button');
  if ((await dataMenu.count()) > 0) {
    await dataMenu.click();
    await expect(page.getByRole('dialog').first()).toBeVisible();
    await afterFrames(page);
    await page.keyboard.press('Escape');
  }

  // A violation is reported in a task after the load or paint that caused it: let those run.
  await afterFrames(page);
  expect(await violations(page)).toEqual([]);
  expect(consoleCsp).toEqual([]);
});

test('embed mode raises no CSP violation', async ({ page }) => {
  const consoleCsp = await watchCsp(page);
  await openApp(page, '?embed=1&event=nst-extension');
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  const row = page.getByTestId('event-row').first();
  const id = await row.getAttribute('data-event-id');
  await row.click();
  await expect(page.locator(`[data-event-id="${id}"]`)).toHaveAttribute('aria-selected', 'true');
  await afterFrames(page);
  expect(await violations(page)).toEqual([]);
  expect(consoleCsp).toEqual([]);
});
