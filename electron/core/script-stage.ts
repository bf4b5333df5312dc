import {
  CourierError,
  type ContainerSettings,
  type HttpExchange,
  type HttpRequestSpec,
  type SavedScripts,
  type ScriptConsoleLine,
  type SendIteration,
  type TestResult,
} from '../../shared/contract';
import { redactText, type VariableLayer } from '../../shared/variables';
import { withInheritedLayers } from '../../shared/workspace';
import type { ScriptKind, ScriptOutcome, ScriptRun, ScriptRunner, ScriptVariables, VariableWrite } from '../services/scripts';
import { COLLECTION_SCOPE_ID, GLOBAL_SCOPE_ID, type VariablesService } from '../services/variables';
import { applyScriptRequest, toScriptRequest, toScriptResponse } from './script-conversion';
import { createScriptSender, httpOrigin, type ScriptSendContext, type ScriptSenderDeps } from './script-send-request';

/** Where a send's scripts come from: its collection and folders (outermost first) and the request itself. */
export interface SendScripts {
  requestName: string;
  chain: readonly ContainerSettings[];
  /** a collection run's iteration; a window's Send is iteration 0 of 1 with no data */
  iteration?: SendIteration;
  /** the saved request's workspace path: history records it, so reopening the request finds its last response */
  workspacePath?: string;
}

interface Owner {
  label: string;
  scripts: SavedScripts | undefined;
}

interface ScriptStageDeps {
  runner: ScriptRunner;
  variables: Pick<VariablesService, 'layers' | 'state' | 'saveScope'>;
  /** the response body's first `max` bytes, for pm.response.text()/json() */
  readBody: (bodyId: string, max: number) => Promise<Uint8Array>;
  /** pm.sendRequest's engine and preparer; absent: scripts cannot send */
  sender?: ScriptSenderDeps;
}

/**
 * A send's cancel switch for its scripts. Its AbortSignal is made when a pm.sendRequest asks for it: an AbortController
 * costs ~20 µs in Node, as much as the rest of the host's share of a script run, and most scripts send nothing.
 */
function createCancelSwitch() {
  let controller: AbortController | null = null;
  let aborted = false;
  return {
    get aborted(): boolean {
      return aborted;
    },
    get signal(): AbortSignal {
      if (controller === null) {
        controller = new AbortController();
        if (aborted) controller.abort();
      }
      return controller.signal;
    },
    abort(): void {
      aborted = true;
      controller?.abort();
    },
  };
}
type CancelSwitch = ReturnType<typeof createCancelSwitch>;

/** what one level's pm.sendRequest calls need, all but the mask (runLevel keeps that) */
type SendScope = Omit<ScriptSendContext, 'onSecrets'>;

/** a body larger than this reaches scripts cut, and the console says so (the sandbox has 64 MB in all) */
const SCRIPT_BODY_MAX = 8 * 1024 * 1024;

function ownersOf(spec: HttpRequestSpec, scripts: SendScripts): Owner[] {
  return [
    ...scripts.chain.map((container, index) => ({ label: `${index === 0 ? 'collection' : 'folder'} "${container.name}"`, scripts: container.scripts })),
    { label: `"${scripts.requestName}"`, scripts: spec.scripts },
  ];
}

const sourceOf = (owner: Owner, kind: ScriptKind): string | undefined => {
  const source = kind === 'pre-request' ? owner.scripts?.preRequest : owner.scripts?.postResponse;
  return source !== undefined && source.trim() !== '' ? source : undefined;
};

/** pm.info's iteration fields; the row goes to pm.iterationData (scriptVariables) */
const infoOf = (scripts: SendScripts, requestId: string): ScriptRun['info'] => ({
  requestName: scripts.requestName,
  requestId,
  iteration: scripts.iteration?.index ?? 0,
  iterationCount: scripts.iteration?.count ?? 1,
});

/** the values scripts see, by Postman's scope names; collection = the workspace's, then the collection's and folders' */
function scriptVariables(layers: readonly VariableLayer[], local: Record<string, string>, data: Readonly<Record<string, string>>): ScriptVariables {
  const of = (scope: VariableLayer['scope'], which: readonly VariableLayer[] = layers): Record<string, string> => {
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    // layers are nearest first: the first one to define a name wins
    for (const layer of [...which].reverse()) if (layer.scope === scope) for (const v of layer.variables) if (v.value !== null) out[v.name] = v.value;
    return out;
  };
  return { environment: of('environment'), collection: of('collection'), globals: of('global'), local: { ...local }, data: { ...data } };
}

const secretValuesOf = (layers: readonly VariableLayer[]): string[] =>
  layers.flatMap((layer) => layer.variables.filter((v) => v.secret && v.value !== null && v.value !== '').map((v) => v.value as string));

/**
 * Runs a send's scripts around it: pre-request scripts before the request is prepared, post-response
 * scripts once the response is in, each level outermost first. Variable writes go through the variables service
 * (a value that carries a secret is kept as a secret, in the vault); console output and results are masked with every
 * secret value the scripts could read.
 */
