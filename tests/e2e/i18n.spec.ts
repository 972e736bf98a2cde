import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { afterFrames, brushOverview, expect, openApp, test } from './fixtures';

/**
 * The interface in other languages (issue #26). The pseudo locale (?lang=en-XA) wraps every
 * catalogue message in ⟦…⟧ with accented letters: walking the views in it, any visible word that
 * is neither inside such brackets nor data (the dataset's own text), a number or a symbol did not
 * come from a catalogue. Text under an element marked lang="en" is the validator's and importers'
 * reports, English by design (README, "Interface language"); text under translate="no" is a proper name
 * from the basemap's data (a country, a region, a gazetteer place), in its English form where the
 * interface's language has none.
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
  'UTC',
];

const MONTH =
  /\b(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(t|tember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\b/g;

/** Visible text and the words in aria-label, title, placeholder and alt under `root`, with where each is. */
async function textsOf(root: Locator): Promise<{ text: string; where: string }[]> {
  return root.evaluate((node) => {
    const found: { text: string; where: string }[] = [];
    const english = (el: Element | null) =>
      el?.closest('[lang]')?.getAttribute('lang') === 'en' || el?.closest('[translate="no"]') !== null;
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
  // A paragraph of a story's text, a line of a summary: part of one data string.
  if (text.trim().length > 20 && DATA.some((data) => data.includes(text.trim()))) return '';
  let rest = text.replace(/⟦[^⟧]*⟧/g, ' ');
  for (const data of DATA) if (rest.includes(data)) rest = rest.split(data).join(' ');
  for (const name of NAMES) rest = rest.split(name).join(' ');
  // Dates: the pseudo locale keeps English month names (its dates are wrapped by their patterns, but an
  // axis tick may be a month name alone).
  rest = rest.replace(MONTH, ' ');
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
    // Reading one: its panel, a step further on, then closed.
    await page.getByTestId('story-list').locator('button, a').first().click();
    await expect(page.getByTestId('story-panel')).toBeVisible();
    await page.getByTestId('story-next').click();
    await expect(page).toHaveURL(/[?&]step=2(&|$)/);
    await expectAllTranslated(page.locator('body'), 'a story');
    await page.getByTestId('story-close').click();
    await expect(page.getByTestId('story-panel')).toBeHidden();
    // Writing one: the story editor on the first story.
    await stories.click();
    await page.getByTestId('edit-story').first().click();
    await expect(page.getByTestId('story-editor')).toBeVisible();
    await expectAllTranslated(page.locator('body'), 'story editor');
    await page.getByTestId('story-editor-close').click();
    await expect(page.getByTestId('story-editor')).toBeHidden();
  }
  await page.getByTestId('side-tab-list').click();

  // The map's other modes, with their legends, and the place search over the map.
  for (const mode of ['density', 'countries', 'regions']) {
    const menu = page.getByTestId('map-mode');
    if (!(await menu.locator(`option[value="${mode}"]`).count())) continue;
    await menu.selectOption(mode);
    await expect(page.getByTestId('map-legend')).toBeVisible();
    await expect(page.getByTestId('map-legend')).toContainText('⟦');
    await expectAllTranslated(page.locator('body'), `map mode ${mode}`);
  }
  await page.getByTestId('map-mode').selectOption('clusters');
  await page.getByTestId('go-to-place').click();
  await page.getByTestId('go-to-place-input').fill('Gan');
  await expect(page.getByTestId('place-options')).toBeVisible();
  await expectAllTranslated(page.locator('body'), 'place search');
  await page.keyboard.press('Escape');

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

/** The bundled dataset: how many events, and the years they span. */
const EVENTS = (JSON.parse(readFileSync('data/events.json', 'utf8')) as { events: { date: string }[] }).events;
const TOTAL = EVENTS.length;
const YEAR_LIST = EVENTS.map((e) => Number(e.date.slice(0, 4)));
const YEARS = { first: Math.min(...YEAR_LIST), last: Math.max(...YEAR_LIST) };

test('lang=ar mirrors the explorer, while time runs left to right for the axis, the brush and the arrow keys', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  // The count in Arabic words, its number as Arabic writes it.
  await expect(page.getByTestId('event-count')).toContainText(new Intl.NumberFormat('ar').format(TOTAL));
  await expect(page.getByTestId('event-count')).not.toContainText('events');

  // Mirrored: the filters are right of the map, the list left of it.
  const box = async (testid: string) => (await page.getByTestId(testid).boundingBox())!;
  const map = await box('map');
  expect((await box('filter-panel')).x).toBeGreaterThan(map.x + map.width - 1);
  expect((await box('event-list')).x + (await box('event-list')).width).toBeLessThan(map.x + 1);

  // The timeline keeps dir=ltr: earlier years left of later ones.
  const timeline = page.locator('section.timeline');
  await expect(timeline).toHaveAttribute('dir', 'ltr');
  const ticks = await page
    .getByTestId('timeline-axis')
    .locator('text')
    .evaluateAll((nodes) =>
      nodes
        .map((n) => ({ x: Number(n.getAttribute('x')), year: Number(/\d{4}/.exec(n.textContent ?? '')?.[0]) }))
        .filter((t) => t.year > 0),
    );
  expect(ticks.length).toBeGreaterThan(2);
  for (let i = 1; i < ticks.length; i++)
    expect(ticks[i]!.x > ticks[i - 1]!.x).toBe(ticks[i]!.year >= ticks[i - 1]!.year);

  // A brush over the left half of the overview is a window in the earlier half of the data.
  await brushOverview(page, 0.05, 0.4);
  await expect(page).toHaveURL(/[?&]from=\d{4}/);
  const url = new URL(page.url());
  const from = url.searchParams.get('from')!;
  const to = url.searchParams.get('to')!;
  expect(from < to).toBe(true);
  // The left 5–40% of the overview ends before the middle of the data's years.
  expect(Number(to.slice(0, 4))).toBeLessThanOrEqual((YEARS.first + YEARS.last) / 2);
  await page.getByTestId('clear-window').click();
  await expect(page).not.toHaveURL(/[?&]from=/);

  // The right arrow goes forward in time, as in any language: to the first event, then the second.
  const ids = await page
    .getByTestId('event-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-id')));
  await page.getByTestId('timeline-plot').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`[?&]event=${ids[0]}(&|$)`));
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`[?&]event=${ids[1]}(&|$)`));
});

