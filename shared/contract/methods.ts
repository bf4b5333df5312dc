import { z } from 'zod';
import { BODY_READ_MAX_BYTES, cancelReasonSchema, httpExchangeSchema, httpProgressSchema, httpRequestSpecSchema, sendIterationSchema } from './http';
import {
  HISTORY_PAGE_MAX,
  historyEntrySchema,
  historyFilterSchema,
  historyRetentionSchema,
  historySelectionSchema,
  historySummarySchema,
  historyUsageSchema,
} from './history';
import { oauth2TokenInfoSchema } from './auth';
import { cookieKeySchema, storedCookieSchema } from './cookies';
import {
  graphqlIntrospectInputSchema,
  graphqlIntrospectOutputSchema,
  graphqlSubscribeInputSchema,
  graphqlSubscriptionEventSchema,
  graphqlUnsubscribeInputSchema,
} from './graphql';
import { scopeIdSchema, variableEditSchema, variablesStateSchema, vaultStatusSchema } from './variables';
import {
  wsCloseCodeSchema,
  wsEventBatchSchema,
  wsHandshakeSchema,
  wsMessageSchema,
  wsRequestSpecSchema,
  wsSendInputSchema,
  wsSessionIdSchema,
  WS_STATES,
} from './websocket';
import { httpSseSchema } from './sse';
import { exportableRequestSchema, exportInputSchema, importedCollectionSchema, importResultSchema, snippetTargetSchema } from './import-export';
import {
  containerSettingsSchema,
  itemNameSchema,
  savedRequestSchema,
  workspaceChangedSchema,
  workspacePathSchema,
  workspaceSessionSchema,
  workspaceTreeSchema,
} from './workspace';
import { savedWebSocketSchema, wsSavedMessageSchema, wsWorkspaceSessionSchema } from './workspace-websocket';
import { comparedRequestSchema, RUN_REPORT_FORMATS, runIdSchema, runnerEventsSchema, runResultSchema, runStartInputSchema, runSummarySchema } from './runner';

const environmentNameSchema = z.string().trim().min(1).max(200);
const flowIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);
const oauthTokenOutput = z.object({ token: oauth2TokenInfoSchema.nullable() });

const requestIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * Every method the renderer may call on the main process. The hosts register exactly these, validate each input
 * against its schema before a service sees it, and answer with a Result (see errors.ts).
 *
 * `waitsForVault`: the method answers only once an unlock asked for at start (COURIER_VAULT_PASSPHRASE) has finished,
 * because what it reads, sends or writes may hold secrets (a save stashes typed credentials in the vault; a send
 * substitutes secret variables). The composition root applies it from here; no list is kept by hand.
 */
