import { graphqlGetParams, graphqlPostBody } from '../graphql/encode';
import { type ExportableRequest, type HttpRequestSpec, type RequestAuth } from '../contract';
import { parseCredentialRef, redactStoredCredentials } from '../auth';
import { encodeFormComponent } from '../importers/curl';
import { findVariableReferences, isOnlyReferences, SECRET_MASK, type VariableLayer } from '../variables';
import { AUTH_SLOT_HINTS, type AuthSlot } from './auth-slots';
import { envNameOf, slot, slotNames } from './env-slot';

const MAX_DEPTH = 8;

interface ExportContext {
  /** highest precedence first (request, environment, collection, global), as layersFromState gives them */
  layers: readonly VariableLayer[];
}

type Known = Map<string, { value: string | null; secret: boolean }>;
/** slot name → what to put in it */
type Hints = Map<string, string>;

function note(hints: Hints, name: string, hint: string): string {
  const envName = envNameOf(name);
  if (!hints.has(envName)) hints.set(envName, hint);
  return slot(envName);
}

function knownVariables(context: ExportContext): Known {
  const known: Known = new Map();
  for (const layer of context.layers) {
    for (const variable of layer.variables) if (!known.has(variable.name)) known.set(variable.name, { value: variable.value, secret: variable.secret });
  }
  return known;
}

/**
 * Every {{reference}} replaced: a plain variable by its value (references inside it too), anything else — a secret,
 * an unknown name, {{$env.NAME}} — by an environment-variable slot. Dynamic values ({{$uuid}}) have no environment
 * counterpart and stay as written.
 */
function substitute(text: string, known: Known, hints: Hints, depth = 0): string {
  const references = findVariableReferences(text);
  if (references.length === 0) return text;
  let out = '';
  let from = 0;
  for (const reference of references) {
    out += text.slice(from, reference.start);
    from = reference.end;
    const name = reference.name;
    const variable = known.get(name);
    if (name.startsWith('$env.')) out += note(hints, name.slice(5), `the process environment variable ${name.slice(5)} ({{${name}}})`);
    else if (name.startsWith('$')) out += text.slice(reference.start, reference.end);
    else if (variable && !variable.secret && variable.value !== null && depth < MAX_DEPTH) out += substitute(variable.value, known, hints, depth + 1);
    else
      out += note(
        hints,
        name,
        variable?.secret ? `the value of the secret variable {{${name}}}` : `the value of {{${name}}} (not defined in the active environment)`,
      );
  }
  return out + text.slice(from);
}

/** A credential typed into the Auth tab is never exported: it becomes a slot named for what it is. */
function credential(value: string, placeholderName: AuthSlot, hints: Hints): string {
  // a credential kept in the vault ({{$credential.<id>}}) is named, like a masked one: its value is never exported
  return value === SECRET_MASK || parseCredentialRef(value) !== null ? note(hints, placeholderName, AUTH_SLOT_HINTS[placeholderName]) : value;
}

// Authorization typed as a header holds a credential just as the Auth tab does; its scheme is kept, a literal rest is not.
export function maskAuthorizationHeader(value: string, hints: Hints = new Map()): string {
  const match = /^(\S+)\s+(.*)$/s.exec(value.trim());
  const rest = match ? match[2]! : value;
  if (rest.trim() === '' || isOnlyReferences(rest, /^\s*$/)) return value;
  return match
    ? `${match[1]} ${note(hints, 'AUTHORIZATION_CREDENTIALS', AUTH_SLOT_HINTS.AUTHORIZATION_CREDENTIALS)}`
    : note(hints, 'AUTHORIZATION', AUTH_SLOT_HINTS.AUTHORIZATION);
}

function authParts(
  auth: RequestAuth,
  known: Known,
  hints: Hints,
): { headers: { name: string; value: string }[]; query: { name: string; value: string }[]; basic: ExportableRequest['auth'] } {
  const s = (text: string) => substitute(text, known, hints);
  switch (auth.kind) {
    case 'basic':
    case 'digest':
      return { headers: [], query: [], basic: { kind: auth.kind, username: s(auth.username), password: s(credential(auth.password, 'PASSWORD', hints)) } };
    case 'bearer':
      return { headers: [{ name: 'Authorization', value: `${auth.prefix} ${s(credential(auth.token, 'TOKEN', hints))}`.trim() }], query: [], basic: null };
    case 'apikey': {
      const pair = { name: s(auth.name), value: s(credential(auth.value, 'API_KEY', hints)) };
      return auth.in === 'query' ? { headers: [], query: [pair], basic: null } : { headers: [pair], query: [], basic: null };
    }
    case 'oauth2':
      // the token lives in the vault; an export names it rather than carrying it
      return {
        headers: [{ name: 'Authorization', value: `${auth.headerPrefix} ${note(hints, 'ACCESS_TOKEN', AUTH_SLOT_HINTS.ACCESS_TOKEN)}`.trim() }],
        query: [],
        basic: null,
      };
    default:
      return { headers: [], query: [], basic: null };
  }
}

