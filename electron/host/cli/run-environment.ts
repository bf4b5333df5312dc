import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dispatch, type MethodHandlers, type VariableEditInput, type VariablesState, type VaultStatus } from '../../../shared/contract';
import { InputError } from './input-error';
import { importFileText } from './run-source';

interface RunEnvironment {
  /** the environment id the runner makes active, or undefined for none */
  id?: string;
  /** secret values to mask in everything the CLI writes (the send path masks them too; this covers its own text) */
  secrets: string[];
  /** deletes the environment made for the run (never one of the user's) */
  dispose(): Promise<void>;
}

interface EnvironmentArgs {
  env?: string;
  envFile?: string;
  secretsFromEnv: Record<string, string>;
  processEnv: Readonly<Record<string, string | undefined>>;
  /** a data folder of the CLI's own: its vault may be set up with a throw-away passphrase */
  privateDataDir: boolean;
}

async function call<T>(handlers: MethodHandlers, method: string, input: unknown, where: string): Promise<T> {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new InputError(`${where}: ${result.error.message}`);
  return result.value as T;
}

/** A Postman environment export (through the app's importer), or a plain { "name": "value" } object. */
async function readEnvFile(file: string): Promise<{ name: string; variables: VariableEditInput[] }> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`--env-file ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  let plain: unknown = null;
  try {
    plain = JSON.parse(text);
  } catch (error) {
    throw new InputError(`--env-file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = await importFileText(text, file).catch(() => null);
  const environment = parsed?.environments[0];
  if (environment)
    return {
      name: environment.name,
      variables: environment.variables.map(({ name, value, enabled, secret }) => ({ name, value, enabled, secret: secret === true })),
    };
  if (plain !== null && typeof plain === 'object' && !Array.isArray(plain) && Object.values(plain).every((value) => typeof value === 'string')) {
    return { name: 'env-file', variables: Object.entries(plain as Record<string, string>).map(([name, value]) => ({ name, value })) };
  }
  throw new InputError(`--env-file ${file} is neither a Postman environment export nor an object of "name": "value" strings.`);
}

async function ensureUnlocked(handlers: MethodHandlers, privateDataDir: boolean): Promise<void> {
  const status = await call<VaultStatus>(handlers, 'vault.status', {}, 'vault');
  if (status.state === 'unlocked') return;
  // The CLI's own temporary data folder has a vault nobody else will open: any passphrase sets it up.
  if (privateDataDir && status.state === 'uninitialized') {
    await call(handlers, 'vault.unlock', { passphrase: randomBytes(24).toString('base64url') }, 'vault');
    return;
  }
  throw new InputError('--secret-from-env needs the vault of --data-dir unlocked: set COURIER_VAULT_PASSPHRASE.');
}

/**
 * The run's environment: the one named, or one read from a file, and --secret-from-env values as secret variables
 * in the vault, so the send path masks them as it masks any secret. The user's own environments are never
 * changed: secrets go into a copy made for the run and deleted after it.
 */
export async function prepareEnvironment(handlers: MethodHandlers, args: EnvironmentArgs): Promise<RunEnvironment> {
  const secrets: Record<string, string> = {};
  for (const [name, variable] of Object.entries(args.secretsFromEnv)) {
    const value = args.processEnv[variable];
    if (value === undefined || value === '') throw new InputError(`--secret-from-env ${name}=${variable}: the environment variable ${variable} is not set.`);
    secrets[name] = value;
  }
  let state = await call<VariablesState>(handlers, 'variables.state', {}, 'variables');
  let baseId: string | undefined;
  let created: { name: string; variables: VariableEditInput[] } | undefined;
  if (args.env !== undefined) {
    const found = state.environments.find((environment) => environment.name === args.env || environment.id === args.env);
    if (!found) {
      const known = state.environments.map((environment) => environment.name);
      throw new InputError(
        `--env "${args.env}": no such environment${known.length > 0 ? ` (environments: ${known.join(', ')})` : ' (this data folder has none; use --data-dir, or --env-file)'}.`,
      );
    }
    baseId = found.id;
  } else if (args.envFile !== undefined) {
    created = await readEnvFile(args.envFile);
  }
  const secretNames = Object.keys(secrets);
  if (baseId !== undefined && secretNames.length === 0) return { id: baseId, secrets: await revealed(handlers, baseId, state), dispose: async () => undefined };
  // newman's rule: a run without --env still has an environment of its own, so a script's pm.environment.set (or
  // postman.setEnvironmentVariable) in one request reaches the next; like every copy, it is deleted after the run
  if (baseId === undefined && created === undefined) created = { name: 'run', variables: [] };
  if (secretNames.length > 0 || created?.variables.some((variable) => variable.secret)) await ensureUnlocked(handlers, args.privateDataDir);
  const runName = `courier run ${randomBytes(4).toString('hex')}`;
  state = await call<VariablesState>(handlers, 'environments.create', { name: runName, ...(baseId === undefined ? {} : { copyFrom: baseId }) }, 'environment');
  const copy = state.environments.find((environment) => environment.name === runName)!;
  const dispose = async () => void (await dispatch(handlers, 'environments.delete', { id: copy.id }));
  try {
    // the copy's own variables keep their stored values (a secret's value omitted keeps its ciphertext)
    const kept: VariableEditInput[] = (
      created?.variables ?? copy.variables.map(({ id, name, value, enabled, secret }) => ({ id, name, enabled, secret, ...(secret ? {} : { value }) }))
    ).filter((variable) => !(variable.name in secrets));
    const added = secretNames.map((name) => ({ name, value: secrets[name]!, secret: true }));
    await call(handlers, 'variables.saveScope', { scopeId: copy.id, variables: [...kept, ...added] }, 'environment');
    const values = await revealed(handlers, copy.id, await call<VariablesState>(handlers, 'variables.state', {}, 'variables'));
    return { id: copy.id, secrets: [...new Set([...Object.values(secrets), ...values])], dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** The run environment's secret values, for masking the CLI's own output; nothing when the vault is locked. */
async function revealed(handlers: MethodHandlers, scopeId: string, state: VariablesState): Promise<string[]> {
  const scopes = [state.global, ...state.environments.filter((environment) => environment.id === scopeId)];
  const values: string[] = [];
  for (const scope of scopes) {
    for (const variable of scope.variables) {
      if (variable.secretState !== 'set') continue;
      const result = await dispatch(handlers, 'variables.reveal', { scopeId: scope.id, variableId: variable.id });
      if (result.ok) values.push((result.value as { value: string }).value);
    }
  }
  return values.filter((value) => value.length > 0);
}
