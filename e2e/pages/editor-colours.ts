import { type Locator, type Page } from '@playwright/test';

/** The computed background of the Monaco editor inside `container`, as "rgb(r, g, b)". */
export function editorBackground(container: Locator): Promise<string> {
  return container
    .locator('.monaco-editor')
    .first()
    .evaluate((node) => getComputedStyle(node).backgroundColor);
}

/** The app's `--surface` colour (theme.css) for the current colour scheme, resolved by the browser to "rgb(r, g, b)". */
export function appSurface(page: Page): Promise<string> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.background = 'var(--surface)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
}

/** Rough perceived lightness of an "rgb(r, g, b)" colour, 0 (black) to 1 (white). */
export function lightness(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
