import { exportLog } from '../../shared/websocket';
import type { MethodHandlers, WsRequestSpec } from '../../shared/contract';
import type { WebSocketService } from '../services/websocket';
import { maskWsMessages } from './mask-ws-messages';

type WsHandlers = Pick<MethodHandlers, 'ws.connect' | 'ws.send' | 'ws.ping' | 'ws.close' | 'ws.log' | 'ws.attach' | 'ws.exportLog'>;

// A log is usually exported after Disconnect, when the session is gone: its secrets are kept a while longer, for
// the last few sessions only (they are plain values in memory, as the vault's are while it is unlocked).
const REMEMBERED_SESSIONS = 64;

/** The WebSocket methods of the contract, over the service; `prepare` resolves variables and auth first. */
export function websocketHandlers(
  service: WebSocketService,
  prepare: (spec: WsRequestSpec, workspacePath?: string) => Promise<{ spec: WsRequestSpec; secrets: string[] }>,
): WsHandlers {
  const secretsOf = new Map<string, string[]>();
  const remember = (sessionId: string, secrets: string[]): void => {
    secretsOf.delete(sessionId);
    secretsOf.set(sessionId, secrets);
    for (const oldest of secretsOf.keys()) {
      if (secretsOf.size <= REMEMBERED_SESSIONS) break;
      secretsOf.delete(oldest);
    }
  };
  return {
    'ws.connect': async ({ sessionId, request, workspacePath }) => {
      const prepared = await prepare(request, workspacePath);
      remember(sessionId, prepared.secrets);
      return { handshake: await service.connect(sessionId, prepared.spec, prepared.secrets) };
    },
    'ws.send': ({ sessionId, kind, data }) => service.send(sessionId, kind, data),
    'ws.ping': async ({ sessionId }) => {
      service.ping(sessionId);
      return { sent: true };
    },
    'ws.close': async ({ sessionId, code, reason }) => ({ closed: service.disconnect(sessionId, code, reason) }),
    'ws.log': async ({ sessionId }) => service.log(sessionId),
    'ws.attach': async ({ sessionId }) => {
      const status = service.status(sessionId);
      return { session: status === null ? null : { ...status, ...service.log(sessionId) } };
    },
    'ws.exportLog': async ({ sessionId, url, messages, exportedAt }) => {
      const secrets = secretsOf.get(sessionId) ?? [];
      return { text: maskWsMessages.document(exportLog(url, maskWsMessages.list(messages, secrets), exportedAt), secrets) };
    },
  };
}
