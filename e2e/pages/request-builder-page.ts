import { expect, type Locator, type Page } from '@playwright/test';

/** The request side of the window, driven the way a person would: by role and accessible name. */
export class RequestBuilderPage {
  readonly method: Locator;
  readonly customMethod: Locator;
  readonly url: Locator;
  readonly sendButton: Locator;
  readonly cancelButton: Locator;
  readonly request: Locator;
  readonly response: Locator;

  constructor(readonly page: Page) {
    // The response pane has tabs of its own (Body, Headers); everything here is looked up inside the request pane.
    this.request = page.getByRole('region', { name: 'Request' });
    this.method = page.getByRole('combobox', { name: 'Method' });
    this.customMethod = page.getByRole('textbox', { name: 'Custom method' });
    this.url = page.getByRole('textbox', { name: 'URL' });
    this.sendButton = page.getByRole('button', { name: 'Send', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.response = page.getByRole('region', { name: 'Response' });
  }

  tab(name: 'Params' | 'Headers' | 'Body' | 'Settings'): Locator {
    return this.request.getByRole('tab', { name, exact: true });
  }

  async openTab(name: 'Params' | 'Headers' | 'Body' | 'Settings'): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** The message shown under the URL bar (invalid URL, invalid method, engine's INVALID_URL). */
  urlMessage(): Locator {
    return this.page.locator('#rb-url-message');
  }

  paramName(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Parameter ${n} name` });
  }

  paramValue(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Parameter ${n} value` });
  }

  paramEnabled(n: number): Locator {
    return this.page.getByRole('checkbox', { name: `Enable parameter ${n}` });
  }

  async addParam(name: string, value: string): Promise<void> {
    const count = await this.page.getByRole('checkbox', { name: /^Enable parameter \d+$/ }).count();
    await this.page.getByRole('textbox', { name: 'New parameter name' }).fill(name);
    if (value !== '') await this.paramValue(count + 1).fill(value);
  }

  async addHeader(name: string, value: string): Promise<void> {
    await this.openTab('Headers');
    const count = await this.page.getByRole('checkbox', { name: /^Enable header \d+$/ }).count();
    // Header names offer suggestions through a <datalist>, which makes the field a combobox.
    await this.page.getByRole('combobox', { name: 'New header name' }).fill(name);
    await this.page.getByLabel(`Header ${count + 1} value`).fill(value);
  }

  async chooseBodyKind(label: 'None' | 'JSON' | 'Text' | 'XML' | 'Form URL-encoded' | 'Multipart form' | 'Binary file'): Promise<void> {
    await this.openTab('Body');
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  /** Types into the lazily loaded Monaco body editor. insertText avoids Monaco's bracket auto-closing. */
  async setJsonBody(text: string): Promise<void> {
    await this.chooseBodyKind('JSON');
    const editor = this.page.getByRole('textbox', { name: 'Request body (JSON)' });
    await expect(editor).toBeAttached();
    await editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }

  async send(): Promise<void> {
    await this.sendButton.click();
  }

  /** The status line of a completed exchange, e.g. "200 OK". */
  async expectStatus(text: string | RegExp): Promise<void> {
    await expect(this.response.getByText(text).first()).toBeVisible();
  }
}
