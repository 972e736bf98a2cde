import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { afterFrames, appOrigin, expect, openApp, test } from './fixtures';

/**
 * Reading stories (issue #25 part 2): the bundled story from its link, read with the keyboard;
 * leaving the step's view and coming back; links to a story or step that does not exist; hostile
 * story text, a deleted event, 500 steps and 100 KB of text; an embed driven by goToStep at
 * 360 and 1200 px; axe in reading mode.
 */
interface BundledStory {
  id: string;
  title: string;
  steps: { heading: string; view: { event?: string; categories?: string[] } }[];
}
const bundled = JSON.parse(readFileSync('data/events.json', 'utf8')) as {
  stories: BundledStory[];
  categories: { id: string; label: string }[];
};
const story = bundled.stories[0]!;
const STEPS = story.steps.length;
const link = (step: number) => `?story=${story.id}&step=${step}`;

async function at(page: Page, step: number): Promise<void> {
  await expect(page.getByTestId('story-position')).toHaveText(`${step} of ${STEPS}`);
  await expect(page.getByTestId('story-heading')).toHaveText(story.steps[step - 1]!.heading);
  await expect(page).toHaveURL(new RegExp(`\\?story=${story.id}&step=${step}$`));
}

test('the bundled story opens from its link and is read with the keyboard', async ({ page }) => {
  await openApp(page, link(1));
  await at(page, 1);
  await expect(page.getByTestId('story-announce')).toHaveText(`Step 1 of ${STEPS}: ${story.steps[0]!.heading}`);
  // The step's view: its event is selected, its sources listed.
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await expect(page.getByTestId('story-panel').getByTestId('source').first()).toBeVisible();

  // Nothing focused: the keys belong to the story; each move focuses the new heading.
  await page.keyboard.press('ArrowRight');
  await at(page, 2);
  await expect(page.getByTestId('story-heading')).toBeFocused();
  await page.keyboard.press('End');
  await at(page, STEPS);
  await expect(page.getByTestId('story-next')).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  await at(page, STEPS - 1);
  await page.keyboard.press('Home');
  await at(page, 1);
  await expect(page.getByTestId('story-previous')).toBeDisabled();
  await page.keyboard.press('PageDown');
  await at(page, 2);
  await expect(page.getByTestId('story-announce')).toHaveText(`Step 2 of ${STEPS}: ${story.steps[1]!.heading}`);

  // Keys typed into the search box stay there.
  await page.getByTestId('search').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await afterFrames(page);
  await at(page, 2);

  // The buttons and the progress bar move too; Back in the browser returns step by step.
  await page.getByTestId('story-next').click();
  await at(page, 3);
  await page.getByTestId('story-progress').fill(String(STEPS));
  await at(page, STEPS);
  await page.goBack();
  await at(page, 3);
});

