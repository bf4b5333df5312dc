import { expect, type Locator, type Page } from '@playwright/test';
import { RequestBuilderPage } from './request-builder-page';

/** The Auth tab of the request builder: the scheme, its credential (typed or kept in the vault), what it says it sends. */
export class AuthTabPage {
  readonly builder: RequestBuilderPage;

  constructor(readonly page: Page) {
    this.builder = new RequestBuilderPage(page);
  }

  type(): Locator {
    return this.builder.request.getByRole('combobox', { name: 'Auth type' });
  }

  /** The note under the type that says what is sent ("Uses the auth of “API” (Bearer token)."). */
  note(): Locator {
    return this.builder.request.getByRole('note', { name: 'What is sent' });
  }

  /** The field of a credential kept in the vault shows that instead of a value. */
  storedInVault(label: 'Password' | 'Token' | 'Key value' | 'Client secret'): Locator {
    return this.builder.authField(label);
  }

  reveal(label: string): Locator {
    return this.builder.request.getByRole('button', { name: `Reveal ${label.toLowerCase()}` });
  }

  /** The Reveal toggle once pressed: it reads Hide. */
  hide(label: string): Locator {
    return this.builder.request.getByRole('button', { name: `Hide ${label.toLowerCase()}` });
  }

  /** The refusal of a send whose credential is not available, shown in the Auth tab. */
  error(): Locator {
    return this.builder.request.getByRole('alert');
  }

  async basic(username: string, password: string): Promise<void> {
    await this.builder.chooseAuth('Basic');
    await this.builder.authField('Username').fill(username);
    await this.builder.authField('Password').fill(password);
  }

  async expectStored(label: 'Password' | 'Token'): Promise<void> {
    await this.builder.openTab('Auth');
    await expect(this.storedInVault(label)).toHaveAttribute('placeholder', 'Stored in the vault');
  }
}
