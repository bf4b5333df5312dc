import { describe, expect, it } from 'vitest';
import type { VariableScopeView, VariablesState, VariableView } from '../contract/variables';
import { layersFromState, requestLayer } from './layers';
import { createResolver } from './resolver';

function view(name: string, value: string, extra: Partial<VariableView> = {}): VariableView {
  return { id: name, name, value, enabled: true, secret: false, secretState: 'plain', ...extra };
}

function scope(kind: VariableScopeView['kind'], id: string, name: string, variables: VariableView[]): VariableScopeView {
  return { id, kind, name, variables };
}

const vault: VariablesState['vault'] = {
  backend: 'passphrase',
  osBackend: null,
  state: 'unlocked',
  warning: null,
  kdf: null,
  secretCount: 0,
  unreadableCount: 0,
};

function state(activeEnvironmentId: string | null): VariablesState {
  return {
    global: scope('global', 'global', 'Globals', [view('g', 'G'), view('host', 'global.example')]),
    collection: scope('collection', 'col', 'Shop API', [view('off', 'x', { enabled: false })]),
    environments: [
      scope('environment', 'dev', 'Development', [view('host', 'dev.example')]),
      scope('environment', 'prod', 'Production', [
        view('host', 'prod.example'),
        view('token', '', { secret: true, secretState: 'set' }),
        view('blank', '', { secret: true, secretState: 'empty' }),
        view('sealed', '', { secret: true, secretState: 'locked' }),
        view('broken', '', { secret: true, secretState: 'unreadable' }),
      ]),
    ],
    activeEnvironmentId,
    vault,
  };
}

describe('requestLayer', () => {
  it('keeps enabled variables as plain request-scope definitions', () => {
    expect(
      requestLayer([
        { name: 'a', value: '1' },
        { name: 'b', value: '2', enabled: false },
        { name: 'c', value: '3', enabled: true },
      ]),
    ).toEqual({
      scope: 'request',
      label: 'Request',
      variables: [
        { name: 'a', value: '1', secret: false },
        { name: 'c', value: '3', secret: false },
      ],
    });
  });
});

describe('layersFromState', () => {
  it('orders request, active environment, collection, global and drops disabled variables', () => {
    const layers = layersFromState(state('prod'), [{ name: 'r', value: 'R' }]);
    expect(layers.map((layer) => [layer.scope, layer.label])).toEqual([
      ['request', 'Request'],
      ['environment', 'Production'],
      ['collection', 'Shop API'],
      ['global', 'Globals'],
    ]);
    expect(layers[2]!.variables).toEqual([]);
    expect(createResolver(layers).resolve('{{r}} {{host}} {{g}}')).toBe('R prod.example G');
  });

  it('leaves out the environment layer when none is active', () => {
    const layers = layersFromState(state(null), []);
    expect(layers.map((layer) => layer.scope)).toEqual(['request', 'collection', 'global']);
    expect(createResolver(layers).resolve('{{host}}')).toBe('global.example');
  });

  it('maps secret states to hidden, empty, locked and unreadable definitions', () => {
    expect(layersFromState(state('prod'), [])[1]!.variables.slice(1)).toEqual([
      { name: 'token', value: null, secret: true },
      { name: 'blank', value: '', secret: true },
      { name: 'sealed', value: null, secret: true, unavailable: 'locked' },
      { name: 'broken', value: null, secret: true, unavailable: 'unreadable' },
    ]);
    const resolver = createResolver(layersFromState(state('prod'), []));
    expect(['token', 'blank', 'sealed', 'broken'].map((name) => resolver.describe(name).status)).toEqual(['hidden-secret', 'resolved', 'locked', 'unreadable']);
  });
});
