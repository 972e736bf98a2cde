import type { Page } from '@playwright/test';
import { afterFrames, appOrigin, expect, openApp, test } from './fixtures';

/**
 * The map against a small fixed dataset: three events on one spot in Tbilisi, places of every
 * precision, and two events with no location. Marker positions come from the data-markers
 * attribute the canvas layer keeps on the map container ({id, count, x, y} in container px).
 */
const source = [{ publisher: 'P', title: 'T', url: 'https://example.org' }];
const place = (name: string, lat: number, lon: number, precision: string) => ({ name, lat, lon, precision });
const tbilisi = place('Tbilisi', 41.7151, 44.8271, 'city');
const events = [
  { id: 'tbilisi-1', title: 'Tbilisi one', date: '2021-01-01', category: 'a', location: tbilisi },
  { id: 'tbilisi-2', title: 'Tbilisi two', date: '2021-02-01', category: 'b', location: tbilisi },
  { id: 'tbilisi-3', title: 'Tbilisi three', date: '2021-03-01', category: 'c', location: tbilisi },
  {
    id: 'yerevan',
    title: 'Yerevan site',
    date: '2021-04-01',
    category: 'a',
    location: place('Yerevan', 40.1792, 44.4991, 'site'),
  },
  {
    id: 'paris',
    title: 'Paris site',
    date: '2021-05-01',
    category: 'b',
    location: place('Paris', 48.8566, 2.3522, 'site'),
  },
  {
    id: 'caracas',
    title: 'Venezuela country',
    date: '2021-06-01',
    category: 'c',
    location: place('Venezuela', 7, -66, 'country'),
  },
  {
    id: 'dc',
    title: 'Washington claim',
    date: '2021-07-01',
    category: 'a',
    location: place('Washington', 38.9072, -77.0369, 'city'),
    status: { kind: 'claimed', by: ['X'] },
  },
  { id: 'call-1', title: 'A phone call', date: '2021-08-01', category: 'b', location: null },
  { id: 'call-2', title: 'A statement', date: '2021-09-01', category: 'b', location: null },
].map((e) => ({ summary: 'S', sources: source, ...e }));
const fixture = JSON.stringify({
  format: 'faultline/1',
  title: 'Map fixture',
  categories: [
    { id: 'a', label: 'A', color: '#B2182B' },
    { id: 'b', label: 'B', color: '#0072B2' },
    { id: 'c', label: 'C', color: '#009E73' },
  ],
  events,
});
const LOCATED = events.filter((e) => e.location).length;

interface Drawn {
  id: string | null;
  count: number;
  x: number;
  y: number;
}

