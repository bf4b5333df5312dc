import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VariableEditInput, VariablesState } from '../../../shared/contract';
import { openSettingsStore, type SettingsStore } from '../settings-store';
import { createVault, type Vault } from '../vault';
import { countingStore, expectCode, expectNotInFile, fakeOs, FAST_SCRYPT } from '../vault/test-support/fakes';
import { createVariablesService, type VariablesChangeReason, type VariablesService } from './index';

const PASS = 'a long enough passphrase';
const SECRET = 'ghp_S3cr3tT0kenValue1234567890abcdef';
const OTHER = 'another-secret-value-that-must-stay-hidden';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-variables-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Setup {
  store: SettingsStore & { writes: number };
  vault: Vault;
  service: VariablesService;
  changes: VariablesChangeReason[];
}

let counter = 0;
async function setup(options: { unlock?: boolean; os?: boolean } = {}): Promise<Setup> {
  const store = countingStore(openSettingsStore({ dir }));
  const vault = createVault({ store, scrypt: FAST_SCRYPT, os: options.os ? osFake : undefined });
  if (options.unlock !== false) await vault.unlock(PASS);
  const changes: VariablesChangeReason[] = [];
  const service = createVariablesService({ store, vault, onChange: (reason) => changes.push(reason), newId: () => `id${++counter}` });
  return { store, vault, service, changes };
}
const osFake = fakeOs('keychain');

const settingsFile = (): string => path.join(dir, 'settings.json');
const fileBytes = (): Promise<Buffer> => readFile(settingsFile());
const rawFile = async (): Promise<Record<string, unknown>> => JSON.parse((await fileBytes()).toString('utf8')) as Record<string, unknown>;
const vaultSecrets = async (): Promise<Record<string, string>> => ((await rawFile()).vault as { secrets: Record<string, string> }).secrets;

const byName = (state: VariablesState, scope: 'global' | 'collection', name: string) => state[scope].variables.find((v) => v.name === name)!;

