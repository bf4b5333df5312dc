import type { WebFrameMain } from 'electron';
import { isAppUrl } from './app-protocol';

export type SenderFrame = Pick<WebFrameMain, 'url' | 'processId' | 'routingId' | 'parent'>;
interface TrustedWindow {
  isDestroyed(): boolean;
  webContents: { mainFrame: SenderFrame };
}

/**
 * A call is accepted only from the main window's top frame while it shows the app itself. An iframe (say, an HTML
 * response preview) or a page that somehow navigated away shares the preload's IPC but not this frame.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, mainWindow: TrustedWindow | null): boolean {
  if (!frame || !mainWindow || mainWindow.isDestroyed()) return false;
  const top = mainWindow.webContents.mainFrame;
  const sameFrame = frame === top || (frame.processId === top.processId && frame.routingId === top.routingId);
  return sameFrame && frame.parent === null && isAppUrl(frame.url);
}
