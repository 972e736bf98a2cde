import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { afterFrames, expect, test } from './fixtures';

/**
 * The interface in other languages (issue #26). The pseudo locale (?lang=en-XA) wraps every
 * catalogue message in ⟦…⟧ with accented letters: walking the views in it, any visible word that
 * is neither inside such brackets nor data (the dataset's own text), a number or a symbol did not
 * come from a catalogue. Text under an element marked lang="en" is the validator's and importers'
 * reports, English by design (README, "Interface language").
 */

/** Every string in the bundled dataset: titles, places, actors, sources… shown as they are in every language. */
function dataStrings(): string[] {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.trim()) out.add(value.trim());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync('data/events.json', 'utf8')));
  // Longest first, so a title is taken out whole before a word inside it.
  return [...out].sort((a, b) => b.length - a.length);
}

const DATA = dataStrings();
/** Names that stay as they are in every language: formats, units, software and data credits. */
const NAMES = [
  'GeoJSON',
  'JSON',
  'CSV',
  'Parquet',
  'PNG',
  'SVG',
  'HTML',
  'Leaflet',
  'Natural Earth',
  'GeoNames',
  'CC BY 4.0',
  'px',
];

/** Visible text and the words in aria-label, title, placeholder and alt under `root`, with where each is. */
async function textsOf(root: Locator): Promise<{ text: string; where: string }[]> {
  return root.evaluate((node) => {
    const found: { text: string; where: string }[] = [];
    const english = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang') === 'en';
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (n instanceof Element) {
        if (n.matches('script, style, noscript') || !n.checkVisibility()) continue;
        if (english(n)) continue;
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
          const value = n.getAttribute(attr);
          if (value?.trim()) found.push({ text: value, where: `${describe(n)}@${attr}` });
        }
        continue;
      }
      const parent = n.parentElement;
      if (!parent || parent.matches('script, style, noscript, option:not(:checked)') || english(parent)) continue;
      if (!parent.checkVisibility() && !parent.closest('.visually-hidden')) continue;
      if (n.textContent?.trim()) found.push({ text: n.textContent, where: describe(parent) });
    }
    return found;
  });
}

/** What is left of a text once the catalogue's (bracketed) words, data, names, numbers and symbols are taken out. */
function leftover(text: string): string {
  let rest = text.replace(/⟦[^⟧]*⟧/g, ' ');
  for (const data of DATA) if (rest.includes(data)) rest = rest.split(data).join(' ');
  for (const name of NAMES) rest = rest.split(name).join(' ');
  // Left: anything that is a letter of the Latin alphabet, the script the catalogue is written in.
  return /[A-Za-z]{2,}/.test(rest) ? rest.trim() : '';
}

async function expectAllTranslated(root: Locator, what: string): Promise<void> {
  const texts = await textsOf(root);
  expect(texts.length, `${what}: some text to check`).toBeGreaterThan(0);
  const untranslated = texts.filter((t) => leftover(t.text)).map((t) => `${t.where}: ${JSON.stringify(t.text)}`);
  expect(untranslated, `${what}: words not from a catalogue`).toEqual([]);
}

async function openPseudo(page: Page, query = ''): Promise<void> {
  await page.goto(`./?lang=en-XA${query}`);
  await expect(page.getByTestId('event-count')).toHaveText(/^⟦.*\d.*⟧$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
}

test('in the pseudo locale every view, dialog and message shows catalogue words or data only', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 900 });
  // A link with an unknown parameter and a bad value: the notices are messages too.
  await openPseudo(page, '&zzz=1&inview=2');
  await expect(page.getByTestId('notices')).toBeVisible();
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  await expectAllTranslated(page.locator('body'), 'explorer');

  // An event's details.
  await page.getByTestId('event-row').first().click();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await expectAllTranslated(page.locator('body'), 'details');

  // Each tab of the side column.
  await page.getByTestId('side-tab-summary').click();
  await expect(page.getByTestId('summary')).toBeVisible();
  await expectAllTranslated(page.locator('body'), 'summary');
  const stories = page.getByTestId('side-tab-stories');
  if (await stories.count()) {
    await stories.click();
    await afterFrames(page);
    await expectAllTranslated(page.locator('body'), 'stories');
  }
  await page.getByTestId('side-tab-list').click();

  // The Share dialog.
  await page.getByTestId('share-button').click();
  const share = page.getByTestId('share-dialog');
  await expect(share).toBeVisible();
  await expect(page.getByTestId('embed-snippet')).toHaveValue(/embed\.html/);
  await expectAllTranslated(share, 'Share dialog');
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();

  // The event form, then the Data menu's paste over it: the confirm dialog, then an import result.
  await page.getByTestId('add-event').click();
  await expect(page.getByTestId('event-form')).toBeVisible();
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('form-state')).toHaveText(/^⟦/);
  await expectAllTranslated(page.locator('body'), 'event form');

  await page.getByTestId('data-button').click();
  const data = page.getByTestId('data-menu');
  await expect(data).toBeVisible();
  await expectAllTranslated(data, 'Data menu');
  await page.getByText(/^⟦Þåšţé/).click();
  await page.getByTestId('paste-json').fill('{ "format": "faultline/1", "meta": {}, "events": [] }');
  await page.getByTestId('paste-load').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toBeVisible();
  await expectAllTranslated(confirm, 'confirm dialog');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expectAllTranslated(data, 'import result');
});

test('the embed in the pseudo locale shows catalogue words or data only', async ({ page }) => {
  await page.goto('./embed.html?lang=en-XA&views=map,timeline,list,details,summary');
  await expect(page.getByTestId('event-count')).toHaveText(/^⟦.*\d.*⟧$/);
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  await expectAllTranslated(page.locator('body'), 'embed');
});
