import { expect, type Locator, type Page } from '@playwright/test';

/** The window's arrangement: side panels, their resize handles, the request/response split and its placement. */
export class LayoutPage {
  readonly collectionsToggle: Locator;
  readonly historyToggle: Locator;
  readonly collectionsHandle: Locator;
  readonly historyHandle: Locator;
  readonly splitHandle: Locator;
  readonly responseBelow: Locator;
  readonly responseBeside: Locator;
  readonly url: Locator;

  constructor(readonly page: Page) {
    const banner = page.getByRole('banner');
    this.collectionsToggle = banner.getByRole('button', { name: 'Collections', exact: true });
    this.historyToggle = banner.getByRole('button', { name: 'History', exact: true });
    this.collectionsHandle = page.getByRole('separator', { name: 'Resize collections panel' });
    this.historyHandle = page.getByRole('separator', { name: 'Resize history panel' });
    this.splitHandle = page.getByRole('separator', { name: 'Resize request and response panes' });
    this.responseBelow = page.getByRole('button', { name: 'Response below', exact: true });
    this.responseBeside = page.getByRole('button', { name: 'Response beside', exact: true });
    this.url = page.getByRole('textbox', { name: 'URL' });
  }

  /** Opens a side panel through its top-bar toggle, if it is not open yet. */
  async open(toggle: Locator): Promise<void> {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  async width(locator: Locator): Promise<number> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not laid out');
    return box.width;
  }

  async valueNow(separator: Locator): Promise<number> {
    return Number(await separator.getAttribute('aria-valuenow'));
  }

  /** Drags a separator by dx/dy pixels with the mouse. */
  async drag(separator: Locator, dx: number, dy = 0): Promise<void> {
    const box = await separator.boundingBox();
    if (!box) throw new Error('separator not laid out');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Whether the response pane sits under the request pane (stacked) rather than beside it. */
  async responseIsBelow(): Promise<boolean> {
    const request = await this.page.getByRole('region', { name: 'Request' }).boundingBox();
    const response = await this.page.getByRole('region', { name: 'Response' }).boundingBox();
    if (!request || !response) throw new Error('panes not laid out');
    return response.y >= request.y + request.height - 2;
  }
}
