import { z } from 'zod';
import { DEFAULT_SETTINGS } from './values';
import { requestAuthSchema } from './auth';
import { graphqlBodySchema } from './graphql-body';
import { savedScriptsSchema, scriptConsoleLineSchema } from './scripts';
import { exchangeTestsSchema, requestTestsSchema } from './testing';

export { HTTP_TOKEN, DEFAULT_SETTINGS, BODY_READ_MAX_BYTES } from './values';

/**
 * Why a send is cancelled: the user (Cancel, Esc, Stop stream), or the window it belonged to went away (web mode: its
 * page closed or lost Courier). An event stream ended either way keeps what arrived, and says which.
 */
export const cancelReasonSchema = z.enum(['user', 'window-closed']);
export type CancelReason = z.infer<typeof cancelReasonSchema>;

export const keyValueSchema = z.object({
  name: z.string().max(8192),
  value: z.string().max(1_000_000),
  enabled: z.boolean().default(true),
});
export type KeyValue = z.infer<typeof keyValueSchema>;

/** File content picked in the renderer (file input), carried inline. */
export const fileRefSchema = z.object({
  fileName: z.string().max(1024),
  contentType: z.string().max(256).default('application/octet-stream'),
  /** base64 of the file's bytes */
  dataBase64: z.string().max(200 * 1024 * 1024),
  /** the bytes were dropped (files and the session keep a picked file by name only): it must be chosen again */
  unavailable: z.literal(true).optional(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const multipartPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: z.string(), value: z.string(), enabled: z.boolean().default(true) }),
  z.object({ kind: z.literal('file'), name: z.string(), file: fileRefSchema.nullable(), enabled: z.boolean().default(true) }),
]);
export type MultipartPart = z.infer<typeof multipartPartSchema>;

export const requestBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('json'), text: z.string() }),
  /** raw text, XML, anything typed by hand; contentType is what goes in Content-Type unless a header overrides it */
  z.object({ kind: z.literal('text'), text: z.string(), contentType: z.string().default('text/plain') }),
  z.object({ kind: z.literal('form'), fields: z.array(keyValueSchema) }),
  z.object({ kind: z.literal('multipart'), parts: z.array(multipartPartSchema) }),
  z.object({ kind: z.literal('binary'), file: fileRefSchema.nullable() }),
  graphqlBodySchema,
]);
export type RequestBody = z.infer<typeof requestBodySchema>;

export const requestSettingsSchema = z.object({
  connectTimeoutMs: z.number().int().min(0).max(600_000).default(DEFAULT_SETTINGS.connectTimeoutMs),
  deadlineMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000)
    .default(DEFAULT_SETTINGS.deadlineMs),
  idleTimeoutMs: z.number().int().min(0).max(3_600_000).default(DEFAULT_SETTINGS.idleTimeoutMs),
  followRedirects: z.boolean().default(DEFAULT_SETTINGS.followRedirects),
  maxRedirects: z.number().int().min(0).max(100).default(DEFAULT_SETTINGS.maxRedirects),
  keepCredentialsOnRedirect: z.boolean().default(DEFAULT_SETTINGS.keepCredentialsOnRedirect),
  useCookieJar: z.boolean().default(DEFAULT_SETTINGS.useCookieJar),
  verifyTls: z.boolean().default(DEFAULT_SETTINGS.verifyTls),
  maxResponseBytes: z
    .number()
    .int()
    .min(1)
    .max(16 * 1024 ** 3)
    .default(DEFAULT_SETTINGS.maxResponseBytes),
  maxDecodedBytes: z
    .number()
    .int()
    .min(1)
    .max(16 * 1024 ** 3)
    .default(DEFAULT_SETTINGS.maxDecodedBytes),
});
export type RequestSettings = z.infer<typeof requestSettingsSchema>;

