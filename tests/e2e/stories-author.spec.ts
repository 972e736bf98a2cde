import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { brushOverview, expect, openApp, test } from './fixtures';
import { loadDataset } from '../../src/lib/model/dataset';

/**
 * Writing stories (issue #25, parts 3 and 4): a story written in the explorer (steps captured from
 * the view, reordered by keyboard and by dragging), kept in the draft across a reload, downloaded
 * and checked by `npm run validate`; a TimelineJS file imported as a story and printed, one page
 * per step.
 */

const headings = (editor: Locator): Promise<string[]> =>
  editor.getByTestId('step-toggle').evaluateAll((buttons) => buttons.map((b) => b.lastElementChild!.textContent!));

async function addStep(page: Page, editor: Locator, heading: string, text: string): Promise<void> {
  const before = await editor.getByTestId('story-step').count();
  await editor.getByTestId('story-add-step').click();
  await expect(editor.getByTestId('story-step')).toHaveCount(before + 1);
  // The new step opens for writing.
  await editor.getByTestId('step-heading').fill(heading);
  await editor.getByTestId('step-text').fill(text);
  await editor.getByTestId('step-text').blur();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('a story written in the app: three steps from three views, reordered by keyboard and by drag, kept across a reload, downloaded and valid', async ({
  page,
}, info) => {
  // Step 1 shows the event the link selects.
  await openApp(page, '?event=nst-extension');
  await page.getByTestId('new-story').click();
  const editor = page.getByTestId('story-editor');
  await expect(editor.getByRole('heading', { level: 2 })).toBeFocused();
  await editor.getByTestId('story-title').fill('Three moments');
  await editor.getByTestId('story-summary').fill('A story written in a browser test.');
  await editor.getByTestId('story-summary').blur();

  // Step 1: an event selected. Step 2: a time window. Step 3: one category hidden.
  await addStep(page, editor, 'First', 'The first step.');
  await expect(editor.getByTestId('step-view')).toContainText('the event');
  await brushOverview(page, 0.7, 0.95);
  await addStep(page, editor, 'Second', 'The second step.\n\nIts second paragraph.');
  await expect(editor.getByTestId('step-view')).toContainText(' to ');
  await page.getByRole('checkbox', { name: /Statement/ }).uncheck();
  await addStep(page, editor, 'Third', 'The third step.');
  await expect(editor.getByTestId('step-view')).toContainText('1 filter');
  await expect.poll(() => headings(editor)).toEqual(['First', 'Second', 'Third']);
  await expect(page.getByTestId('draft-count')).toHaveText('Draft: 1 edit');

  // Writing mode, one step open: no serious accessibility violation.
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard: Alt+ArrowUp on the third step moves it up, says so, and keeps focus on it.
  await editor.getByTestId('step-toggle').nth(2).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => headings(editor)).toEqual(['First', 'Third', 'Second']);
  await expect(editor.getByTestId('story-announce')).toHaveText('Third: now step 2 of 3.');
  await expect(editor.getByTestId('step-toggle').nth(1)).toBeFocused();

  // Pointer: the first step's handle dragged below the last step (the open step closed first, so all three are in view).
  await editor.getByTestId('step-toggle').nth(1).click();
  await expect(editor.getByTestId('step-heading')).toHaveCount(0);
  await editor.getByTestId('story-steps').evaluate((list) => list.scrollIntoView({ block: 'center' }));
  const handle = (await editor.getByTestId('step-handle').first().boundingBox())!;
  const last = (await editor.getByTestId('story-step').last().boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, last.y + last.height - 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => headings(editor)).toEqual(['Third', 'Second', 'First']);

  // The drag is one step of the draft's undo.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => headings(editor)).toEqual(['First', 'Third', 'Second']);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect.poll(() => headings(editor)).toEqual(['Third', 'Second', 'First']);

  // Preview: the story as a reader sees it, from its first step; Edit there goes back to writing.
  await editor.getByTestId('story-preview').click();
  const panel = page.getByTestId('story-panel');
  await expect(panel.getByTestId('story-heading')).toHaveText('Third');
  await expect(panel).toContainText('The third step.');
  await panel.getByTestId('story-edit').click();
  await expect.poll(() => headings(editor)).toEqual(['Third', 'Second', 'First']);

  // Downloaded with the dataset; the file passes npm run validate and holds the story as written.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('draft-download').click()]);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const report = execFileSync('npm', ['run', '--silent', 'validate', '--', file], { encoding: 'utf8' });
  // npm run validate exits 1 on any error (execFileSync would throw); it says so too.
  expect(report).toMatch(/valid events: 0 errors/);
  const loaded = loadDataset(readFileSync(file, 'utf8'), file);
  expect(loaded.ok).toBe(true);
  if (!loaded.ok) return;
  const story = loaded.dataset.meta.stories!.find((s) => s.title === 'Three moments')!;
  expect(story.summary).toBe('A story written in a browser test.');
  expect(story.steps.map((s) => [s.heading, s.text])).toEqual([
    ['Third', 'The third step.'],
    ['Second', 'The second step.\n\nIts second paragraph.'],
    ['First', 'The first step.'],
  ]);
  expect(story.steps[2]!.view.event).toBe('nst-extension');
  expect(story.steps[1]!.view.from).toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(story.steps[0]!.view.categories).not.toContain('statement');

  // A reload offers the draft again, and the story comes back with it.
  await page.reload();
  await expect(page.getByTestId('draft-offer')).toContainText('Restore draft of 1 edit from');
  await page.getByTestId('draft-restore').click();
  await page.getByRole('tab', { name: 'Stories' }).click();
  const item = page.getByTestId('story-list').getByRole('listitem').filter({ hasText: 'Three moments' });
  await item.getByTestId('edit-story').click();
  await expect.poll(() => headings(page.getByTestId('story-editor'))).toEqual(['Third', 'Second', 'First']);
});

