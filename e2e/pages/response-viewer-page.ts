import { expect, type Locator, type Page } from '@playwright/test';

export type ResponseTab = 'Response body' | 'Response headers' | 'Timing' | 'Raw' | 'Sent request';

/** The response side of the window, found by role and accessible name. */
export class ResponseViewerPage {
  readonly region: Locator;
  readonly status: Locator;
  readonly explanation: Locator;
  readonly tabs: Locator;
  readonly headersTable: Locator;
  readonly bodyEditor: Locator;
  readonly htmlPreview: Locator;
  readonly image: Locator;
  readonly hexView: Locator;
  readonly failure: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Response' });
    this.status = page.getByTestId('response-status');
    this.explanation = page.getByTestId('response-status-explanation');
    this.tabs = page.getByRole('tablist', { name: 'Response sections' });
    this.headersTable = page.getByRole('table', { name: 'Response headers' });
    this.bodyEditor = page.getByTestId('response-body-editor');
    this.htmlPreview = page.getByTitle('HTML preview');
    this.image = page.getByRole('img', { name: 'Response image' });
    this.hexView = page.getByRole('region', { name: 'Hex view' });
    this.failure = this.region.getByRole('alert');
  }

  tab(name: ResponseTab): Locator {
    return this.tabs.getByRole('tab', { name, exact: true });
  }

  async openTab(name: ResponseTab): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** The lines Monaco has rendered (only those in view), with its non-breaking spaces turned back into spaces. */
  async editorLines(): Promise<string[]> {
    await expect(this.bodyEditor).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    const lines = await this.bodyEditor.locator('.view-line').evaluateAll((nodes) =>
      nodes
        .map((node) => ({ top: parseFloat((node as HTMLElement).style.top || '0'), text: (node.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
    return lines;
  }

  headerRow(name: string): Locator {
    return this.headersTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}
