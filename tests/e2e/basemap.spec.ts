import type { Page } from '@playwright/test';
import { clusterRadius } from '../../src/lib/views/map/symbols';
import { expect, openApp, test } from './fixtures';

/**
 * The bundled basemap's names and region borders (README, "The map"): drawn offline over the South
 * Caucasus, clear of each other and of the markers, credited; a deployment's runtime tile config
 * honoured; a basemap that fails to load leaves the events on a countries-only map, with a notice.
 * Placed names come from the data-labels attribute ({name, kind, x, y, w, h} boxes in container px).
 */

interface Placed {
  name: string;
  kind: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Drawn {
  id: string | null;
  count: number;
  x: number;
  y: number;
}

const CAUCASUS = '?map=39.8,46.8,8';

async function placed(page: Page): Promise<Placed[]> {
  return JSON.parse((await page.getByTestId('map').getAttribute('data-labels')) ?? '[]') as Placed[];
}

/** Waits until the names of the view are laid out, drawn, and no longer change. */
async function settledLabels(page: Page, expected: (names: string[]) => boolean): Promise<Placed[]> {
  await expect
    .poll(async () => expected((await placed(page)).map((p) => p.name)), { message: 'the expected names are placed' })
    .toBe(true);
  return placed(page);
}

const overlap = (a: Placed, b: Placed): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Names whose box meets a cluster's disc (where its count is written), as "name/count". */
async function namesOverClusters(page: Page): Promise<string[]> {
  const map = page.getByTestId('map');
  const markers = JSON.parse((await map.getAttribute('data-markers')) ?? '[]') as Drawn[];
  const labels = await placed(page);
  const found: string[] = [];
  for (const c of markers.filter((m) => m.count > 1)) {
    const r = clusterRadius(c.count);
    const disc = { x: c.x - r, y: c.y - r, w: 2 * r, h: 2 * r, name: '', kind: '' };
    for (const l of labels) if (overlap(l, disc)) found.push(`${l.name}/${c.count}`);
  }
  return found;
}

test('over the South Caucasus at zoom 8 the map names places, regions and countries, none over another or over a marker', async ({
  page,
}) => {
  await openApp(page, CAUCASUS);
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  // GeoNames' spellings: Xankandi (Khankendi, Stepanakert), Shushi (Shusha), Ağdam, Fizuli; and Goris.
  const wanted = ['Xankandi', 'Shushi', 'Ağdam', 'Fizuli', 'Goris', 'Ganja'];
  const labels = await settledLabels(page, (names) => wanted.filter((n) => names.includes(n)).length >= 4);
  expect(labels.some((l) => l.kind === 'country' && l.name === 'AZERBAIJAN')).toBe(true);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      expect(overlap(labels[i]!, labels[j]!), `${labels[i]!.name} over ${labels[j]!.name}`).toBe(false);
  // The markers are drawn over the names' canvas: no name box meets a cluster's disc (its count).
  const clusters = JSON.parse((await map.getAttribute('data-markers')) ?? '[]').filter((m: Drawn) => m.count > 1);
  expect(clusters.length).toBeGreaterThan(0);
  expect(await namesOverClusters(page)).toEqual([]);
  // The markers change with the filters (here, a category hidden): the names follow, after the frame.
  const before = await map.getAttribute('data-markers');
  await page.getByRole('checkbox', { name: /Armed conflict/ }).uncheck();
  await expect.poll(() => map.getAttribute('data-markers')).not.toBe(before);
  await expect.poll(() => namesOverClusters(page)).toEqual([]);
  // Drawn, not only listed: the names' canvas has ink where a name is.
  const ink = await map.evaluate(
    (el, at) => {
      const canvas = el.querySelector<HTMLCanvasElement>('canvas.faultline-labels')!;
      const box = canvas.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const data = canvas
        .getContext('2d')!
        .getImageData(
          (host.left - box.left + at.x) * scale,
          (host.top - box.top + at.y) * scale,
          at.w * scale,
          at.h * scale,
        ).data;
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) opaque++;
      return opaque;
    },
    labels.find((l) => l.kind !== 'country')!,
  );
  expect(ink).toBeGreaterThan(20);
  // The credits: Natural Earth's de facto borders, and GeoNames' CC BY 4.0 for the names.
  const credits = page.getByTestId('map-credits');
  await expect(credits).toBeVisible();
  await expect(credits).toContainText('Natural Earth, de facto borders');
  await expect(credits).toContainText('GeoNames CC BY 4.0');
});

