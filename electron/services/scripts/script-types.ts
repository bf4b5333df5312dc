import { z } from 'zod';
import { DEFAULT_MEMORY_BYTES } from './start-sandbox-worker';

export type ScriptKind = 'pre-request' | 'post-response';

/** A header as scripts see it (Postman's { key, value }). */
export interface ScriptHeader {
  key: string;
  value: string;
}

/** Variables by Postman's scope names; values as text, as Courier stores them. */
export interface ScriptVariables {
  environment: Record<string, string>;
  collection: Record<string, string>;
  globals: Record<string, string>;
  /** pm.variables.set(): lives from the pre-request script to the post-response script of one send */
  local: Record<string, string>;
  /** pm.iterationData: the data file's row for this iteration (read-only) */
  data: Record<string, string>;
}

export interface ScriptRequest {
  url: string;
  method: string;
  headers: ScriptHeader[];
  /** mode as Postman names it; `editable` only for a raw (JSON or text) body, the one kind a script can rewrite */
  body: { mode: string; raw: string; editable: boolean } | null;
}

export interface ScriptResponse {
  code: number;
  status: string;
  headers: ScriptHeader[];
  body: string;
  responseTime: number;
  size: number;
  headerSize: number;
}

/** One script run: everything the sandbox may know, as plain data (it is marshalled as JSON). */
export interface ScriptRun {
  kind: ScriptKind;
  source: string;
  /** names the script in errors and results: `"Login"`, `folder "Users"`, `collection "API"` */
  owner: string;
  request: ScriptRequest;
  response?: ScriptResponse;
  variables: ScriptVariables;
  info: { requestName: string; requestId: string; iteration: number; iterationCount: number };
}

export const SCRIPT_SCOPES = ['environment', 'collection', 'globals', 'local'] as const;
export type ScriptScope = (typeof SCRIPT_SCOPES)[number];

const text = (max: number) => z.string().max(max);

/**
 * What the sandbox answers, checked like any untrusted input: the harness builds it, but a script runs in the same
 * context and whatever crosses back is read as data and nothing more.
 */
export const sandboxOutputSchema = z.object({
  tests: z.array(z.object({ name: z.string(), outcome: z.enum(['passed', 'failed', 'skipped']), message: z.string().optional() })).max(10_000),
  console: z.array(z.object({ level: z.enum(['log', 'info', 'warn', 'error', 'debug']), text: z.string() })).max(10_001),
  writes: z.array(z.object({ scope: z.enum(SCRIPT_SCOPES), op: z.enum(['set', 'unset']), key: text(8192), value: text(1_000_000).optional() })).max(100_000),
  error: z.object({ name: z.string(), message: z.string(), stack: z.string() }).nullable(),
  request: z
    .object({
      url: text(64 * 1024),
      method: text(64),
      headers: z.array(z.object({ key: text(8192), value: text(1_000_000) })).max(10_000),
      body: z.object({ mode: z.string(), raw: z.string(), editable: z.boolean() }).nullable(),
    })
    .optional(),
  nextRequest: z.string().nullable().optional(),
});

export interface SandboxLimits {
  /** CPU time for the whole run, timers and promises included */
  cpuMs: number;
  memoryBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { cpuMs: 1000, memoryBytes: DEFAULT_MEMORY_BYTES };

/** console output kept per run: a script printing in a loop fills neither memory nor the window */
export const CONSOLE_LIMITS = { consoleEntries: 1000, consoleChars: 256 * 1024, consoleEntryChars: 10_000 };

/** pm.sendRequest's request as the harness queues it (send-request-source.ts): plain data, {{variables}} it knows replaced */
export const scriptSendRequestSchema = z.object({
  url: text(64 * 1024),
  method: text(64),
  headers: z.array(z.object({ key: text(8192), value: text(1_000_000) })).max(1000),
  body: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('raw'), raw: z.string(), language: z.string().max(64).optional() }),
      z.object({ mode: z.enum(['urlencoded', 'formdata']), fields: z.array(z.object({ key: text(8192), value: z.string() })).max(10_000) }),
    ])
    .nullable(),
});
export type ScriptSendRequest = z.infer<typeof scriptSendRequestSchema>;
export const queuedSendsSchema = z.array(z.object({ id: z.number().int(), request: z.unknown() })).max(1000);

/** what a pm.sendRequest gets back: a response (its body apart), or an error message for the user */
export type ScriptSendResult = { ok: true; response: ScriptResponse } | { ok: false; message: string };

/**
 * Sends one pm.sendRequest for a run (the caller knows the engine, the variables and what a script may reach). A
 * refusal or failure is a result with its message, never a throw. `signal` aborts when the run is cancelled.
 */
export type ScriptSendHandler = (request: ScriptSendRequest, signal: AbortSignal) => Promise<ScriptSendResult>;
