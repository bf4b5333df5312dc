import type { WsMessage } from '../../shared/contract';
import { redactBytes, redactText } from '../../shared/variables';

/**
 * What is written from a WebSocket log (the Export JSON file) carries no secret: text payloads and decoded binary
 * payloads are masked, then the document as a whole (the URL, and forms such as base64 that span fields).
 */
export const maskWsMessages = {
  list(messages: readonly WsMessage[], secrets: readonly string[]): WsMessage[] {
    if (secrets.length === 0) return [...messages];
    return messages.map((message) => {
      const masked: WsMessage = { ...message };
      if (message.text !== undefined) masked.text = redactText(message.text, secrets);
      if (message.dataBase64 !== undefined) {
        const bytes = Buffer.from(message.dataBase64, 'base64');
        const redacted = redactBytes(bytes, secrets);
        if (redacted !== bytes) masked.dataBase64 = Buffer.from(redacted).toString('base64');
      }
      return masked;
    });
  },
  document(text: string, secrets: readonly string[]): string {
    return redactText(text, secrets);
  },
};