describe('variables service: scopes', () => {
  it('starts with empty global and workspace scopes and no environments', async () => {
    const { service, store } = await setup();
    const state = service.state();
    expect(state.global).toEqual({ id: 'global', kind: 'global', name: 'Globals', variables: [] });
    expect(state.collection).toEqual({ id: 'collection', kind: 'collection', name: 'Workspace', variables: [] });
    expect(state.environments).toEqual([]);
    expect(state.activeEnvironmentId).toBeNull();
    expect(state.vault.state).toBe('unlocked');
    expect(service.notices).toEqual([]);
    expect(store.get('variables')).toBeUndefined();
  });

  it('replaces a scope in order, keeping given ids and making new ones, and survives reopening', async () => {
    const { service, changes } = await setup();
    let state = service.saveScope({
      scopeId: 'global',
      variables: [
        { name: 'baseUrl', value: 'https://api.example.test' },
        { name: 'user', value: 'ada', enabled: false },
      ],
    });
    expect(changes).toEqual(['variables']);
    const [first, second] = state.global.variables;
    expect(first).toMatchObject({ name: 'baseUrl', value: 'https://api.example.test', enabled: true, secret: false, secretState: 'plain' });
    expect(second).toMatchObject({ name: 'user', enabled: false });
    state = service.saveScope({
      scopeId: 'global',
      variables: [
        { id: second!.id, name: 'user', value: 'grace' },
        { id: first!.id, name: 'baseUrl' },
        { name: 'extra', value: '1' },
      ],
    });
    expect(state.global.variables.map((v) => [v.id, v.name, v.value])).toEqual([
      [second!.id, 'user', 'grace'],
      [first!.id, 'baseUrl', 'https://api.example.test'],
      [expect.any(String), 'extra', '1'],
    ]);
    const reopened = (await setup({ unlock: false })).service.state();
    expect(reopened.global.variables).toEqual(state.global.variables);
    expect(reopened.collection.variables).toEqual([]);
  });

  it('encrypts secrets, never writing their values, and reveals them on request', async () => {
    const { service } = await setup();
    const state = service.saveScope({
      scopeId: 'collection',
      variables: [
        { name: 'token', value: SECRET, secret: true },
        { name: 'host', value: 'example.test' },
      ],
    });
    const token = byName(state, 'collection', 'token');
    expect(token).toMatchObject({ value: '', secret: true, secretState: 'set' });
    expect(service.reveal({ scopeId: 'collection', variableId: token.id })).toEqual({ value: SECRET });
    expect(service.reveal({ scopeId: 'collection', variableId: byName(state, 'collection', 'host').id })).toEqual({ value: 'example.test' });
    await expectNotInFile(settingsFile(), SECRET);
    const stored = (await rawFile()).variables as { collection: { variables: { value: string }[] } };
    expect(stored.collection.variables[0]!.value).toBe('');
    expect(Object.keys(await vaultSecrets())).toEqual([`var:collection:${token.id}`]);
  });

  it('keeps the ciphertext when a secret is saved without a value, and empties it when saved with ""', async () => {
    const { service } = await setup();
    const token = service.saveScope({ scopeId: 'global', variables: [{ name: 'token', value: SECRET, secret: true }] }).global.variables[0]!;
    const before = await vaultSecrets();
    service.saveScope({ scopeId: 'global', variables: [{ id: token.id, name: 'renamed', secret: true, enabled: false }] });
    expect(await vaultSecrets()).toEqual(before);
    expect(service.reveal({ scopeId: 'global', variableId: token.id }).value).toBe(SECRET);

    const state = service.saveScope({ scopeId: 'global', variables: [{ id: token.id, name: 'renamed', value: '', secret: true }] });
    expect(state.global.variables[0]).toMatchObject({ secretState: 'empty', value: '' });
    expect(await vaultSecrets()).toEqual({});
    expect(service.reveal({ scopeId: 'global', variableId: token.id }).value).toBe('');
  });

  it('turns a secret into a plain variable by decrypting it, and a plain one into a secret by encrypting it', async () => {
    const { service } = await setup();
    const [a, b] = service.saveScope({
      scopeId: 'global',
      variables: [
        { name: 'a', value: SECRET, secret: true },
        { name: 'b', value: OTHER },
      ],
    }).global.variables;
    const state = service.saveScope({
      scopeId: 'global',
      variables: [
        { id: a!.id, name: 'a', secret: false },
        { id: b!.id, name: 'b', secret: true },
      ],
    });
    expect(state.global.variables).toMatchObject([
      { name: 'a', value: SECRET, secret: false, secretState: 'plain' },
      { name: 'b', value: '', secret: true, secretState: 'set' },
    ]);
    expect(Object.keys(await vaultSecrets())).toEqual([`var:global:${b!.id}`]);
    expect(service.reveal({ scopeId: 'global', variableId: b!.id }).value).toBe(OTHER);
    await expectNotInFile(settingsFile(), OTHER);
  });

  it('deletes the secrets of removed variables', async () => {
    const { service } = await setup();
    const [a] = service.saveScope({
      scopeId: 'global',
      variables: [
        { name: 'a', value: SECRET, secret: true },
        { name: 'b', value: OTHER, secret: true },
      ],
    }).global.variables;
    service.saveScope({ scopeId: 'global', variables: [{ id: a!.id, name: 'a', secret: true }] });
    expect(Object.keys(await vaultSecrets())).toEqual([`var:global:${a!.id}`]);
    service.saveScope({ scopeId: 'global', variables: [] });
    expect(await vaultSecrets()).toEqual({});
  });

  it('writes the secrets once and the list once, however many secrets', async () => {
    const { service, store } = await setup();
    const writes = store.writes;
    service.saveScope({ scopeId: 'global', variables: Array.from({ length: 40 }, (_, i) => ({ name: `s${i}`, value: `secret number ${i}`, secret: true })) });
    expect(store.writes - writes).toBe(2);
  });

  it('refuses duplicate names, bad names and unknown scopes, writing nothing', async () => {
    const { service } = await setup();
    service.saveScope({ scopeId: 'global', variables: [{ name: 'kept', value: 'x' }] });
    const before = await fileBytes();
    const dup = (() => {
      try {
        service.saveScope({
          scopeId: 'global',
          variables: [
            { name: 'token', value: SECRET, secret: true },
            { name: 'token', value: 'b' },
          ],
        });
      } catch (error) {
        return error as { code: string; message: string };
      }
    })();
    expect(dup).toMatchObject({ code: 'INVALID_INPUT' });
    expect(dup!.message).toContain('“token”');
    await expectCode(() => service.saveScope({ scopeId: 'global', variables: [{ name: '1bad name' } as VariableEditInput] }), 'INVALID_INPUT');
    await expectCode(() => service.saveScope({ scopeId: 'nope', variables: [] }), 'ENVIRONMENT_NOT_FOUND');
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);
    expect(service.state().global.variables.map((v) => v.name)).toEqual(['kept']);
  });
});