function appendQuery(url: string, pairs: readonly { name: string; value: string }[]): string {
  if (pairs.length === 0) return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const encodeKeepingSlots = (text: string) =>
    text
      .split(/(\uE000[A-Za-z0-9_]*\uE001)/)
      .map((part, i) => (i % 2 === 1 ? part : encodeFormComponent(part)))
      .join('');
  const query = pairs.map((pair) => `${encodeKeepingSlots(pair.name)}=${encodeKeepingSlots(pair.value)}`).join('&');
  return `${base}${base.includes('?') ? '&' : '?'}${query}${fragment}`;
}

/** The request as every exporter sees it: no secret values, variables dealt with, auth turned into headers. */
export function prepareExport(spec: HttpRequestSpec, context: ExportContext): ExportableRequest {
  const redacted = redactStoredCredentials(spec);
  const known = knownVariables({
    layers: [
      {
        scope: 'request',
        label: 'Request',
        variables: redacted.variables.filter((v) => v.enabled).map((v) => ({ name: v.name, value: v.value, secret: false })),
      },
      ...context.layers,
    ],
  });
  const hints: Hints = new Map();
  const s = (text: string) => substitute(text, known, hints);
  const auth = authParts(redacted.auth, known, hints);
  const headers = redacted.headers
    .filter((header) => header.enabled)
    .map((header) => {
      const value = /^(proxy-)?authorization$/i.test(header.name.trim()) ? maskAuthorizationHeader(header.value, hints) : header.value;
      return { name: s(header.name), value: s(value) };
    });
  const body = redacted.body;
  // A GraphQL GET carries its query in the URL; everything else about it is an ordinary JSON POST.
  const graphqlQuery = body.kind === 'graphql' && body.method === 'GET' ? graphqlGetParams(body).map(([name, value]) => ({ name, value: s(value) })) : [];
  const url = appendQuery(s(redacted.url), [
    ...redacted.params.filter((p) => p.enabled).map((p) => ({ name: s(p.name), value: s(p.value) })),
    ...graphqlQuery,
    ...auth.query,
  ]);
  let exportBody: ExportableRequest['body'];
  switch (body.kind) {
    case 'none':
      exportBody = { kind: 'none' };
      break;
    case 'json':
      exportBody = { kind: 'text', text: s(body.text), contentType: 'application/json' };
      break;
    case 'text':
      exportBody = { kind: 'text', text: s(body.text), contentType: body.contentType };
      break;
    case 'form':
      exportBody = { kind: 'form', fields: body.fields.filter((f) => f.enabled).map((f) => ({ name: s(f.name), value: s(f.value) })) };
      break;
    case 'multipart':
      exportBody = {
        kind: 'multipart',
        parts: body.parts
          .filter((part) => part.enabled)
          .map((part) =>
            part.kind === 'text'
              ? { name: s(part.name), value: s(part.value), fileName: null, contentType: null }
              : { name: s(part.name), value: '', fileName: part.file?.fileName ?? 'file', contentType: part.file?.contentType ?? null },
          ),
      };
      break;
    case 'binary':
      exportBody = { kind: 'binary', fileName: body.file?.fileName ?? null, contentType: body.file?.contentType ?? 'application/octet-stream' };
      break;
    case 'graphql':
      exportBody = body.method === 'GET' ? { kind: 'none' } : { kind: 'text', text: s(graphqlPostBody(body)), contentType: 'application/json' };
      break;
  }
  const prepared: ExportableRequest = {
    method: redacted.method,
    url,
    headers: [...headers, ...auth.headers],
    body: exportBody,
    auth: auth.basic,
    insecure: !redacted.settings.verifyTls,
    envNames: [],
    envHints: {},
  };
  prepared.envNames = [...new Set(slotNames(JSON.stringify(prepared)))];
  prepared.envHints = Object.fromEntries(prepared.envNames.map((name) => [name, hints.get(name) ?? '']));
  return prepared;
}