test('the language menu switches without a reload, keeps the view and is remembered', async ({ page }) => {
  await openApp(page, '?q=ceasefire');
  const count = page.getByTestId('event-count');
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} events$`));
  const shown = Number(/^(\d+)/.exec((await count.textContent())!)![1]);
  await page.getByTestId('event-row').first().click();
  const title = (await page.locator('#detail-title').textContent())!;
  const view = () => {
    const p = new URL(page.url()).searchParams;
    return { q: p.get('q'), event: p.get('event'), lang: p.get('lang') };
  };
  const before = view();
  // Survives only if the page is not loaded again.
  await page.evaluate(() => ((window as unknown as { kept: number }).kept = 1));

  await page.getByTestId('language-menu').selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(count).toContainText(' из ');
  await expect(count).toContainText(String(shown));
  await expect(page.getByTestId('search')).toHaveValue('ceasefire');
  await expect(page.locator('#detail-title')).toHaveText(title);
  // The view's address is as it was (the map may still be gliding to the selection); no lang= is added.
  expect(view()).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);

  await page.getByTestId('language-menu').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('event-detail')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);

  // Remembered where storage allows: a reload starts in the language chosen.
  await page.getByTestId('language-menu').selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(count).toContainText(' из ');
  // lang= in a link still wins over the remembered choice.
  await page.goto('./?lang=en');
  await expect(count).toHaveText(`${TOTAL} events`);
});

test('an embed takes its language from lang= only: Russian, then Arabic right to left', async ({ page }) => {
  await page.goto('./embed.html?lang=ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByTestId('event-count')).toHaveText(/^\d+ событи[еяй]$/);
  await expect(page.getByTestId('language-menu')).toHaveCount(0);

  await page.goto('./embed.html?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('event-count')).toContainText(new Intl.NumberFormat('ar').format(TOTAL));
  await expect(page.locator('section.timeline')).toHaveAttribute('dir', 'ltr');
  // Mirrored: the list is left of the map.
  const map = (await page.getByTestId('map').boundingBox())!;
  const list = (await page.getByTestId('event-list').boundingBox())!;
  expect(list.x + list.width).toBeLessThan(map.x + 1);
});

test('axe finds no serious violation in Arabic', async ({ page }) => {
  await page.goto('./?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'ready');
  await page.getByTestId('event-row').first().click();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(serious).toEqual([]);
});