describe('variables service: locked vault', () => {
  it('shows secrets as locked, refuses to encrypt or reveal, and still saves what needs no key', async () => {
    const first = await setup();
    const token = first.service.saveScope({
      scopeId: 'global',
      variables: [
        { name: 'token', value: SECRET, secret: true },
        { name: 'p', value: 'plain' },
      ],
    }).global.variables[0]!;

    const { service, vault } = await setup({ unlock: false });
    expect(vault.status().state).toBe('locked');
    expect(service.state().global.variables[0]).toMatchObject({ secretState: 'locked', value: '' });
    await expectCode(() => service.reveal({ scopeId: 'global', variableId: token.id }), 'VAULT_LOCKED');
    await expectCode(() => service.reveal({ scopeId: 'global', variableId: 'nope' }), 'VARIABLE_NOT_FOUND');

    const before = await fileBytes();
    await expectCode(
      () =>
        service.saveScope({
          scopeId: 'global',
          variables: [
            { id: token.id, name: 'token', secret: true },
            { name: 'new', value: OTHER, secret: true },
          ],
        }),
      'VAULT_LOCKED',
    );
    await expectCode(() => service.saveScope({ scopeId: 'global', variables: [{ id: token.id, name: 'token', secret: false }] }), 'VAULT_LOCKED');
    await expectCode(() => service.saveScope({ scopeId: 'global', variables: [{ name: 'p', secret: true, value: 'x' }] }), 'VAULT_LOCKED');
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);

    // A rename and a plain edit need no key; the ciphertext stays as it was.
    const state = service.saveScope({
      scopeId: 'global',
      variables: [
        { id: token.id, name: 'apiToken', secret: true },
        { name: 'p', value: 'changed' },
      ],
    });
    expect(state.global.variables).toMatchObject([
      { name: 'apiToken', secretState: 'locked' },
      { name: 'p', value: 'changed' },
    ]);
    await vault.unlock(PASS);
    expect(service.reveal({ scopeId: 'global', variableId: token.id }).value).toBe(SECRET);
  });

  it('in the layers: locked secrets have no value and say why', async () => {
    const first = await setup();
    first.service.saveScope({
      scopeId: 'global',
      variables: [
        { name: 'token', value: SECRET, secret: true },
        { name: 'empty', value: '', secret: true },
      ],
    });
    const { service } = await setup({ unlock: false });
    expect(service.layers()).toEqual([
      { scope: 'collection', label: 'Workspace', variables: [] },
      {
        scope: 'global',
        label: 'Globals',
        variables: [
          { name: 'token', value: null, secret: true, unavailable: 'locked' },
          { name: 'empty', value: '', secret: true },
        ],
      },
    ]);
  });
});

