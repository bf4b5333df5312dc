import { test, expect } from './fixtures';
import { CollectionsPage } from './pages/collections-page';
import { RequestBuilderPage } from './pages/request-builder-page';

/** The box of a button: what a stylesheet meant for another feature would change. */
const box = (element: HTMLElement | SVGElement) => {
  const style = getComputedStyle(element);
  return { padding: style.padding, fontSize: style.fontSize, fontWeight: style.fontWeight, borderRadius: style.borderRadius };
};

test.describe('UI kit', () => {
  // websocket.css and collections.css both defined .ws-button--primary and .ws-field; the WebSocket
  // rules (bold, 4px 18px) restyled the Save dialog's primary button, so it looked unlike its own Cancel button.
  test("a collections dialog's buttons are one family: another feature's stylesheet does not reach them", async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const collections = new CollectionsPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await page.keyboard.press('ControlOrMeta+S');
    await expect(collections.saveDialog).toBeVisible();
    const save = await collections.saveDialog.getByRole('button', { name: 'Save' }).evaluate(box);
    const cancel = await collections.saveDialog.getByRole('button', { name: 'Cancel' }).evaluate(box);
    expect(save).toEqual(cancel);
  });
});
