import { z } from 'zod';
import { redactStoredCredentials } from '../auth';
import { requestAuthSchema, type RequestAuth } from '../contract/auth';
import { httpRequestSpecSchema, type KeyValue } from '../contract/http';
import { WS_DEFAULT_SETTINGS, wsRequestSpecSchema, type WsRequestSpec, type WsSettings } from '../contract/websocket';
import { wsSavedMessageSchema, type WsSavedMessage } from '../contract/workspace-websocket';
import { describeFileError, readVersioned, requestFromFile, type Parsed, type StoredText } from './request-file';
import { REQUEST_FILE_FORMAT } from './format-upgrades';
import { REQUEST_FORMAT_WITHOUT_TESTS } from './layout';
import type { HttpRequestSpec } from '../contract/http';

/**
 * WebSocket request files: the same `.request.json` files as HTTP requests, told apart by `"kind": "websocket"`
 * (HTTP files have no kind, so every file written before this reads as before). The same rules: keys in one fixed
 * order, defaults left out, nothing volatile, credentials typed into the Auth tab replaced by a placeholder.
 */
const WEBSOCKET_KIND = 'websocket';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface WebSocketFile {
  request: WsRequestSpec;
  messages: WsSavedMessage[];
}

const rows = (list: readonly KeyValue[]): Json[] =>
  list.map((row): Json => (row.enabled === false ? { name: row.name, value: row.value, enabled: false } : { name: row.name, value: row.value }));

function settingsDiff(settings: WsSettings): { [key: string]: Json } | null {
  const diff: { [key: string]: Json } = {};
  for (const key of Object.keys(WS_DEFAULT_SETTINGS) as (keyof WsSettings)[]) {
    if (settings[key] !== WS_DEFAULT_SETTINGS[key]) diff[key] = settings[key];
  }
  return Object.keys(diff).length > 0 ? diff : null;
}

const CREDENTIAL_WARNING =
  'A credential typed into the Auth tab was not written to the file: files are meant to be shared. ' +
  'Put it in a secret variable and refer to it as {{name}}.';

/** The very masking HTTP request files get, applied to the handshake's auth. */
function maskAuth(value: RequestAuth): RequestAuth {
  const carrier: HttpRequestSpec = { ...httpRequestSpecSchema.parse({ method: 'GET', url: '' }), auth: value };
  return redactStoredCredentials(carrier).auth;
}

export function serializeWebSocketRequest(name: string, file: WebSocketFile): StoredText {
  const request = wsRequestSpecSchema.parse(file.request);
  const auth = maskAuth(request.auth);
  // WebSocket files hold no tests, so they stay at the format older versions read (see layout.ts)
  const out: { [key: string]: Json } = { kind: WEBSOCKET_KIND, format: REQUEST_FORMAT_WITHOUT_TESTS, name, url: request.url };
  if (request.params.length > 0) out.params = rows(request.params);
  if (request.headers.length > 0) out.headers = rows(request.headers);
  if (request.subprotocols.length > 0) out.subprotocols = [...request.subprotocols];
  if (auth.kind !== 'none') out.auth = requestAuthSchema.parse(auth) as Json;
  if (request.variables.length > 0) out.variables = rows(request.variables);
  const settings = settingsDiff(request.settings);
  if (settings) out.settings = settings;
  if (file.messages.length > 0) out.messages = file.messages.map((message): Json => ({ name: message.name, kind: message.kind, body: message.body }));
  const masked = JSON.stringify(auth) !== JSON.stringify(request.auth);
  return { text: `${JSON.stringify(out, null, 2)}\n`, warnings: masked ? [CREDENTIAL_WARNING] : [] };
}

const websocketFileSchema = z.object({
  kind: z.literal(WEBSOCKET_KIND),
  format: z.number().int().min(1).optional(),
  name: z.string().optional(),
  url: z.string(),
  params: z.array(z.unknown()).optional(),
  headers: z.array(z.unknown()).optional(),
  subprotocols: z.array(z.unknown()).optional(),
  auth: z.unknown().optional(),
  variables: z.array(z.unknown()).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  messages: z.array(wsSavedMessageSchema).optional(),
});

/** A WebSocket request file already upgraded to the current format; throws what describeFileError explains. */
function websocketFromFile(value: unknown): { name: string | undefined } & WebSocketFile {
  const file = websocketFileSchema.parse(value);
  const request = wsRequestSpecSchema.parse({
    url: file.url,
    params: file.params ?? [],
    headers: file.headers ?? [],
    subprotocols: file.subprotocols ?? [],
    auth: file.auth ?? { kind: 'none' },
    variables: file.variables ?? [],
    settings: { ...WS_DEFAULT_SETTINGS, ...file.settings },
  });
  return { name: file.name, request, messages: file.messages ?? [] };
}

/** `file` is the workspace path, for the messages that name it (a file from a newer Courier). */
export function parseWebSocketRequest(text: string, file?: string): Parsed<{ name: string | undefined } & WebSocketFile> {
  try {
    return { ok: true, value: websocketFromFile(readVersioned(text, REQUEST_FILE_FORMAT, file)) };
  } catch (error) {
    return { ok: false, error: describeFileError(error) };
  }
}

type ParsedRequestFile =
  { kind: 'http'; name: string | undefined; request: HttpRequestSpec } | ({ kind: 'websocket'; name: string | undefined } & WebSocketFile);

/**
 * Any request file: a `"kind": "websocket"` file, or an HTTP request (no kind, as every earlier file). The version is
 * checked before the kind, so a kind a newer Courier added is refused as "newer", not as unknown. `file` is the
 * workspace path, for the messages that name it.
 */
export function parseRequestFile(text: string, file?: string): Parsed<ParsedRequestFile> {
  try {
    const value = readVersioned(text, REQUEST_FILE_FORMAT, file);
    const kind = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { kind?: unknown }).kind : undefined;
    if (kind === WEBSOCKET_KIND) return { ok: true, value: { kind: 'websocket', ...websocketFromFile(value) } };
    if (kind !== undefined) return { ok: false, error: `Not a Courier file: kind: unknown request kind ${JSON.stringify(kind)}` };
    return { ok: true, value: { kind: 'http', ...requestFromFile(value) } };
  } catch (error) {
    return { ok: false, error: describeFileError(error) };
  }
}
