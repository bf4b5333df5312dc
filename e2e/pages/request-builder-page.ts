import { expect, type Locator, type Page } from '@playwright/test';

export type BuilderTab = 'Params' | 'Headers' | 'Body' | 'Auth' | 'Vars' | 'Scripts' | 'Settings';
export type AuthTypeLabel = 'Inherit from parent' | 'No auth' | 'Basic' | 'Bearer token' | 'API key' | 'Digest' | 'OAuth 2.0';

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

  tab(name: BuilderTab): Locator {
    // Settings reads "Settings (changed)" while a setting differs from its default
    if (name === 'Settings') return this.request.getByRole('tab', { name: /^Settings( \(changed\))?$/ });
    return this.request.getByRole('tab', { name, exact: true });
  }

  async openTab(name: BuilderTab): Promise<void> {
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
    // typed over a selection, Monaco's auto-closing kept a stray quote and brace of the old text
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** A script editor of the Scripts tab (Monaco): its text replaced, typed without Monaco's bracket auto-closing. */
  async setScript(label: 'Pre-request script' | 'Post-response script', text: string): Promise<void> {
    await this.openTab('Scripts');
    const editor = this.request.getByRole('textbox', { name: label });
    // Monaco's chunk loads on first use: seconds on a busy machine
    await expect(editor).toBeAttached({ timeout: 30_000 });
    await editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    if (text !== '') await this.page.keyboard.insertText(text);
  }

  /** The completion rows Monaco shows for the focused editor. */
  suggestions(): Locator {
    return this.page.locator('.suggest-widget .monaco-list-row');
  }

  /** The warnings under the URL bar about references that will not resolve (sending stays allowed). */
  referenceWarning(kind: 'Unresolved' | 'Locked' | 'Unreadable' | 'Circular' = 'Unresolved'): Locator {
    return this.request.getByRole('status').filter({ hasText: new RegExp(`^${kind}:`) });
  }

  /** The tooltip of the {{reference}} under the pointer or the caret. */
  tooltip(): Locator {
    return this.page.getByRole('tooltip');
  }

  /** Points at a {{reference}} in a field, as a person hovering it would (the field's text is drawn over the input). */
  async hoverReference(field: Locator, name: string): Promise<void> {
    const box = await field.boundingBox();
    if (!box) throw new Error('the field is not visible');
    const center = await field.evaluate((input, ref) => {
      const span = [...(input.parentElement?.querySelectorAll<HTMLElement>('[data-ref]') ?? [])].find((node) => node.textContent === `{{${ref}}}`);
      if (!span) return null;
      const rect = span.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, name);
    if (!center) throw new Error(`{{${name}}} is not highlighted in the field`);
    await this.page.mouse.move(box.x + 2, box.y + box.height / 2);
    await this.page.mouse.move(center.x, center.y, { steps: 3 });
  }

  /** Puts the caret inside a {{reference}} with the keyboard: End, then left until it is just inside the closing braces. */
  async caretIntoReference(field: Locator, name: string): Promise<void> {
    const value = await field.inputValue();
    const end = value.indexOf(`{{${name}}}`) + name.length + 2;
    await field.focus();
    await this.page.keyboard.press('End');
    for (let i = value.length; i > end; i -= 1) await this.page.keyboard.press('ArrowLeft');
  }

  /** Adds a request-scope variable in the Vars tab. */
  async addVariable(name: string, value: string): Promise<void> {
    await this.openTab('Vars');
    const count = await this.request.getByRole('checkbox', { name: /^Enable variable \d+$/ }).count();
    await this.request.getByRole('textbox', { name: 'New variable name' }).fill(name);
    await this.request.getByRole('textbox', { name: `Variable ${count + 1} value`, exact: true }).fill(value);
  }

  async chooseAuth(label: AuthTypeLabel): Promise<void> {
    await this.openTab('Auth');
    await this.request.getByRole('combobox', { name: 'Auth type' }).selectOption({ label });
  }

  /** A field of the Auth tab by its label ("Username", "Password", "Token URL"…); password fields have no textbox role. */
  authField(label: string): Locator {
    return this.request.getByLabel(label, { exact: true });
  }

  async send(): Promise<void> {
    await this.sendButton.click();
  }

  /**
   * The status line of a completed exchange, e.g. "200 OK". Not the status shown while the body still arrives (the
   * partial view, which has no response tabs yet): a step right after this one (F6 to the response tabs) needs the
   * whole view, and on a busy machine the exchange completes well after its head is on screen.
   */
  async expectStatus(text: string | RegExp): Promise<void> {
    await expect(this.response.getByTestId('response-status').filter({ hasText: text })).toBeVisible();
  }
}
