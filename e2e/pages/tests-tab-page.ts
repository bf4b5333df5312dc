import { expect, type Locator, type Page } from '@playwright/test';

type Target = 'Status' | 'Header' | 'Response time (ms)' | 'Body size (bytes)' | 'JSONPath' | 'Regex' | 'Body text';

/** The request builder's Tests tab and the response viewer's test results, by role and accessible name. */
export class TestsTabPage {
  readonly request: Locator;
  readonly response: Locator;

  constructor(readonly page: Page) {
    this.request = page.getByRole('region', { name: 'Request' });
    this.response = page.getByRole('region', { name: 'Response' });
  }

  async open(): Promise<void> {
    const tab = this.request.getByRole('tab', { name: 'Tests', exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Adds an assertion row and fills it; returns its 1-based position. */
  async addAssertion(target: Target, operator: string, expected: string, property = ''): Promise<number> {
    await this.request.getByRole('button', { name: 'Add assertion' }).click();
    const n = await this.request.getByRole('combobox', { name: /^Assertion \d+ target$/ }).count();
    await this.request.getByRole('combobox', { name: `Assertion ${n} target` }).selectOption({ label: target });
    if (property !== '') await this.request.getByRole('textbox', { name: new RegExp(`^Assertion ${n} (header name|JSONPath|pattern)$`) }).fill(property);
    await this.request.getByRole('combobox', { name: `Assertion ${n} operator` }).selectOption({ label: operator });
    const field = this.request.getByLabel(`Assertion ${n} expected`, { exact: true });
    if (expected !== '' || (await field.count()) > 0) await field.fill(expected);
    return n;
  }

  async addCapture(source: 'JSONPath' | 'Header' | 'Regex', expression: string, variable: string): Promise<number> {
    await this.request.getByRole('button', { name: 'Add capture' }).click();
    const n = await this.request.getByRole('combobox', { name: /^Capture \d+ source$/ }).count();
    await this.request.getByRole('combobox', { name: `Capture ${n} source` }).selectOption({ label: source });
    await this.request.getByRole('textbox', { name: `Capture ${n} expression` }).fill(expression);
    await this.request.getByRole('textbox', { name: `Capture ${n} variable` }).fill(variable);
    return n;
  }

  /** The response's Tests tab, whose name carries the counts ("Response Tests 1/2"). */
  resultsTab(counts: string): Locator {
    return this.response.getByRole('tab', { name: `Response Tests ${counts}`, exact: true });
  }

  results(): Locator {
    return this.response.getByRole('table', { name: 'Test results' });
  }

  captures(): Locator {
    return this.response.getByRole('table', { name: 'Captured variables' });
  }
}
