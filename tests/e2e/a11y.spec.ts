import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/**
 * Accessibility: axe (WCAG 2.x A/AA rules) on the explorer, the details, the Share dialog and
 * embed mode, in light and dark, failing on any serious or critical violation; plus the checks
 * axe cannot make: counts announced, reduced motion, keyboard reach and visible focus.
 */
async function axe(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .join(' | ')}`,
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('the explorer, then with details open', async ({ page }) => {
      await openApp(page);
      await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
      expect(await axe(page)).toEqual([]);
      await page.getByTestId('event-row').first().click();
      await expect(page.getByTestId('event-detail')).toBeVisible();
      expect(await axe(page)).toEqual([]);
    });

    test('the Share dialog', async ({ page }) => {
      await openApp(page);
      await page.getByTestId('share-button').click();
      await expect(page.getByRole('dialog', { name: 'Share and embed' })).toBeVisible();
      await expect(page.frameLocator('[data-testid="embed-preview"]').getByTestId('map')).toHaveAttribute(
        'data-basemap',
        'ready',
      );
      expect(await axe(page, '[data-testid="share-dialog"]')).toEqual([]);
      await page.keyboard.press('Escape');
    });

    test('embed mode', async ({ page }) => {
      await openApp(page, '?embed=1&event=nst-extension');
      await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
      expect(await axe(page)).toEqual([]);
    });
  });
}

test('the result count is announced (role=status) and follows the filters', async ({ page }) => {
  await openApp(page);
  const count = page.getByTestId('event-count');
  await expect(count).toHaveAttribute('role', 'status');
  await page.getByTestId('search').fill('ceasefire');
  await expect(count).toHaveText(/^\d+ of \d+ events$/);
});

test('with prefers-reduced-motion the map does not animate', async ({ page }) => {
  // Control: without the preference Leaflet animates (its zoom proxy exists).
  await openApp(page);
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  await expect(page.locator('.leaflet-proxy')).toHaveCount(1);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  // Leaflet builds its zoom-animation proxy and fade class only when those animations are on.
  await expect(page.locator('.leaflet-proxy')).toHaveCount(0);
  await expect(page.locator('.leaflet-container.leaflet-fade-anim')).toHaveCount(0);
  await page.getByRole('button', { name: 'Zoom map in' }).click();
  await expect(page.locator('.leaflet-zoom-anim')).toHaveCount(0);
  // No CSS animation or transition runs anywhere in the map.
  const moving = await map.evaluate(
    (root) =>
      [root, ...root.querySelectorAll('*')].filter((el) => {
        const s = getComputedStyle(el);
        return (
          s.animationName !== 'none' ||
          s.transitionDuration.split(',').some((d) => parseFloat(d) > 0 && s.transitionProperty !== 'none')
        );
      }).length,
  );
  expect(moving).toBe(0);
});

test('every event is reachable through the list', async ({ page }) => {
  await openApp(page);
  const text = (await page.getByTestId('event-count').textContent())!;
  const total = Number(/(\d+) events?/.exec(text)![1]);
  await expect(page.getByTestId('event-list')).toHaveAttribute('role', /listbox|list|grid/);
  const size = await page.getByTestId('event-row').first().getAttribute('aria-setsize');
  expect(Number(size)).toBe(total);
});

test('Tab reaches search, filters, the list, the timeline and the map controls, each with a visible focus', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  const reached = new Set<string>();
  for (let i = 0; i < 80 && reached.size < 5; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      const area = el.closest('[data-testid="search"]')
        ? 'search'
        : el.closest('[data-testid="filter-panel"]')
          ? 'filters'
          : el.closest('[data-testid="event-list"]')
            ? 'list'
            : el.closest('[data-testid="timeline"]')
              ? 'timeline'
              : el.closest('[data-testid="map"], section[aria-label="Map"]')
                ? 'map'
                : null;
      return { area, visible, name: el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? el.tagName };
    });
    if (!info?.area) continue;
    expect(info.visible, `visible focus on ${info.area}: ${info.name}`).toBe(true);
    reached.add(info.area);
  }
  expect([...reached].sort()).toEqual(['filters', 'list', 'map', 'search', 'timeline']);
});
