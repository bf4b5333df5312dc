import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CourierError,
  httpRequestSpecSchema,
  oauth2AuthSchema,
  requestSettingsSchema,
  type HttpExchange,
  type HttpRequestSpec,
  type HttpRequestSpecInput,
  type OAuth2Auth,
  type RequestSettings,
} from '../../../shared/contract';
import { createBodyStore, type BodyStore } from '../body-store';
import { createHttpEngine, type HttpEngine } from '../http';
import { createAuthService, type AuthService, type AuthServiceDeps } from './index';
import { type SecretStore } from './token-store';

/** The vault as a Map, recording every write; `locked` makes it refuse as the real one does. */
export class MemorySecretStore implements SecretStore {
  readonly values = new Map<string, string>();
  readonly writes: { id: string; value: string }[] = [];
  locked = false;

  getSecret(id: string): string | null {
    this.check();
    return this.values.get(id) ?? null;
  }
  putSecret(id: string, value: string): void {
    this.check();
    this.writes.push({ id, value });
    this.values.set(id, value);
  }
  deleteSecret(id: string): boolean {
    this.check();
    return this.values.delete(id);
  }
  private check(): void {
    if (this.locked) throw new CourierError('VAULT_LOCKED', 'The vault is locked. Unlock it to use stored secrets.');
  }
}

export interface AuthRig {
  engine: HttpEngine;
  bodyStore: BodyStore;
  secrets: MemorySecretStore;
  auth: AuthService;
  /** token ids sent through the engine (to check each token request was released and none leaked) */
  sentIds: string[];
  /** every exchange the engine returned, in order */
  exchanges: HttpExchange[];
  tokensChanged: number;
  dispose(): Promise<void>;
}

/** A real engine and body store, an in-memory vault and the service under test. */
export async function createAuthRig(options: Partial<Pick<AuthServiceDeps, 'now' | 'openExternal' | 'flowTimeoutMs'>> = {}): Promise<AuthRig> {
  const spoolDir = await mkdtemp(join(tmpdir(), 'courier-auth-'));
  const bodyStore = createBodyStore({ spoolDir });
  const engine = createHttpEngine({ userAgent: 'Courier/test', bodyStore });
  const secrets = new MemorySecretStore();
  const sentIds: string[] = [];
  const exchanges: HttpExchange[] = [];
  const rig: AuthRig = {
    engine,
    bodyStore,
    secrets,
    sentIds,
    exchanges,
    tokensChanged: 0,
    auth: createAuthService({
      send: async (requestId, spec) => {
        sentIds.push(requestId);
        const exchange = await engine.send(requestId, spec);
        exchanges.push(exchange);
        return exchange;
      },
      cancel: (requestId) => engine.cancel(requestId),
      readBody: async (bodyId) => {
        const first = await bodyStore.read(bodyId, 0, 0);
        return (await bodyStore.read(bodyId, 0, first.total)).bytes;
      },
      releaseBody: (bodyId) => bodyStore.release(bodyId),
      secrets,
      onTokensChanged: () => {
        rig.tokensChanged += 1;
      },
      ...options,
    }),
    dispose: async () => {
      await rig.auth.close();
      await engine.close();
      await bodyStore.close();
      await rm(spoolDir, { recursive: true, force: true });
    },
  };
  return rig;
}

export function spec(input: HttpRequestSpecInput): HttpRequestSpec {
  return httpRequestSpecSchema.parse(input);
}

export function oauth(input: Partial<OAuth2Auth>): OAuth2Auth {
  return oauth2AuthSchema.parse({ kind: 'oauth2', ...input });
}

export const settings: RequestSettings = requestSettingsSchema.parse({});

export async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: CourierError }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error as CourierError };
  }
}

let counter = 0;
export function nextId(): string {
  counter += 1;
  return `auth-${counter}`;
}

/** Plays the browser: opens the authorization URL, follows redirects back to the loopback listener. */
export async function browse(url: string): Promise<{ status: number; text: string; url: string }> {
  const response = await fetch(url, { redirect: 'follow' });
  return { status: response.status, text: await response.text(), url: response.url };
}
