import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type VariablesState } from '../../../shared/contract';
import { createCourier, type Courier } from '../../core';
import { prepareEnvironment } from './run-environment';

let dir: string;
let courier: Courier;
const call = async (method: string, input: unknown): Promise<VariablesState> => {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as VariablesState;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-run-env-'));
  courier = createCourier({
    dataDir: path.join(dir, 'data'),
    mode: 'web',
    version: '0',
    openExternal: () => false,
    scrypt: { N: 1024, r: 8, p: 1 },
    onInternalError: (e) => console.error(e),
  });
});
afterEach(async () => {
  await courier.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the environment of a CLI run', () => {
  it('reads a Postman environment export, and --secret-from-env values become vault secrets for the run only', async () => {
    const file = path.join(dir, 'staging.postman_environment.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'Staging',
        _postman_variable_scope: 'environment',
        values: [
          { key: 'base', value: 'https://staging.example', enabled: true },
          { key: 'token', value: 'from-file', enabled: true },
        ],
      }),
    );
    const env = await prepareEnvironment(courier.handlers, {
      envFile: file,
      secretsFromEnv: { token: 'CI_TOKEN' },
      processEnv: { CI_TOKEN: 'ci-secret-value' },
      privateDataDir: true,
    });
    const state = await call('variables.state', {});
    const made = state.environments.find((environment) => environment.id === env.id)!;
    expect(made.variables.map(({ name, value, secret, secretState }) => ({ name, value, secret, secretState }))).toEqual([
      { name: 'base', value: 'https://staging.example', secret: false, secretState: 'plain' },
      { name: 'token', value: '', secret: true, secretState: 'set' },
    ]);
    expect(env.secrets).toEqual(['ci-secret-value']);
    await env.dispose();
    expect((await call('variables.state', {})).environments).toEqual([]);
  });

  it("never changes the user's environment: secrets go into a copy that is deleted afterwards", async () => {
    await call('vault.unlock', { passphrase: 'a passphrase' });
    const created = await call('environments.create', { name: 'CI' });
    const id = created.environments[0]!.id;
    await call('variables.saveScope', {
      scopeId: id,
      variables: [
        { name: 'base', value: 'https://ci.example' },
        { name: 'key', value: 'vault-key', secret: true },
      ],
    });
    const before = JSON.stringify((await call('variables.state', {})).environments);
    const env = await prepareEnvironment(courier.handlers, { env: 'CI', secretsFromEnv: { token: 'T' }, processEnv: { T: 'from-ci' }, privateDataDir: false });
    expect(env.id).not.toBe(id);
    const copy = (await call('variables.state', {})).environments.find((environment) => environment.id === env.id)!;
    expect(copy.variables.map((variable) => [variable.name, variable.secretState])).toEqual([
      ['base', 'plain'],
      ['key', 'set'],
      ['token', 'set'],
    ]);
    // the copy's secrets are masked in the CLI's own output too
    expect(env.secrets.sort()).toEqual(['from-ci', 'vault-key']);
    await env.dispose();
    expect(JSON.stringify((await call('variables.state', {})).environments)).toBe(before);
  });

  it('refuses an unknown environment or a locked vault, saying what to do', async () => {
    await expect(prepareEnvironment(courier.handlers, { env: 'Prod', secretsFromEnv: {}, processEnv: {}, privateDataDir: false })).rejects.toThrow(
      '--env "Prod": no such environment (this data folder has none; use --data-dir, or --env-file).',
    );
    await call('vault.unlock', { passphrase: 'a passphrase' });
    await call('vault.lock', {});
    await expect(prepareEnvironment(courier.handlers, { secretsFromEnv: { t: 'T' }, processEnv: { T: 'x' }, privateDataDir: false })).rejects.toThrow(
      /set COURIER_VAULT_PASSPHRASE/,
    );
  });
});
