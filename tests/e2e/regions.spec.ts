import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { afterFrames, expect, openApp, test } from './fixtures';

/**
 * The Region facet (issue #23): choosing a country, then one of its regions, narrows the map, the
 * timeline, the list and the summary alike; the link carries region= and a reload restores it.
 */

const bundled = JSON.parse(readFileSync('data/events.json', 'utf8')) as {
  events: { id: string; location?: { lat: number; lon: number } | null }[];
};
const total = bundled.events.length;
const located = (ids: string[]) => ids.filter((id) => bundled.events.find((e) => e.id === id)?.location).length;

/** What each view shows: list rows, timeline marks, the located events the map draws, the summary's count. */
async function views(page: Page) {
  const list = await page
    .getByTestId('event-row')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')!));
  const marks = JSON.parse((await page.getByTestId('timeline-canvas').getAttribute('data-marks')) ?? '[]') as {
    id: string;
  }[];
  const markers = JSON.parse((await page.getByTestId('map').getAttribute('data-markers')) ?? '[]') as {
    count: number;
  }[];
  return {
    list: [...new Set(list)].sort(),
    timeline: [...new Set(marks.map((m) => m.id))].sort(),
    mapCount: markers.reduce((sum, m) => sum + m.count, 0),
  };
}

/** Every view agrees on `count` events, all of them located (a region is a place). */
async function narrowedTo(page: Page, count: number): Promise<string[]> {
  await expect(page.getByTestId('event-count')).toHaveText(`${count} of ${total} events`);
  let ids: string[] = [];
  await expect
    .poll(async () => {
      const v = await views(page);
      ids = v.list;
      return v.list.length === count && v.timeline.join() === v.list.join() && v.mapCount === located(v.list);
    })
    .toBe(true);
  expect(located(ids)).toBe(count);
  await page.getByTestId('side-tab-summary').click();
  await expect(page.getByTestId('summary-events')).toHaveText(new RegExp(`^\\D*${count}\\D*$`));
  await page.getByTestId('side-tab-list').click();
  return ids;
}

/** The facet row of a region id: its checkbox and its count. */
function row(page: Page, id: string) {
  const label = page.getByTestId('facet-regions').locator(`[data-region="${id}"]`);
  return {
    label,
    box: label.getByRole('checkbox'),
    count: async () => Number(await label.locator('.count').textContent()),
  };
}

test('the region facet narrows map, timeline, list and summary; region= survives a reload', async ({ page }) => {
  await openApp(page);
  const azerbaijan = row(page, 'AZE');
  await expect(azerbaijan.label).toBeVisible();
  const inCountry = await azerbaijan.count();
  expect(inCountry).toBeGreaterThan(1);
  await azerbaijan.box.check();
  const ids = await narrowedTo(page, inCountry);
  await expect(page).toHaveURL(/[?&]region=AZE(&|$)/);

  expect(ids.length).toBe(inCountry);

  // One of its regions instead of the whole country.
  await page
    .getByTestId('facet-regions')
    .getByRole('button', { name: /Azerbaijan/ })
    .click();
  const first = page.getByTestId('facet-regions').locator('.admin1 [data-region]').first();
  const regionId = (await first.getAttribute('data-region'))!;
  const region = row(page, regionId);
  const inRegion = await region.count();
  await region.box.check();
  await azerbaijan.box.uncheck();
  // The summary shown a second time follows too (it had kept the numbers of its first showing).
  await narrowedTo(page, inRegion);
  expect(inRegion).toBeLessThanOrEqual(inCountry);
  await expect(page).toHaveURL(new RegExp(`[?&]region=${regionId}(&|$)`));

  await page.reload();
  await expect(page.getByTestId('event-count')).toHaveText(`${inRegion} of ${total} events`);
  await expect(row(page, regionId).box).toBeChecked();
  await afterFrames(page);
  await narrowedTo(page, inRegion);

  // Each event shown says where it is: in that region of Azerbaijan, of the kind Natural Earth gives
  // (Azerbaijan's are districts and municipalities), which the facet shows beside the name.
  await expect(row(page, regionId).label.locator('.kind')).toHaveText(/^\s?(District|Municipality)$/);
  const name = (await row(page, regionId).label.locator('.label').textContent())!.trim();
  expect(name).toMatch(/\S (District|Municipality)$/);
  for (const shown of [page.getByTestId('event-row').first(), page.getByTestId('event-row').last()]) {
    await shown.click();
    await expect(page.getByTestId('detail-region')).toHaveText(`Region: ${name}, Azerbaijan`);
  }
});

test('a search finds events by the name of their country', async ({ page }) => {
  await openApp(page);
  const inCountry = await row(page, 'AZE').count();
  await page.getByTestId('search').fill('azerbaijan');
  // At least those in the country (others may name it in their text).
  await expect
    .poll(async () => Number(/^(\d+)/.exec((await page.getByTestId('event-count').textContent()) ?? '')?.[1] ?? 0))
    .toBeGreaterThanOrEqual(inCountry);
});
