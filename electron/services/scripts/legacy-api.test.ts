import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner } from './script-runner';
import { scriptRun } from './test-support';
import type { ScriptRun } from './script-types';

/**
 * Postman's legacy sandbox names (before pm.*): collections shared since 2015 — newman's own sample collection among
 * them — still say `tests["…"] = responseCode.code === 200`, and newman runs them.
 */
const runner = createScriptRunner();
afterAll(() => runner.close());
beforeAll(() => runner.run(scriptRun('')), 60_000);

const run = (source: string, overrides: Partial<ScriptRun> = {}) => runner.run(scriptRun(source, overrides));

describe("Postman's legacy script names", () => {
  it('counts tests["name"] = boolean as tests, after the pm.test ones, in the order they were set', async () => {
    const outcome = await run(`
      pm.test("modern", function () {});
      tests["response code is 200"] = (responseCode.code === 200);
      tests["body has the token"] = JSON.parse(responseBody).token === "t-1";
      tests["status text"] = responseCode.name === "OK" && responseCode.detail === "OK";
      tests["wrong"] = responseCode.code === 201;
      tests["truthy, not boolean"] = 1;`);
    expect(outcome.error).toBeNull();
    expect(outcome.tests.map((t) => [t.name, t.outcome])).toEqual([
      ['modern', 'passed'],
      ['response code is 200', 'passed'],
      ['body has the token', 'passed'],
      ['status text', 'passed'],
      ['wrong', 'failed'],
      ['truthy, not boolean', 'passed'],
    ]);
    expect(outcome.tests[4]?.message).toMatch(/tests\["wrong"\] was false/);
  });

  it('reads the response, the request, the variables and the iteration through the old names', async () => {
    const outcome = await run(
      `
      tests["headers"] = responseHeaders["X-Trace"] === "abc" && postman.getResponseHeader("x-trace") === "abc";
      tests["time"] = typeof responseTime === "number" && responseTime === 12;
      tests["request"] = request.method === "POST" && request.url.indexOf("/login") > 0 && request.headers["Accept"] === "application/json" && request.data === '{"user":"ada"}';
      tests["environment"] = environment.base === "https://api.example.test" && globals.g === "global";
      tests["data and iteration"] = data.row === "r1" && iteration === 2;
      postman.setEnvironmentVariable("token", JSON.parse(responseBody).token);`,
      {
        variables: { environment: { base: 'https://api.example.test' }, collection: {}, globals: { g: 'global' }, local: {}, data: { row: 'r1' } },
        info: { requestName: 'Login', requestId: 'req-1', iteration: 2, iterationCount: 3 },
      },
    );
    expect(outcome.error).toBeNull();
    expect(outcome.tests.map((t) => [t.name, t.outcome])).toEqual([
      ['headers', 'passed'],
      ['time', 'passed'],
      ['request', 'passed'],
      ['environment', 'passed'],
      ['data and iteration', 'passed'],
    ]);
    expect(outcome.writes).toEqual([{ scope: 'environment', op: 'set', key: 'token', value: 't-1' }]);
  });

  it('has no response names before the request is sent, and one run never sees the tests of another', async () => {
    const pre = await run('tests["x"] = typeof responseBody === "undefined" && typeof responseCode === "undefined";', {
      kind: 'pre-request',
      response: undefined,
    });
    expect(pre.error).toBeNull();
    expect(pre.tests.map((t) => [t.name, t.outcome])).toEqual([['x', 'passed']]);
    const next = await run('pm.test("only this", function () {});');
    expect(next.tests.map((t) => t.name)).toEqual(['only this']);
  });

  it('lets a script use the old names for its own variables', async () => {
    const outcome = await run('var data = [1, 2]; request = "mine"; pm.test("own", function () { pm.expect(data.length + request.length).to.equal(6); });');
    expect(outcome.error).toBeNull();
    expect(outcome.tests.map((t) => [t.name, t.outcome])).toEqual([['own', 'passed']]);
  });
});
