import { expect, type Locator, type Page } from '@playwright/test';
import { RequestBuilderPage } from './request-builder-page';

/** The GraphQL body mode, its schema explorer, and what a GraphQL answer or subscription shows. */
export class GraphqlPage {
  readonly builder: RequestBuilderPage;
  readonly query: Locator;
  readonly variables: Locator;
  readonly fetchSchema: Locator;
  readonly schemaStatus: Locator;
  readonly explorer: Locator;
  readonly responseErrors: Locator;
  readonly subscription: Locator;

  constructor(readonly page: Page) {
    this.builder = new RequestBuilderPage(page);
    this.query = page.getByRole('textbox', { name: 'GraphQL query' });
    this.variables = page.getByRole('textbox', { name: 'GraphQL variables (JSON)' });
    this.fetchSchema = page.getByRole('button', { name: /^(Fetch|Refresh) schema$/ });
    this.schemaStatus = page.getByText(/^Schema: \d+ types/);
    this.explorer = page.getByRole('complementary', { name: 'Schema explorer' });
    this.responseErrors = page.getByRole('region', { name: 'GraphQL errors' });
    this.subscription = page.getByRole('region', { name: 'Subscription' });
  }

  async open(url: string): Promise<void> {
    await this.builder.url.fill(url);
    await this.builder.openTab('Body');
    await this.page.getByRole('radio', { name: 'GraphQL', exact: true }).check();
    await expect(this.query).toBeAttached();
  }

  /** Replaces the editor's text; insertText types without Monaco's bracket auto-closing. */
  async setText(editor: Locator, text: string): Promise<void> {
    await editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    if (text !== '') await this.page.keyboard.insertText(text);
  }

  /** The suggestion rows Monaco shows for the focused editor. */
  suggestions(): Locator {
    return this.page.locator('.suggest-widget .monaco-list-row');
  }
}
