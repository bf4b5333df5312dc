import { test, expect } from '../fixtures';
import { LayoutPage } from '../pages/layout-page';
import { ResponseViewerPage } from '../pages/response-viewer-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { expectFocusWithin, tabUntil } from '../pages/keyboard';

/**
 * Issue 10, a laptop-sized window: the URL field keeps room to type in every arrangement, the panels give way
 * first, and every divider can be moved by mouse and keyboard and is remembered.
 */
test.describe('layout on a laptop', () => {
  for (const { width, height, minUrl } of [
    { width: 1440, height: 900, minUrl: 480 },
    { width: 1280, height: 800, minUrl: 480 },
  ]) {
    test(`URL field keeps its room at ${width}×${height} with both panels open and a custom method`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const layout = new LayoutPage(page);
      const builder = new RequestBuilderPage(page);
      await expect(layout.url).toBeVisible();

      await layout.open(layout.collectionsToggle);
      expect(await layout.width(layout.url)).toBeGreaterThanOrEqual(minUrl);

      await builder.method.selectOption({ label: 'Custom…' });
      await builder.customMethod.fill('PROPFIND');
      expect(await layout.width(layout.url)).toBeGreaterThanOrEqual(minUrl);

      await layout.open(layout.historyToggle);
      await expect(page.getByRole('complementary', { name: 'History' })).toBeVisible();
      expect(await layout.width(layout.url)).toBeGreaterThanOrEqual(minUrl);

      // even when the user widened both panels as far as they go, the panels give way and not the URL
      await layout.collectionsHandle.focus();
      await page.keyboard.press('End');
      await layout.historyHandle.focus();
      await page.keyboard.press('End');
      expect(await layout.width(layout.url)).toBeGreaterThanOrEqual(minUrl);
    });
  }

  test('the sidebar resizes by keyboard and by mouse, and keeps its width after a reload', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const layout = new LayoutPage(page);
    await layout.open(layout.collectionsToggle);
    const panel = page.locator('#collections-panel');
    await expect(layout.collectionsHandle).toHaveAttribute('aria-valuenow', /\d+/);
    const start = await layout.valueNow(layout.collectionsHandle);

    await layout.collectionsHandle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(layout.collectionsHandle).toHaveAttribute('aria-valuenow', String(start + 32));
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(layout.collectionsHandle).toHaveAttribute('aria-valuenow', String(start - 32));

    const before = await layout.width(panel);
    await layout.drag(layout.collectionsHandle, 90);
    // the last move has landed (not only an intermediate step) before the width is read back
    await expect.poll(() => layout.width(panel)).toBeGreaterThan(before + 84);
    const dragged = await layout.valueNow(layout.collectionsHandle);
    expect(dragged).toBeGreaterThan(start);

    await page.reload();
    await expect(layout.collectionsHandle).toHaveAttribute('aria-valuenow', String(dragged));
    expect(Math.abs((await layout.width(panel)) - dragged)).toBeLessThan(3);
  });

  test('the response goes below the request and back, the choice and the split remembered', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const layout = new LayoutPage(page);
    // no side panels: room for the response beside the request
    if ((await layout.collectionsToggle.getAttribute('aria-expanded')) === 'true') await layout.collectionsToggle.click();
    await expect(layout.responseBelow).toHaveAttribute('aria-pressed', 'false');
    expect(await layout.responseIsBelow()).toBe(false);
    await expect(layout.splitHandle).toHaveAttribute('aria-orientation', 'vertical');

    await layout.responseBelow.click();
    await expect(layout.responseBelow).toHaveAttribute('aria-pressed', 'true');
    await expect(layout.splitHandle).toHaveAttribute('aria-orientation', 'horizontal');
    expect(await layout.responseIsBelow()).toBe(true);

    const start = await layout.valueNow(layout.splitHandle);
    await layout.splitHandle.focus();
    await page.keyboard.press('ArrowDown');
    await expect(layout.splitHandle).toHaveAttribute('aria-valuenow', String(start + 2));

    await page.reload();
    await expect(layout.responseBelow).toHaveAttribute('aria-pressed', 'true');
    await expect(layout.splitHandle).toHaveAttribute('aria-valuenow', String(start + 2));
    expect(await layout.responseIsBelow()).toBe(true);

    await layout.responseBelow.click();
    await expect(layout.splitHandle).toHaveAttribute('aria-orientation', 'vertical');
    expect(await layout.responseIsBelow()).toBe(false);
  });
});

