import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The WebSocket workspace, driven by role and accessible name. */
export class WebSocketPage {
  readonly workspace: Locator;

  constructor(readonly page: Page) {
    this.workspace = page.getByRole('region', { name: 'WebSocket' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Request kind' }).getByText('WebSocket', { exact: true }).click();
    await expect(this.workspace).toBeVisible();
  }

  /** The visible session's panel. */
  get session(): Locator {
    return this.workspace.locator('.ws-workspace__session:not([hidden])');
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
    await this.page.keyboard.insertText(text);
  }

  async send(): Promise<void> {
    await this.session.getByRole('button', { name: 'Send', exact: true }).click();
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
