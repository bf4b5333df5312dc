import { expect, type Locator, type Page } from '@playwright/test';

type VaultIndicatorName = 'Set a vault passphrase' | 'Vault locked — unlock' | 'Vault unlocked';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The active-environment picker, the environment editor and the vault dialog, found by role and accessible name. */
export class EnvironmentsPage {
  readonly picker: Locator;
  readonly editorButton: Locator;
  readonly editor: Locator;
  readonly scopes: Locator;
  readonly saveButton: Locator;
  readonly revertButton: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.picker = page.getByRole('combobox', { name: 'Active environment' });
    this.editorButton = page.getByRole('button', { name: 'Environments', exact: true });
    this.editor = page.getByRole('dialog', { name: 'Environments and variables' });
    this.scopes = this.editor.getByRole('navigation', { name: 'Variable scopes' });
    this.saveButton = this.editor.getByRole('button', { name: 'Save', exact: true });
    this.revertButton = this.editor.getByRole('button', { name: 'Revert', exact: true });
    this.saveStatus = this.editor.getByRole('status').filter({ hasText: /Unsaved changes|Saving/ });
  }

  vaultIndicator(name: VaultIndicatorName): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  vaultDialog(name: 'Set a vault passphrase' | 'Unlock vault' | 'Vault'): Locator {
    return this.page.getByRole('dialog', { name, exact: true });
  }

  async setPassphrase(passphrase: string): Promise<void> {
    await this.vaultIndicator('Set a vault passphrase').click();
    const dialog = this.vaultDialog('Set a vault passphrase');
    await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await dialog.getByLabel('Confirm passphrase', { exact: true }).fill(passphrase);
    await dialog.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.vaultIndicator('Vault unlocked')).toBeVisible();
  }

  async unlock(passphrase: string): Promise<void> {
    const dialog = this.vaultDialog('Unlock vault');
    if (!(await dialog.isVisible())) await this.vaultIndicator('Vault locked — unlock').click();
    await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await dialog.getByRole('button', { name: 'Unlock', exact: true }).click();
  }

  /** The picker's chosen option, by its text ("No environment", "dev"). */
  async expectActive(name: string): Promise<void> {
    await expect(this.picker.locator('option:checked')).toHaveText(name);
  }

  async openEditor(): Promise<void> {
    await this.editorButton.click();
    await expect(this.editor).toBeVisible();
  }

  /** Settings' list of process environment variables requests may read ({{$env.NAME}}) */
  get allowedEnv(): Locator {
    return this.editor.getByRole('region', { name: 'Allowed process environment variables' });
  }

  async removeAllowedEnv(name: string): Promise<void> {
    await this.allowedEnv.getByRole('button', { name: `Remove ${name}` }).click();
    await expect(this.allowedEnv.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
  }

  async closeEditor(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.editor).toBeHidden();
  }

  /** A scope in the sidebar; its accessible name starts with its title ("dev, active, 2 variables"). */
  scope(title: string): Locator {
    return this.scopes.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)},`) });
  }

  async selectScope(title: string): Promise<void> {
    await this.scope(title).click();
    await expect(this.scope(title)).toHaveAttribute('aria-current', 'true');
  }

  heading(title: string): Locator {
    return this.editor.getByRole('heading', { name: new RegExp(`^${escapeRegExp(title)}( active)?$`), level: 3 });
  }

  async addEnvironment(name: string): Promise<void> {
    await this.editor.getByRole('button', { name: 'Add environment' }).click();
    await this.editor.getByRole('textbox', { name: 'New environment name' }).fill(name);
    await this.editor.getByRole('textbox', { name: 'New environment name' }).press('Enter');
    await expect(this.scope(name)).toHaveAttribute('aria-current', 'true');
  }

  environmentAction(name: 'Rename' | 'Duplicate' | 'Delete' | 'Make active'): Locator {
    return this.editor.getByRole('button', { name, exact: true });
  }

  nameInput(n: number): Locator {
    return this.editor.getByRole('textbox', { name: `Variable ${n} name`, exact: true });
  }

  /** A value field; a secret's is a password field (no textbox role), so it is found by its label. */
  valueInput(n: number): Locator {
    return this.editor.getByLabel(`Variable ${n} value`, { exact: true });
  }

  secretToggle(n: number): Locator {
    return this.editor.getByRole('checkbox', { name: `Variable ${n} secret`, exact: true });
  }

  revealButton(n: number): Locator {
    return this.editor.getByRole('button', { name: `Reveal variable ${n}`, exact: true });
  }

  hideButton(n: number): Locator {
    return this.editor.getByRole('button', { name: `Hide variable ${n}`, exact: true });
  }

  /** Types a new variable into the blank last line; returns its position. */
  async addVariable(name: string, value: string, options: { secret?: boolean } = {}): Promise<number> {
    const n = (await this.editor.getByRole('textbox', { name: /^Variable \d+ name$/ }).count()) + 1;
    await this.editor.getByRole('textbox', { name: 'New variable name', exact: true }).fill(name);
    await this.valueInput(n).fill(value);
    if (options.secret) await this.secretToggle(n).check();
    return n;
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.saveStatus).toHaveCount(0);
  }
}
