import { CourierError, type HttpRequestSpec } from '../../shared/contract';
import { applySimpleAuth, credentialTexts, withAuthHeader } from '../../shared/auth';
import { NUMERIC_SETTING_FIELDS, readSettingTemplate } from '../../shared/request';
import {
  envNotAllowedDetail,
  findVariableReferences,
  isOnlyReferences,
  recordDynamicValues,
  resolveRequestSpec,
  type ResolveEnvironment,
  type VariableLayer,
} from '../../shared/variables';
import { withInheritedLayers } from '../../shared/workspace';
import { type AuthService } from '../services/auth';
import { type CredentialStore } from '../services/credentials';
import { type SensitiveParts } from '../services/http';
import { displayTwin, type DisplayTwin } from './display-request';
import { sensitiveParts } from './sensitive-parts';

interface PreparedRequest {
  /** variables resolved, Basic/Bearer/API key/OAuth 2.0 applied; Digest is left for the sender to answer */
  spec: HttpRequestSpec;
  /** plain values the request now carries that must never be shown or stored */
  secrets: string[];
  /** headers and query parameters carrying a credential or a secret: not sent on to another origin on a redirect */
  sensitive: SensitiveParts;
  warnings: string[];
  /** the same request with a marker where each secret went in: what the user is shown and history keeps */
  display?: DisplayTwin;
}

interface RequestPreparerDeps {
  auth: AuthService;
  /** environment, collection and global variables, highest precedence first (secrets decrypted) */
  layers: () => VariableLayer[];
  resolveEnvironment: ResolveEnvironment;
  /** whether {{$env.NAME}} may resolve this name (the user's allow-list); absent: every name processEnv knows */
  isEnvAllowed?: (name: string) => boolean;
  /** swaps an Auth tab credential kept in the vault for its value, and refuses one that is not there */
  credentials: Pick<CredentialStore, 'resolve'>;
}

function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host;
  } catch {
    return url.trim().slice(0, 200);
  }
}

/**
 * The environment a send resolves with: names not on the allow-list resolve to nothing here and are collected, so
 * the send can be refused naming all of them and the host that would have received them.
 */
function guardedEnvironment(deps: RequestPreparerDeps): { env: ResolveEnvironment; refused: Set<string> } {
  const refused = new Set<string>();
  const { isEnvAllowed } = deps;
  const lookup = deps.resolveEnvironment.processEnv;
  if (!isEnvAllowed || !lookup) return { env: deps.resolveEnvironment, refused };
  const processEnv = (name: string): string | undefined => {
    if (lookup(name) === undefined) return undefined;
    if (isEnvAllowed(name)) return lookup(name);
    refused.add(name);
    return '';
  };
  return { env: { ...deps.resolveEnvironment, processEnv }, refused };
}

/**
 * A credential field that still reads exactly as composed and is nothing but {{references}} was not resolved: it is
 * a name, not a value, and masking it would turn "{{pmToken}} is not defined" into "•••••• is not defined".
 */
function unresolvedOnly(composed: HttpRequestSpec, value: string, unresolved: readonly string[]): boolean {
  if (unresolved.length === 0 || !composed.auth || !credentialTexts(composed.auth).includes(value)) return false;
  const names = findVariableReferences(value).map((reference) => reference.name);
  return names.length > 0 && names.every((name) => unresolved.includes(name)) && isOnlyReferences(value, /^[\s:]*$/);
}

/** Settings written as {{variables}}, now resolved, read as numbers in place of the ones the fields held. */
function applySettingTemplates(composed: HttpRequestSpec, resolved: HttpRequestSpec): HttpRequestSpec {
  const templates = resolved.settingTemplates;
  if (!templates) return resolved;
  const settings = { ...resolved.settings };
  for (const field of NUMERIC_SETTING_FIELDS) {
    const text = templates[field.key];
    if (text === undefined || text.trim() === '') continue;
    const read = readSettingTemplate(field, composed.settingTemplates?.[field.key] ?? text, text);
    if ('error' in read) throw new CourierError('INVALID_INPUT', read.error, field.key);
    settings[field.key] = read.value;
  }
  return { ...resolved, settings, settingTemplates: undefined };
}

/**
 * What every outgoing request goes through in the main process — http.send, a WebSocket handshake, a GraphQL
 * introspection or subscription: {{variables}} resolved (secrets decrypted only here) and auth applied.
 */