describe('variables service: unreadable secrets', () => {
  it('flags only the damaged one, names it, and keeps the rest usable', async () => {
    const { service, store } = await setup();
    const [bad, good] = service.saveScope({
      scopeId: 'global',
      variables: [
        { name: 'bad', value: SECRET, secret: true },
        { name: 'good', value: OTHER, secret: true },
      ],
    }).global.variables;
    const record = store.get('vault') as { secrets: Record<string, string> };
    store.set('vault', { ...record, secrets: { ...record.secrets, [`var:global:${bad!.id}`]: 'v1:AAAA:BBBB:CCCC' } });
    const before = await fileBytes();

    const { service: again, vault } = await setup({ unlock: false });
    expect((await vault.unlock(PASS)).unreadableCount).toBe(1);
    expect(again.state().global.variables.map((v) => v.secretState)).toEqual(['unreadable', 'set']);
    const error = (() => {
      try {
        again.reveal({ scopeId: 'global', variableId: bad!.id });
      } catch (e) {
        return e as { code: string; message: string };
      }
    })();
    expect(error).toMatchObject({ code: 'SECRET_UNREADABLE' });
    expect(error!.message).toContain('“bad”');
    expect(again.reveal({ scopeId: 'global', variableId: good!.id }).value).toBe(OTHER);
    expect(again.layers()[1]!.variables).toEqual([
      { name: 'bad', value: null, secret: true, unavailable: 'unreadable' },
      { name: 'good', value: OTHER, secret: true },
    ]);
    await expectCode(() => again.saveScope({ scopeId: 'global', variables: [{ id: bad!.id, name: 'bad', secret: false }] }), 'SECRET_UNREADABLE');
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);
    // Entering the value again heals it.
    again.saveScope({
      scopeId: 'global',
      variables: [
        { id: bad!.id, name: 'bad', secret: true, value: 'new' },
        { id: good!.id, name: 'good', secret: true },
      ],
    });
    expect(again.state().global.variables.map((v) => v.secretState)).toEqual(['set', 'set']);
  });
});

