import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The open request tabs, by position: a new tab is "Untitled request" until its URL names it, so the strip's order is
 * what tells blank tabs apart, as it does for a person looking at it.
 */
export class RequestTabsPage {
  readonly list: Locator;
  readonly curlBanner: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('tablist', { name: 'Open requests' });
    this.curlBanner = page.getByRole('status').filter({ hasText: 'Replaced the request with the pasted curl command' });
  }

  tab(index: number): Locator {
    return this.list.getByRole('tab').nth(index);
  }

  async newTab(): Promise<void> {
    const count = await this.list.getByRole('tab').count();
    await this.page.getByRole('button', { name: 'New request tab' }).click();
    await expect(this.list.getByRole('tab')).toHaveCount(count + 1);
    await expect(this.tab(count)).toHaveAttribute('aria-selected', 'true');
  }

  async select(index: number): Promise<void> {
    await this.tab(index).click();
    await expect(this.tab(index)).toHaveAttribute('aria-selected', 'true');
  }

  /** Closes a tab without saving it (an edited tab asks first). */
  async closeDiscarding(index: number): Promise<void> {
    await this.list
      .getByRole('button', { name: /^Close / })
      .nth(index)
      .click();
    const ask = this.page.getByRole('alertdialog', { name: 'Save changes?' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Don’t save' }).click();
    await expect(ask).toBeHidden();
  }
}
