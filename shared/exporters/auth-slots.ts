import type { ExportableRequest, ExportInput } from '../contract';
import { base64Utf8 } from '../variables';
import { slot, slotNames } from './env-slot';

/** The names an export gives an Auth tab credential it must not write, and what the user puts in each. */
export const AUTH_SLOT_HINTS = {
  PASSWORD: 'the Basic or Digest password (the Auth tab, or the collection or folder the request inherits it from)',
  TOKEN: 'the Bearer token (the Auth tab, or the collection or folder the request inherits it from)',
  API_KEY: 'the API key (the Auth tab, or the collection or folder the request inherits it from)',
  ACCESS_TOKEN: 'an OAuth 2.0 access token (Courier keeps its own in the vault)',
  CLIENT_SECRET: 'the OAuth 2.0 client secret (the Auth tab, or the collection or folder the request inherits it from)',
  AUTHORIZATION_CREDENTIALS: 'what follows the scheme in the Authorization header you typed',
  AUTHORIZATION: 'the whole Authorization header value you typed',
  BASIC_CREDENTIALS: "base64 of user:password, e.g. printf '%s' 'user:password' | base64",
  DIGEST_CREDENTIALS: "the Digest parameters (username=…, realm=…, nonce=…, response=…); they depend on the server's challenge",
} as const;
export type AuthSlot = keyof typeof AUTH_SLOT_HINTS;

/**
 * The one rule for Basic and Digest in every export. A target with a way of its own to send them reads the Auth tab's
 * halves (curl's -u and --digest, reqwest's basic_auth: USERNAME-like variables and PASSWORD). A target that can only
 * write headers (HAR, every httpsnippet language) gets the Authorization header: written out when both halves are
 * known here, otherwise read whole from BASIC_CREDENTIALS (DIGEST_CREDENTIALS). Whatever a target reads, the export
 * dialog lists: it asks `exportInputs` with the request the target really wrote.
 */
function withAuthAsHeader(request: ExportableRequest): ExportableRequest {
  const auth = request.auth;
  if (!auth) return request;
  const known = slotNames(auth.username + auth.password).length === 0;
  const value =
    auth.kind === 'basic'
      ? `Basic ${known ? base64Utf8(`${auth.username}:${auth.password}`) : slot('BASIC_CREDENTIALS')}`
      : `Digest ${slot('DIGEST_CREDENTIALS')}`;
  const name = auth.kind === 'basic' ? 'BASIC_CREDENTIALS' : 'DIGEST_CREDENTIALS';
  return {
    ...request,
    auth: null,
    headers: [...request.headers, { name: 'Authorization', value }],
    envHints: { ...request.envHints, [name]: AUTH_SLOT_HINTS[name] },
  };
}

/** reqwest has Basic built in but not Digest: a Digest request is written without it (and says so in a comment). */
function withoutDigest(request: ExportableRequest): ExportableRequest {
  return request.auth?.kind === 'digest' ? { ...request, auth: null } : request;
}

/** Every environment variable the request, as a target writes it, reads, each with what to put in it. */
export function exportInputs(request: ExportableRequest): ExportInput[] {
  const names = [...new Set(slotNames(JSON.stringify({ ...request, envNames: [], envHints: {} })))];
  return names.map((name) => ({ name, hint: request.envHints[name] || (AUTH_SLOT_HINTS as Record<string, string>)[name] || `the value of {{${name}}}` }));
}

/** The request as a target writes it ('curl-bash', 'curl-cmd', 'har' or a snippet target id such as 'python:requests'). */
export function asWrittenBy(target: string, request: ExportableRequest): ExportableRequest {
  if (target === 'curl-bash' || target === 'curl-cmd') return request;
  if (target === 'rust:reqwest') return withoutDigest(request);
  return withAuthAsHeader(request);
}
