import type { RequestSettings } from '../../contract';
import { isRecord, type Warnings } from '../common/warnings';

/**
 * Postman's per-request settings ("protocolProfileBehavior", inherited from folders and the collection) as Courier's
 * request settings; the ones Courier has no setting for are named, not dropped silently.
 */
export function settingsOf(behaviour: Record<string, unknown>, path: readonly string[], warnings: Warnings): Partial<RequestSettings> {
  const settings: Partial<RequestSettings> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(behaviour)) {
    if (key === 'followRedirects' && typeof value === 'boolean') settings.followRedirects = value;
    else if (key === 'strictSSL' && typeof value === 'boolean') settings.verifyTls = value;
    else if (key === 'maxRedirects' && typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100) settings.maxRedirects = value;
    else if (key === 'followAuthorizationHeader' && typeof value === 'boolean') settings.keepCredentialsOnRedirect = value;
    else if (key === 'disableCookies' && typeof value === 'boolean') settings.useCookieJar = !value;
    // Courier sends a GET body as it is; Postman does too once pruning is disabled
    else if (key === 'disableBodyPruning' && value === true) continue;
    else unknown.push(key);
  }
  if (unknown.length > 0) warnings.add(path, `Postman settings Courier does not have were not imported: ${unknown.join(', ')}.`);
  return settings;
}

export function behaviourOf(raw: unknown, inherited: Record<string, unknown>): Record<string, unknown> {
  return isRecord(raw) ? { ...inherited, ...raw } : inherited;
}
