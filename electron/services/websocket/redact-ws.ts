import { CourierError, type WsEvent, type WsHandshake } from '../../../shared/contract';
import { redactText } from '../../../shared/variables';

/** A CourierError with every secret form masked in its message and detail (the same instance when none was found). */
export function redactCourierError(error: CourierError, secrets: readonly string[]): CourierError {
  if (secrets.length === 0) return error;
  const message = redactText(error.message, secrets);
  const detail = error.detail === undefined ? undefined : redactText(error.detail, secrets);
  return message === error.message && detail === error.detail ? error : new CourierError(error.code, message, detail);
}

export function redactHandshake(handshake: WsHandshake, secrets: readonly string[]): WsHandshake {
  if (secrets.length === 0) return handshake;
  return {
    ...handshake,
    url: redactText(handshake.url, secrets),
    statusText: redactText(handshake.statusText, secrets),
    headers: handshake.headers.map(([name, value]) => [redactText(name, secrets), redactText(value, secrets)]),
  };
}

/**
 * What the window is told about a session, with the secrets the handshake carried masked: the URL, a refused
 * handshake's headers and body excerpt, close reasons and error messages. Message payloads are left as they are,
 * as an HTTP body is shown live; what is written from them (the export) is masked where it is written.
 */
export function redactWsEvent(event: WsEvent, secrets: readonly string[]): WsEvent {
  if (secrets.length === 0) return event;
  switch (event.type) {
    case 'message':
      // a close frame's reason is the server's word about the connection, shown like the 'closed' event's
      return event.message.kind === 'close' && event.message.text
        ? { ...event, message: { ...event.message, text: redactText(event.message.text, secrets) } }
        : event;
    case 'state':
      return event;
    case 'handshake':
      return { ...event, handshake: redactHandshake(event.handshake, secrets) };
    case 'rejected':
      return {
        ...event,
        statusText: redactText(event.statusText, secrets),
        headers: event.headers.map(([name, value]) => [redactText(name, secrets), redactText(value, secrets)]),
        bodyExcerpt: redactText(event.bodyExcerpt, secrets),
      };
    case 'closed':
      return { ...event, reason: redactText(event.reason, secrets) };
    case 'error': {
      const { error } = event;
      return {
        ...event,
        error: { ...error, message: redactText(error.message, secrets), ...(error.detail !== undefined ? { detail: redactText(error.detail, secrets) } : {}) },
      };
    }
  }
}
