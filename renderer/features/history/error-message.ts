import { BridgeCallError } from '../../lib/bridge';

/** What to tell the user about a failed history call: the bridge's message (written for users), plus its detail. */
export function toBridgeErrorMessage(error: unknown): string {
  if (error instanceof BridgeCallError) {
    const { message, detail } = error.error;
    return detail && !message.includes(detail) ? `${message} (${detail})` : message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A message as a sentence, so another can follow it. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
