import type { KeyValue, MultipartPart, RequestAuthInput, RequestBody } from '../../contract';
import type { Warnings } from '../common/warnings';
import { pairsOf, textOf, valueOf, type BruBlock } from './parse-bru';

/** Bruno's {{process.env.NAME}} (its .env file) is Courier's {{$env.NAME}}; every other reference is the same. */
export function brunoTemplate(text: string): string {
  return text.replace(/\{\{\s*process\.env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, '{{$env.$1}}');
}

export function keyValues(blocks: readonly BruBlock[], name: string): KeyValue[] {
  return pairsOf(blocks, name).map((pair) => ({ name: brunoTemplate(pair.key), value: brunoTemplate(pair.value), enabled: pair.enabled }));
}

/** vars:pre-request; a leading "@" marks a "local" variable in Bruno, which is only a display difference here. */
export function preRequestVars(blocks: readonly BruBlock[]): KeyValue[] {
  return keyValues(blocks, 'vars:pre-request').map((variable) => ({ ...variable, name: variable.name.replace(/^@/, '') }));
}

/**
 * The auth a .bru file (request, folder.bru or collection.bru) sets. null: the file says "inherit" (or, for a folder,
 * says nothing), so the parent's auth applies.
 */
export function brunoAuth(blocks: readonly BruBlock[], mode: string | undefined, path: string[], warnings: Warnings): RequestAuthInput | null {
  const v = (block: string, key: string) => brunoTemplate(valueOf(blocks, block, key) ?? '');
  switch (mode) {
    case undefined:
    case 'inherit':
      return null;
    case 'none':
      return { kind: 'none' };
    case 'basic':
      return { kind: 'basic', username: v('auth:basic', 'username'), password: v('auth:basic', 'password') };
    case 'digest':
      return { kind: 'digest', username: v('auth:digest', 'username'), password: v('auth:digest', 'password') };
    case 'bearer':
      return { kind: 'bearer', token: v('auth:bearer', 'token') };
    case 'apikey':
      return {
        kind: 'apikey',
        name: v('auth:apikey', 'key'),
        value: v('auth:apikey', 'value'),
        in: v('auth:apikey', 'placement') === 'queryparams' ? 'query' : 'header',
      };
    case 'oauth2': {
      const grant = v('auth:oauth2', 'grant_type');
      if (grant !== 'client_credentials' && grant !== 'authorization_code') {
        warnings.add(
          path,
          `The OAuth 2.0 grant "${grant || '(none)'}" is not supported (Courier has client credentials and authorization code); the request has no auth.`,
        );
        return { kind: 'none' };
      }
      if (v('auth:oauth2', 'token_placement') === 'url')
        warnings.add(path, 'The OAuth 2.0 token goes in the Authorization header, not in the URL as in Bruno.');
      return {
        kind: 'oauth2',
        grant,
        tokenUrl: v('auth:oauth2', 'access_token_url'),
        authorizationUrl: v('auth:oauth2', 'authorization_url'),
        clientId: v('auth:oauth2', 'client_id'),
        clientSecret: v('auth:oauth2', 'client_secret'),
        scope: v('auth:oauth2', 'scope'),
        clientAuth: v('auth:oauth2', 'credentials_placement') === 'basic_auth_header' ? 'basic' : 'body',
        headerPrefix: v('auth:oauth2', 'token_header_prefix') || 'Bearer',
        autoRefresh: v('auth:oauth2', 'auto_refresh_token') !== 'false',
      };
    }
    default:
      warnings.add(path, `The auth type "${mode}" is not supported; the request has no auth.`);
      return { kind: 'none' };
  }
}

function multipart(blocks: readonly BruBlock[], path: string[], warnings: Warnings): MultipartPart[] {
  return pairsOf(blocks, 'body:multipart-form').map((pair): MultipartPart => {
    // "@contentType(…)" after a value sets the part's type; Courier sets it from the file instead
    const value = pair.value.replace(/\s*@contentType\([^)]*\)\s*$/, '');
    const file = /^@file\((.*)\)$/.exec(value);
    if (file) {
      warnings.add(path, `The file for form part "${pair.key}" (${file[1]!.split('|').join(', ')}) is not carried over; choose it again.`);
      return { kind: 'file', name: pair.key, file: null, enabled: pair.enabled };
    }
    return { kind: 'text', name: brunoTemplate(pair.key), value: brunoTemplate(value), enabled: pair.enabled };
  });
}

/** The body the http block's "body:" mode names; the other body blocks a file may keep are Bruno's drafts. */
export function brunoBody(blocks: readonly BruBlock[], mode: string | undefined, isGraphql: boolean, path: string[], warnings: Warnings): RequestBody {
  const text = (name: string) => brunoTemplate(textOf(blocks, name) ?? '');
  switch (mode ?? (isGraphql ? 'graphql' : 'none')) {
    case 'none':
      return { kind: 'none' };
    case 'json':
      return { kind: 'json', text: textOf(blocks, 'body:json') !== null ? text('body:json') : text('body') };
    case 'text':
      return { kind: 'text', text: text('body:text'), contentType: 'text/plain' };
    case 'xml':
      return { kind: 'text', text: text('body:xml'), contentType: 'application/xml' };
    case 'sparql':
      return { kind: 'text', text: text('body:sparql'), contentType: 'application/sparql-query' };
    case 'formUrlEncoded':
      return { kind: 'form', fields: keyValues(blocks, 'body:form-urlencoded') };
    case 'multipartForm':
      return { kind: 'multipart', parts: multipart(blocks, path, warnings) };
    case 'graphql':
      return { kind: 'graphql', query: text('body:graphql'), variables: text('body:graphql:vars'), operationName: '', method: 'POST' };
    case 'file':
      warnings.add(path, 'The body file is not carried over; choose it again in the Body tab.');
      return { kind: 'binary', file: null };
    default:
      warnings.add(path, `The body type "${mode}" is not supported; the request has no body.`);
      return { kind: 'none' };
  }
}

/**
 * What a .bru file holds that Courier does not carry, said per item. Scripts and `tests` blocks are carried everywhere
 * (bruno-tests.ts); assertions and post-response variables only on requests, as Courier's Tests tab is per request.
 */
export function reportNotCarried(blocks: readonly BruBlock[], path: string[], warnings: Warnings, level: 'request' | 'folder'): void {
  const has = (name: string) =>
    blocks.some(
      (block) =>
        block.name === name && (block.kind === 'text' ? block.text.trim() !== '' : block.kind === 'dict' ? block.pairs.length > 0 : block.values.length > 0),
    );
  if (level === 'request') return reportExamples(blocks, path, warnings);
  if (has('assert')) warnings.add(path, `${pairsOf(blocks, 'assert').length} assertion(s) not carried over (Courier's assertions belong to requests).`);
  if (has('vars:post-response'))
    warnings.add(
      path,
      `Post-response variables (${pairsOf(blocks, 'vars:post-response')
        .map((pair) => pair.key)
        .join(', ')}) not carried over (Courier's captures belong to requests).`,
    );
  reportExamples(blocks, path, warnings);
}

function reportExamples(blocks: readonly BruBlock[], path: string[], warnings: Warnings): void {
  if (blocks.some((block) => block.name.startsWith('example'))) warnings.add(path, 'Saved examples not carried over (Courier keeps responses in history).');
}