export function createRequestPreparer(deps: RequestPreparerDeps) {
  /** `inherited`: a saved request's collection and folder variables, nearest first (they rank with the collection) */
  return async (composed: HttpRequestSpec, inherited: readonly VariableLayer[] = []): Promise<PreparedRequest> => {
    const layers = inherited.length > 0 ? withInheritedLayers(deps.layers(), inherited) : deps.layers();
    // "Inherit from parent" with nothing to inherit from (a request not in a collection) sends none.
    if (composed.auth.kind === 'inherit') composed = { ...composed, auth: { kind: 'none' } };
    refuseUnavailableFiles(composed);
    // Before anything else: a request whose credential is not there is refused here, never sent with a placeholder.
    const stored = deps.credentials.resolve(composed.auth);
    const withCredential = stored.auth === composed.auth ? composed : { ...composed, auth: stored.auth };
    const { env, refused } = guardedEnvironment(deps);
    const dynamic = recordDynamicValues(env);
    const { spec: resolvedText, resolution } = resolveRequestSpec(withCredential, layers, dynamic.first);
    if (refused.size > 0) {
      const refusedNames = [...refused];
      const host = hostOf(resolvedText.url);
      throw new CourierError(
        'ENV_NOT_ALLOWED',
        `This request to ${host} uses the environment variable${refusedNames.length > 1 ? 's' : ''} ${refusedNames.join(', ')}, which you have not allowed. Allow ${refusedNames.length > 1 ? 'them' : 'it'} to send.`,
        envNotAllowedDetail({ names: refusedNames, host }),
      );
    }
    const resolved = applySettingTemplates(withCredential, resolvedText);
    const display = displayTwin(withCredential, layers, dynamic.replay());
    const names = new Set(credentialTexts(resolved.auth).filter((value) => unresolvedOnly(withCredential, value, resolution.unresolved)));
    const secrets = [...resolution.secretValues, ...credentialTexts(resolved.auth), ...(stored.secret === null ? [] : [stored.secret])];
    const warnings: string[] = [];
    if (resolution.unresolved.length > 0) {
      warnings.push(`Not defined, so sent as written: ${resolution.unresolved.map((name) => `{{${name}}}`).join(', ')}.`);
    }
    const simple = applySimpleAuth(resolved);
    secrets.push(...simple.derivedSecrets);
    warnings.push(...simple.warnings);
    let spec = simple.spec;
    if (spec.auth.kind === 'oauth2') {
      const token = await deps.auth.accessToken(spec.auth, spec.settings);
      const prefix = spec.auth.headerPrefix.trim();
      const value = prefix === '' ? token.accessToken : `${prefix} ${token.accessToken}`;
      secrets.push(token.accessToken, value);
      warnings.push(...token.warnings);
      // the same rule as Basic and Bearer: the Auth tab's header wins over one typed on the Headers tab, and says so
      spec = { ...withAuthHeader(spec, 'Authorization', value, warnings), auth: { kind: 'none' } };
    }
    const kept = secrets.filter((value) => value.length > 0 && !names.has(value));
    return { spec, secrets: kept, sensitive: sensitiveParts(spec, resolved.auth, kept), warnings, ...(display ? { display } : {}) };
  };
}

export type RequestPreparer = ReturnType<typeof createRequestPreparer>;

/** For senders that cannot answer a Digest challenge (a WebSocket handshake, a GraphQL subscription). */
/**
 * A picked file whose bytes were dropped (files and the session keep it by name only, e.g. after a reload) is refused
 * naming the part, never uploaded as an empty file that looks successful.
 */
export function refuseUnavailableFiles(spec: HttpRequestSpec): void {
  const body = spec.body;
  if (body.kind === 'binary' && body.file?.unavailable) {
    throw new CourierError('INVALID_INPUT', `The file "${body.file.fileName}" is no longer available (files are kept by name only). Choose the file again.`);
  }
  if (body.kind !== 'multipart') return;
  for (const part of body.parts) {
    if (part.kind === 'file' && part.enabled && part.file?.unavailable) {
      throw new CourierError(
        'INVALID_INPUT',
        `The file of multipart part "${part.name}" (${part.file.fileName}) is no longer available (files are kept by name only). Choose the file again.`,
      );
    }
  }
}

export function refuseDigest(spec: HttpRequestSpec, what: string): void {
  if (spec.auth.kind === 'digest') throw new CourierError('AUTH_FAILED', `Digest authentication is not available for ${what}; use it for HTTP requests.`);
}
