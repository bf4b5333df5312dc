import type { VariableScopeKind } from '../contract/variables';
import { PRECEDENCE_CHAIN, type VariableDescription } from '../variables';

/** What each scope is called in the UI. The workspace's own variables are the "collection" scope in the contract. */
export const SCOPE_LABELS: Record<VariableScopeKind | 'dynamic' | 'process-env', string> = {
  request: 'Request',
  environment: 'Environment',
  collection: 'Workspace',
  global: 'Globals',
  dynamic: 'Dynamic value',
  'process-env': 'Process environment',
};

/** Highest precedence first, as the resolver applies it (see shared/variables/precedence.ts). */
export const PRECEDENCE_TEXT = PRECEDENCE_CHAIN;

/**
 * How a reference is coloured: resolved, resolved but hidden, generated at send time, defined but empty (amber: it
 * resolves, to nothing, which is usually a token not filled in yet and a 401 to come), or a problem.
 */
export type ReferenceTone = 'resolved' | 'secret' | 'dynamic' | 'empty' | 'problem';

/**
 * Presence of process environment variables ({{$env.NAME}}) by name, as variables.processEnv answered; a name not
 * in it has not been asked about yet.
 */
export type ProcessEnvPresence = Readonly<Record<string, boolean>>;

export const PROCESS_ENV_REFERENCE = '$env.';

function processEnvName(name: string): string | null {
  return name.startsWith(PROCESS_ENV_REFERENCE) ? name.slice(PROCESS_ENV_REFERENCE.length) : null;
}

/**
 * The resolver's process environment for the renderer, which only knows whether a name is set: a set (or not yet
 * asked about) name resolves to '' so it reads as a process-environment value; an unset one stays unresolved.
 */
export function processEnvFromPresence(presence: ProcessEnvPresence): (name: string) => string | undefined {
  return (name) => (presence[name] === false ? undefined : '');
}

/** Where a value comes from, as a phrase: Environment “dev”, Globals, Request. */
function scopePhrase(source: { scope: VariableScopeKind | 'dynamic' | 'process-env'; label: string; container?: 'collection' | 'folder' }): string {
  if (source.scope === 'environment') return `Environment “${source.label}”`;
  // a collection's or folder's own variables (Collection settings), not the workspace's: say which, by name
  if (source.container === 'collection') return `Collection “${source.label}”`;
  if (source.container === 'folder') return `Folder “${source.label}”`;
  return SCOPE_LABELS[source.scope];
}

export function referenceTone(description: VariableDescription): ReferenceTone {
  switch (description.status) {
    case 'resolved':
      if (description.secret) return 'secret';
      return description.displayValue === '' ? 'empty' : 'resolved';
    case 'hidden-secret':
      return 'secret';
    case 'dynamic':
    case 'process-env':
      return 'dynamic';
    default:
      return 'problem';
  }
}

function origin(description: VariableDescription): string {
  if (!description.source) return '';
  const shadows = description.shadows.length > 0 ? ` (shadows ${description.shadows.map(scopePhrase).join(', ')})` : '';
  return ` · from ${scopePhrase(description.source)}${shadows}`;
}

/**
 * The text shown when the pointer (or the caret) is on a reference: its value and where it came from, never a
 * secret's value, and for {{$env.NAME}} only whether it is set.
 */
export function referenceHoverText(description: VariableDescription, processEnv: ProcessEnvPresence = {}): string {
  const envName = processEnvName(description.name);
  const { name } = description;
  switch (description.status) {
    case 'resolved':
    case 'hidden-secret':
      return description.secret
        ? `${name} = ${description.displayValue} (secret)${origin(description)}`
        : description.displayValue === ''
          ? `${name} is empty${origin(description)}: it is sent as nothing until a value is set there`
          : `${name} = ${description.displayValue}${origin(description)}`;
    case 'dynamic':
      return `${name}: a new value on every send${description.displayValue ? `, e.g. ${description.displayValue}` : ''}`;
    case 'process-env':
      return envName !== null && processEnv[envName] === true
        ? `${name}: set in Courier's process environment (value not shown)`
        : `${name}: read from Courier's process environment when sent`;
    case 'locked':
      return `${name}: a secret, and the vault is locked${origin(description)}. Unlock the vault to use it.`;
    case 'unreadable':
      return `${name}: a secret that cannot be decrypted here${origin(description)}. Set its value again.`;
    case 'cycle':
      // the main process refuses such a send (the README says so): the hint must not promise otherwise
      return `${name}: refers back to itself${description.message ? ` (${description.message})` : ''}; the request is refused until the loop is broken`;
    case 'unresolved':
      if (envName !== null) return `${name}: ${envName} is not set in Courier's process environment; it will be sent as written`;
      return `${name} is not defined (${PRECEDENCE_TEXT}); it will be sent as written`;
  }
}
