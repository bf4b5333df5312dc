import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The WebSocket workspace, driven by role and accessible name. */
export class WebSocketPage {
  readonly workspace: Locator;

  constructor(readonly page: Page) {
    this.workspace = page.getByRole('region', { name: 'WebSocket' });
  }

  async open(): Promise<void> {
    // "WebSocket", or "WebSocket · 1 open" while connections are open
    await this.page
      .getByRole('radiogroup', { name: 'Request kind' })
      .getByText(/^WebSocket( · \d+ open)?$/)
      .click();
    await expect(this.workspace).toBeVisible();
  }

  /** The visible session's panel. */
  get session(): Locator {
    // the connection tabs' panels (the connection sections inside have tab panels of their own); class names are
    // CSS-module hashes, so the panel is found by the id its tab points at
    return this.workspace.locator('[role="tabpanel"][id^="ws-session-panel-"]:not([hidden])');
  }

  url(): Locator {
    return this.session.getByRole('textbox', { name: 'WebSocket URL' });
  }

  async connect(url: string): Promise<void> {
    await this.url().fill(url);
    await this.session.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  status(): Locator {
    return this.session.getByRole('status', { name: 'Connection status' });
  }

  messages(): Locator {
    return this.session.getByRole('listbox', { name: 'Messages' });
  }

  async typeMessage(text: string): Promise<void> {
    const editor = this.session.getByRole('textbox', { name: 'Message', exact: true });
    await expect(editor).toBeAttached();
    await editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    // emptied first: text inserted over a selection may be taken for auto-surround by Monaco
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  async send(): Promise<void> {
    await this.session.getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** A handshake header, typed into the first empty row of the Headers tab. */
  async setHeader(index: number, name: string, value: string): Promise<void> {
    await this.session.getByRole('tab', { name: 'Handshake headers' }).click();
    await this.session.getByRole('textbox', { name: `Header ${index} name` }).fill(name);
    await this.session.getByRole('textbox', { name: `Header ${index} value` }).fill(value);
  }

  /** Types a message of a type (Text, JSON, Binary) and keeps it under a name (the Message tab's "Save message…"). */
  async saveMessage(name: string, type: 'Text' | 'JSON', text: string): Promise<void> {
    await this.session.getByRole('tab', { name: 'Message', exact: true }).click();
    await this.session.getByRole('radiogroup', { name: 'Message type' }).getByText(type, { exact: true }).click();
    await this.typeMessage(text);
    await this.session.getByRole('button', { name: 'Save message…' }).click();
    await this.session.getByRole('textbox', { name: 'Name for the saved message' }).fill(name);
    await this.session.getByRole('button', { name: 'Save', exact: true }).click();
  }

  savedMessages(): Locator {
    return this.session.getByRole('combobox', { name: 'Saved messages' });
  }

  /** "Save as…": the request into a new collection, through the same dialog HTTP requests use. */
  async saveAsNew(name: string, collection: string): Promise<void> {
    await this.session.getByRole('button', { name: 'Save request as…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save WebSocket request' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Request name' }).fill(name);
    await dialog.getByRole('combobox', { name: 'Save to' }).selectOption({ label: 'New collection…' });
    await dialog.getByRole('textbox', { name: 'Collection name' }).fill(collection);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  /** "3 messages · keeps 10,000" */
  logCount(): Locator {
    return this.session.getByTestId('ws-log-count');
  }

  /** Clicks Export JSON and returns the download and its text. */
  async exportLog(): Promise<{ download: Download; text: string }> {
    const downloading = this.page.waitForEvent('download');
    await this.session.getByRole('button', { name: 'Export JSON' }).click();
    const download = await downloading;
    const { readFile } = await import('node:fs/promises');
    return { download, text: await readFile(await download.path(), 'utf8') };
  }
}
