import { type Locator, type Page } from '@playwright/test';

/** The Import and Export dialogs and the curl paste into the URL bar. */
export class ImportExportPage {
  readonly importButton: Locator;
  readonly importDialog: Locator;
  readonly exportButton: Locator;
  readonly exportDialog: Locator;

  constructor(readonly page: Page) {
    this.importButton = page.getByRole('button', { name: 'Import', exact: true }).first();
    this.importDialog = page.getByRole('dialog', { name: 'Import' });
    this.exportButton = page.getByRole('button', { name: 'Export', exact: true });
    this.exportDialog = page.getByRole('dialog', { name: 'Export request' });
  }

  /** A real paste event with the text on the clipboard data, as Ctrl+V delivers it. */
  async pasteIntoUrl(text: string): Promise<void> {
    const url = this.page.getByRole('textbox', { name: 'URL' });
    await url.focus();
    await url.evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  async importText(text: string): Promise<void> {
    await this.importButton.click();
    await this.importDialog.getByRole('textbox', { name: 'Text to import' }).fill(text);
    await this.importDialog.getByRole('button', { name: 'Preview' }).click();
  }

  exportedText(): Locator {
    return this.exportDialog.getByLabel('Exported text');
  }
}