export const methods = {
  'app.info': {
    waitsForVault: true,
    input: z.object({}),
    output: z.object({
      name: z.string(),
      version: z.string(),
      mode: z.enum(['electron', 'web']),
      platform: z.string(),
      dataDir: z.string(),
      /** what this host can do, so the window offers only what works (web mode has no native dialogs) */
      capabilities: z.object({
        /** a native folder picker for "Browse…" (workspace.pickFolder answers supported: true) */
        folderDialog: z.boolean(),
        /** links open in the system browser (shell.openExternal); otherwise the window opens them itself */
        openExternal: z.boolean(),
        /** the OS keychain can hold the vault's key (Electron safeStorage with a real backend) */
        osKeychain: z.boolean(),
      }),
      /** things the user should be told once (e.g. a damaged history database was moved aside); absent when none */
      notices: z.array(z.string()).optional(),
    }),
  },
  'http.send': {
    waitsForVault: true,
    input: z.object({
      requestId: requestIdSchema,
      request: httpRequestSpecSchema,
      /** a saved request's file: its collection's and folders' headers, auth and variables apply */
      workspacePath: workspacePathSchema.optional(),
      /** sent by the collection runner: the iteration its scripts see (a window's Send has none) */
      iteration: sendIterationSchema.optional(),
    }),
    output: httpExchangeSchema,
  },
  'http.cancel': {
    input: z.object({ requestId: requestIdSchema, reason: cancelReasonSchema.optional() }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'body.read': {
    input: z.object({
      bodyId: z.string().min(1).max(128),
      offset: z.number().int().min(0),
      length: z.number().int().min(0).max(BODY_READ_MAX_BYTES),
    }),
    output: z.object({
      offset: z.number(),
      /**
       * the bytes read; shorter than asked at the end of the body. Bytes, not base64: Electron's IPC clones a
       * Uint8Array as is, and the web bridge sends it as a binary frame (web-bytes-frame.ts).
       */
      bytes: z.instanceof(Uint8Array),
      total: z.number(),
    }),
  },
  'body.release': {
    input: z.object({ bodyId: z.string().min(1).max(128) }),
    output: z.object({ released: z.boolean() }),
  },
  'shell.openExternal': {
    input: z.object({ url: z.string().max(8192) }),
    output: z.object({ opened: z.boolean() }),
  },
  /** A page of the history list, newest first; offset paging so a virtualized list can jump anywhere. */
  'history.list': {
    input: z.object({
      filter: historyFilterSchema.default({}),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).default(100),
    }),
    output: z.object({
      /** matching entries; for a text search possibly a lower bound, see totalCapped */
      total: z.number(),
      /** true when counting stopped at `total` and more entries match; a request further on counts further */
      totalCapped: z.boolean(),
      offset: z.number(),
      entries: z.array(historySummarySchema),
    }),
  },
  'history.get': {
    input: z.object({ id: z.number().int() }),
    output: historyEntrySchema,
  },
  'history.delete': {
    input: historySelectionSchema,
    output: z.object({ deleted: z.number() }),
  },
  'history.clear': {
    input: z.object({ confirm: z.literal(true) }),
    output: z.object({ deleted: z.number() }),
  },
  'history.pin': {
    input: z.object({ id: z.number().int(), pinned: z.boolean() }),
    output: historySummarySchema,
  },
  'history.usage': {
    input: z.object({}),
    output: historyUsageSchema,
  },
  'history.setRetention': {
    input: historyRetentionSchema,
    output: historyUsageSchema,
  },
  /** HAR 1.2 text of the selected entries (secrets masked); the renderer saves it as a file. */
  'history.exportHar': {
    input: historySelectionSchema,
    output: z.object({ har: z.string(), entries: z.number() }),
  },
  /** All or nothing: a malformed file imports no entry and the error names what is wrong. */
  'history.importHar': {
    input: z.object({ text: z.string().max(512 * 1024 * 1024) }),
    /** alreadyPresent: entries history already had (same time, method, URL and status), skipped */
    output: z.object({ imported: z.number(), alreadyPresent: z.number() }),
  },
  /** The cookie jar of this app run (memory only), by domain then path then name. */
  'cookies.list': {
    input: z.object({}),
    output: z.object({ cookies: z.array(storedCookieSchema) }),
  },
  'cookies.delete': {
    input: cookieKeySchema,
    output: z.object({ deleted: z.boolean() }),
  },
  /** One domain's cookies (exactly that domain, as the dialog groups them), or every cookie when domain is absent. */
  'cookies.clear': {
    input: z.object({ domain: z.string().min(1).max(512).optional() }),
    output: z.object({ deleted: z.number() }),
  },
  /** Global, collection and environment variables (secrets without their values) and the vault's state. */
  'variables.state': {
    waitsForVault: true,
    input: z.object({}),
    output: variablesStateSchema,
  },
  /** Replaces a scope's variable list (order kept); secrets are encrypted before anything is written. */
  'variables.saveScope': {
    input: z.object({ scopeId: scopeIdSchema, variables: z.array(variableEditSchema).max(10_000) }),
    output: variablesStateSchema,
  },
  /** One secret's value, on the user's explicit request (the reveal button). */
  'variables.reveal': {
    waitsForVault: true,
    input: z.object({ scopeId: scopeIdSchema, variableId: z.string().min(1).max(128) }),
    output: z.object({ value: z.string() }),
  },
  /** An Auth tab credential kept in the vault ({{$credential.<id>}}), on the user's explicit request (Reveal). */
  'credentials.reveal': {
    waitsForVault: true,
    input: z.object({ reference: z.string().min(1).max(128) }),
    output: z.object({ value: z.string() }),
  },
  /** Whether process environment variables exist for {{$env.NAME}}; their values never leave the main process. */
  'variables.processEnv': {
    input: z.object({ names: z.array(z.string().min(1).max(256)).max(200) }),
    output: z.object({ present: z.record(z.string(), z.boolean()) }),
  },
  /**
   * Adds process environment names to the allow-list {{$env.NAME}} resolves from (nothing else resolves); the
   * user's answer to ENV_NOT_ALLOWED. The vault passphrase variable is never added.
   */
  'variables.allowEnv': {
    input: z.object({ names: z.array(z.string().min(1).max(256)).min(1).max(50) }),
    output: z.object({ allowed: z.array(z.string()) }),
  },
  /** The allow-list {{$env.NAME}} resolves from, as Settings lists it. */
  'variables.allowedEnv': {
    input: z.object({}),
    output: z.object({ allowed: z.array(z.string()) }),
  },
  /** Takes names off the allow-list: a request that uses one is refused (ENV_NOT_ALLOWED) and asks again. */
  'variables.revokeEnv': {
    input: z.object({ names: z.array(z.string().min(1).max(256)).min(1).max(50) }),
    output: z.object({ allowed: z.array(z.string()) }),
  },
  /** A new environment, empty or a copy of another (duplicate). */
  'environments.create': {
    input: z.object({ name: environmentNameSchema, copyFrom: scopeIdSchema.optional() }),
    output: variablesStateSchema,
  },
  'environments.rename': {
    input: z.object({ id: scopeIdSchema, name: environmentNameSchema }),
    output: variablesStateSchema,
  },
  'environments.delete': {
    input: z.object({ id: scopeIdSchema }),
    output: variablesStateSchema,
  },
  'environments.setActive': {
    input: z.object({ id: scopeIdSchema.nullable() }),
    output: variablesStateSchema,
  },
  'vault.status': {
    waitsForVault: true,
    input: z.object({}),
    output: vaultStatusSchema,
  },
  /** Unlocks with the passphrase; when no passphrase was ever chosen, this one becomes it. */
  'vault.unlock': {
    input: z.object({ passphrase: z.string().min(1).max(1024) }),
    output: vaultStatusSchema,
  },
  'vault.lock': {
    input: z.object({}),
    output: vaultStatusSchema,
  },
  /** Re-encrypts every secret under a key from the new passphrase; the old one must be right. */
  'vault.changePassphrase': {
    input: z.object({ current: z.string().min(1).max(1024), next: z.string().min(8).max(1024) }),
    output: vaultStatusSchema,
  },
  /** The stored OAuth 2.0 token for this request's auth settings (variables resolved), if any. */
  'auth.oauth2.status': {
    waitsForVault: true,
    input: z.object({ request: httpRequestSpecSchema }),
    output: oauthTokenOutput,
  },
  /** Client credentials: asks the token endpoint now and stores the token in the vault. */
  'auth.oauth2.fetchToken': {
    waitsForVault: true,
    input: z.object({ request: httpRequestSpecSchema }),
    output: oauthTokenOutput,
  },
  /** Authorization code + PKCE: starts a loopback redirect listener and returns the URL to open in a browser. */
  'auth.oauth2.begin': {
    waitsForVault: true,
    input: z.object({ request: httpRequestSpecSchema }),
    output: z.object({
      flowId: flowIdSchema,
      authorizationUrl: z.string(),
      redirectUri: z.string(),
      /** true when the main process opened the system browser itself (Electron); web mode opens a tab instead */
      openedExternally: z.boolean(),
    }),
  },
  /** Waits for the browser to come back to the redirect URI, then trades the code for a token. */
  'auth.oauth2.complete': {
    input: z.object({ flowId: flowIdSchema }),
    output: oauthTokenOutput,
  },
  'auth.oauth2.cancel': {
    input: z.object({ flowId: flowIdSchema }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'auth.oauth2.refresh': {
    waitsForVault: true,
    input: z.object({ request: httpRequestSpecSchema }),
    output: oauthTokenOutput,
  },
  'auth.oauth2.clear': {
    waitsForVault: true,
    input: z.object({ request: httpRequestSpecSchema }),
    output: z.object({ cleared: z.boolean() }),
  },
  // --- WebSocket ---
  /** Opens a session; resolves with the handshake once open, or fails with the reason (a refused handshake too). */
  'ws.connect': {
    input: z.object({
      sessionId: wsSessionIdSchema,
      request: wsRequestSpecSchema,
      /** a saved WebSocket request's file: its collection's and folders' headers, auth and variables apply, as for http.send */
      workspacePath: workspacePathSchema.optional(),
    }),
    output: z.object({ handshake: wsHandshakeSchema }),
  },
  'ws.send': {
    input: wsSendInputSchema,
    output: z.object({ seq: z.number(), size: z.number() }),
  },
  'ws.ping': {
    input: z.object({ sessionId: wsSessionIdSchema }),
    output: z.object({ sent: z.boolean() }),
  },
  /** Disconnect: closes the socket (or stops connecting and reconnecting) and forgets the session. */
  'ws.close': {
    input: z.object({ sessionId: wsSessionIdSchema, code: wsCloseCodeSchema.optional(), reason: z.string().max(123).optional() }),
    output: z.object({ closed: z.boolean() }),
  },
  /** The session's log as the main process keeps it (capped), oldest first. */
  'ws.log': {
    input: z.object({ sessionId: wsSessionIdSchema }),
    output: z.object({ messages: z.array(wsMessageSchema), dropped: z.number() }),
  },
  /**
   * A window that reloaded takes its tab back: the session's state, handshake and log when the service still has it
   * (then its events keep coming), null when it is gone. Never connects.
   */
  'ws.attach': {
    input: z.object({ sessionId: wsSessionIdSchema }),
    output: z.object({
      session: z
        .object({ state: z.enum(WS_STATES), handshake: wsHandshakeSchema.nullable(), messages: z.array(wsMessageSchema), dropped: z.number() })
        .nullable(),
    }),
  },
  /**
   * The Export JSON file of a log as the window holds it, with the secrets the session's handshake carried masked
   * (the window never knows which values those are).
   */
  'ws.exportLog': {
    input: z.object({
      sessionId: wsSessionIdSchema,
      url: z.string().max(64 * 1024),
      messages: z.array(wsMessageSchema).max(1_000_000),
      exportedAt: z.number(),
    }),
    output: z.object({ text: z.string() }),
  },
  // --- end WebSocket ---
  // --- GraphQL ---
  /** The endpoint's schema by introspection, through the HTTP engine; cached per endpoint and headers. */
  'graphql.introspect': {
    input: graphqlIntrospectInputSchema,
    output: graphqlIntrospectOutputSchema,
  },
  /** Starts a subscription over graphql-transport-ws; results arrive as 'graphql.subscription' events. */
  'graphql.subscribe': {
    input: graphqlSubscribeInputSchema,
    output: z.object({ started: z.boolean() }),
  },
  'graphql.unsubscribe': {
    input: graphqlUnsubscribeInputSchema,
    output: z.object({ stopped: z.boolean() }),
  },
  // --- end GraphQL ---
  'workspace.tree': { input: z.object({}), output: workspaceTreeSchema },
  /** Opens a folder (null: the default workspace in the data folder); it must exist and be a directory. */
  'workspace.open': { input: z.object({ path: z.string().min(1).max(4096).nullable() }), output: workspaceTreeSchema },
  /** A native folder dialog where the host has one (Electron); web mode answers supported: false. */
  'workspace.pickFolder': { input: z.object({}), output: z.object({ supported: z.boolean(), path: z.string().nullable() }) },
  'workspace.readRequest': { input: z.object({ path: workspacePathSchema }), output: savedRequestSchema },
  /** Writes a request file; credentials typed into auth fields are replaced by a placeholder and a warning says so. */
  'workspace.saveRequest': {
    waitsForVault: true,
    input: z.object({ path: workspacePathSchema, request: httpRequestSpecSchema }),
    output: z.object({ path: z.string(), warnings: z.array(z.string()) }),
  },
  'workspace.createRequest': {
    waitsForVault: true,
    input: z.object({ parent: workspacePathSchema, name: itemNameSchema, request: httpRequestSpecSchema }),
    output: z.object({ path: z.string(), warnings: z.array(z.string()) }),
  },
  /** WebSocket request files (`"kind": "websocket"`), credentials masked as in HTTP request files. */
  'workspace.readWebSocket': { input: z.object({ path: workspacePathSchema }), output: savedWebSocketSchema },
  'workspace.saveWebSocket': {
    waitsForVault: true,
    input: z.object({ path: workspacePathSchema, request: wsRequestSpecSchema, messages: z.array(wsSavedMessageSchema).max(1000) }),
    output: z.object({ path: z.string(), warnings: z.array(z.string()) }),
  },
  'workspace.createWebSocket': {
    waitsForVault: true,
    input: z.object({ parent: workspacePathSchema, name: itemNameSchema, request: wsRequestSpecSchema, messages: z.array(wsSavedMessageSchema).max(1000) }),
    output: z.object({ path: z.string(), warnings: z.array(z.string()) }),
  },
  /** A collection (parent null) or a folder. */
  'workspace.createContainer': {
    input: z.object({ parent: workspacePathSchema.nullable(), name: itemNameSchema }),
    output: z.object({ path: z.string() }),
  },
  'workspace.readContainer': { input: z.object({ path: workspacePathSchema }), output: containerSettingsSchema },
  'workspace.saveContainer': {
    waitsForVault: true,
    input: z.object({ path: workspacePathSchema, settings: containerSettingsSchema }),
    output: z.object({ warnings: z.array(z.string()) }),
  },
  'workspace.rename': { input: z.object({ path: workspacePathSchema, name: itemNameSchema }), output: z.object({ path: z.string() }) },
  'workspace.duplicate': { input: z.object({ path: workspacePathSchema }), output: z.object({ path: z.string() }) },
  /** Moves into `parent` (null: top level, collections only) at position `index` of its order; reorders in place. */
  'workspace.move': {
    input: z.object({ path: workspacePathSchema, parent: workspacePathSchema.nullable(), index: z.number().int().min(0) }),
    output: z.object({ path: z.string() }),
  },
  /** Deletes; the contents stay in memory for this session so undoDelete can put them back. */
  'workspace.delete': { input: z.object({ path: workspacePathSchema }), output: z.object({ undoToken: z.string() }) },
  'workspace.undoDelete': { input: z.object({ undoToken: z.string().min(1).max(128) }), output: z.object({ path: z.string() }) },
  'workspace.session': { input: z.object({}), output: workspaceSessionSchema },
  'workspace.saveSession': { input: workspaceSessionSchema, output: z.object({}) },
  /** the open WebSocket tabs, kept apart from the HTTP ones so the two views never overwrite each other's */
  'workspace.wsSession': { input: z.object({}), output: wsWorkspaceSessionSchema },
  'workspace.saveWsSession': { input: wsWorkspaceSessionSchema, output: z.object({}) },
  /**
   * Saves imported collections as new collections of the workspace (names made unique), all or nothing; warnings say,
   * per item, what was not written (a literal credential replaced by a placeholder). With `into` (an existing
   * collection or folder), the items of the one imported collection are added at its top instead (a curl paste into
   * the collection being worked in): no collection is created, and `into` in the answer lists the new items' paths.
   */
  'workspace.importCollections': {
    waitsForVault: true,
    input: z.object({ collections: z.array(importedCollectionSchema).min(1).max(100), into: workspacePathSchema.optional() }),
    output: z.object({
      collections: z.array(z.object({ name: z.string(), path: z.string() })),
      into: z.object({ name: z.string(), path: z.string(), added: z.array(z.string()) }).optional(),
      warnings: z.array(z.string()),
    }),
  },
  /**
   * A collection or folder and everything below it, in tree order, for an exporter (variables and auth hold
   * {{references}} or placeholders, never secrets); warnings name what was left out (files that cannot be read).
   */
  'workspace.exportCollection': {
    input: z.object({ path: workspacePathSchema }),
    output: z.object({ collection: importedCollectionSchema, warnings: z.array(z.string()) }),
  },
  /**
   * Any supported file or text (curl, Postman, Insomnia, OpenAPI/Swagger, HAR) to collections; all or nothing. Runs
   * in a worker thread; with an importId, its steps arrive as 'import.progress' events and 'import.cancel' stops it.
   * sourceUrl: where the text was read from, when from the web (OpenAPI servers relative to the document use it).
   */
  'import.parse': {
    input: z.object({
      text: z
        .string()
        .min(1)
        .max(256 * 1024 * 1024),
      importId: z.string().min(1).max(128).optional(),
      sourceUrl: z
        .string()
        .max(8192)
        .regex(/^https?:\/\//i)
        .optional(),
    }),
    output: importResultSchema,
  },
  /** Stops the import.parse with this importId (which then fails with CANCELLED); false when none is running. */
  'import.cancel': { input: z.object({ importId: z.string().min(1).max(128) }), output: z.object({ cancelled: z.boolean() }) },
  /**
   * A collection kept as a folder (Bruno: bruno.json and .bru files), read by the main process from an absolute path
   * (typed, or picked with workspace.pickFolder) with the workspace's safe-read limits; all or nothing.
   */
  'import.parseFolder': {
    input: z.object({ path: z.string().min(1).max(4096) }),
    output: importResultSchema,
  },
  /**
   * Writes a workspace collection or folder as a Bruno collection into a new folder named after it inside
   * `destination` (never over an existing one); answers the folder written and what Bruno could not take.
   */
  'export.brunoFolder': {
    input: z.object({ path: workspacePathSchema, destination: z.string().min(1).max(4096) }),
    output: z.object({ folder: z.string(), files: z.number(), warnings: z.array(z.string()) }),
  },
  /** Code for a request prepared for export (no secret values in it) in one of SNIPPET_TARGETS. */
  'export.snippet': {
    input: z.object({ request: exportableRequestSchema, target: snippetTargetSchema }),
    /** `inputs`: exactly the environment variables the code reads, with what to put in each */
    output: z.object({ code: z.string(), inputs: z.array(exportInputSchema) }),
  },
  // --- collection runner ---
  /** Starts a run in the background; its progress arrives as 'runner.events'; the finished run is kept. */
  'runner.start': { input: runStartInputSchema, output: z.object({ runId: runIdSchema }) },
  /** Stops a run (the request in flight too); what ran so far is kept as a cancelled run. */
  'runner.cancel': { input: z.object({ runId: runIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** Kept runs, newest first: of one collection (its workspace path), or of all. */
  'runner.list': { input: z.object({ collection: z.string().max(4096).optional() }), output: z.object({ runs: z.array(runSummarySchema) }) },
  'runner.get': { input: z.object({ runId: runIdSchema }), output: runSummarySchema.extend({ requests: runResultSchema.shape.requests }) },
  /**
   * Two kept runs compared per request and iteration (older first). Compared here, not in the window: the window gets
   * a row per request instead of both runs' every result, and parses and diffs nothing (10,000 rows stay smooth).
   */
  'runner.compare': { input: z.object({ before: runIdSchema, after: runIdSchema }), output: z.object({ rows: z.array(comparedRequestSchema) }) },
  /** A kept run as a report file's text (secrets were masked before the run was kept). */
  'runner.export': { input: z.object({ runId: runIdSchema, format: z.enum(RUN_REPORT_FORMATS) }), output: z.object({ text: z.string(), name: z.string() }) },
  // --- end collection runner ---
} as const;

/** Every event stream the renderer may subscribe to. */
export const events = {
  'http.progress': httpProgressSchema,
  /** a new entry was written (sent request or import); the renderer updates its cached lists */
  'history.changed': z.object({ reason: z.enum(['added', 'deleted', 'pinned', 'cleared', 'imported', 'retention']), summary: historySummarySchema.nullable() }),
  /** variables, environments or the vault changed (from any window); the renderer refetches 'variables.state' */
  'variables.changed': z.object({ reason: z.enum(['variables', 'environments', 'active', 'vault', 'tokens']) }),
  // --- WebSocket and SSE ---
  'ws.events': wsEventBatchSchema,
  'http.sse': httpSseSchema,
  // --- end WebSocket and SSE ---
  // --- GraphQL ---
  /** batched results and state changes of GraphQL subscriptions */
  'graphql.subscription': graphqlSubscriptionEventSchema,
  // --- end GraphQL ---
  /** the workspace's files changed (by Courier or outside it) or another folder was opened; refetch the tree */
  'workspace.changed': workspaceChangedSchema,
  /** the step an import.parse with an importId has reached */
  'import.progress': z.object({ importId: z.string(), phase: z.enum(['parsing', 'resolving', 'converting']) }),
  /** a run's progress, batched */
  'runner.events': runnerEventsSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.infer<Methods[M]['input']>;
/** What a caller may pass (defaults not yet applied). */
export type MethodInputArg<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];

/** the methods that answer only after the vault's start-up unlock (see `waitsForVault` above) */
export const VAULT_WAITING_METHODS: readonly MethodName[] = METHOD_NAMES.filter(
  (name) => (methods[name] as { waitsForVault?: boolean }).waitsForVault === true,
);

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(methods, value);
}
