import { BridgeCallError } from '../../lib/bridge';

/** What to tell the user about a failed history call: the bridge's message (written for users), plus its detail. */
export function toBridgeErrorMessage(error: unknown): string {
  if (error instanceof BridgeCallError) {
    return error.error.detail ? `${error.error.message} (${error.error.detail})` : error.error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