test('a TimelineJS file imports as a story, which prints one page per step with its pictures, text and sources', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('data-button').click();
  await page.getByTestId('open-file').setInputFiles('tests/fixtures/import/timelinejs.json');
  await expect(page.getByTestId('import-result')).toContainText('5 of 6 rows imported');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Stories' }).click();
  const item = page
    .getByTestId('story-list')
    .getByRole('listitem')
    .filter({ hasText: 'The Autumn War & its ceasefires' });
  await expect(item).toContainText('A timeline built in TimelineJS.');
  await item.getByTestId('edit-story').click();
  const editor = page.getByTestId('story-editor');
  await expect
    .poll(() => headings(editor))
    .toEqual(['War & peace', 'Talks in October', 'A year later', 'A text-only slide about a humanitarian ceasefire.']);

  const printButton = editor.getByTestId('story-print-button');
  await printButton.click();
  const preview = page.getByTestId('story-print');
  await expect(preview).toBeVisible({ timeout: 60_000 });
  const pages = preview.getByTestId('story-print-step');
  await expect(pages).toHaveCount(4);
  const first = pages.first();
  await expect(first.getByRole('heading', { level: 3 })).toHaveText('War & peace');
  await expect(first).toContainText('Fighting began at dawn.');
  await expect(first).toContainText('AP: Shelling in Stepanakert — https://example.org/photo.jpg');
  // Markup in the slide's text stays text: no element came from it.
  await expect(first.locator('b, script, iframe')).toHaveCount(0);
  for (let i = 0; i < 4; i++) {
    const images = pages.nth(i).locator('img');
    await expect(images).toHaveCount(2);
    for (const image of await images.all())
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true);
  }

  // Printed, the explorer is gone and each step is a page of its own.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app')).toBeHidden();
  await expect(pages).toHaveCount(4);
  for (let i = 0; i < 4; i++) await expect(pages.nth(i)).toBeVisible();
  const breaks = await pages.evaluateAll((articles) => articles.map((a) => getComputedStyle(a).breakAfter));
  expect(breaks).toEqual(['page', 'page', 'page', 'auto']);
  await page.emulateMedia({ media: null });

  // Closing gives the explorer back, focus where the print was asked for.
  await preview.getByTestId('story-print-close').click();
  await expect(preview).toHaveCount(0);
  await expect(printButton).toBeFocused();

  // The Share dialog's embed snippet for the story: from its first step, titled by it.
  await page.getByTestId('share-button').click();
  await page.getByTestId('embed-story').selectOption('the-autumn-war-its-ceasefires');
  const snippet = page.getByTestId('embed-snippet');
  await expect(snippet).toHaveValue(/embed\.html\?[^"]*story=the-autumn-war-its-ceasefires&amp;step=1/);
  await expect(snippet).toHaveValue(/title="The Autumn War &amp; its ceasefires \(Faultline\)"/);
});
