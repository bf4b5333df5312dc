import { describe, expect, it } from 'vitest';
import type { VariablesState, VariableView } from '../contract';
import { overriddenNames } from './precedence';

const v = (name: string, enabled = true): VariableView => ({ id: name, name, value: '1', enabled, secret: false, secretState: 'plain' });

const state: VariablesState = {
  global: { id: 'global', kind: 'global', name: 'Globals', variables: [v('host'), v('token'), v('region'), v('only')] },
  collection: { id: 'collection', kind: 'collection', name: 'Workspace', variables: [v('token'), v('region', false), v('team')] },
  environments: [
    { id: 'dev', kind: 'environment', name: 'dev', variables: [v('host'), v('team')] },
    { id: 'prod', kind: 'environment', name: 'prod', variables: [v('only')] },
  ],
  activeEnvironmentId: 'dev',
  vault: { backend: 'passphrase', osBackend: null, state: 'unlocked', warning: null, kdf: null, secretCount: 0, unreadableCount: 0 },
};

describe('overriddenNames', () => {
  it('names the scope that wins: the active environment, then the workspace', () => {
    expect(overriddenNames(state, 'global')).toEqual(
      new Map([
        ['host', 'dev'],
        ['token', 'Workspace'],
      ]),
    );
    expect(overriddenNames(state, 'collection')).toEqual(new Map([['team', 'dev']]));
    expect(overriddenNames(state, 'dev').size).toBe(0);
  });

  it('ignores inactive environments', () => {
    expect(overriddenNames({ ...state, activeEnvironmentId: null }, 'global')).toEqual(new Map([['token', 'Workspace']]));
  });
});
