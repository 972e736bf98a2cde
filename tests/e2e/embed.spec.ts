import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Frame, FrameLocator, Page } from '@playwright/test';
import { afterFrames, appOrigin, test, expect, openApp } from './fixtures';

/**
 * Embedding: the host-page API (postMessage v1) from a host page served on a same-host path,
 * the origin and source rules, sandboxed frames, small frames, the Share dialog's snippet,
 * the build from a sub-path, and the PNG/SVG/print exports.
 */
interface BundledEvent {
  id: string;
  title: string;
  date: string;
  category: string;
  sources: { publisher: string; url: string }[];
}
const bundled = JSON.parse(readFileSync('data/events.json', 'utf8')) as {
  title: string;
  license: string;
  events: BundledEvent[];
};
const TOTAL = bundled.events.length;
const ceasefires = bundled.events.filter((e) => e.category === 'ceasefire');
const firstCeasefire = [...ceasefires].sort((a, b) => (a.date < b.date ? -1 : 1))[0]!;

interface Received {
  origin: string;
  data: { v: number; type: string; payload?: Record<string, unknown> } | unknown;
}
type Message = { v: number; type: string; payload?: Record<string, unknown> };

/** A host page: the embed frame, an optional sibling frame, a log of what the embed posts, and height fitting. */
function hostHtml(
  src: string,
  opts: { sandbox?: string; width?: number; height?: number; sibling?: boolean } = {},
): string {
  const sandbox = opts.sandbox === undefined ? '' : ` sandbox="${opts.sandbox}"`;
  const sibling = opts.sibling
    ? '<iframe id="sibling" name="sibling" title="Sibling" srcdoc="<p>sibling</p>"></iframe>'
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0">
<iframe id="embed" title="Faultline" src="${src}"${sandbox} style="display:block;border:0;width:${opts.width ?? 360}px;height:${opts.height ?? 300}px"></iframe>
${sibling}
<script>
  window.received = [];
  const frame = document.getElementById('embed');
  addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow) return;
    received.push({ origin: e.origin, data: e.data });
    if (e.data && e.data.type === 'height') frame.style.height = e.data.payload.height + 'px';
  });
  window.send = (message) => frame.contentWindow.postMessage(message, '*');
