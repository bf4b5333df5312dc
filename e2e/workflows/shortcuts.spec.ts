import { test, expect } from '../fixtures';

test('the keyboard shortcut list opens from F1, Ctrl+/ and the top bar, and lists the keys the app has', async ({ page }) => {
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.getByRole('textbox', { name: 'URL' }).focus();
  await page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
  for (const what of ['Send the request', 'New request tab', 'Close the tab', 'Rename', 'This list of shortcuts']) {
    await expect(dialog.getByText(what, { exact: true })).toBeVisible();
  }
  await expect(dialog.getByRole('region', { name: 'Tabs' })).toContainText('Alt+T');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+/');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('banner').getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
});

test('"?" opens the shortcut list outside text fields, and types a question mark in the URL', async ({ page }) => {
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const url = page.getByRole('textbox', { name: 'URL' });
  await url.fill('https://example.test/search');
  await url.press('?');
  await expect(url).toHaveValue('https://example.test/search?');
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Headers' }).focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
