import type { Page } from '@playwright/test';
import { afterFrames, expect, openApp, test } from './fixtures';

/**
 * The map's modes (density, choropleth) and how it follows a selection (issue #23 parts 3-4).
 * The follow tests use a small fixture: two sites in Kyiv 9 km apart (one cluster until zoom
 * ~10.5), one in Lima. Marker positions come from the data-markers attribute ({id, count, x, y}
 * in container px); a choropleth's filled regions from data-regions ({id, x, y}: label points).
 */
const source = [{ publisher: 'P', title: 'T', url: 'https://example.org' }];
const site = (name: string, lat: number, lon: number) => ({ name, lat, lon, precision: 'site' });
const events = [
  { id: 'kyiv-a', title: 'Kyiv north', date: '2021-01-01', category: 'a', location: site('Kyiv A', 50.45, 30.52) },
  { id: 'kyiv-b', title: 'Kyiv south', date: '2021-02-01', category: 'a', location: site('Kyiv B', 50.52, 30.62) },
  { id: 'lima', title: 'Lima', date: '2021-03-01', category: 'a', location: site('Lima', -12.0464, -77.0428) },
].map((e) => ({ summary: 'S', sources: source, ...e }));
const fixture = JSON.stringify({
  format: 'faultline/1',
  title: 'Follow fixture',
  categories: [{ id: 'a', label: 'A', color: '#B2182B' }],
  events,
});

interface Drawn {
  id: string | null;
  count: number;
  x: number;
  y: number;
}

async function open(page: Page, query = ''): Promise<void> {
  await page.route('**/fixtures/follow.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: fixture }),
  );
  await openApp(page, `?data=fixtures/follow.json${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
}

async function drawn(page: Page): Promise<Drawn[]> {
  return JSON.parse((await page.getByTestId('map').getAttribute('data-markers')) ?? '[]') as Drawn[];
}

/** Whether the event is drawn as a marker of its own inside the map's container. */
async function shownAlone(page: Page, id: string): Promise<boolean> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const at = (await drawn(page)).find((d) => d.id === id);
  return !!at && at.count === 1 && at.x > 0 && at.y > 0 && at.x < box.width && at.y < box.height;
}

test('a list selection off screen brings the event into view, out of its cluster', async ({ page }) => {
  await open(page, '&map=-12.05,-77.04,6');
  await expect.poll(() => shownAlone(page, 'lima')).toBe(true);
  expect(await shownAlone(page, 'kyiv-a')).toBe(false);
  await page.locator('[data-event-id="kyiv-a"]').click();
  await expect.poll(() => shownAlone(page, 'kyiv-a'), { timeout: 15_000 }).toBe(true);
  // Deep enough for the clusters to part the two Kyiv sites.
  await expect.poll(() => shownAlone(page, 'kyiv-b')).toBe(true);
  // Selecting the other one, already shown on its own, moves nothing.
  const url = page.url();
  await page.locator('[data-event-id="kyiv-b"]').click();
  await afterFrames(page, 10);
  expect(new URL(page.url()).searchParams.get('map')).toBe(new URL(url).searchParams.get('map'));
});

test('?event= on load shows the event on its own; a link with map= keeps its view', async ({ page }) => {
  await open(page, '&event=kyiv-b');
  await expect.poll(() => shownAlone(page, 'kyiv-b'), { timeout: 15_000 }).toBe(true);

  await open(page, '&event=kyiv-b&map=-12.05,-77.04,5');
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await expect.poll(() => shownAlone(page, 'lima')).toBe(true);
  await afterFrames(page, 20);
  expect(new URL(page.url()).searchParams.get('map')).toBe('-12.05,-77.04,5');
  expect(await shownAlone(page, 'kyiv-b')).toBe(false);
});

test('density: chosen from the menu, in the URL, kept by a reload, with a legend of counts', async ({ page }) => {
  await openApp(page);
  const map = page.getByTestId('map');
  await page.getByTestId('map-mode').selectOption('density');
  await expect(map).toHaveAttribute('data-mapmode', 'density');
  await expect(page).toHaveURL(/mapmode=density/);
  const legend = page.getByTestId('map-legend');
  await expect(legend).toContainText('Events per square');
  await expect(legend.getByRole('listitem').first()).toHaveText('1');
  // The markers are gone; the bins are drawn on their own canvas.
  await expect(map.locator('canvas.faultline-markers')).toHaveCount(0);
  await expect(map.locator('canvas.faultline-density')).toHaveCount(1);

  await page.reload();
  await expect(map).toHaveAttribute('data-mapmode', 'density');
  await expect(page.getByTestId('map-mode')).toHaveValue('density');
  await expect(legend).toBeVisible();

  // Back to markers: the legend goes, the markers return.
  await page.getByTestId('map-mode').selectOption('clusters');
  await expect(map).toHaveAttribute('data-mapmode', 'clusters');
  await expect(legend).toHaveCount(0);
  await expect.poll(async () => (await drawn(page)).length).toBeGreaterThan(0);
});

test('the embed opens in the mode its link names', async ({ page }) => {
  await page.goto('./embed.html?embed=1&mapmode=density');
  await expect(page.getByTestId('map')).toHaveAttribute('data-mapmode', 'density');
  await expect(page.getByTestId('map-legend')).toBeVisible();
});

test('countries: hovering a country gives its count as text, clicking it filters by it', async ({ page }) => {
  await openApp(page, '?mapmode=countries');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-mapmode', 'countries');
  await expect(page.getByTestId('map-legend')).toContainText('Events per country');
  // Azerbaijan's label point, from the filled regions the layer lists.
  let at: { id: string; x: number; y: number } | undefined;
  await expect
    .poll(async () => {
      const filled = JSON.parse((await map.getAttribute('data-regions')) ?? '[]') as {
        id: string;
        x: number;
        y: number;
      }[];
      at = filled.find((r) => r.id === 'AZE');
      return !!at;
    })
    .toBe(true);
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + at!.x, box.y + at!.y);
  const tip = page.getByTestId('map-tip');
  await expect(tip).toContainText(/^Azerbaijan: \d+ events?/);
  const count = Number(/: (\d+) event/.exec((await tip.textContent())!)![1]);
  expect(count).toBeGreaterThan(0);
  await page.mouse.click(box.x + at!.x, box.y + at!.y);
  await expect(page.getByTestId('event-count')).toHaveText(new RegExp(`^${count} of \\d+ events$`));
  await expect(page).toHaveURL(/region=AZE/);
});

test('regions at zoom 7 over the Caucasus load the shapes of the countries in view alone', async ({ page }) => {
  const shapes: string[] = [];
  page.on('request', (request) => {
    const match = /\/regions\/shapes\/(.+)$/.exec(request.url());
    if (match) shapes.push(match[1]!);
  });
  await openApp(page, '?mapmode=regions&map=40.2,46.5,7');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-mapmode', 'regions');
  // A province of Azerbaijan is drawn (from its country's file).
  await expect
    .poll(async () => {
      const filled = JSON.parse((await map.getAttribute('data-regions')) ?? '[]') as { id: string }[];
      return filled.some((r) => r.id.startsWith('AZE-'));
    })
    .toBe(true);
  expect(shapes).toContain('admin1/AZE.json.gz');
  // Besides the regions' places (label points and boxes), neither the world file nor the files of
  // the countries with events far away (Belarus, the US…).
  const near = [
    'admin1-places.json.gz',
    ...['ARM', 'AZE', 'GEO', 'IRN', 'RUS', 'TUR'].map((id) => `admin1/${id}.json.gz`),
  ];
  expect(shapes.filter((path) => !near.includes(path))).toEqual([]);
});