/** The numeric settings a user may write as {{variables}}; the text is in the unit the Settings tab shows. */
export const SETTING_TEMPLATE_KEYS = ['connectTimeoutMs', 'deadlineMs', 'idleTimeoutMs', 'maxRedirects', 'maxResponseBytes'] as const;
export type SettingTemplateKey = (typeof SETTING_TEMPLATE_KEYS)[number];
export const settingTemplatesSchema = z.object(
  Object.fromEntries(SETTING_TEMPLATE_KEYS.map((key) => [key, z.string().max(1024).optional()])) as Record<SettingTemplateKey, z.ZodOptional<z.ZodString>>,
);
export type SettingTemplates = z.infer<typeof settingTemplatesSchema>;

export const httpRequestSpecSchema = z.object({
  /** any token: GET, POST, PROPFIND, PURGE… (validated by the engine with a clear message) */
  method: z.string().min(1).max(64),
  url: z.string().max(64 * 1024),
  /** appended to the URL's own query (enabled rows only) */
  params: z.array(keyValueSchema).default([]),
  headers: z.array(keyValueSchema).default([]),
  body: requestBodySchema.default({ kind: 'none' }),
  settings: requestSettingsSchema.default(() => requestSettingsSchema.parse({})),
  /** applied by the main process after variables are resolved; the engine never sees it */
  auth: requestAuthSchema.default({ kind: 'inherit' }),
  /** request-scope variables: the highest precedence (request > environment > collection > global) */
  variables: z.array(keyValueSchema).default([]),
  /** settings written as {{variables}}: resolved and read as numbers in the main process, replacing `settings`' value */
  settingTemplates: settingTemplatesSchema.optional(),
  /** the Tests tab: assertion rows and captures, evaluated in the main process after a send; absent = none */
  tests: requestTestsSchema.optional(),
  /** pre-request and post-response scripts; absent in files written before them */
  scripts: savedScriptsSchema.optional(),
});
export type HttpRequestSpec = z.infer<typeof httpRequestSpecSchema>;
export type HttpRequestSpecInput = z.input<typeof httpRequestSpecSchema>;

/**
 * A collection run's iteration, for the send's scripts: pm.iterationData is the data row, pm.info.iteration the
 * index (from 0, as Postman counts) and pm.info.iterationCount the run's iterations.
 */
export const sendIterationSchema = z.object({
  index: z.number().int().min(0),
  count: z.number().int().min(1),
  data: z.record(z.string().max(8192), z.string().max(1_000_000)),
});
export type SendIteration = z.infer<typeof sendIterationSchema>;

/** Header lines in wire order, duplicates kept. */
export const headerListSchema = z.array(z.tuple([z.string(), z.string()]));
export type HeaderList = z.infer<typeof headerListSchema>;

const sentRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  httpVersion: z.string(),
  headers: headerListSchema,
  bodyBytes: z.number(),
});

export const redirectHopSchema = z.object({
  method: z.string(),
  url: z.string(),
  status: z.number(),
  statusText: z.string(),
  headers: headerListSchema,
  location: z.string(),
  /** headers dropped before following (Authorization/Cookie on a cross-origin hop) */
  droppedHeaders: z.array(z.string()),
});
export type RedirectHop = z.infer<typeof redirectHopSchema>;

/** Milliseconds per phase of the final hop; 0 for phases that did not happen (a reused connection has no DNS). */
const timingsSchema = z.object({
  startedAt: z.number(),
  dns: z.number(),
  connect: z.number(),
  tls: z.number(),
  /** request written → first response byte */
  wait: z.number(),
  download: z.number(),
  /** everything, redirects included */
  total: z.number(),
  reusedConnection: z.boolean(),
});

