import { CourierError } from '../contract/courier-error';
import { newContext, type Context, type Entry } from './context';
import { CREDENTIAL_REF_PREFIX, DYNAMIC_LABEL, dynamicValue, PROCESS_ENV_LABEL, PROCESS_ENV_PREFIX } from './dynamic';
import { SECRET_MASK } from './needles';
import { redactText } from './redact';
import type { ResolveEnvironment, VariableDescription, VariableLayer } from './types';

interface DescribeDeps {
  layers: readonly VariableLayer[];
  entries: ReadonlyMap<string, Entry>;
  env: ResolveEnvironment;
  valueOf(name: string, context: Context): string | null;
}

const sourceOf = (layer: VariableLayer): VariableDescription['shadows'][number] =>
  layer.container ? { scope: layer.scope, label: layer.label, container: layer.container } : { scope: layer.scope, label: layer.label };

function shadowsOf(layers: readonly VariableLayer[], name: string, winner: number): VariableDescription['shadows'] {
  const shadows: VariableDescription['shadows'] = [];
  for (let i = winner + 1; i < layers.length; i += 1) {
    const layer = layers[i]!;
    if (layer.variables.some((definition) => definition.name === name)) shadows.push(sourceOf(layer));
  }
  return shadows;
}

/** What the builder's tooltip shows for one name. Never a secret's value, not even spelled out by a plain variable. */
export function describeVariable(rawName: string, deps: DescribeDeps): VariableDescription {
  const name = rawName.trim();
  const unresolved: VariableDescription = { name, status: 'unresolved', displayValue: '', secret: false, source: null, shadows: [] };
  if (name.startsWith(PROCESS_ENV_PREFIX)) {
    const value = deps.env.processEnv?.(name.slice(PROCESS_ENV_PREFIX.length));
    if (value === undefined) return unresolved;
    return { ...unresolved, status: 'process-env', displayValue: SECRET_MASK, secret: true, source: { scope: 'process-env', label: PROCESS_ENV_LABEL } };
  }
  // An Auth tab credential kept in the vault, bound to this request: the main process swaps it in when sending (and
  // refuses the send, naming the field, when it is missing), so the builder must not call it unresolved.
  if (name.startsWith(CREDENTIAL_REF_PREFIX)) {
    return {
      ...unresolved,
      status: 'hidden-secret',
      displayValue: SECRET_MASK,
      secret: true,
      source: { scope: 'request', label: 'Vault (typed into the Auth tab)' },
    };
  }
  if (name.startsWith('$')) {
    const sample = dynamicValue(name, deps.env);
    if (sample === undefined) return unresolved;
    return { ...unresolved, status: 'dynamic', displayValue: sample, source: { scope: 'dynamic', label: DYNAMIC_LABEL } };
  }
  const entry = deps.entries.get(name);
  if (entry === undefined) return unresolved;
  const definition = entry.definition;
  const base: VariableDescription = {
    name,
    status: 'resolved',
    displayValue: definition.secret ? SECRET_MASK : '',
    secret: definition.secret,
    source: deps.layers[entry.layerIndex] ? sourceOf(deps.layers[entry.layerIndex]!) : { scope: entry.scope, label: entry.label },
    shadows: shadowsOf(deps.layers, name, entry.layerIndex),
  };
  if (definition.unavailable === 'locked') {
    return { ...base, status: 'locked', message: 'The vault is locked. Unlock it to use this secret.' };
  }
  if (definition.unavailable === 'unreadable') {
    return { ...base, status: 'unreadable', message: 'This secret cannot be decrypted on this machine. Enter its value again.' };
  }
  if (definition.value === null) return { ...base, status: 'hidden-secret', displayValue: SECRET_MASK };
  const context = newContext(false);
  let value: string;
  try {
    value = deps.valueOf(name, context) ?? '';
  } catch (error) {
    if (!(error instanceof CourierError)) throw error;
    if (error.code === 'VARIABLE_CYCLE') return { ...base, status: 'cycle', message: error.detail ?? error.message };
    if (error.code === 'VAULT_LOCKED') return { ...base, status: 'locked', message: error.message };
    if (error.code === 'SECRET_UNREADABLE') return { ...base, status: 'unreadable', message: error.message };
    throw error;
  }
  if (definition.secret) return base;
  // "Bearer {{token}}" is a plain variable that spells out a secret: the tooltip masks it all the same.
  return { ...base, displayValue: redactText(value, context.secretValues) };
}
