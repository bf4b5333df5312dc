import { CourierError } from '../contract/courier-error';
import { markEntryUsed, markSecret, markUnresolved, markUsed, newContext, type Context, type Entry } from './context';
import { describeVariable } from './describe';
import { DYNAMIC_LABEL, dynamicValue, PROCESS_ENV_LABEL, PROCESS_ENV_PREFIX } from './dynamic';
import { nextReference, type VariableReference } from './references';
import type { ResolveEnvironment, Resolver, VariableLayer } from './types';

/**
 * Past this, a few variables that each repeat another are expanding exponentially ("billion laughs"); failing with a
 * message beats the renderer or the main process running out of memory.
 */
export const MAX_EXPANDED_LENGTH = 64 * 1024 * 1024;

function tooLong(): CourierError {
  return new CourierError('INVALID_INPUT', 'The variables in this request expand to more than 64 MiB of text. Check for variables that repeat each other.');
}

function cycle(stack: readonly string[], name: string): CourierError {
  const chain = [...stack.slice(stack.indexOf(name)), name].join(' → ');
  return new CourierError('VARIABLE_CYCLE', `Variable “${name}” refers to itself: ${chain}`, chain);
}

function unavailable(name: string, reason: 'locked' | 'unreadable'): CourierError {
  return reason === 'locked'
    ? new CourierError('VAULT_LOCKED', `This request uses the secret “${name}”, and the vault is locked. Unlock it to send.`, name)
    : new CourierError(
        'SECRET_UNREADABLE',
        `The secret “${name}” cannot be decrypted on this machine (it was saved with another key or is damaged). Enter its value again to send.`,
        name,
      );
}

/**
 * Layers come highest precedence first and, within a layer, the last definition of a name wins: walking from the
 * lowest layer up and letting later writes replace earlier ones gives both with one Map write per definition.
 */
function indexLayers(layers: readonly VariableLayer[]): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (let layerIndex = layers.length - 1; layerIndex >= 0; layerIndex -= 1) {
    const layer = layers[layerIndex]!;
    const variables = layer.variables;
    for (let i = 0; i < variables.length; i += 1) {
      const definition = variables[i]!;
      entries.set(definition.name, { definition, scope: layer.scope, label: layer.label, layerIndex, used: false });
    }
  }
  return entries;
}

/** A resolver is made per send (or per render of the builder): the index is built once, every lookup is a Map hit. */
export function createResolver(layers: readonly VariableLayer[], env: ResolveEnvironment = {}): Resolver {
  const entries = indexLayers(layers);
  const main = newContext(true);

  function special(name: string, context: Context): string | null {
    if (name.startsWith(PROCESS_ENV_PREFIX)) {
      const value = env.processEnv?.(name.slice(PROCESS_ENV_PREFIX.length));
      if (value === undefined) return markUnresolved(context, name);
      // A process variable is a secret like a vault value (AWS_SECRET_ACCESS_KEY, tokens in CI): masked everywhere.
      markUsed(context, name, 'process-env', PROCESS_ENV_LABEL, true);
      markSecret(context, value);
      return env.maskSecret ? env.maskSecret(value) : value;
    }
    const value = dynamicValue(name, env);
    if (value === undefined) return markUnresolved(context, name);
    markUsed(context, name, 'dynamic', DYNAMIC_LABEL, false);
    context.volatile = true;
    return value;
  }

  /** The text a reference stands for, or null to leave the reference as written. */
  function valueOf(name: string, context: Context): string | null {
    const value = plainValueOf(name, context);
    // a secret's own memoised value stays plain (for markSecret); only what is substituted is masked
    if (value !== null && env.maskSecret && entries.get(name)?.definition.secret === true) return env.maskSecret(value);
    return value;
  }

  function plainValueOf(name: string, context: Context): string | null {
    if (name.charCodeAt(0) === 36 /* $ */) return special(name, context);
    const entry = entries.get(name);
    if (entry === undefined) return markUnresolved(context, name);
    const definition = entry.definition;
    if (definition.unavailable !== undefined) throw unavailable(name, definition.unavailable);
    markEntryUsed(context, name, entry);
    if (definition.value === null) return null;
    let value = definition.value;
    if (value.indexOf('{{') !== -1) {
      const remembered = context.memo.get(name);
      if (remembered !== undefined) return remembered;
      if (context.stack.includes(name)) throw cycle(context.stack, name);
      const outerVolatile = context.volatile;
      context.volatile = false;
      context.stack.push(name);
      try {
        value = expand(value, context);
      } finally {
        context.stack.pop();
      }
      if (!context.volatile) context.memo.set(name, value);
      context.volatile = context.volatile || outerVolatile;
    }
    if (definition.secret) markSecret(context, value);
    return value;
  }

  function expand(text: string, context: Context): string {
    const reference: VariableReference = { name: '', start: 0, end: 0 };
    if (!nextReference(text, 0, reference)) return text;
    let out = '';
    let last = 0;
    do {
      const value = valueOf(reference.name, context);
      out += text.slice(last, reference.start);
      out += value === null ? text.slice(reference.start, reference.end) : value;
      if (out.length > MAX_EXPANDED_LENGTH) throw tooLong();
      last = reference.end;
    } while (nextReference(text, last, reference));
    return out + text.slice(last);
  }

  return {
    resolve: (text) => expand(text, main),
    describe: (name) => describeVariable(name, { layers, entries, env, valueOf }),
    resolution: () => ({
      unresolved: [...main.unresolved],
      used: main.used.map((use) => ({ ...use })),
      secretValues: [...main.secretValues],
    }),
  };
}
