import { expect, type Locator, type Page } from '@playwright/test';

/** The collections tree, the request tabs and their dialogs, found by role and name as a person would. */
export class CollectionsPage {
  readonly tree: Locator;
  readonly tabs: Locator;
  readonly saveDialog: Locator;
  readonly unsavedDialog: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('tree', { name: 'Collections' });
    this.tabs = page.getByRole('tablist', { name: 'Open requests' });
    this.saveDialog = page.getByRole('dialog', { name: 'Save request' });
    this.unsavedDialog = page.getByRole('alertdialog', { name: 'Save changes?' });
  }

  item(name: string | RegExp): Locator {
    return this.tree.getByRole('treeitem', typeof name === 'string' ? { name, exact: true } : { name });
  }

  menuButton(item: string): Locator {
    return this.tree.getByRole('button', { name: `Actions for ${item}`, exact: true });
  }

  /** Opens a row's action menu and picks an action. */
  async menu(item: string, action: string): Promise<void> {
    await this.item(item).hover();
    await this.menuButton(item).click();
    await this.page
      .getByRole('menu', { name: `Actions for ${item}` })
      .getByRole('menuitem', { name: action })
      .click();
  }

  tab(name: string | RegExp): Locator {
    return this.tabs.getByRole('tab', { name });
  }

  /** "New collection" in the sidebar: its name asked first, then the collection made. */
  async newCollection(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New collection' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New collection' });
    await dialog.getByRole('textbox', { name: 'Collection name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Collection name' }).press('Enter');
    await expect(dialog).toBeHidden();
    await expect(this.item(name)).toBeVisible();
  }

  /** Ctrl/⌘+S on a request never saved: the "Save request" dialog, into a new collection. */
  async saveAsNew(name: string, collection: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+S');
    await expect(this.saveDialog).toBeVisible();
    await this.saveDialog.getByRole('textbox', { name: 'Request name' }).fill(name);
    await this.saveDialog.getByRole('combobox', { name: 'Save to' }).selectOption({ label: 'New collection…' });
    await this.saveDialog.getByRole('textbox', { name: 'Collection name' }).fill(collection);
    await this.saveDialog.getByRole('button', { name: 'Save' }).click();
    await expect(this.saveDialog).toBeHidden();
  }

  async closeTab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: typeof name === 'string' ? `Close ${name}` : name }).click();
  }

  /** A tab's menu (right click on the tab): Close, Close others, Close all. */
  async tabAction(tab: string | RegExp, action: 'Close' | 'Close others' | 'Close all'): Promise<void> {
    await this.tab(tab).click({ button: 'right' });
    const menu = this.page.getByRole('menu', { name: /^Actions for tab / });
    await expect(menu).toBeVisible();
    await menu.getByRole('menuitem', { name: action, exact: true }).click();
  }

  /** The button that lists every open tab when they do not fit. */
  allTabsButton(): Locator {
    return this.page.getByRole('button', { name: /^All open tabs \(\d+\)$/ });
  }
}
