import { z } from 'zod';
import { requestAuthSchema, type RequestAuth } from '../contract/auth';
import {
  DEFAULT_SETTINGS,
  httpRequestSpecSchema,
  type FileRef,
  type HttpRequestSpec,
  type KeyValue,
  type RequestBody,
  type RequestSettings,
} from '../contract/http';
import { containerSettingsSchema, type ContainerSettings } from '../contract/workspace';
import { savedScriptsSchema, type SavedScripts } from '../contract/scripts';
import { redactStoredCredentials } from '../auth';
import { CONTAINER_FORMAT, REQUEST_FORMAT, REQUEST_FORMAT_WITHOUT_TESTS } from './layout';
import { CONTAINER_FILE_FORMAT, REQUEST_FILE_FORMAT, upgradeFile, type FileFormat } from './format-upgrades';
import { testsJson } from './tests-file';

export { withoutFileBytes } from './file-bytes';

/**
 * Request and container files as text. Keys are written in one fixed order, defaults are left out and nothing
 * volatile (ids, timestamps) is written, so saving an unchanged request rewrites the same bytes and a diff shows
 * only what the user changed.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function rows(list: readonly KeyValue[]): Json[] {
  return list.map((row): Json => (row.enabled === false ? { name: row.name, value: row.value, enabled: false } : { name: row.name, value: row.value }));
}

/** A picked file is referenced by name only: its bytes never go into a file meant for git. */
function fileRef(file: FileRef | null): Json {
  return file === null ? null : { fileName: file.fileName, contentType: file.contentType };
}

function body(value: RequestBody): Json {
  switch (value.kind) {
    case 'none':
      return { kind: 'none' };
    case 'json':
      return { kind: 'json', text: value.text };
    case 'text':
      return { kind: 'text', contentType: value.contentType, text: value.text };
    case 'form':
      return { kind: 'form', fields: rows(value.fields) };
    case 'multipart':
      return {
        kind: 'multipart',
        parts: value.parts.map((part): Json => {
          const base: { [key: string]: Json } =
            part.kind === 'text' ? { kind: 'text', name: part.name, value: part.value } : { kind: 'file', name: part.name, file: fileRef(part.file) };
          if (part.enabled === false) base.enabled = false;
          return base;
        }),
      };
    case 'binary':
      return { kind: 'binary', file: fileRef(value.file) };
    case 'graphql':
      return { kind: 'graphql', method: value.method, operationName: value.operationName, query: value.query, variables: value.variables };
  }
}

/** The auth object in its schema's key order (zod keeps the shape's order), defaults included so it reads whole. */
function auth(value: RequestAuth): Json {
  return requestAuthSchema.parse(value) as Json;
}

function settingsDiff(settings: RequestSettings): { [key: string]: Json } | null {
  const diff: { [key: string]: Json } = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof RequestSettings)[]) {
    if (settings[key] !== DEFAULT_SETTINGS[key]) diff[key] = settings[key];
  }
  return Object.keys(diff).length > 0 ? diff : null;
}

const stringify = (value: Json): string => `${JSON.stringify(value, null, 2)}\n`;

export interface StoredText {
  text: string;
  /** what the user should hear, e.g. a typed password was replaced by a placeholder */
  warnings: string[];
}

const CREDENTIAL_WARNING =
  'A credential typed into the Auth tab was not written to the file: files are meant to be shared. ' +
  'Put it in a secret variable and refer to it as {{name}}.';

// redactStoredCredentials copies the auth object even when it keeps every field, so compare by content.
const masked = (before: RequestAuth, after: RequestAuth): boolean => JSON.stringify(before) !== JSON.stringify(after);

