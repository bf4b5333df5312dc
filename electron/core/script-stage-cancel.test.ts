import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, httpRequestSpecSchema, isCourierError } from '../../shared/contract';
import type { ScriptOutcome, ScriptRunner } from '../services/scripts';
import { createScriptStage } from './script-stage';

// Cancel reaches a script's pm.sendRequest through an AbortSignal, which the stage makes only when a send asks for it:
// an AbortController costs ~20 µs in Node, as much as the rest of the host's share of a script run.

const spec = httpRequestSpecSchema.parse({
  method: 'GET',
  url: 'http://127.0.0.1:9/items/1',
  params: [],
  headers: [],
  body: { kind: 'none' },
  auth: { kind: 'none' },
  variables: [],
  settings: DEFAULT_SETTINGS,
  scripts: { preRequest: 'pm.test("a", () => {});' },
});

const passed: ScriptOutcome = { tests: [{ name: 'a', outcome: 'passed', source: 'script' }], console: [], writes: [], error: null };

/** a stage around a runner stand-in, which gets the run's options (as the real runner would) */
function stageWith(run: (options: { signal?: AbortSignal }) => Promise<ScriptOutcome>) {
  const runner = { run: (_run: unknown, options: { signal?: AbortSignal }) => run(options) } as unknown as ScriptRunner;
  const variables = {
    layers: () => [],
    state: () => {
      throw new Error('no variable was written: the state is not needed');
    },
    saveScope: () => {
      throw new Error('not called');
    },
  };
  return createScriptStage({ runner, variables: variables as never, readBody: async () => new Uint8Array() });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cancelling the scripts of a send', () => {
  it('makes no AbortSignal for a script that sends nothing', async () => {
    const made = vi.spyOn(globalThis, 'AbortController');
    const stage = stageWith(async () => passed);
    await stage.beforeSend(spec, { requestName: 'Item 1', chain: [] }, [], 'req-1');
    expect(made).not.toHaveBeenCalled();
  });

  it('still aborts the signal a pm.sendRequest asks for after Cancel was pressed', async () => {
    let signal: AbortSignal | undefined;
    const stage = stageWith(async (options) => {
      expect(stage.cancel('req-2')).toBe(true);
      signal = options.signal;
      return passed;
    });
    const outcome = await stage.beforeSend(spec, { requestName: 'Item 2', chain: [] }, [], 'req-2').catch((error: unknown) => error);
    expect(signal?.aborted).toBe(true);
    expect(isCourierError(outcome) && outcome.code).toBe('CANCELLED');
  });

  it('aborts the signal of a pm.sendRequest in flight', async () => {
    let signal: AbortSignal | undefined;
    const stage = stageWith(async (options) => {
      signal = options.signal;
      expect(signal?.aborted).toBe(false);
      stage.cancel('req-3');
      return passed;
    });
    await stage.beforeSend(spec, { requestName: 'Item 3', chain: [] }, [], 'req-3').catch(() => undefined);
    expect(signal?.aborted).toBe(true);
    expect(stage.cancel('req-3')).toBe(false);
  });
});
