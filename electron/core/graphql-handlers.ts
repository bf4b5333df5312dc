import { randomUUID } from 'node:crypto';
import type { HttpExchange, HttpRequestSpec, MethodHandlers } from '../../shared/contract';
import type { BodyStore } from '../services/body-store';
import { type SendOptions } from '../services/http';
import { createIntrospectionService, createSubscriptionService, type SubscriptionService } from '../services/graphql';
import { applyInheritance, inheritedLayers } from '../../shared/workspace';
import { refuseDigest, type RequestPreparer } from './prepare-request';
import { type InheritanceChain } from './prepare-websocket';
import type { EventHub } from './event-hub';

type GraphqlMethods = Pick<MethodHandlers, 'graphql.introspect' | 'graphql.subscribe' | 'graphql.unsubscribe'>;

// An introspection answer is a few MB even for very large schemas; anything far beyond is not one.
const MAX_INTROSPECTION_BYTES = 64 * 1024 * 1024;

interface GraphqlWiring {
  handlers: GraphqlMethods;
  close(): Promise<void>;
}

/**
 * GraphQL over the HTTP engine (introspection: same TLS settings, headers and auth as the request) and over
 * graphql-ws (subscriptions). `send` is how http.send reaches the engine; introspection is not recorded in history.
 */
export function createGraphqlWiring(deps: {
  send: (requestId: string, spec: HttpRequestSpec, options?: SendOptions) => Promise<HttpExchange>;
  bodyStore: BodyStore;
  hub: Pick<EventHub, 'emit'>;
  /** variables and auth, as for http.send */
  prepare: RequestPreparer;
  /** web mode: Courier's own port, refused to subscriptions as to every other request */
  isRefusedAddress?: (address: string, port: number) => boolean;
  /** a saved request's collection and folders: their headers, auth and variables apply, as for http.send and ws.connect */
  inheritanceChain?: InheritanceChain;
}): GraphqlWiring {
  const inherit = async (request: HttpRequestSpec, workspacePath: string | undefined) => {
    const chain = workspacePath !== undefined && deps.inheritanceChain ? await deps.inheritanceChain(workspacePath) : [];
    return { spec: applyInheritance(request, chain), layers: inheritedLayers(chain) };
  };
  const introspection = createIntrospectionService({
    send: async (spec, inherited) => {
      refuseDigest(spec, 'schema introspection');
      const { spec: prepared, sensitive } = await deps.prepare(spec, inherited ?? []);
      const exchange = await deps.send(`graphql-introspect-${randomUUID()}`, prepared, { sensitive });
      try {
        const size = Math.min(exchange.body.size, MAX_INTROSPECTION_BYTES);
        const { bytes } = await deps.bodyStore.read(exchange.body.id, 0, size);
        return {
          status: exchange.response.status,
          statusText: exchange.response.statusText,
          contentType: exchange.body.contentType,
          text: bytes.toString('utf8'),
        };
      } finally {
        await deps.bodyStore.release(exchange.body.id);
      }
    },
  });
  const subscriptions: SubscriptionService = createSubscriptionService({
    emit: (event) => deps.hub.emit('graphql.subscription', event),
    isRefusedAddress: deps.isRefusedAddress,
  });
  return {
    handlers: {
      'graphql.introspect': async ({ request, refresh, workspacePath }) => {
        const { spec, layers } = await inherit(request, workspacePath);
        return introspection.introspect(spec, refresh, layers);
      },
      'graphql.subscribe': async ({ subscriptionId, request, workspacePath }) => {
        const { spec, layers } = await inherit(request, workspacePath);
        refuseDigest(spec, 'GraphQL subscriptions');
        const prepared = await deps.prepare(spec, layers);
        subscriptions.subscribe(subscriptionId, prepared.spec, prepared.secrets);
        return { started: true };
      },
      'graphql.unsubscribe': async ({ subscriptionId }) => ({ stopped: subscriptions.unsubscribe(subscriptionId) }),
    },
    close: () => subscriptions.close(),
  };
}
