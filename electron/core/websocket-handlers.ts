import type { MethodHandlers, WsRequestSpec } from '../../shared/contract';
import type { WebSocketService } from '../services/websocket';

type WsHandlers = Pick<MethodHandlers, 'ws.connect' | 'ws.send' | 'ws.ping' | 'ws.close' | 'ws.log'>;

/** The WebSocket methods of the contract, over the service; `prepare` resolves variables and auth first. */
export function websocketHandlers(service: WebSocketService, prepare: (spec: WsRequestSpec) => Promise<WsRequestSpec>): WsHandlers {
  return {
    'ws.connect': async ({ sessionId, request }) => ({ handshake: await service.connect(sessionId, await prepare(request)) }),
    'ws.send': ({ sessionId, kind, data }) => service.send(sessionId, kind, data),
    'ws.ping': async ({ sessionId }) => {
      service.ping(sessionId);
      return { sent: true };
    },
    'ws.close': async ({ sessionId, code, reason }) => ({ closed: service.disconnect(sessionId, code, reason) }),
    'ws.log': async ({ sessionId }) => service.log(sessionId),
  };
}
