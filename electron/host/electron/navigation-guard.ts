import type { WebContents } from 'electron';
import { parseExternalUrl } from '../../core';
import { isAppUrl } from './app-protocol';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps every web contents on the app's own pages. A link or script that tries to navigate elsewhere is stopped;
 * window.open never creates a window, and http(s) targets go to the user's browser instead.
 */
export function guardNavigation(contents: GuardedContents, openExternal: (url: string) => Promise<boolean>): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (parseExternalUrl(url) !== null) void openExternal(url).catch(() => false);
    return { action: 'deny' };
  });
}
