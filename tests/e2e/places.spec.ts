import { expect, openApp, test } from './fixtures';

/**
 * Issue #23 part 5: places found by name (the gazetteer built with the basemap). The form's location
 * name suggests places and fills name, coordinates and precision as an unsaved edit; the map's
 * "Go to place" box moves the map to the place chosen.
 */

test('the event form fills its location from a typed place name, and Save adds the event there', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('add-event').click();
  const form = page.getByTestId('event-form');
  await form.getByTestId('form-id').fill('test-place-1');
  await form.getByTestId('form-title').fill('Event placed by name');
  await form.getByTestId('form-summary').fill('Placed with the gazetteer in a browser test.');
  await form.getByTestId('form-date').fill('2020-10-15');

  const name = form.getByTestId('form-location-name');
  await expect(name).toHaveAttribute('role', 'combobox');
  await name.pressSequentially('Shus');
  const shusha = form.getByRole('option', { name: 'Shusha — Azerbaijan', exact: true });
  await expect(shusha).toBeVisible();
  await expect(name).toHaveAttribute('aria-expanded', 'true');
  await shusha.click();

  // GeoNames' Shusha (39.76006, 46.74989), to the gazetteer's 4 decimals, as a city.
  await expect(name).toHaveValue('Shusha');
  await expect(form.getByTestId('form-lat')).toHaveValue('39.7601');
  await expect(form.getByTestId('form-lon')).toHaveValue('46.7499');
  await expect(form.locator('[data-field="location.precision"]')).toHaveValue('city');
  await expect(form.getByTestId('place-filled')).toContainText('Filled from Shusha — Azerbaijan');
  // Nothing is saved until Save: no draft yet. Undo puts the location back as it was typed.
  await expect(page.getByTestId('draft-bar')).toHaveCount(0);
  await form.getByTestId('place-filled').getByRole('button', { name: 'Undo' }).click();
  await expect(name).toHaveValue('Shus');
  await expect(form.getByTestId('form-lat')).toHaveValue('');
  await expect(form.locator('[data-field="location.precision"]')).toHaveValue('site');
  await expect(name).toBeFocused();
  await name.press('End');
  await name.pressSequentially('ha');
  await shusha.click();
  await expect(form.getByTestId('form-lat')).toHaveValue('39.7601');

  const source = form.getByTestId('source-row');
  await source.getByLabel('Publisher').fill('Test publisher');
  await source.getByLabel('Title').fill('A source');
  await source.getByLabel('URL').fill('https://example.org/source');
  await form.getByTestId('form-save').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('event-count')).toHaveText('54 events');
  await expect(page.getByTestId('draft-count')).toHaveText('Draft: 1 edit');
  const detail = page.getByTestId('event-detail');
  await expect(detail).toContainText('Event placed by name');
  await expect(detail).toContainText('Shusha');
});

test('the map goes to a place chosen with the keyboard in "Go to place"', async ({ page }) => {
  await openApp(page);
  // The map beside the list and timeline is under 720 px wide here: the box opens from its button.
  const open = page.getByRole('button', { name: 'Go to a place on the map' });
  await open.click();
  const box = page.getByRole('combobox', { name: 'Go to place' });
  await expect(box).toBeFocused();
  await box.pressSequentially('mogadishu');
  await expect(page.getByRole('option', { name: 'Mogadishu — Banaadir, Somalia', exact: true })).toBeVisible();
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await box.press('Enter');
  // Chosen: the box folds away and focus is back on its button.
  await expect(box).toBeHidden();
  await expect(open).toBeFocused();
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  // The map shows Mogadishu (2.03711, 45.34375) at a city's zoom; the URL follows the map.
  await expect.poll(() => new URL(page.url()).searchParams.get('map')).toMatch(/^2\.03\d*,45\.34\d*,10$/);
});
