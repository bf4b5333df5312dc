import type { Shell } from 'electron';
import { parseExternalUrl } from '../../core';

/**
 * The only way a URL reaches the OS from the desktop app: parsed, http(s) only, with a host. file:, javascript:,
 * smb: and custom schemes would let displayed content launch local programs.
 */
export async function safeOpenExternal(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  const safe = parseExternalUrl(url);
  if (safe === null) return false;
  await shell.openExternal(safe);
  return true;
}
