import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type MethodHandlers, type MethodName, type MethodOutput } from '../../shared/contract';
import { importedEnvironmentEdits } from '../../shared/importers/environment-edits';
import { scanForSecret } from '../test-support';
import { createCourier } from './create-courier';

/**
 * An environment file whose source marks a variable secret, imported as the window keeps it: parsed in the main
 * process, then created and saved through the contract with the edits the window sends. The secret's value must
 * reach the vault only: no file under the data directory (settings, workspace) may hold it in any encoding.
 */
const CANARY = 'k-123-canary-9f4e7c2b';
const postmanEnvironment = JSON.stringify({
  name: 'Prod',
  _postman_variable_scope: 'environment',
  values: [
    { key: 'baseUrl', value: 'https://api.example.test', enabled: true },
    { key: 'apiKey', value: CANARY, type: 'secret', enabled: true },
  ],
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-import-env-secret-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function must<M extends MethodName>(handlers: MethodHandlers, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

describe('importing an environment with a variable its source marks secret', () => {
  it('keeps the value in the vault, the variable ticked Secret, and no file holds the value', async () => {
    const courier = createCourier({
      dataDir,
      mode: 'web',
      version: '0',
      openExternal: () => false,
      scrypt: { N: 1024, r: 8, p: 1 },
      onInternalError: (e) => console.error(e),
    });
    try {
      await must(courier.handlers, 'vault.unlock', { passphrase: 'import passphrase' });
      const parsed = await must(courier.handlers, 'import.parse', { text: postmanEnvironment });
      const [environment] = parsed.environments;
      if (!environment) throw new Error('no environment parsed');
      const created = await must(courier.handlers, 'environments.create', { name: environment.name });
      const scope = created.environments.find((candidate) => candidate.name === 'Prod')!;
      const saved = await must(courier.handlers, 'variables.saveScope', {
        scopeId: scope.id,
        variables: importedEnvironmentEdits(environment, { vaultUnlocked: true }).edits,
      });

      const apiKey = saved.environments.find((candidate) => candidate.id === scope.id)!.variables.find((variable) => variable.name === 'apiKey')!;
      expect(apiKey).toMatchObject({ secret: true, secretState: 'set', value: '' });
      expect(await must(courier.handlers, 'variables.reveal', { scopeId: scope.id, variableId: apiKey.id })).toEqual({ value: CANARY });
      // the notice says what happened: kept in the vault, not "imported as plain text"
      expect(parsed.warnings.map((warning) => warning.message).join('\n')).not.toMatch(/plain text/);

      const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
      expect(filesScanned).toBeGreaterThan(0);
      expect(hits).toEqual([]);
    } finally {
      await courier.close();
    }
  });

  it('with the vault locked, creates the variable as an empty secret, names it, and writes the value nowhere', async () => {
    const courier = createCourier({
      dataDir,
      mode: 'web',
      version: '0',
      openExternal: () => false,
      scrypt: { N: 1024, r: 8, p: 1 },
      onInternalError: (e) => console.error(e),
    });
    try {
      const parsed = await must(courier.handlers, 'import.parse', { text: postmanEnvironment });
      const environment = parsed.environments[0]!;
      const created = await must(courier.handlers, 'environments.create', { name: environment.name });
      const scope = created.environments.find((candidate) => candidate.name === 'Prod')!;
      const { edits, needValue } = importedEnvironmentEdits(environment, { vaultUnlocked: false });
      expect(needValue).toEqual(['apiKey']);
      const saved = await must(courier.handlers, 'variables.saveScope', { scopeId: scope.id, variables: edits });
      const variables = saved.environments.find((candidate) => candidate.id === scope.id)!.variables;
      expect(variables.map((variable) => [variable.name, variable.secret, variable.secretState])).toEqual([
        ['baseUrl', false, 'plain'],
        ['apiKey', true, 'empty'],
      ]);
      expect((await scanForSecret([dataDir], CANARY)).hits).toEqual([]);
    } finally {
      await courier.close();
    }
  });
});