export const tlsInfoSchema = z.object({
  verified: z.boolean(),
  protocol: z.string().nullable(),
  cipher: z.string().nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type TlsInfo = z.infer<typeof tlsInfoSchema>;

export const bodyRefSchema = z.object({
  /** read with body.read in ranges; released with body.release */
  id: z.string(),
  /** decoded bytes */
  size: z.number(),
  contentType: z.string().nullable(),
  /** content codings that were undone, in the order the server applied them */
  contentEncodings: z.array(z.string()),
  /** kept in a temporary file rather than memory */
  spooled: z.boolean(),
  /**
   * a secret the request carried came back in this body (found while it streamed): the window shows the real
   * bytes but asks before saving or copying them
   */
  containsSecret: z.boolean().optional(),
});
export type BodyRef = z.infer<typeof bodyRefSchema>;

export const httpExchangeSchema = z.object({
  requestId: z.string(),
  request: sentRequestSchema,
  response: z.object({
    status: z.number(),
    statusText: z.string(),
    httpVersion: z.string(),
    headers: headerListSchema,
  }),
  redirects: z.array(redirectHopSchema),
  timings: timingsSchema,
  sizes: z.object({
    requestHeaderBytes: z.number(),
    requestBodyBytes: z.number(),
    responseHeaderBytes: z.number(),
    /** body bytes as received (compressed) */
    responseBodyWireBytes: z.number(),
    /** body bytes after decompression */
    responseBodyBytes: z.number(),
  }),
  remoteAddress: z.string().nullable(),
  remotePort: z.number().nullable(),
  tls: tlsInfoSchema.nullable(),
  body: bodyRefSchema,
  /** the request and response heads as they went over the wire (HTTP/1.1 text) */
  raw: z.object({ requestHead: z.string(), responseHead: z.string() }),
  /** things the user should know: TLS verification off, a header dropped on redirect… */
  warnings: z.array(z.string()),
  /**
   * the request's assertions and captures as evaluated after this response, then its scripts' pm.test results in the
   * order they ran (source 'script'); absent when it had none of either
   */
  tests: exchangeTestsSchema.optional(),
  /**
   * postman.setNextRequest from a script: the name of the request the collection runner sends next, or
   * null to end the iteration; absent: the next one in tree order. Only the runner reads it.
   */
  nextRequest: z.string().max(1000).nullable().optional(),
  /**
   * The history entry http.send recorded it as (absent when history is off or the recording failed): a tab keeps
   * this number, not the response, so a reload can show the response again without writing bodies anywhere else.
   */
  historyId: z.number().int().optional(),
  /** console output of this send's scripts, pre-request and post-response, masked */
  scriptConsole: z.array(scriptConsoleLineSchema).optional(),
});
export type HttpExchange = z.infer<typeof httpExchangeSchema>;

/** The final hop's status line and headers, as soon as they arrive (masked like the exchange's). */
export const httpResponseHeadSchema = z.object({
  status: z.number(),
  statusText: z.string(),
  headers: headerListSchema,
});
export type HttpResponseHead = z.infer<typeof httpResponseHeadSchema>;

/**
 * The first lines of a textual body while the rest is still arriving (from its first 64 KiB, JSON indented, at most
 * 200 lines), every secret masked as in history.
 */
export const httpBodyPreviewSchema = z.object({
  kind: z.enum(['json', 'xml', 'html', 'text']),
  text: z.string().max(512 * 1024),
  /** decoded body bytes it was made from */
  bytes: z.number().int().min(0),
  /** it reached its size: no later event of this request carries a preview */
  complete: z.boolean(),
});
export type HttpBodyPreview = z.infer<typeof httpBodyPreviewSchema>;

const HTTP_PHASES = ['dns', 'connecting', 'tls', 'sending', 'waiting', 'downloading', 'redirecting'] as const;
export const httpProgressSchema = z.object({
  requestId: z.string(),
  phase: z.enum(HTTP_PHASES),
  /** decoded body bytes so far */
  bytesReceived: z.number(),
  /** from Content-Length when the server sent one */
  bytesExpected: z.number().nullable(),
  /** once, with the 'downloading' phase: the answer's head, so it can show before the body is complete */
  response: httpResponseHeadSchema.optional(),
  /** only when it grew since the last event, at most 10 times a second: a listener keeps the last one it got */
  preview: httpBodyPreviewSchema.optional(),
});
export type HttpProgress = z.infer<typeof httpProgressSchema>;
