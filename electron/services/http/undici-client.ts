import BareClient from 'undici/lib/dispatcher/client.js';

/**
 * undici's Client, the one class the engine dispatches through (connection-pool.ts, parser-warmup.ts), loaded on its
 * own. undici's index loads everything else it offers (fetch, WebSocket, caches, mocks, proxies) and installs a
 * global Agent for Node's fetch as a side effect: 0.64 MB of `courier run`'s bundle and a sixth of its load time, for
 * code the engine never calls. Types come from undici's own declarations (undici-client-module.d.ts).
 */
export const Client = BareClient;
export type Client = InstanceType<typeof BareClient>;
