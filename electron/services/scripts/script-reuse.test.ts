import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner } from './script-runner';
import { scriptRun } from './test-support';

// A script's source is compiled once per sandbox context and its function reused by every request that has the same
// source (sandbox-engine.ts, compileCached). These are the guarantees that reuse must keep.
const runner = createScriptRunner();
afterAll(() => runner.close());
beforeAll(() => runner.run(scriptRun('')), 60_000);

describe('a compiled script reused from request to request', () => {
  it('is the same frozen function, so a run cannot leave anything on it for the next', async () => {
    const source = [
      'var self = arguments.callee;',
      'pm.test("reused and frozen", () => pm.expect(Object.isFrozen(self)).to.equal(true));',
      'pm.test("nothing left by an earlier run", () => pm.expect(self.mark).to.equal(undefined));',
      'self.mark = pm.info.requestName;',
      'if (self.prototype) self.prototype.mark = 1;',
      'pm.test("not on its prototype either", () => pm.expect(self.prototype && self.prototype.mark).to.equal(undefined));',
    ].join('\n');
    for (const name of ['First', 'Second', 'Third']) {
      const outcome = await runner.run(scriptRun(source, { info: { requestName: name, requestId: name, iteration: 0, iterationCount: 1 } }));
      expect(outcome.error).toBeNull();
      expect(outcome.tests.map((test) => `${test.name}:${test.outcome}`)).toEqual([
        'reused and frozen:passed',
        'nothing left by an earlier run:passed',
        'not on its prototype either:passed',
      ]);
    }
  });

  it("keeps each run's own variables: locals, globals a sloppy script makes, and what pm reads", async () => {
    const source = 'var seen = typeof counter; counter = pm.info.requestName; pm.test("fresh " + seen + " " + pm.variables.get("who"), () => {});';
    const names: string[] = [];
    for (const who of ['ann', 'ben']) {
      const outcome = await runner.run(scriptRun(source, { variables: { environment: {}, collection: {}, globals: {}, local: { who }, data: {} } }));
      names.push(...outcome.tests.map((test) => test.name));
    }
    expect(names).toEqual(['fresh undefined ann', 'fresh undefined ben']);
  });

  it('removes the globals a run added, even one that tried to delete names to keep the count of globals unchanged', async () => {
    const names = 'Reflect.ownKeys(globalThis).filter((k) => typeof k === "string")';
    const before = await runner.run(scriptRun(`pm.test(String(${names}.length), () => {});`));
    const sneaky = [
      'for (const name of ["JSON", "pm", "console", "setTimeout", "Math"]) { try { delete globalThis[name]; } catch (e) {} }',
      'leftover = 1; globalThis.another = 2;',
    ].join('\n');
    await runner.run(scriptRun(sneaky));
    const after = await runner.run(
      scriptRun(`pm.test(String(${names}.length) + " " + typeof leftover + " " + typeof another + " " + typeof JSON.parse + " " + typeof pm.test, () => {});`),
    );
    expect(after.tests[0]?.name).toBe(`${before.tests[0]?.name} undefined undefined function function`);
  });

  it("builds pm's members on first use with the same behaviour: lookups across scopes, keys, a pre-request request left alone", async () => {
    const source = [
      'pm.test("variables reach the environment unread", () => pm.expect(pm.variables.get("base")).to.equal("https://api.example.test"));',
      'pm.test("members listed", () => pm.expect(Object.keys(pm)).to.include.members(["test", "environment", "request", "response", "variables"]));',
      'pm.test("response is there but refused", () => { pm.expect("response" in pm).to.equal(true); pm.expect(() => pm.response.code).to.throw(/not available in a pre-request script/); });',
      'pm.test("console and postman", () => { console.log("hi"); postman.setEnvironmentVariable("k", "v"); });',
    ].join('\n');
    const run = scriptRun(source, { kind: 'pre-request', response: undefined });
    const outcome = await runner.run(run);
    expect(outcome.error).toBeNull();
    expect(outcome.tests.map((test) => `${test.name}:${test.outcome}`)).toEqual([
      'variables reach the environment unread:passed',
      'members listed:passed',
      'response is there but refused:passed',
      'console and postman:passed',
    ]);
    expect(outcome.console.map((line) => line.text)).toEqual(['hi']);
    expect(outcome.writes).toEqual([{ scope: 'environment', op: 'set', key: 'k', value: 'v' }]);
    // the script never read pm.request: the request comes back as it went in
    const untouched = await runner.run(scriptRun('', { kind: 'pre-request', response: undefined }));
    expect(untouched.request).toEqual({ url: run.request.url, method: run.request.method, headers: run.request.headers, body: run.request.body });
  });

  it('names the request it ran for and its line in an error, whichever request compiled it first', async () => {
    const source = 'pm.test("a", () => {});\nnotDefinedAnywhere();';
    const first = await runner.run(scriptRun(source, { owner: '"First"' }));
    const second = await runner.run(scriptRun(source, { owner: '"Second"' }));
    expect(first.error).toBe('Post-response script of "First" failed: ReferenceError: \'notDefinedAnywhere\' is not defined (line 2)');
    expect(second.error).toBe('Post-response script of "Second" failed: ReferenceError: \'notDefinedAnywhere\' is not defined (line 2)');
  });

  it('does not keep a script that failed to compile, and still stops one that runs too long every time', async () => {
    for (let i = 0; i < 2; i++) expect((await runner.run(scriptRun('let = = 2;'))).error).toMatch(/has a syntax error: SyntaxError/);
    const strict = createScriptRunner({ limits: { cpuMs: 200 } });
    try {
      for (let i = 0; i < 2; i++) expect((await strict.run(scriptRun('for (;;) {}'))).error).toMatch(/used up its CPU time limit of 200 ms/);
    } finally {
      await strict.close();
    }
  });
});