</script>
</body></html>`;
}

async function openHost(
  page: Page,
  src: string,
  opts: Parameters<typeof hostHtml>[1] = {},
  url = `${appOrigin()}/__host.html`,
): Promise<FrameLocator> {
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: hostHtml(src, opts) }));
  await page.goto(url);
  return page.frameLocator('#embed');
}

/** The embed's frame in the host page (the one Playwright sees, to run code in). */
function embedFrame(page: Page): Frame {
  return page.frame({ url: /\/embed\.html/ })!;
}

async function received(page: Page): Promise<Received[]> {
  return page.evaluate(() => (window as unknown as { received: Received[] }).received);
}

async function messagesOf(page: Page, type: string): Promise<Received[]> {
  return (await received(page)).filter((m) => (m.data as Message | null)?.type === type);
}

/** Waits for a message matching `match` and returns it. */
async function waitFor(page: Page, match: (m: Received) => boolean, what: string): Promise<Received> {
  await expect.poll(async () => (await received(page)).some(match), { message: `host receives ${what}` }).toBe(true);
  return (await received(page)).find(match)!;
}

async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);
}

const isType = (type: string) => (m: Received) => (m.data as Message | null)?.type === type;
const replyTo = (id: string) => (m: Received) => (m.data as Message | null)?.payload?.['inReplyTo'] === id;

test('the host filters the embed, hears a click as `select`, and fits the frame to `height`', async ({ page }) => {
  const embed = await openHost(page, './embed.html?embed=1', { width: 360, height: 300 });
  await expect(embed.getByTestId('event-count')).toHaveText(`${TOTAL} events`);

  // Before the host has spoken: only a data-free ready, to '*'; no state, select or height.
  const ready = await waitFor(page, isType('ready'), 'ready');
  expect(ready).toEqual({ origin: appOrigin(), data: { v: 1, type: 'ready' } });
  // Drawn, with frames to spare for a height or state message, and those delivered to the host: still only ready.
  await afterFrames(embedFrame(page));
  await afterFrames(page);
  expect((await received(page)).map((m) => (m.data as Message).type)).toEqual(['ready']);

  // getState binds the host's origin and is answered with the state.
  await send(page, { v: 1, type: 'getState', id: 's1' });
  const state = await waitFor(page, replyTo('s1'), 'the getState reply');
  expect(state.origin).toBe(appOrigin());
  expect(state.data).toEqual({
    v: 1,
    type: 'state',
    payload: {
      filters: { text: '', categories: null, actors: [], tags: [], regions: [], inView: false },
      regionNames: [],
      mapMode: { mode: 'clusters', measure: 'events' },
      window: null,
      selected: null,
      visible: TOTAL,
      total: TOTAL,
      inReplyTo: 's1',
    },
  });

  // Now the height comes, and the host resizes the frame to it: the stacked layout is taller than 300 px.
  const height = await waitFor(page, isType('height'), 'height');
  const first = (height.data as Message).payload!['height'] as number;
  expect(first).toBeGreaterThan(600);
  await expect.poll(async () => (await page.locator('#embed').boundingBox())?.height).toBe(first);
  // …and, fitted, the embed does not scroll inside.
  expect(await embed.locator('html').evaluate((html) => html.scrollHeight - html.clientHeight)).toBeLessThanOrEqual(1);

  // The host sets a filter: the embed's count changes and a state message follows.
  await send(page, { v: 1, type: 'setFilters', id: 'f1', payload: { categories: ['ceasefire'] } });
  await expect(embed.getByTestId('event-count')).toHaveText(`${ceasefires.length} of ${TOTAL} events`);
  await waitFor(
    page,
    (m) => isType('state')(m) && (m.data as Message).payload!['visible'] === ceasefires.length,
    'a state message with the new count',
  );
  const states = await messagesOf(page, 'state');
  expect((states.at(-1)!.data as Message).payload!['filters']).toMatchObject({ categories: ['ceasefire'] });

  // A click on an event in the embed reaches the host as `select`.
  await embed.locator(`[data-event-id="${firstCeasefire.id}"]`).click();
  const select = await waitFor(page, isType('select'), 'select');
  expect(select).toEqual({
    origin: appOrigin(),
    data: {
      v: 1,
      type: 'select',
      payload: { id: firstCeasefire.id, title: firstCeasefire.title, date: firstCeasefire.date },
    },
  });
  await expect(embed.getByTestId('event-detail')).toBeVisible();
  // The details made the content taller: a new height, and the frame follows it.
  await expect.poll(async () => (await messagesOf(page, 'height')).length).toBeGreaterThan(1);
  const last = ((await messagesOf(page, 'height')).at(-1)!.data as Message).payload!['height'] as number;
  expect(last).toBeGreaterThan(first);
  await expect.poll(async () => (await page.locator('#embed').boundingBox())?.height).toBe(last);

  // selectEvent and setWindow from the host.
  await send(page, { v: 1, type: 'setFilters', payload: { categories: null } });
  await send(page, { v: 1, type: 'setWindow', payload: { from: '2020-09-27', to: '2020-11-10' } });
  await send(page, { v: 1, type: 'selectEvent', payload: { id: 'nst-signed' } });
  await send(page, { v: 1, type: 'getState', id: 's2' });
  const after = (await waitFor(page, replyTo('s2'), 'the second getState reply')).data as Message;
  expect(after.payload).toMatchObject({
    window: { from: '2020-09-27', to: '2020-11-10' },
    selected: 'nst-signed',
    filters: { categories: null },
  });
  await expect(embed.getByTestId('event-detail')).toContainText('Obama and Medvedev sign New START');
});

test('the host filters by region and switches the map mode; the embed reports both back', async ({ page }) => {
  const embed = await openHost(page, './embed.html?embed=1', { width: 1000, height: 720 });
  await expect(embed.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
  await waitFor(page, isType('ready'), 'ready');

  // An id the data has no region for is refused, named in the error; nothing changes.
  await send(page, { v: 1, type: 'setFilters', id: 'bad', payload: { regions: ['AZE', 'XYZ'] } });
  const refusal = await waitFor(page, (m) => isType('error')(m) && replyTo('bad')(m), 'the refusal');
  expect((refusal.data as Message).payload!['message']).toBe('unknown region "XYZ"');
  await expect(embed.getByTestId('event-count')).toHaveText(`${TOTAL} events`);

  // Azerbaijan: the count, the list, the timeline and the map narrow alike, and the state names it.
  await send(page, { v: 1, type: 'setFilters', payload: { regions: ['AZE'] } });
  await expect(embed.getByTestId('event-count')).not.toHaveText(`${TOTAL} events`);
  await send(page, { v: 1, type: 'getState', id: 'r1' });
  const state = ((await waitFor(page, replyTo('r1'), 'the state with the region')).data as Message).payload!;
  expect(state['filters']).toMatchObject({ regions: ['AZE'] });
  expect(state['regionNames']).toEqual(['Azerbaijan']);
  const shown = state['visible'] as number;
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(TOTAL);
  await expect(embed.getByTestId('event-count')).toHaveText(`${shown} of ${TOTAL} events`);
  await expect(embed.getByTestId('event-row').first()).toHaveAttribute('aria-setsize', String(shown));
  await expect
    .poll(async () => {
      const marks = JSON.parse((await embed.getByTestId('timeline-canvas').getAttribute('data-marks')) ?? '[]') as {
        id: string;
      }[];
      const markers = JSON.parse((await embed.getByTestId('map').getAttribute('data-markers')) ?? '[]') as {
        count: number;
      }[];
      // Every event in a region has a place: the map draws them all.
      return [new Set(marks.map((m) => m.id)).size, markers.reduce((sum, m) => sum + m.count, 0)];
    })
    .toEqual([shown, shown]);

  // The map mode: a density of squares, with its legend, reported in the next state.
  await send(page, { v: 1, type: 'setMapMode', payload: { mode: 'density' } });
  await expect(embed.getByTestId('map-legend')).toBeVisible();
  await expect(embed.getByTestId('map-mode')).toHaveValue('density');
  await waitFor(
    page,
    (m) =>
      isType('state')(m) &&
      ((m.data as Message).payload!['mapMode'] as { mode: string } | undefined)?.mode === 'density',
    'a state message with the map mode',
  );
  const last = ((await messagesOf(page, 'state')).at(-1)!.data as Message).payload!;
  expect(last['mapMode']).toEqual({ mode: 'density', measure: 'events' });
});

test('messages from windows other than the parent, and malformed ones, change nothing; malformed ones get an error', async ({
  page,
}) => {
  const embed = await openHost(page, './embed.html?embed=1', { width: 800, height: 500, sibling: true });
  await expect(embed.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
  await waitFor(page, isType('ready'), 'ready');
  await send(page, { v: 1, type: 'getState', id: 'before' });
  const before = ((await waitFor(page, replyTo('before'), 'the first state')).data as Message).payload!;

  const valid = [
    { v: 1, type: 'setFilters', payload: { text: 'zzz', categories: ['ceasefire'] } },
    { v: 1, type: 'selectEvent', payload: { id: firstCeasefire.id } },
    { v: 1, type: 'setWindow', payload: { from: '2020-10', to: '2020-10' } },
  ];
  // A sibling frame (same origin as the host, so only the source check stops it)…
  await page.frame({ name: 'sibling' })!.evaluate((messages) => {
    for (const m of messages) window.parent.frames[0]!.postMessage(m, '*');
  }, valid);
  // …and a popup the host opened.
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate(() => void window.open('about:blank', 'popup')),
  ]);
  await popup.evaluate((messages) => {
    for (const m of messages) (window.opener as Window).frames[0]!.postMessage(m, '*');
  }, valid);
  await popup.close();

  const malformed: [string | null, unknown][] = [
    ['m1', { v: 1, type: 'load', id: 'm1', payload: { events: [] } }],
    ['m2', { v: 1, type: 'setFilters', id: 'm2', payload: { text: 'zzz' }, extra: true }],
    ['m3', { v: 1, type: 'setFilters', id: 'm3', payload: { text: 5 } }],
    ['m4', { v: 1, type: 'setFilters', id: 'm4', payload: { text: 'x'.repeat(5_000_000) } }],
    [null, 'setFilters'],
    ['m6', { v: 2, type: 'getState', id: 'm6' }],
    ['m7', { v: 1, type: 'setFilters', id: 'm7', payload: { categories: ['no-such-category'] } }],
    ['m8', { v: 1, type: 'selectEvent', id: 'm8', payload: { id: 'no-such-event' } }],
    ['m9', { v: 1, type: 'setWindow', id: 'm9', payload: { from: '2021-02-30', to: '2021-03-01' } }],
    ['m10', { v: 1, type: 'setFilters', id: 'm10', payload: { text: 'zzz', categories: ['ceasefire', 'no-such'] } }],
  ];
  for (const [, message] of malformed) await send(page, message);
  await send(page, { v: 1, type: 'getState', id: 'after' });
  const after = ((await waitFor(page, replyTo('after'), 'the state after')).data as Message).payload!;
  expect({ ...after, inReplyTo: 'before' }).toEqual(before);
  await expect(embed.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
  await expect(embed.getByTestId('event-detail')).toHaveCount(0);

  const errors = await messagesOf(page, 'error');
  expect(errors.every((e) => e.origin === appOrigin())).toBe(true);
  expect(errors.map((e) => (e.data as Message).payload!['inReplyTo'])).toEqual(malformed.map(([id]) => id));
  const text = (id: string) =>
    String((errors.find((e) => (e.data as Message).payload!['inReplyTo'] === id)!.data as Message).payload!['message']);
  expect(text('m1')).toMatch(/unknown type "load"/);
  expect(text('m2')).toMatch(/unknown field "extra"/);
  expect(text('m4')).toMatch(/limit is 1000000/);
  expect(text('m7')).toMatch(/unknown category "no-such-category"/);
  expect(text('m8')).toMatch(/unknown event id "no-such-event"/);
  // The sibling's and the popup's messages got no answer at all.
  expect(errors).toHaveLength(malformed.length);
});

test('with one allowlisted origin, data goes to it at once, and other origins are neither heard nor told', async ({
  page,
}) => {
  // Allowed host: ready (with data), state and height arrive without the host speaking first.
  const embed = await openHost(page, `./embed.html?embed=1&origins=${appOrigin()}`, { width: 360, height: 300 });
  const ready = await waitFor(page, isType('ready'), 'ready');
  expect(ready).toEqual({
    origin: appOrigin(),
    data: { v: 1, type: 'ready', payload: { title: bundled.title, count: TOTAL } },
  });
  await waitFor(page, isType('height'), 'height');
  await waitFor(page, isType('state'), 'state');
  await send(page, { v: 1, type: 'setFilters', payload: { categories: ['ceasefire'] } });
  await expect(embed.getByTestId('event-count')).toHaveText(`${ceasefires.length} of ${TOTAL} events`);

  // A host on another origin (another port) embedding the same URL: it hears nothing, and its commands are ignored.
  const other = await serveHtml(
    hostHtml(`${appOrigin()}/embed.html?embed=1&origins=${appOrigin()}`, { width: 360, height: 300 }),
  );
  try {
    await page.goto(other.url);
    const frame = page.frameLocator('#embed');
    await expect(frame.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
    await send(page, { v: 1, type: 'setFilters', payload: { categories: ['ceasefire'] } });
    await send(page, { v: 1, type: 'getState', id: 'x' });
    await send(page, 'malformed');
    // The embed has had the messages and frames to answer or redraw, and any answer reached the host.
    await afterFrames(embedFrame(page));
    await afterFrames(page);
    await expect(frame.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
    expect(await received(page)).toEqual([]);
  } finally {
    other.server.close();
  }
});

test('under sandbox="allow-scripts" alone (opaque origin, no storage) the embed runs without an error', async ({
  page,
}) => {
  // An opaque origin loads the app's scripts and data as CORS requests from "null": the server
  // must answer with Access-Control-Allow-Origin (README, "Embedding"). vite preview does not, so the test adds it.
  await page.route(`${appOrigin()}/**`, async (route) => {
    if (route.request().url().endsWith('/__host.html')) return route.fallback();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  const embed = await openHost(page, './embed.html?embed=1', { sandbox: 'allow-scripts', width: 800, height: 520 });
  await expect(embed.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
  await expect(embed.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  // Storage really is off in there, and the app did not need it.
  expect(
    await page.frame({ url: /embed=1/ })!.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch (error) {
        return (error as Error).name;
      }
    }),
  ).toBe('SecurityError');
  const ready = await waitFor(page, isType('ready'), 'ready');
  expect(ready.origin).toBe('null');
  await send(page, { v: 1, type: 'getState', id: 'q' });
  expect(((await waitFor(page, replyTo('q'), 'state')).data as Message).payload).toMatchObject({ visible: TOTAL });
  await embed.getByTestId('event-row').first().click();
  await waitFor(page, isType('select'), 'select');
  await expect(embed.getByTestId('event-detail')).toBeVisible();
});

test('at 360×400 the embed is usable: compact header, no horizontal scroll, every view reachable', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 400 });
  await page.goto('./?embed=1');
  await expect(page.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  const historyAtStart = await page.evaluate(() => history.length);
  await page.screenshot({ path: '/tmp/embed-360x400.png' });
  // No app chrome: no filter panel, no Share, no Filters toggle.
  await expect(page.getByTestId('filter-panel')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Filters' })).toHaveCount(0);
  await expect(page.getByTestId('share-button')).toHaveCount(0);
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  // The data credit is on the page.
  await expect(page.getByTestId('embed-attribution')).toContainText(`Data: ${bundled.title} · ${bundled.license}`);
  // Events are reachable: the list scrolls into view and a click opens the details.
  const row = page.getByTestId('event-row').nth(2);
  await row.scrollIntoViewIfNeeded();
  await row.click();
  const detail = page.getByTestId('event-detail');
  await detail.scrollIntoViewIfNeeded();
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('timeline-plot')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  // "Open full view" carries the same view, without the embed parameters.
  const full = page.getByTestId('open-full-view');
  await expect(full).toHaveAttribute('target', '_blank');
  await expect(full).toHaveAttribute('rel', /noopener/);
  const id = await row.getAttribute('data-event-id');
  const href = new URL((await full.getAttribute('href'))!);
  expect(href.searchParams.get('event')).toBe(id);
  expect(href.searchParams.has('embed')).toBe(false);
  // Embed mode never writes history: the host's Back button stays the host's.
  expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
  expect(page.url()).toBe(`${appOrigin()}/?embed=1`);
  // 320 px and 300 px tall still fit without horizontal scroll.
  await page.setViewportSize({ width: 320, height: 300 });
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('embed views, theme and the wide layout', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 700 });
  await page.goto('./?embed=1');
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  await page.screenshot({ path: '/tmp/embed-1200x700.png' });
  // Fills the frame: map and list side by side above the timeline, nothing to scroll.
  const map = (await page.getByTestId('map').boundingBox())!;
  const list = (await page.getByTestId('event-list').boundingBox())!;
  const timeline = (await page.getByTestId('timeline').boundingBox())!;
  expect(list.x).toBeGreaterThan(map.x + map.width - 1);
  expect(timeline.y).toBeGreaterThan(map.y + map.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);

  await page.goto('./?embed=1&views=list,details&theme=dark');
  await expect(page.getByTestId('event-list')).toBeVisible();
  await expect(page.getByTestId('map')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  await page.getByTestId('event-row').first().click();
  await expect(page.getByTestId('event-detail')).toBeVisible();
});

test('the Share dialog: labelled modal, focus in and back, Escape, copy, and a snippet that reproduces the view', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, `?cat=ceasefire&event=${firstCeasefire.id}`);
  await expect(page.getByTestId('event-count')).toHaveText(`${ceasefires.length} of ${TOTAL} events`);
  const share = page.getByTestId('share-button');
  await share.click();
  const dialog = page.getByRole('dialog', { name: 'Share and embed' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('share-link')).toBeFocused();
  // (The preview is let finish loading first: closing the dialog mid-load would abort its requests.)
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();

  await share.click();
  await expect(dialog).toBeVisible();
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).searchParams.get('event')).toBe(firstCeasefire.id);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await page.getByLabel('Fixed').check();
  await page.getByTestId('embed-width').fill('720');
  await page.getByTestId('embed-height').fill('520');
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  const origin = appOrigin().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  expect(snippet).toMatch(new RegExp(`^<iframe src="${origin}\\/embed\\.html\\?[^"]*embed=1"`));
  for (const part of [
    'width="720"',
    'height="520"',
    'loading="lazy"',
    'sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"',
    'referrerpolicy="strict-origin-when-cross-origin"',
    `title="${bundled.title} (Faultline)"`,
  ]) {
    expect(snippet).toContain(part);
  }
  await page.getByTestId('copy-snippet').click();
  await expect(page.getByTestId('copy-snippet-status')).toHaveText('Copied');
  // The live preview shows the snippet's URL; let it finish loading before leaving the page.
  await expect(preview.getByTestId('event-count')).toHaveText(`${ceasefires.length} of ${TOTAL} events`);
  await expect(preview.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  await page.getByTestId('share-dialog').screenshot({ path: '/tmp/share-dialog.png' });
  await page.screenshot({ path: '/tmp/share-dialog-page.png' });

  // Pasted into a blank page on another site, the snippet shows the same view: the same count and selection.
  const blank = await serveHtml('<!doctype html><html lang="en"><head><title>Blank</title></head><body></body></html>');
  try {
    await page.goto(blank.url);
    await page.setContent(
      `<!doctype html><html lang="en"><head><title>Blank</title></head><body>${snippet}</body></html>`,
    );
    const pasted = page.frameLocator('iframe');
    await expect(pasted.getByTestId('event-count')).toHaveText(`${ceasefires.length} of ${TOTAL} events`);
    await expect(pasted.getByTestId('event-detail')).toContainText(firstCeasefire.title);
    await expect(pasted.locator(`[data-event-id="${firstCeasefire.id}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(pasted.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
    expect(
      await page.locator('iframe').evaluate((f) => [f.getBoundingClientRect().width, f.getBoundingClientRect().height]),
    ).toEqual([720, 520]);
  } finally {
    blank.server.close();
  }
});

test('without a clipboard, Copy selects the text; without storage, the dialog says choices are not remembered', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('storage-note')).toHaveText(
    'Your size and view choices are not remembered: this page cannot use browser storage.',
  );
  await page.getByTestId('copy-snippet').click();
  await expect(page.getByTestId('copy-snippet-status')).toHaveText(/^Selected: press Ctrl\+C/);
  const snippet = page.getByTestId('embed-snippet');
  await expect(snippet).toBeFocused();
  const [start, end, length] = await snippet.evaluate((el: HTMLTextAreaElement) => [
    el.selectionStart,
    el.selectionEnd,
    el.value.length,
  ]);
  expect([start, end]).toEqual([0, length]);
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
});

test('PNG and SVG exports are files that open and show the current view; print lists the events and sources', async ({
  page,
}) => {
  await openApp(page, '?cat=ceasefire,strike');
  const shown = bundled.events.filter((e) => e.category === 'ceasefire' || e.category === 'strike');
  await expect(page.getByTestId('event-count')).toHaveText(`${shown.length} of ${TOTAL} events`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  await page.getByTestId('share-button').click();
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(png.suggestedFilename()).toMatch(/-map-timeline\.png$/);
  await png.saveAs('/tmp/faultline-export.png');
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const map = (await page.getByTestId('map').boundingBox())!;
  const decoded = await page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { width: img.naturalWidth, height: img.naturalHeight, colours: colours.size };
  }, bytes.toString('base64'));
  const scale = await page.evaluate(() => Math.min(2, Math.max(1, devicePixelRatio)));
  expect(decoded.width).toBeGreaterThanOrEqual(Math.round((map.width + 32) * scale) - 2);
  expect(decoded.height).toBeGreaterThan(map.height * scale);
  expect(decoded.colours).toBeGreaterThan(20);

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  expect(svg.suggestedFilename()).toMatch(/-timeline\.svg$/);
  await svg.saveAs('/tmp/faultline-export.svg');
  const text = readFileSync((await svg.path())!, 'utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      text: doc.documentElement.textContent ?? '',
      marks: doc.querySelectorAll('g[data-id]').length,
      scripts: doc.querySelectorAll('script, foreignObject').length,
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.scripts).toBe(0);
  expect(parsed.marks).toBe(shown.length);
  for (const e of shown) expect(parsed.text).toContain(e.title);
  for (const e of bundled.events.filter((x) => !shown.includes(x))) expect(parsed.text).not.toContain(`: ${e.title}`);
  expect(parsed.text).toContain(`Data: ${bundled.title}`);

  // Print: the list of events shown, with their sources as text.
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  const list = page.getByTestId('print-list');
  await expect(list).toBeVisible();
  await expect(list.locator('ol > li')).toHaveCount(shown.length);
  await expect(list).toContainText(shown[0]!.sources[0]!.url);
  await expect(list).toContainText(`Data: ${bundled.title}`);
  await expect(page.getByTestId('filter-panel')).toBeHidden();
  await page.screenshot({ path: '/tmp/print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expect(list).toHaveCount(0);
});

/** One HTML page at any path, on its own origin (a random port): a host site that is not the app's. */
function serveHtml(html: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/host.html` }),
    ),
  );
}

/** A plain static file server for dist/, mounted at a sub-path: what a reader's web host does. */
function serveDist(prefix: string): Promise<{ server: Server; base: string }> {
  const root = resolve('dist');
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}` }),
    ),
  );
}

