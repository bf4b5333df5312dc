import type { VariableScopeView, VariablesState, VariableView } from '../contract/variables';
import type { VariableDefinition, VariableLayer } from './types';

interface RequestVariable {
  name: string;
  value: string;
  enabled?: boolean;
}

export function requestLayer(variables: readonly RequestVariable[]): VariableLayer {
  return {
    scope: 'request',
    label: 'Request',
    variables: variables.filter((variable) => variable.enabled !== false).map((variable) => ({ name: variable.name, value: variable.value, secret: false })),
  };
}

/** The renderer never holds a secret's value, only whether one is set and readable. */
function fromView(view: VariableView): VariableDefinition {
  if (!view.secret && view.secretState === 'plain') return { name: view.name, value: view.value, secret: false };
  switch (view.secretState) {
    case 'locked':
      return { name: view.name, value: null, secret: true, unavailable: 'locked' };
    case 'unreadable':
      return { name: view.name, value: null, secret: true, unavailable: 'unreadable' };
    case 'empty':
      return { name: view.name, value: '', secret: true };
    default:
      return { name: view.name, value: null, secret: true };
  }
}

function scopeLayer(scope: VariableScopeView): VariableLayer {
  return {
    scope: scope.kind,
    label: scope.name,
    variables: scope.variables.filter((variable) => variable.enabled).map(fromView),
  };
}

/** For the renderer: request, the active environment (when one is), collection, global. */
export function layersFromState(state: VariablesState, requestVariables: readonly RequestVariable[]): VariableLayer[] {
  const layers = [requestLayer(requestVariables)];
  const active = state.environments.find((environment) => environment.id === state.activeEnvironmentId);
  if (active) layers.push(scopeLayer(active));
  layers.push(scopeLayer(state.collection), scopeLayer(state.global));
  return layers;
}
