import { expect, type Locator, type Page } from '@playwright/test';

/** The Cookies dialog, opened from the top bar. */
export class CookiesPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Cookies' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cookies', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** one domain's table */
  domain(name: string): Locator {
    return this.dialog.getByRole('table', { name });
  }

  row(domain: string, cookie: string): Locator {
    return this.domain(domain)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: cookie, exact: true }) });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