test.describe('keyboard only', () => {
  test('URL → builder tabs → JSON body editor and out of it → send → response tabs → header explanation', async ({ page, fixtureServer }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const builder = new RequestBuilderPage(page);
    const response = page.getByRole('region', { name: 'Response' });
    await expect(builder.url).toBeFocused();
    await page.keyboard.type(`${fixtureServer.url}/echo`);

    // the builder's tabs: one Tab stop, arrows move between them
    await tabUntil(page, builder.tab('Params'), { max: 12 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(builder.tab('Body')).toBeFocused();
    await expect(builder.tab('Body')).toHaveAttribute('aria-selected', 'true');

    // the body kind is a radio group: arrows choose JSON
    await tabUntil(page, page.getByRole('radio', { name: 'None', exact: true }), { max: 4 });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'JSON', exact: true })).toBeChecked();

    const editor = page.getByRole('textbox', { name: 'Request body (JSON)' });
    const editorHost = page.locator('.code-editor').filter({ has: editor });
    await tabUntil(page, editor, { max: 8 });
    await page.keyboard.insertText('{"learner": true}');
    // Tab indents inside the editor by default…
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    await expectFocusWithin(editorHost);
    // …Ctrl+M makes Tab move focus (VS Code's tab focus mode), and again puts it back
    await expect(page.getByText('Esc leaves the editor · Ctrl+M: Tab moves focus')).toBeVisible();
    await page.keyboard.press('Control+M');
    await expect(page.getByText('Tab moves focus · Ctrl+M: Tab indents')).toBeVisible();
    await page.keyboard.press('Tab');
    await expectFocusWithin(editorHost, false);
    await page.keyboard.press('Shift+Tab');
    await expectFocusWithin(editorHost);
    await page.keyboard.press('Control+M');
    // Esc leaves the editor forwards, Shift+Tab (nothing selected) backwards
    await page.keyboard.press('End');
    await page.keyboard.press('Escape');
    await expectFocusWithin(editorHost, false);
    await page.keyboard.press('Shift+Tab');
    await expectFocusWithin(editorHost);
    await page.keyboard.press('Shift+Tab');
    await expectFocusWithin(editorHost, false);
    // back in, and out forwards towards the response
    await page.keyboard.press('Tab');
    await expectFocusWithin(editorHost);
    await page.keyboard.press('Escape');
    await expectFocusWithin(editorHost, false);

    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('response-status')).toContainText('200');

    const sections = page.getByRole('tablist', { name: 'Response sections' });
    await tabUntil(page, sections, { max: 40 });
    await page.keyboard.press('ArrowRight');
    await expect(sections.getByRole('tab', { name: 'Response headers', exact: true })).toHaveAttribute('aria-selected', 'true');
    const explain = response.getByRole('button', { name: 'What is content-type?', exact: true });
    await tabUntil(page, explain, { max: 12 });
    await expect(explain).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(explain).toHaveAttribute('aria-expanded', 'true');
    await expect(response.getByRole('table', { name: 'Response headers' })).toContainText('content-type: The media type of the body');
  });
});

test.describe('{{ completion', () => {
  test('in the URL: arrows and Enter pick a variable in scope; in the JSON body Monaco lists them too', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.addVariable('base', fixtureServer.url);
    await builder.addVariable('basePath', '/echo');

    await builder.url.click();
    await page.keyboard.type('{{ba');
    const list = page.getByRole('listbox', { name: 'Variables' });
    await expect(list.getByRole('option')).toHaveCount(2);
    await expect(list.getByRole('option').first()).toContainText('base');
    await expect(list.getByRole('option').first()).toContainText('Request');
    await expect(list.getByRole('option').first()).toContainText(fixtureServer.url);
    await page.keyboard.press('ArrowDown');
    await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(list).toBeHidden();
    await expect(builder.url).toHaveValue('{{base}}');
    await page.keyboard.type('{{basePa');
    await page.keyboard.press('Tab');
    await expect(builder.url).toHaveValue('{{base}}{{basePath}}');
    await expect(builder.url).toBeFocused();
    // Esc closes the list without touching the text
    await page.keyboard.type('?q={{');
    await expect(list).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1');

    await builder.chooseBodyKind('JSON');
    const editor = page.getByRole('textbox', { name: 'Request body (JSON)' });
    await editor.focus();
    await page.keyboard.insertText('{"sent": "');
    await page.keyboard.type('{{basePa');
    const suggestion = page.getByRole('option', { name: /basePath/ });
    await expect(suggestion).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('response-status')).toContainText('200');
    // the echo shows the body as sent: the reference picked in the editor was resolved
    const viewer = new ResponseViewerPage(page);
    await expect.poll(async () => (await viewer.editorLines()).join('\n')).toContain('\\"sent\\": \\"/echo');
  });
});