test('dist/ works from a sub-path of a plain static server, example host page included', async ({ page }) => {
  const { server, base } = await serveDist('/sub/dir/');
  try {
    await page.goto(base);
    await expect(page.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
    await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');

    await page.goto(`${base}embed-example.html`);
    const embed = page.frameLocator('#faultline');
    await expect(embed.getByTestId('event-count')).toHaveText(`${TOTAL} events`);
    const summary = page.locator('#summary');
    await expect(summary).toHaveText(`${TOTAL} of ${TOTAL} events shown.`);
    await page.getByRole('button', { name: 'Only ceasefires' }).click();
    await expect(embed.getByTestId('event-count')).toHaveText(`${ceasefires.length} of ${TOTAL} events`);
    await expect(summary).toHaveText(`${ceasefires.length} of ${TOTAL} events shown.`);
    await page.getByRole('button', { name: 'Select event' }).click();
    await expect(embed.getByTestId('event-detail')).toContainText('Obama and Medvedev sign New START');
    await expect(page.locator('#log')).toContainText('"type":"select"');
    await page.screenshot({ path: '/tmp/embed-example.png', fullPage: true });
  } finally {
    server.close();
  }
});

test('T6: another page cannot frame the explorer (it holds edits); it can frame the embed entry', async ({
  page,
  watch,
}) => {
  await openHost(page, './?event=nst-extension', { width: 800, height: 500 });
  // The browser's own report of the refusal is expected here, and only here: wait for it, then
  // the frame must hold no app.
  const refused = (e: string) => /frame-ancestors|ERR_BLOCKED_BY_RESPONSE|ERR_ABORTED/.test(e);
  await expect
    .poll(() => watch.errors.some(refused), { message: 'the browser refuses to frame the explorer' })
    .toBe(true);
  await expect(page.frameLocator('#embed').getByTestId('event-count')).toHaveCount(0);
  watch.errors.splice(0, watch.errors.length, ...watch.errors.filter((e) => !refused(e)));
  const embed = await openHost(
    page,
    './embed.html?event=nst-extension',
    { width: 800, height: 500 },
    `${appOrigin()}/__host2.html`,
  );
  await expect(embed.getByTestId('event-count')).toHaveText('53 events');
  await expect(embed.getByTestId('event-detail')).toBeVisible();
});