test('the reader explores away from a step and "Back to step 3" returns to its view', async ({ page }) => {
  await openApp(page, link(3));
  await at(page, 3);
  const count = await page.getByTestId('event-count').textContent();
  await expect(page.getByTestId('story-back')).toHaveCount(0);
  // Hiding a category leaves the step's view: the address carries the view, and the way back shows.
  const shown = bundled.categories.find((c) => !story.steps[2]!.view.categories?.includes(c.id))!;
  await page.getByRole('checkbox', { name: shown.label }).uncheck();
  await expect(page.getByTestId('story-back')).toHaveText('Back to step 3');
  await expect(page).toHaveURL(/cat=.*&story=.*&step=3/);
  await page.getByTestId('story-back').click();
  await at(page, 3);
  await expect(page.getByRole('checkbox', { name: shown.label })).toBeChecked();
  await expect(page.getByTestId('event-count')).toHaveText(count!);
  await expect(page.getByTestId('story-back')).toHaveCount(0);
  await expect(page.getByTestId('story-heading')).toBeFocused();
  // Closing the story keeps the view to explore from, and the Stories tab opens it again.
  await page.getByTestId('story-close').click();
  await expect(page.getByTestId('story-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/story=/);
  await page.getByTestId('side-tab-stories').click();
  await page.getByTestId('story-list').getByRole('button', { name: 'Read' }).click();
  await at(page, 1);
});

test('a link to a story or step the data lacks lands on the explorer with a notice', async ({ page }) => {
  await openApp(page, '?story=no-such-story&step=2');
  await expect(page.getByTestId('notices')).toContainText(
    'No story “no-such-story” in this dataset: showing all events.',
  );
  await expect(page.getByTestId('story-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/story=/);
  await openApp(page, `?story=${story.id}&step=99`);
  await expect(page.getByTestId('notices')).toContainText(`has no step 99 (it has ${STEPS})`);
  await expect(page.getByTestId('story-panel')).toHaveCount(0);
});

test('story text with markup shows as text; a deleted event is noted; 500 steps and 100 KB of text open', async ({
  page,
}) => {
  const markup = '<img src=x onerror=alert(1)><script>alert(2)</script> <b>bold</b>';
  const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ${'word '.repeat(50)}`).join('\n\n');
  expect(long.length).toBeGreaterThan(100 * 1024);
  const steps = Array.from({ length: 500 }, (_, i) => ({ heading: `Step ${i + 1}`, text: `Text ${i + 1}.`, view: {} }));
  steps[0] = {
    heading: `<i>${markup}</i>`,
    text: `${markup}\n\nRead https://example.org/report. Not javascript:alert(3).`,
    view: { event: 'gone', highlight: ['e0', 'also-gone'] },
  } as (typeof steps)[number];
  steps[1] = { heading: 'Long', text: long, view: {} };
  const data = JSON.stringify({
    format: 'faultline/1',
    title: 'Story fixture',
    categories: [{ id: 'c', label: 'Category', color: '#0072b2' }],
    stories: [{ id: 's', title: 'Many steps', summary: 'S', steps }],
    events: [
      {
        id: 'e0',
        title: 'Event',
        summary: 'S',
        date: '2021-03-01',
        category: 'c',
        location: null,
        sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/' }],
      },
    ],
  });
  await page.route(`${appOrigin()}/fixtures/story.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: data }),
  );
  await openApp(page, '?data=fixtures/story.json&story=s&step=1');
  const panel = page.getByTestId('story-panel');
  await expect(page.getByTestId('story-heading')).toHaveText(`<i>${markup}</i>`);
  await expect(page.getByTestId('story-text')).toContainText(markup);
  await expect(panel.locator('img, script, b, i')).toHaveCount(0);
  await expect(page.getByTestId('story-text').getByRole('link')).toHaveAttribute('href', 'https://example.org/report');
  await expect(page.getByTestId('story-text').getByRole('link')).toHaveCount(1);
  await expect(page.getByTestId('story-missing')).toContainText('2 events this step shows are no longer in the data');
  await expect(page.getByTestId('story-position')).toHaveText('1 of 500');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('story-heading')).toHaveText('Long');
  await expect(page.getByTestId('story-text').locator('p')).toHaveCount(400);
  await page.keyboard.press('End');
  await expect(page.getByTestId('story-position')).toHaveText('500 of 500');
  await expect(page.getByTestId('story-missing')).toHaveCount(0);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('story-position')).toHaveText('1 of 500');
});

/** A host page with the embed at `width` px, logging what it posts, with `send` to post to it. */
async function openHost(page: Page, src: string, width: number): Promise<void> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0"><iframe id="embed" title="Faultline" src="${src}" style="display:block;border:0;width:${width}px;height:700px"></iframe>
<script>
  window.received = [];
  const frame = document.getElementById('embed');
  addEventListener('message', (e) => { if (e.source === frame.contentWindow) received.push(e.data); });
  window.send = (message) => frame.contentWindow.postMessage(message, '*');
</script></body></html>`;
  const url = `${appOrigin()}/__story-host.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
}

type Posted = { type: string; payload?: Record<string, unknown> };
const posted = (page: Page) => page.evaluate(() => (window as unknown as { received: Posted[] }).received);

for (const width of [360, 1200]) {
  test(`an embed at ${width} px opens at a story's step and the host moves it with goToStep`, async ({ page }) => {
    await openHost(page, `./embed.html?story=${story.id}&step=2`, width);
    const frame = page.frameLocator('#embed');
    await expect(frame.getByTestId('story-position')).toHaveText(`2 of ${STEPS}`);
    await expect(frame.getByTestId('story-panel')).toBeInViewport();
    // Until the host has spoken, the embed tells it nothing but ready (the origin rule, protocol.ts).
    await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ v: 1, type: 'getState' }));
    await expect
      .poll(async () => (await posted(page)).filter((m) => m.type === 'step').at(-1)?.payload)
      .toEqual({ story: story.id, step: 2, count: STEPS, heading: story.steps[1]!.heading });

    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({ v: 1, type: 'goToStep', payload: { step: 4 } }),
    );
    await expect(frame.getByTestId('story-heading')).toHaveText(story.steps[3]!.heading);
    await expect
      .poll(async () => (await posted(page)).filter((m) => m.type === 'step').at(-1)?.payload?.['step'])
      .toBe(4);
    if (width === 360) {
      // The bottom sheet leaves the map above it in view.
      const sheet = (await frame.getByTestId('story-panel').boundingBox())!;
      const map = (await frame.getByTestId('map').boundingBox())!;
      expect(map.y).toBeLessThan(sheet.y);
    }
    // A step the story lacks is refused with an error naming it; the step shown stays.
    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({
        v: 1,
        type: 'goToStep',
        id: 'x',
        payload: { step: 99 },
      }),
    );
    await expect
      .poll(async () => (await posted(page)).find((m) => m.type === 'error')?.payload)
      .toEqual({ message: `story "${story.id}" has ${STEPS} steps; there is no step 99`, inReplyTo: 'x' });
    await expect(frame.getByTestId('story-position')).toHaveText(`4 of ${STEPS}`);
  });
}

async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious violation in reading mode, explored, and in the Stories tab (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page, link(2));
    await at(page, 2);
    await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
    expect(await serious(page)).toEqual([]);
    // Explored: "Back to step 2" shows.
    await page.getByTestId('search').fill('Ganja');
    await expect(page.getByTestId('story-back')).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await page.getByTestId('story-close').click();
    await page.getByTestId('side-tab-stories').click();
    await expect(page.getByTestId('story-list')).toBeVisible();
    expect(await serious(page)).toEqual([]);
  });
}
