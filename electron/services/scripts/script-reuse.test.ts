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
      expect(outcome.tests.map((test) => `${test.name}:${test.outcome}`)).toEqual(['reused and frozen:passed', 'nothing left by an earlier run:passed', 'not on its prototype either:passed']);
    }
  });

  it('keeps each run\'s own variables: locals, globals a sloppy script makes, and what pm reads', async () => {
    const source = 'var seen = typeof counter; counter = pm.info.requestName; pm.test("fresh " + seen + " " + pm.variables.get("who"), () => {});';
    const names: string[] = [];
    for (const who of ['ann', 'ben']) {
      const outcome = await runner.run(scriptRun(source, { variables: { environment: {}, collection: {}, globals: {}, local: { who }, data: {} } }));
      names.push(...outcome.tests.map((test) => test.name));
    }
    expect(names).toEqual(['fresh undefined ann', 'fresh undefined ben']);
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
      for (let i = 0; i < 2; i++) expect((await strict.run(scriptRun('for (;;) {}'))).error).toMatch(/ran longer than 200 ms/);
    } finally {
      await strict.close();
    }
  });
});