async function open(page: Page, query = ''): Promise<void> {
  await page.route('**/fixtures/map.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: fixture }),
  );
  await openApp(page, `?data=fixtures/map.json${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
}

async function drawn(page: Page): Promise<Drawn[]> {
  return JSON.parse((await page.getByTestId('map').getAttribute('data-markers')) ?? '[]') as Drawn[];
}

async function marker(page: Page, id: string): Promise<Drawn> {
  await expect
    .poll(async () => (await drawn(page)).some((d) => d.id === id), { message: `marker ${id} drawn` })
    .toBe(true);
  return (await drawn(page)).find((d) => d.id === id)!;
}

const row = (page: Page, id: string) => page.locator(`[data-event-id="${id}"]`);

/** RGBA of a canvas pixel under a point of the map container. */
async function pixelAt(page: Page, selector: string, x: number, y: number): Promise<number[]> {
  return page.getByTestId('map').evaluate(
    (map, { selector, x, y }) => {
      const canvas = map.querySelector<HTMLCanvasElement>(selector)!;
      const box = canvas.getBoundingClientRect();
      const at = map.getBoundingClientRect();
      const px = Math.round(((at.left + x - box.left) * canvas.width) / box.width);
      const py = Math.round(((at.top + y - box.top) * canvas.height) / box.height);
      return [...canvas.getContext('2d')!.getImageData(px, py, 1, 1).data];
    },
    { selector, x, y },
  );
}
const alphaAt = async (page: Page, selector: string, x: number, y: number) => (await pixelAt(page, selector, x, y))[3]!;

/** Holds the bundled dataset's download until the returned function is called. */
async function holdData(page: Page): Promise<() => void> {
  let release = (): void => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/events.json', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('while the data downloads, the map and its basemap are up and can be moved; the events then fill in', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const release = await holdData(page);
  await page.goto('./');
  // The map's code is asked for as the page starts, before the data, not once the data is in.
  await expect.poll(() => requested.some((p) => p.endsWith('/data/events.json'))).toBe(true);
  const mapScript = requested.findIndex((p) => /\/leaflet-adapter-[\w-]+\.js$/.test(p));
  expect(mapScript).toBeGreaterThanOrEqual(0);
  expect(mapScript).toBeLessThan(requested.findIndex((p) => p.endsWith('/data/events.json')));
  await expect.poll(() => requested.some((p) => /\/countries-110m-[\w-]+\.json$/.test(p))).toBe(true);
  await expect(page.getByTestId('event-count')).toHaveCount(0);
  await expect(page.getByTestId('loading')).toHaveText(/Loading data\/events\.json…/);
  // The world, drawn from the bundled basemap (opaque: land or sea everywhere); it pans. The link
  // records no view until there is data to see.
  const map = page.getByTestId('map');
  await expect(map.locator('canvas.faultline-basemap')).toHaveCount(1);
  const box = (await map.boundingBox())!;
  await expect
    .poll(async () => (await pixelAt(page, 'canvas.faultline-basemap', box.width / 2, box.height / 2))[3])
    .toBe(255);
  const pane = map.locator('.leaflet-map-pane');
  const before = await pane.evaluate((el) => getComputedStyle(el).transform);
  await map.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => pane.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
  expect(new URL(page.url()).searchParams.get('map')).toBeNull();
  release();
  await expect(page.getByTestId('event-count')).toHaveText(/\d+ events/);
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await expect.poll(async () => ((await map.getAttribute('data-markers')) ?? '[]').length).toBeGreaterThan(2);
  // Shown whole at once: the bundled events lie between the Americas and the Caucasus, so the fit is
  // closer than the world view the map started at.
  await expect
    .poll(() => page.evaluate(() => Number(new URL(location.href).searchParams.get('map')?.split(',')[2])))
    .toBeGreaterThan(2);
});

test('a link\u2019s map view and selection hold when the map is made before the data arrives', async ({ page }) => {
  const release = await holdData(page);
  await page.goto('./?event=nk20-moscow-1010&map=45.5,30.25,4');
  // The map is up (its basemap painted) before the data is let through.
  await expect(page.getByTestId('map').locator('canvas.faultline-basemap')).toHaveCount(1);
  await expect(page.getByTestId('loading')).toBeVisible();
  release();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  // A fit to the first data comes before its markers, and its URL write a frame after: wait for
  // those markers, then for frames enough to outlast a Leaflet animation (a pan to the selection).
  await expect.poll(async () => (await drawn(page)).length).toBeGreaterThan(0);
  await afterFrames(page, 20);
  // Neither fitted to the data nor panned to the selected event (Moscow, off this view's centre).
  expect(new URL(page.url()).searchParams.get('map')).toBe('45.5,30.25,4');
});

test('the map draws the offline basemap (land vs sea) and one canvas of markers, with no marker images or tiles', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page);
  const paris = await marker(page, 'paris');
  const caracas = await marker(page, 'caracas');
  // Land under Paris has the land colour; the Atlantic between Paris and Venezuela the sea's.
  expect(await pixelAt(page, 'canvas.faultline-basemap', paris.x, paris.y)).toEqual([246, 244, 239, 255]);
  expect(await pixelAt(page, 'canvas.faultline-basemap', (paris.x + caracas.x) / 2, (paris.y + caracas.y) / 2)).toEqual(
    [211, 226, 236, 255],
  );
  // One canvas for the whole basemap, whatever the number of tiles it was put together from.
  await expect(page.getByTestId('map').locator('canvas.faultline-basemap')).toHaveCount(1);
  expect(await alphaAt(page, 'canvas.faultline-markers', paris.x, paris.y)).toBeGreaterThan(0);
  await expect(page.getByTestId('map').locator('canvas.faultline-markers')).toHaveCount(1);
  await expect(page.getByTestId('map').locator('.leaflet-marker-icon')).toHaveCount(0);
  const total = (await drawn(page)).reduce((sum, d) => sum + d.count, 0);
  expect(total).toBe(LOCATED);
  await expect(page.getByTestId('map-credits')).toContainText('Natural Earth, de facto borders');
  expect(requests.filter((u) => /marker-(icon|shadow)/.test(u) || !u.startsWith(appOrigin()))).toEqual([]);
  await page.screenshot({ path: '/tmp/map.png' });
});

test('clicking a marker selects its event; hovering it labels it and highlights the list row', async ({ page }) => {
  await open(page);
  const paris = await marker(page, 'paris');
  const map = page.getByTestId('map');
  await map.hover({ position: { x: paris.x, y: paris.y } });
  await expect(page.getByTestId('map-tip')).toContainText('Paris site');
  await expect(row(page, 'paris')).toHaveClass(/hovered/);
  await map.click({ position: { x: paris.x, y: paris.y } });
  await expect(row(page, 'paris')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/event=paris/);
});

test('several events on one spot are each reachable through the chooser', async ({ page }) => {
  await open(page);
  const map = page.getByTestId('map');
  const chooser = page.getByTestId('map-chooser');
  // Cluster clicks zoom in until the three Tbilisi events are alone in their disc.
  for (let i = 0; i < 6 && !(await chooser.isVisible()); i++) {
    await expect.poll(async () => (await drawn(page)).some((d) => d.count >= 3)).toBe(true);
    const cluster = (await drawn(page)).filter((d) => d.count >= 3).sort((a, b) => a.count - b.count)[0]!;
    const before = JSON.stringify(await drawn(page));
    await map.click({ position: { x: cluster.x, y: cluster.y } });
    await expect
      .poll(async () => (await chooser.isVisible()) || JSON.stringify(await drawn(page)) !== before)
      .toBe(true);
  }
  await expect(chooser).toBeVisible();
  const buttons = chooser.getByRole('button', { name: /Tbilisi/ });
  await expect(buttons).toHaveText([/Tbilisi one/, /Tbilisi two/, /Tbilisi three/]);
  await expect(buttons.first()).toBeFocused();
  for (const [i, id] of ['tbilisi-1', 'tbilisi-2', 'tbilisi-3'].entries()) {
    await buttons.nth(i).click();
    await expect(row(page, id)).toHaveAttribute('aria-selected', 'true');
    await expect(buttons.nth(i)).toHaveAttribute('aria-current', 'true');
  }
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
});

test('"N events have no location" lists them and selects one', async ({ page }) => {
  await open(page);
  const toggle = page.getByTestId('map-unlocated');
  await expect(toggle).toHaveText('2 events have no location');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = page.getByTestId('map-unlocated-list');
  await list.getByRole('button', { name: /A statement/ }).click();
  await expect(row(page, 'call-2')).toHaveAttribute('aria-selected', 'true');
  // Filtering out the unlocated events hides the counter.
  await page.getByTestId('search').fill('Paris');
  await expect(toggle).toHaveCount(0);
});

test('"Zoom to filtered events" fits the visible located events, by mouse and by keyboard', async ({ page }) => {
  await open(page, '&map=0,0,6');
  await expect.poll(async () => (await drawn(page)).length).toBe(0);
  const fit = page.getByRole('button', { name: 'Zoom to filtered events' });
  await fit.click();
  await expect.poll(async () => (await drawn(page)).reduce((sum, d) => sum + d.count, 0)).toBe(LOCATED);

  await page.getByTestId('search').fill('Yerevan');
  await fit.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await drawn(page)).map((d) => d.id)).toEqual(['yerevan']);
  // One event: the fit stops at zoom 8 rather than diving to the deepest zoom.
  await expect(page).toHaveURL(/map=40\.\d+%2C44\.\d+%2C8|map=40\.\d+,44\.\d+,8/);
});

test('zoom buttons work by keyboard, a list selection pans to an off-screen event, and the map is never re-created', async ({
  page,
}) => {
  await open(page, '&map=48.85,2.35,6');
  // Tag the basemap canvas: if a move re-created the map, the tag would be gone.
  const basemap = page.getByTestId('map').locator('canvas.faultline-basemap');
  await basemap.evaluate((el) => el.setAttribute('data-probe', 'first'));
  const zoomIn = page.getByRole('button', { name: 'Zoom map in' });
  await zoomIn.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/map=48\.8\d*(%2C|,)2\.3\d*(%2C|,)7(&|$)/);
  await expect.poll(async () => (await drawn(page)).some((d) => d.id === 'yerevan')).toBe(false);
  await row(page, 'yerevan').click();
  // Drawn inside the container, not only in the canvas's overhang; the zoom is kept.
  const box = (await page.getByTestId('map').boundingBox())!;
  await expect
    .poll(async () => {
      const at = (await drawn(page)).find((d) => d.id === 'yerevan');
      return !!at && at.x > 0 && at.y > 0 && at.x < box.width && at.y < box.height;
    })
    .toBe(true);
  await expect(page).toHaveURL(/(%2C|,)7(&|$)/);
  await expect(basemap).toHaveAttribute('data-probe', 'first');
});

test('mid-drag, the basemap still fills the view: it follows a pan far past its overhang', async ({ page }) => {
  await open(page, '&map=48.85,2.35,5');
  const map = page.getByTestId('map');
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  // Half the view's width to the left, the button still held: no moveend has happened.
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.8 - 0.05 * i), box.y + box.height / 2);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const cover = await map.evaluate((el) => {
    const view = el.getBoundingClientRect();
    const canvas = el.querySelector('canvas.faultline-basemap')!.getBoundingClientRect();
    return {
      left: canvas.left - view.left,
      right: canvas.right - view.right,
      top: canvas.top - view.top,
      bottom: canvas.bottom - view.bottom,
    };
  });
  expect(cover.left).toBeLessThanOrEqual(0);
  expect(cover.top).toBeLessThanOrEqual(0);
  expect(cover.right).toBeGreaterThanOrEqual(0);
  expect(cover.bottom).toBeGreaterThanOrEqual(0);
  // The strip the drag uncovered on the right is painted (opaque land or sea), not empty.
  expect(await alphaAt(page, 'canvas.faultline-basemap', box.width - 4, box.height / 2)).toBe(255);
  await page.mouse.up();
});

test('reads in the dark theme: dark sea and land, light cluster discs', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  const paris = await marker(page, 'paris');
  const sea = await page.getByTestId('map').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(sea).toBe('rgb(11, 19, 28)');
  await expect.poll(() => pixelAt(page, 'canvas.faultline-basemap', paris.x, paris.y)).toEqual([39, 49, 62, 255]);
  await page.screenshot({ path: '/tmp/map-dark.png' });
  // Switching back repaints the basemap's tiles in the light colours.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect
    .poll(() => page.getByTestId('map').evaluate((el) => getComputedStyle(el).backgroundColor))
    .toBe('rgb(211, 226, 236)');
  await expect.poll(() => pixelAt(page, 'canvas.faultline-basemap', paris.x, paris.y)).toEqual([246, 244, 239, 255]);
});

/** Container-pixel lists compared as sets, after moving `from` by (dx, dy), within `inset` of the edges. */
function shifted(
  from: Drawn[],
  dx: number,
  dy: number,
  box: { width: number; height: number },
  inset: number,
): string[] {
  const key = (d: Drawn) => `${d.id ?? 'cluster'}:${d.count}@${Math.round(d.x + dx)},${Math.round(d.y + dy)}`;
  return from
    .filter(
      (d) => d.x + dx > inset && d.y + dy > inset && d.x + dx < box.width - inset && d.y + dy < box.height - inset,
    )
    .map(key)
    .sort();
}

test('clusters stay the same through a pan and a zoom there and back; a filter changed while zoomed in shows after zooming out', async ({
  page,
}) => {
  // Thirty tight groups of eight and twenty lone events, a degree and a half apart.
  const crowd = Array.from({ length: 240 }, (_, i) => {
    const spot = Math.floor(i / 8);
    const jitter = ((i % 8) - 3.5) * 0.012;
    return {
      id: `crowd-${i}`,
      lat: 40 + (spot % 6) * 0.5 + jitter,
      lon: 41 + Math.floor(spot / 6) * 1.2 - jitter,
      category: 'abc'[i % 3]!,
    };
  });
  const lone = Array.from({ length: 20 }, (_, j) => ({
    id: `lone-${j}`,
    lat: j % 2 ? 38.6 : 43.6,
    lon: 37 + j * 1.5,
    category: 'abc'[j % 3]!,
  }));
  const many = [...crowd, ...lone].map((e, i) => ({
    id: e.id,
    title: e.id,
    summary: 'S',
    sources: source,
    category: e.category,
    date: `2021-${String(1 + (i % 12)).padStart(2, '0')}-01`,
    location: place(e.id, e.lat, e.lon, 'site'),
  }));
  await page.route('**/fixtures/many.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...JSON.parse(fixture), events: many }) }),
  );
  await openApp(page, '?data=fixtures/many.json&map=41.5,44,6');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-basemap', 'ready');
  const box = (await map.boundingBox())!;
  const before = await drawn(page);
  expect(before.some((d) => d.id === null && d.count > 1)).toBe(true);

  // A slow drag (no inertia), then the same clusters moved by the drag, compared through a lone event.
  const anchor = before.find(
    (d) => d.id?.startsWith('lone-') && d.x > 40 && d.x < box.width - 200 && d.y > 40 && d.y < box.height - 120,
  )!;
  expect(anchor).toBeDefined();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 12, box.y + box.height / 2 + i * 7);
  // Leaflet throws the map on only if the pointer moved in the last 50 ms before release (by its
  // clock, at the frame that applies a move): let the last move's frame come, then hold still.
  // The pause is a minimum, which a busy machine only lengthens.
  await afterFrames(page);
  await page.waitForTimeout(150);
  await page.mouse.up();
  await expect.poll(async () => (await drawn(page)).find((d) => d.id === anchor.id)?.x).not.toBe(anchor.x);
  const after = await drawn(page);
  const moved = after.find((d) => d.id === anchor.id)!;
  const [dx, dy] = [moved.x - anchor.x, moved.y - anchor.y];
  expect(Math.abs(dx)).toBeGreaterThan(60);
  expect(shifted(after, 0, 0, box, 60)).toEqual(shifted(before, dx, dy, box, 60));

  // Untick a category at this view, then tick it again: what that view shows without it.
  const categoryA = page.getByTestId('facet-categories').getByRole('checkbox', { name: /^A\b/ });
  await categoryA.uncheck();
  await expect.poll(async () => (await drawn(page)).length).not.toBe(after.length);
  const withoutA = await drawn(page);
  await categoryA.check();
  await expect.poll(async () => JSON.stringify(await drawn(page))).toBe(JSON.stringify(after));

  // Zoom in, untick it there, zoom back out: the clusters must be those without it.
  await page.getByRole('button', { name: 'Zoom map in' }).click();
  await expect(page).toHaveURL(/(%2C|,)7(&|$)/);
  await categoryA.uncheck();
  await page.getByRole('button', { name: 'Zoom map out' }).click();
  await expect(page).toHaveURL(/(%2C|,)6(&|$)/);
  await expect.poll(async () => shifted(await drawn(page), 0, 0, box, 60)).toEqual(shifted(withoutA, 0, 0, box, 60));
});