export function serializeRequest(name: string, spec: HttpRequestSpec): StoredText {
  const safe = redactStoredCredentials(spec);
  const tests = testsJson(safe.tests);
  const out: { [key: string]: Json } = { format: tests ? REQUEST_FORMAT : REQUEST_FORMAT_WITHOUT_TESTS, name, method: safe.method, url: safe.url };
  if (safe.params.length > 0) out.params = rows(safe.params);
  if (safe.headers.length > 0) out.headers = rows(safe.headers);
  if (safe.body.kind !== 'none') out.body = body(safe.body);
  // "inherit" is the default and is left out; "none" is written, so it reads as No auth
  if (safe.auth.kind !== 'inherit') out.auth = auth(safe.auth);
  if (safe.variables.length > 0) out.variables = rows(safe.variables);
  const settings = settingsDiff(safe.settings);
  if (settings) out.settings = settings;
  const templates = Object.entries(safe.settingTemplates ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  if (templates.length > 0) out.settingTemplates = Object.fromEntries(templates);
  if (tests) out.tests = tests;
  const scripts = storedScripts(safe.scripts);
  if (scripts) out.scripts = scripts;
  return { text: stringify(out), warnings: masked(spec.auth, safe.auth) ? [CREDENTIAL_WARNING] : [] };
}

const storedFileSchema = z
  .object({ fileName: z.string(), contentType: z.string().default('application/octet-stream') })
  .transform((file) => ({ ...file, dataBase64: '', unavailable: true as const }));

// Files are read leniently where it costs nothing (missing lists, missing file bytes) and strictly elsewhere.
const requestFileSchema = z.object({
  format: z.number().int().min(1).optional(),
  name: z.string().optional(),
  method: z.string().min(1).max(64),
  url: z.string(),
  params: z.array(z.unknown()).optional(),
  headers: z.array(z.unknown()).optional(),
  body: z.unknown().optional(),
  auth: z.unknown().optional(),
  variables: z.array(z.unknown()).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  settingTemplates: z.record(z.string(), z.unknown()).optional(),
  tests: z.unknown().optional(),
  scripts: savedScriptsSchema.optional(),
});

/** Only scripts with code in them are written, so a file without scripts stays as it was before they existed. */
function storedScripts(scripts: SavedScripts | undefined): { [key: string]: Json } | null {
  const out: { [key: string]: Json } = {};
  if (scripts?.preRequest?.trim()) out.preRequest = scripts.preRequest;
  if (scripts?.postResponse?.trim()) out.postResponse = scripts.postResponse;
  return Object.keys(out).length > 0 ? out : null;
}

function restoreFiles(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const b = value as { kind?: unknown; file?: unknown; parts?: unknown };
  if (b.kind === 'binary' && b.file) return { ...b, file: storedFileSchema.parse(b.file) };
  if (b.kind === 'multipart' && Array.isArray(b.parts)) {
    return {
      ...b,
      parts: b.parts.map((part: { kind?: unknown; file?: unknown }) =>
        part && part.kind === 'file' && part.file ? { ...part, file: storedFileSchema.parse(part.file) } : part,
      ),
    };
  }
  return value;
}

/**
 * JSON.parse's complaint without the file's words: V8 quotes the text around an unexpected token
 * (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`), and a workspace file may be anything a link or a
 * colleague put there. Only the kind of mistake and its place are kept.
 */
export function describeJsonError(error: SyntaxError): string {
  const message = error.message;
  const at = /at position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(message);
  const where = at ? (at[2] ? ` at line ${at[2]}, column ${at[3]}` : ` at character ${Number(at[1]) + 1}`) : '';
  const words = /["']|Unexpected token/.test(message) ? 'unexpected character' : message.replace(/ (in JSON )?at position.*$/, '');
  return `Not valid JSON: ${words}${where}`;
}

/** Why a request file (HTTP or WebSocket) could not be read, never in the file's own words. */
export function describeFileError(error: unknown): string {
  if (error instanceof SyntaxError) return describeJsonError(error);
  if (error instanceof z.ZodError) {
    const first = error.issues[0];
    return `Not a Courier file: ${first ? `${first.path.join('.') || 'file'}: ${first.message}` : 'unexpected content'}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A file's JSON in today's shape: the upgrade steps from its version on (format-upgrades/). A file from a newer
 * Courier throws, naming `file` (its workspace path) and both versions. Anything not an object is left for the
 * schema to refuse.
 */
export function readVersioned(text: string, format: FileFormat, file?: string): unknown {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return upgradeFile(format, value as { [key: string]: unknown }, file);
}

/** An HTTP request file already upgraded to the current format; throws what describeFileError explains. */
export function requestFromFile(value: unknown): { name: string | undefined; request: HttpRequestSpec } {
  const file = requestFileSchema.parse(value);
  const request = httpRequestSpecSchema.parse({
    method: file.method,
    url: file.url,
    params: file.params ?? [],
    headers: file.headers ?? [],
    body: restoreFiles(file.body ?? { kind: 'none' }),
    // since format 2, leaving auth out is how a file says "inherit"
    auth: file.auth ?? { kind: 'inherit' },
    variables: file.variables ?? [],
    settings: { ...DEFAULT_SETTINGS, ...file.settings },
    ...(file.settingTemplates ? { settingTemplates: file.settingTemplates } : {}),
    ...(file.tests === undefined ? {} : { tests: file.tests }),
    ...(file.scripts ? { scripts: file.scripts } : {}),
  });
  return { name: file.name, request };
}

/** `file` is the workspace path, for the messages that name it (a file from a newer Courier). */
export function parseRequest(text: string, file?: string): Parsed<{ name: string | undefined; request: HttpRequestSpec }> {
  try {
    return { ok: true, value: requestFromFile(readVersioned(text, REQUEST_FILE_FORMAT, file)) };
  } catch (error) {
    return { ok: false, error: describeFileError(error) };
  }
}

export interface ContainerFile {
  settings: ContainerSettings;
  /** child entries (file or folder names) in display order */
  order: string[];
}

const containerFileSchema = z.object({
  format: z.number().int().min(1).optional(),
  name: z.string().optional(),
  order: z.array(z.string()).default([]),
  variables: z.array(z.unknown()).optional(),
  headers: z.array(z.unknown()).optional(),
  auth: z.unknown().optional(),
  scripts: savedScriptsSchema.optional(),
});

export function serializeContainer(file: ContainerFile): StoredText {
  const safe = redactStoredCredentials({ ...httpRequestSpecSchema.parse({ method: 'GET', url: '' }), auth: file.settings.auth });
  const out: { [key: string]: Json } = { format: CONTAINER_FORMAT, name: file.settings.name, order: file.order };
  if (file.settings.variables.length > 0) out.variables = rows(file.settings.variables);
  if (file.settings.headers.length > 0) out.headers = rows(file.settings.headers);
  if (safe.auth.kind !== 'none') out.auth = auth(safe.auth);
  const scripts = storedScripts(file.settings.scripts);
  if (scripts) out.scripts = scripts;
  return { text: stringify(out), warnings: masked(file.settings.auth, safe.auth) ? [CREDENTIAL_WARNING] : [] };
}

/** `file` is the workspace path, for the messages that name it (a file from a newer Courier). */
export function parseContainer(text: string, fallbackName: string, fileName?: string): Parsed<ContainerFile> {
  try {
    const file = containerFileSchema.parse(readVersioned(text, CONTAINER_FILE_FORMAT, fileName));
    const settings = containerSettingsSchema.parse({
      name: file.name && file.name.trim() !== '' ? file.name : fallbackName,
      variables: file.variables ?? [],
      headers: file.headers ?? [],
      auth: file.auth ?? { kind: 'none' },
      ...(file.scripts ? { scripts: file.scripts } : {}),
    });
    return { ok: true, value: { settings, order: file.order } };
  } catch (error) {
    return { ok: false, error: describeFileError(error) };
  }
}