export function createScriptStage(deps: ScriptStageDeps) {
  const layersFor = (inherited: readonly VariableLayer[]) => {
    const base = deps.variables.layers();
    return inherited.length > 0 ? withInheritedLayers(base, inherited) : base;
  };

  /** one scope's writes applied with saveScope; names it could not keep are said on the console */
  function persist(writes: readonly VariableWrite[], secrets: readonly string[], note: (text: string) => void): void {
    // most runs write nothing: the state (every scope's variables, the vault's status) is not built for them
    if (!writes.some((write) => write.scope !== 'local')) return;
    const state = deps.variables.state();
    const scopes: Record<'environment' | 'collection' | 'globals', { id: string | null; view: typeof state.global | undefined }> = {
      environment: { id: state.activeEnvironmentId, view: state.environments.find((env) => env.id === state.activeEnvironmentId) },
      collection: { id: COLLECTION_SCOPE_ID, view: state.collection },
      globals: { id: GLOBAL_SCOPE_ID, view: state.global },
    };
    for (const scope of ['environment', 'collection', 'globals'] as const) {
      const mine = writes.filter((write) => write.scope === scope);
      if (mine.length === 0) continue;
      const { id, view } = scopes[scope];
      if (id === null || view === undefined) {
        note(`No environment is active, so ${mine.map((w) => `pm.environment.${w.op}("${w.key}")`).join(', ')} was not kept.`);
        continue;
      }
      const edits = view.variables.map((v) => ({ id: v.id, name: v.name, enabled: v.enabled, secret: v.secret, ...(v.secret ? {} : { value: v.value }) }));
      for (const write of mine) {
        const at = edits.findIndex((edit) => edit.name === write.key);
        if (write.op === 'unset') {
          if (at !== -1) edits.splice(at, 1);
          continue;
        }
        const value = write.value ?? '';
        // a script that copies a secret into another variable does not turn it into plain text on disk
        // (in any spelling the masker knows: base64, URL or JSON escaping, hex…), as it would be masked if shown
        const carriesSecret = redactText(value, secrets) !== value;
        if (at === -1) edits.push({ name: write.key, value, enabled: true, secret: carriesSecret } as (typeof edits)[number]);
        else edits[at] = { ...edits[at]!, value, secret: edits[at]!.secret || carriesSecret };
      }
      deps.variables.saveScope({ scopeId: id, variables: edits });
    }
  }

  async function runLevel(
    kind: ScriptKind,
    owners: readonly Owner[],
    base: Omit<ScriptRun, 'kind' | 'source' | 'owner' | 'variables'>,
    inherited: readonly VariableLayer[],
    local: Record<string, string>,
    send: { scope: SendScope; cancel: CancelSwitch },
    data: Readonly<Record<string, string>>,
  ) {
    const tests: TestResult[] = [];
    const console: ScriptConsoleLine[] = [];
    let request = base.request;
    // postman.setNextRequest: the last call of any script wins, as in Postman's runner
    let nextRequest: string | null | undefined;
    const secrets = new Set<string>();
    // each script run gets its own count of pm.sendRequest calls (script-runner.ts); one sender numbers them all
    const sendRequest = deps.sender
      ? createScriptSender(deps.sender, { ...send.scope, onSecrets: (values) => values.forEach((value) => value !== '' && secrets.add(value)) })
      : undefined;
    for (const owner of owners) {
      const source = sourceOf(owner, kind);
      if (source === undefined) continue;
      const layers = layersFor(inherited);
      for (const secret of secretValuesOf(layers)) secrets.add(secret);
      const outcome: ScriptOutcome = await deps.runner.run(
        { ...base, request, kind, source, owner: owner.label, variables: scriptVariables(layers, local, data) },
        {
          ...(sendRequest ? { sendRequest } : {}),
          // read by the runner at a pm.sendRequest only
          get signal() {
            return send.cancel.signal;
          },
        },
      );
      const mask = (text: string) => redactText(text, [...secrets]);
      console.push(...outcome.console.map((line) => ({ ...line, text: mask(line.text) })));
      tests.push(...outcome.tests.map((test) => ({ ...test, name: mask(test.name), ...(test.message === undefined ? {} : { message: mask(test.message) }) })));
      for (const write of outcome.writes) {
        if (write.scope !== 'local') continue;
        if (write.op === 'set') local[write.key] = write.value ?? '';
        else delete local[write.key];
      }
      persist(outcome.writes, [...secrets], (text) => console.push({ level: 'warn', text, origin: outcome.tests[0]?.origin ?? owner.label }));
      if (outcome.request) request = outcome.request;
      if (outcome.nextRequest !== undefined) nextRequest = outcome.nextRequest;
      if (outcome.error !== null) return { tests, console, request, nextRequest, error: mask(outcome.error) };
    }
    return { tests, console, request, nextRequest, error: null };
  }

  /** the sends whose scripts are running, by request id: Cancel aborts their pm.sendRequest in flight */
  const running = new Map<string, CancelSwitch>();
  async function whileRunning<T>(requestId: string, work: (cancel: CancelSwitch) => Promise<T>): Promise<T> {
    const cancel = createCancelSwitch();
    running.set(requestId, cancel);
    try {
      return await work(cancel);
    } finally {
      if (running.get(requestId) === cancel) running.delete(requestId);
    }
  }

  /** the origin the request goes to without its scripts; worked out at the first pm.sendRequest only */
  const unscriptedOrigin = (spec: HttpRequestSpec, inherited: readonly VariableLayer[]) => {
    let origin: Promise<string | null> | null = null;
    return () => {
      const prepare = deps.sender?.prepare;
      if (prepare === undefined) return Promise.resolve(null);
      origin ??= prepare({ ...spec, auth: { kind: 'none' } }, inherited).then(
        (prepared) => httpOrigin(prepared.spec.url),
        () => null,
      );
      return origin;
    };
  };

  return {
    cancel: (requestId: string): boolean => {
      const controller = running.get(requestId);
      controller?.abort();
      return controller !== undefined;
    },

    /**
     * Pre-request scripts; the request as they left it, with pm.variables.set() values as request variables (the
     * narrowest scope, as in Postman). A failing script stops the send: SCRIPT_FAILED, naming the script and carrying
     * what the scripts printed before it failed.
     */
    async beforeSend(spec: HttpRequestSpec, scripts: SendScripts, inherited: readonly VariableLayer[], requestId: string) {
      const owners = ownersOf(spec, scripts);
      const local: Record<string, string> = Object.create(null) as Record<string, string>;
      if (!owners.some((owner) => sourceOf(owner, 'pre-request') !== undefined))
        return { spec, local, console: [] as ScriptConsoleLine[], secrets: [] as string[], nextRequest: undefined as string | null | undefined };
      const info = infoOf(scripts, requestId);
      const scope: SendScope = { parentId: requestId, origin: unscriptedOrigin(spec, inherited), settings: spec.settings, inherited };
      const { level, cancelled } = await whileRunning(requestId, async (cancel) => ({
        level: await runLevel(
          'pre-request',
          owners,
          { request: toScriptRequest(spec), info },
          inherited,
          local,
          { scope, cancel },
          scripts.iteration?.data ?? {},
        ),
        cancelled: cancel.aborted,
      }));
      if (cancelled) throw new CourierError('CANCELLED', 'The request was cancelled.');
      if (level.error !== null) throw new CourierError('SCRIPT_FAILED', level.error, undefined, level.console);
      let edited = applyScriptRequest(spec, level.request);
      const names = Object.keys(local);
      if (names.length > 0) {
        edited = {
          ...edited,
          variables: [...names.map((name) => ({ name, value: local[name]!, enabled: true })), ...edited.variables.filter((row) => !names.includes(row.name))],
        };
      }
      // a script may have put a secret's value anywhere in the request: the send masks them all, as it masks resolved ones
      return { spec: edited, local, console: level.console, secrets: secretValuesOf(layersFor(inherited)), nextRequest: level.nextRequest };
    },

    /**
     * Post-response scripts: their pm.test results, and their failure as a failed result naming the script; and the
     * request a postman.setNextRequest call named, for the collection runner.
     */
    async afterResponse(
      exchange: HttpExchange,
      sent: HttpRequestSpec,
      composed: HttpRequestSpec,
      scripts: SendScripts,
      inherited: readonly VariableLayer[],
      local: Record<string, string>,
    ) {
      const owners = ownersOf(composed, scripts);
      if (!owners.some((owner) => sourceOf(owner, 'post-response') !== undefined))
        return { tests: [] as TestResult[], console: [] as ScriptConsoleLine[], nextRequest: undefined as string | null | undefined };
      const bytes = await deps.readBody(exchange.body.id, SCRIPT_BODY_MAX);
      const body = Buffer.from(bytes).toString('utf8');
      const info = infoOf(scripts, exchange.requestId);
      // worked out at the first pm.sendRequest only: parsing the URL is a good part of a script's cost on the host
      let origin: Promise<string | null> | undefined;
      const scope: SendScope = {
        parentId: exchange.requestId,
        origin: () => (origin ??= Promise.resolve(httpOrigin(sent.url))),
        settings: sent.settings,
        inherited,
      };
      const level = await whileRunning(exchange.requestId, (cancel) =>
        runLevel(
          'post-response',
          owners,
          { request: toScriptRequest(sent), response: toScriptResponse(exchange, body), info },
          inherited,
          local,
          { scope, cancel },
          scripts.iteration?.data ?? {},
        ),
      );
      const console = level.console;
      if (exchange.body.size > SCRIPT_BODY_MAX)
        console.unshift({
          level: 'warn',
          text: `The response body is ${exchange.body.size} bytes; scripts saw its first ${SCRIPT_BODY_MAX}.`,
          origin: 'Courier',
        });
      const tests =
        level.error === null
          ? level.tests
          : [...level.tests, { name: level.error.slice(0, 1000), outcome: 'failed' as const, message: level.error.slice(0, 4000), source: 'script' as const }];
      return { tests, console, nextRequest: level.nextRequest };
    },
  };
}

export type ScriptStage = ReturnType<typeof createScriptStage>;
