import { createAuthService, type AuthService } from '../services/auth';
import { type BodyStore } from '../services/body-store';
import { createCredentialStore, type CredentialStore } from '../services/credentials';
import { type HttpEngine } from '../services/http';
import { openSettingsStore, type ConfFactory, type SettingsStore } from '../services/settings-store';
import { createVault, type OsEncryption } from '../services/vault';
import { createSessionVariables, type SessionVariables } from '../services/testing';
import { createVariablesService, type VariablesService } from '../services/variables';
import { authHandlers } from './auth-handlers';
import { createEnvAllowList } from './env-allow-list';
import { type MethodHandlers } from '../../shared/contract';
import { isHiddenEnvName } from '../../shared/variables';
import { createRequestPreparer, type RequestPreparer } from './prepare-request';
import { variablesHandlers } from './variables-handlers';

type ChangeReason = 'variables' | 'environments' | 'active' | 'vault' | 'tokens';

interface SecretsWiringOptions {
  dataDir: string;
  mode: 'electron' | 'web';
  httpEngine: HttpEngine;
  bodyStore: BodyStore;
  openExternal: (url: string) => boolean | Promise<boolean>;
  onChange: (reason: ChangeReason) => void;
  osEncryption?: OsEncryption;
  vaultPassphrase?: string;
  createConf?: ConfFactory;
  scrypt?: { N: number; r: number; p: number };
  processEnv?: Readonly<Record<string, string | undefined>>;
}

interface SecretsWiring {
  /** things to tell the user once (a damaged settings file kept aside, a passphrase from the environment that failed) */
  notices: string[];
  /** a handler that first waits for an unlock asked for at start (COURIER_VAULT_PASSPHRASE) to finish */
  afterReady: <I, O>(handler: (input: I) => Promise<O>) => (input: I) => Promise<O>;
  auth: AuthService;
  prepare: RequestPreparer;
  /** Auth tab credentials kept in the vault; stashed before a request is written anywhere */
  credentials: CredentialStore;
  /** a promise that settles once an unlock asked for at start has finished */
  ready: Promise<void>;
  /** the app's settings store (the vault's ciphertext lives in it too); other services keep their settings here */
  settings: SettingsStore;
  /** where captures write: saved scopes through the variables service, "request" scope in the session */
  variables: VariablesService;
  session: SessionVariables;
  handlers: ReturnType<typeof variablesHandlers> &
    ReturnType<typeof authHandlers> &
    Pick<MethodHandlers, 'variables.allowEnv' | 'variables.allowedEnv' | 'variables.revokeEnv' | 'credentials.reveal'>;
}

/**
 * Settings store, vault, variables and auth, and the one request preparer every outgoing request goes through.
 * Methods that may need a secret wait for an unlock asked for at start (COURIER_VAULT_PASSPHRASE).
 */
export function createSecretsWiring(options: SecretsWiringOptions): SecretsWiring {
  const notices: string[] = [];
  const settings = openSettingsStore({ dir: options.dataDir, createConf: options.createConf });
  notices.push(...settings.notices);
  const vault = createVault({ store: settings, os: options.osEncryption, scrypt: options.scrypt, onChange: () => options.onChange('vault') });
  const variables = createVariablesService({ store: settings, vault, onChange: options.onChange });
  notices.push(...variables.notices);
  const ready: Promise<void> = options.vaultPassphrase
    ? vault.unlock(options.vaultPassphrase).then(
        () => undefined,
        (error: unknown) => {
          notices.push(`COURIER_VAULT_PASSPHRASE did not unlock the vault: ${error instanceof Error ? error.message : String(error)}`);
        },
      )
    : Promise.resolve();
  const env = options.processEnv ?? process.env;
  // The vault's own passphrase must not be one variable away from a request, in any spelling of its name.
  const processEnv = (name: string): string | undefined => (isHiddenEnvName(name) ? undefined : env[name]);
  const envAllowList = createEnvAllowList(settings);
  const isEnvAllowed = (name: string): boolean => envAllowList.isAllowed(name);
  // What resolves outside a send (an OAuth token request's fields): allowed names only, the rest stays as written.
  const resolveEnvironment = { processEnv: (name: string) => (isEnvAllowed(name) ? processEnv(name) : undefined) };
  const { httpEngine, bodyStore } = options;
  const auth = createAuthService({
    send: (id, spec, sendOptions) => httpEngine.send(id, spec, sendOptions),
    cancel: (id) => httpEngine.cancel(id),
    // token responses are capped at 1 MiB by the auth service itself
    readBody: async (bodyId) => (await bodyStore.read(bodyId, 0, 1024 * 1024)).bytes,
    releaseBody: (bodyId) => bodyStore.release(bodyId),
    secrets: vault,
    openExternal: options.mode === 'electron' ? async (url) => (await options.openExternal(url)) === true : undefined,
    onTokensChanged: () => options.onChange('tokens'),
  });
  // Values captured with scope "request" rank above every saved scope, under the request's own variables.
  const session = createSessionVariables();
  const layers = () => [session.layer(), ...variables.layers()];
  const credentials = createCredentialStore({ vault });
  const prepare = createRequestPreparer({ auth, layers, resolveEnvironment: { processEnv }, isEnvAllowed, credentials });
  const afterReady =
    <I, O>(handler: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      await ready;
      return handler(input);
    };
  const plain = variablesHandlers({ variables, vault, hasProcessEnv: (name) => processEnv(name) !== undefined });
  const oauth = authHandlers({ auth, layers, resolveEnvironment });
  return {
    notices,
    afterReady,
    auth,
    settings,
    credentials,
    ready,
    variables,
    session,
    prepare: async (spec, inherited) => {
      await ready;
      return prepare(spec, inherited);
    },
    handlers: {
      ...plain,
      'variables.allowEnv': async ({ names }) => ({ allowed: envAllowList.allow(names) }),
      'variables.allowedEnv': async () => ({ allowed: envAllowList.list() }),
      'variables.revokeEnv': async ({ names }) => ({ allowed: envAllowList.revoke(names) }),
      'variables.state': plain['variables.state'],
      'variables.reveal': plain['variables.reveal'],
      'vault.status': plain['vault.status'],
      'credentials.reveal': async ({ reference }) => ({ value: credentials.reveal(reference) }),
      'auth.oauth2.status': oauth['auth.oauth2.status'],
      'auth.oauth2.fetchToken': oauth['auth.oauth2.fetchToken'],
      'auth.oauth2.begin': oauth['auth.oauth2.begin'],
      'auth.oauth2.complete': oauth['auth.oauth2.complete'],
      'auth.oauth2.cancel': oauth['auth.oauth2.cancel'],
      'auth.oauth2.refresh': oauth['auth.oauth2.refresh'],
      'auth.oauth2.clear': oauth['auth.oauth2.clear'],
    },
  };
}