test('names stay crisp on a high-density screen: the canvas has a device pixel per pixel', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  try {
    await openApp(page, CAUCASUS);
    await settledLabels(page, (names) => names.length > 5);
    const [css, device] = await page
      .getByTestId('map')
      .locator('canvas.faultline-labels')
      .evaluate((c: HTMLCanvasElement) => [c.getBoundingClientRect().width, c.width]);
    expect(device).toBe(Math.round(css! * 2));
  } finally {
    await context.close();
  }
});

/** A 1×1 PNG, for the test tile server. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('a runtime tile config (faultline.config.json) switches the map to those tiles, credited as it says', async ({
  page,
}) => {
  const tiles: string[] = [];
  const bundled: string[] = [];
  // The drawn basemap: its manifest and its tiles of lines and names (the region lookup and the
  // gazetteer live beside them, but they are data for the events and the place search, not a map).
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\/basemap\/(manifest\.json$|v[0-9a-f]+\/(?!gazetteer\/))/.test(path)) bundled.push(path);
  });
  await page.route('**/faultline.config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        tiles: { url: 'test-tiles/{z}/{x}/{y}.png', attribution: 'Test tiles, for the suite', maxZoom: 14 },
      }),
    }),
  );
  await page.route('**/test-tiles/**', (route) => {
    tiles.push(new URL(route.request().url()).pathname);
    return route.fulfill({ contentType: 'image/png', body: PNG });
  });
  await openApp(page, CAUCASUS);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  // Tiles of the view's zoom around 39.8N 46.8E: x = 161, y = 97 at zoom 8.
  expect(tiles.length).toBeGreaterThan(0);
  expect(tiles.every((p) => /\/test-tiles\/8\/\d+\/\d+\.png$/.test(p))).toBe(true);
  expect(tiles).toContain('/test-tiles/8/161/97.png');
  await expect(page.getByTestId('map-credits')).toContainText('Test tiles, for the suite');
  await expect(page.getByTestId('map-credits')).not.toContainText('GeoNames');
  // The bundled basemap is not drawn under someone else's tiles.
  expect(bundled).toEqual([]);
  await expect(page.getByTestId('map').locator('canvas.faultline-labels')).toHaveCount(0);
});

test('an invalid runtime config is refused with a notice: the map stays offline and named', async ({ page }) => {
  await page.route('**/faultline.config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ tiles: { url: 'http://tiles.example.org/{z}/{x}/{y}.png', attribution: 'X' } }),
    }),
  );
  await openApp(page, CAUCASUS);
  await expect(page.getByTestId('notices')).toContainText(
    'faultline.config.json: "tiles.url" must start with https:// or be a path on this site',
  );
  await settledLabels(page, (names) => names.includes('Shushi'));
  await expect(page.getByTestId('map-credits')).toContainText('GeoNames');
});

test('when the bundled names cannot be loaded, the events still show on the countries-only map, and a notice says so', async ({
  page,
  watch,
}) => {
  // The names and borders come through the manifest; the region lookup beside it still loads.
  await page.route('**/basemap/manifest.json', (route) => route.abort('failed'));
  await openApp(page, CAUCASUS);
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  await expect(page.getByTestId('notices')).toContainText(
    'place names and region borders could not be loaded: it shows countries only',
  );
  await expect.poll(async () => ((await map.getAttribute('data-markers')) ?? '[]').length).toBeGreaterThan(2);
  expect(await map.getAttribute('data-labels')).toBeNull();
  await expect(page.getByTestId('map-credits')).toContainText('Natural Earth');
  await expect(page.getByTestId('map-credits')).not.toContainText('GeoNames');
  // The fixture fails a test on any failed request or console error: the only ones here are the
  // aborted basemap request and Chromium's report of it, which this test caused on purpose.
  // (in either order: the two reports come from different places.)
  expect(watch.errors).toHaveLength(2);
  expect(watch.errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^request failed: \S+\/basemap\/manifest\.json net::ERR_FAILED$/),
      'console: Failed to load resource: net::ERR_FAILED',
    ]),
  );
  watch.errors.length = 0;
});
