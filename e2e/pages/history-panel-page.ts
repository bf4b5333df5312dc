import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The history side panel and the history views in the response pane, found by role and accessible name. */
export class HistoryPanelPage {
  readonly toggle: Locator;
  readonly panel: Locator;
  readonly search: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly filtersButton: Locator;
  readonly clearFiltersButton: Locator;
  readonly entryBar: Locator;
  readonly compare: Locator;
  readonly dialog: Locator;
  readonly importInput: Locator;
  readonly usage: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByRole('button', { name: 'History', exact: true });
    this.panel = page.getByRole('complementary', { name: 'History' });
    this.search = this.panel.getByRole('searchbox', { name: 'Search history' });
    this.list = this.panel.getByRole('list', { name: 'History entries' });
    // Rows that have loaded (placeholders have no open button).
    this.rows = this.list.getByRole('listitem').filter({ has: page.getByRole('button') });
    this.filtersButton = this.panel.getByRole('button', { name: /^Filters/ });
    this.clearFiltersButton = this.panel.getByRole('button', { name: 'Clear filters' });
    this.entryBar = page.getByRole('toolbar', { name: 'History entry' });
    this.compare = page.getByRole('region', { name: 'Compare entries' });
    this.dialog = page.getByRole('alertdialog');
    this.importInput = this.panel.getByLabel('Import HAR file');
    this.usage = this.panel.getByTestId('history-usage');
  }

  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await expect(this.panel).toBeVisible();
  }

  /** The open-entry button of a row, by its accessible name ("POST http://…/echo, 200 OK, 14:03:07"). */
  row(name: string | RegExp): Locator {
    return this.list.getByRole('button', { name });
  }

  async expectRowCount(n: number): Promise<void> {
    if (n === 0) {
      await expect(this.panel.getByText(/No requests yet|Nothing in history matches/)).toBeVisible();
      return;
    }
    await expect(this.rows).toHaveCount(n);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async openEntry(name: string | RegExp): Promise<void> {
    await this.row(name).first().click();
    await expect(this.entryBar).toBeVisible();
  }

  entryAction(name: 'Restore to builder' | 'Re-send' | 'Pin' | 'Pinned' | 'Delete' | 'Back to current response'): Locator {
    return this.entryBar.getByRole('button', { name, exact: true });
  }

  selectBox(name: string | RegExp): Locator {
    return this.list.getByRole('checkbox', { name });
  }

  async showFilters(): Promise<void> {
    if ((await this.filtersButton.getAttribute('aria-expanded')) !== 'true') await this.filtersButton.click();
  }

  /** The Host field of the filters ("localhost" matches every port, "localhost:8080" that port only). */
  hostFilter(): Locator {
    return this.panel.getByRole('textbox', { name: 'Host', exact: true });
  }

  filterCheckbox(name: string): Locator {
    return this.panel.getByRole('checkbox', { name, exact: true });
  }

  button(name: string | RegExp): Locator {
    return this.panel.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Clicks an export button and returns the download and its parsed HAR. */
  async exportWith(button: Locator): Promise<{ download: Download; har: HarFile }> {
    const downloading = this.page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const har = JSON.parse(await readFile(path, 'utf8')) as HarFile;
    return { download, har };
  }

  async importFile(name: string, text: string): Promise<void> {
    await this.importInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}

export interface HarFile {
  log: {
    version: string;
    creator: { name: string; version: string };
    entries: Array<{ request: { method: string; url: string }; response: { status: number; content: { text?: string } } }>;
  };
}