describe('variables service: environments', () => {
  it('creates, renames, activates and deletes environments, with unique names', async () => {
    const { service, changes } = await setup();
    let state = service.createEnvironment({ name: '  dev ' });
    const dev = state.environments[0]!;
    expect(dev).toMatchObject({ kind: 'environment', name: 'dev', variables: [] });
    state = service.createEnvironment({ name: 'staging' });
    const staging = state.environments[1]!;
    await expectCode(() => service.createEnvironment({ name: 'DEV' }), 'INVALID_INPUT');
    await expectCode(() => service.createEnvironment({ name: '   ' }), 'INVALID_INPUT');
    await expectCode(() => service.renameEnvironment({ id: staging.id, name: 'Dev' }), 'INVALID_INPUT');
    await expectCode(() => service.renameEnvironment({ id: 'nope', name: 'x' }), 'ENVIRONMENT_NOT_FOUND');
    expect(service.renameEnvironment({ id: dev.id, name: 'Dev' }).environments[0]!.name).toBe('Dev');
    const message = (() => {
      try {
        service.createEnvironment({ name: 'staging' });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain('“staging”');

    expect(service.setActiveEnvironment({ id: staging.id }).activeEnvironmentId).toBe(staging.id);
    await expectCode(() => service.setActiveEnvironment({ id: 'nope' }), 'ENVIRONMENT_NOT_FOUND');
    expect(service.setActiveEnvironment({ id: null }).activeEnvironmentId).toBeNull();
    service.setActiveEnvironment({ id: staging.id });
    state = service.deleteEnvironment({ id: staging.id });
    expect(state.environments.map((env) => env.name)).toEqual(['Dev']);
    expect(state.activeEnvironmentId).toBeNull();
    await expectCode(() => service.deleteEnvironment({ id: staging.id }), 'ENVIRONMENT_NOT_FOUND');
    expect(changes).toEqual(['environments', 'environments', 'environments', 'active', 'active', 'active', 'environments']);

    const reopened = (await setup({ unlock: false })).service.state();
    expect(reopened.environments.map((env) => [env.id, env.name])).toEqual([[dev.id, 'Dev']]);
  });

  it('saves variables into an environment and deletes its secrets with it', async () => {
    const { service } = await setup();
    const keep = service.createEnvironment({ name: 'keep' }).environments[0]!;
    const gone = service.createEnvironment({ name: 'gone' }).environments[1]!;
    service.saveScope({ scopeId: keep.id, variables: [{ name: 'token', value: OTHER, secret: true }] });
    const state = service.saveScope({
      scopeId: gone.id,
      variables: [
        { name: 'token', value: SECRET, secret: true },
        { name: 'plain', value: 'p' },
      ],
    });
    expect(state.environments[1]!.variables[0]).toMatchObject({ secretState: 'set' });
    expect(Object.keys(await vaultSecrets())).toHaveLength(2);
    service.deleteEnvironment({ id: gone.id });
    expect(Object.keys(await vaultSecrets())).toEqual([`var:${keep.id}:${service.state().environments[0]!.variables[0]!.id}`]);
  });

  it('duplicates an environment, secrets re-encrypted under the copy’s own ids', async () => {
    const { service } = await setup();
    const prod = service.createEnvironment({ name: 'prod' }).environments[0]!;
    const saved = service.saveScope({
      scopeId: prod.id,
      variables: [
        { name: 'token', value: SECRET, secret: true },
        { name: 'empty', value: '', secret: true },
        { name: 'host', value: 'prod.example.test', enabled: false },
      ],
    }).environments[0]!;
    const state = service.createEnvironment({ name: 'prod copy', copyFrom: prod.id });
    const copy = state.environments[1]!;
    expect(copy.variables.map((v) => [v.name, v.value, v.enabled, v.secretState])).toEqual([
      ['token', '', true, 'set'],
      ['empty', '', true, 'empty'],
      ['host', 'prod.example.test', false, 'plain'],
    ]);
    expect(copy.variables.map((v) => v.id)).not.toContain(saved.variables[0]!.id);
    expect(service.reveal({ scopeId: copy.id, variableId: copy.variables[0]!.id }).value).toBe(SECRET);
    const secrets = await vaultSecrets();
    expect(Object.keys(secrets)).toHaveLength(2);
    expect(secrets[`var:${copy.id}:${copy.variables[0]!.id}`]).not.toBe(secrets[`var:${prod.id}:${saved.variables[0]!.id}`]);
    await expectNotInFile(settingsFile(), SECRET);

    // Deleting the copy leaves the original's secret alone.
    service.deleteEnvironment({ id: copy.id });
    expect(service.reveal({ scopeId: prod.id, variableId: saved.variables[0]!.id }).value).toBe(SECRET);
    await expectCode(() => service.createEnvironment({ name: 'x', copyFrom: 'nope' }), 'ENVIRONMENT_NOT_FOUND');
  });

  it('will not duplicate secrets while the vault is locked, and writes nothing', async () => {
    const first = await setup();
    const env = first.service.createEnvironment({ name: 'prod' }).environments[0]!;
    first.service.saveScope({ scopeId: env.id, variables: [{ name: 'token', value: SECRET, secret: true }] });
    const plainOnly = first.service.createEnvironment({ name: 'plain' }).environments[1]!;
    first.service.saveScope({
      scopeId: plainOnly.id,
      variables: [
        { name: 'a', value: 'b' },
        { name: 'e', value: '', secret: true },
      ],
    });

    const { service } = await setup({ unlock: false });
    const before = await fileBytes();
    await expectCode(() => service.createEnvironment({ name: 'copy', copyFrom: env.id }), 'VAULT_LOCKED');
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);
    // Without any encrypted value, no key is needed.
    expect(service.createEnvironment({ name: 'copy', copyFrom: plainOnly.id }).environments[2]!.variables).toHaveLength(2);
  });
});

describe('variables service: layers', () => {
  it('gives the active environment, then the workspace, then globals, enabled variables only, secrets decrypted', async () => {
    const { service } = await setup();
    const dev = service.createEnvironment({ name: 'dev' }).environments[0]!;
    service.saveScope({
      scopeId: dev.id,
      variables: [
        { name: 'host', value: 'dev.example.test' },
        { name: 'off', value: 'x', enabled: false },
      ],
    });
    service.saveScope({ scopeId: 'collection', variables: [{ name: 'token', value: SECRET, secret: true }] });
    service.saveScope({ scopeId: 'global', variables: [{ name: 'host', value: 'global.example.test' }] });
    expect(service.layers().map((layer) => layer.scope)).toEqual(['collection', 'global']);
    service.setActiveEnvironment({ id: dev.id });
    expect(service.layers()).toEqual([
      { scope: 'environment', label: 'Environment “dev”', variables: [{ name: 'host', value: 'dev.example.test', secret: false }] },
      { scope: 'collection', label: 'Workspace', variables: [{ name: 'token', value: SECRET, secret: true }] },
      { scope: 'global', label: 'Globals', variables: [{ name: 'host', value: 'global.example.test', secret: false }] },
    ]);
  });

  it('works the same over the OS backend', async () => {
    const { service, vault } = await setup({ unlock: false, os: true });
    expect(vault.status().backend).toBe('os');
    service.saveScope({ scopeId: 'global', variables: [{ name: 'token', value: SECRET, secret: true }] });
    expect(service.layers()[1]!.variables).toEqual([{ name: 'token', value: SECRET, secret: true }]);
    await expectNotInFile(settingsFile(), SECRET);
  });
});

describe('variables service: damaged data', () => {
  it('keeps a malformed value aside, says so and starts fresh', async () => {
    const damaged = { global: { variables: 'not a list' }, environments: [{ id: 'x' }] };
    openSettingsStore({ dir }).set('variables', damaged);
    const { service } = await setup();
    expect(service.notices).toHaveLength(1);
    expect(service.notices[0]).toMatch(/could not be read/);
    expect(service.state().global.variables).toEqual([]);
    const raw = await rawFile();
    const aside = Object.keys(raw).find((key) => key.startsWith('variables.corrupt-'));
    expect(aside).toBeDefined();
    expect(service.notices[0]).toContain(aside!);
    expect(raw[aside!]).toEqual(damaged);
    expect(raw.variables).toBeUndefined();
    // Nothing is set aside twice.
    expect((await setup()).service.notices).toEqual([]);
  });

  it('treats an active id that points nowhere as no active environment', async () => {
    openSettingsStore({ dir }).set('variables', { global: { variables: [] }, collection: { variables: [] }, environments: [], activeEnvironmentId: 'gone' });
    const { service } = await setup();
    expect(service.notices).toEqual([]);
    expect(service.state().activeEnvironmentId).toBeNull();
  });
});

describe('variables service: setValue (captures)', () => {
  it('adds a variable, then replaces its value by name, leaving the others as they were', async () => {
    const { service } = await setup();
    service.saveScope({
      scopeId: 'collection',
      variables: [
        { name: 'keep', value: 'k' },
        { name: 'hidden', value: SECRET, secret: true },
      ],
    });
    service.setValue({ scopeId: 'collection', name: 'token', value: 'one', secret: false });
    const state = service.setValue({ scopeId: 'collection', name: 'token', value: 'two', secret: false });
    expect(state.collection.variables.map((v) => [v.name, v.value])).toEqual([
      ['keep', 'k'],
      ['hidden', ''],
      ['token', 'two'],
    ]);
    expect(service.reveal({ scopeId: 'collection', variableId: byName(state, 'collection', 'hidden').id }).value).toBe(SECRET);
  });

  it('a secret value goes to the vault, never into the settings file', async () => {
    const { service } = await setup();
    const state = service.setValue({ scopeId: 'global', name: 'token', value: OTHER, secret: true });
    expect(byName(state, 'global', 'token')).toMatchObject({ secret: true, value: '', secretState: 'set' });
    await expectNotInFile(settingsFile(), OTHER);
    expect(service.layers().find((layer) => layer.scope === 'global')?.variables).toEqual([{ name: 'token', value: OTHER, secret: true }]);
  });

  it('refuses a secret with the vault locked and writes nothing', async () => {
    const { service } = await setup({ unlock: false });
    await expectCode(() => service.setValue({ scopeId: 'global', name: 'token', value: OTHER, secret: true }), 'VAULT_LOCKED');
    expect(service.state().global.variables).toEqual([]);
  });
});
