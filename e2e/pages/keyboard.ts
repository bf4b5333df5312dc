import { expect, type Locator, type Page } from '@playwright/test';

/** Keyboard-only driving: press Tab (or Shift+Tab) until a control has focus, as a person would look for it. */
export async function tabUntil(page: Page, target: Locator, { back = false, max = 30 } = {}): Promise<number> {
  for (let presses = 0; presses <= max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement)).catch(() => false)) {
      return presses;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Whether keyboard focus is inside the element (Monaco focuses a textarea inside its host). */
export async function hasFocusWithin(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));
}

export async function expectFocusWithin(target: Locator, inside = true): Promise<void> {
  await expect.poll(() => hasFocusWithin(target)).toBe(inside);
}
