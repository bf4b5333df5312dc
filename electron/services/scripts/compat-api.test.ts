import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner } from './script-runner';
import { scriptRun } from './test-support';
import type { ScriptRun } from './script-types';

/** Bruno's and Insomnia's script APIs (compat-source.ts), as their docs describe them, on the same run as pm's. */
const runner = createScriptRunner();
afterAll(() => runner.close());
beforeAll(() => runner.run(scriptRun('')), 60_000);

const run = (source: string, overrides: Partial<ScriptRun> = {}) => runner.run(scriptRun(source, overrides));
const pre = (source: string) => run(source, { kind: 'pre-request', response: undefined });

describe('Bruno scripts run unchanged', () => {
  it('reads the response through res, tests with test/expect, and sets variables through bru', async () => {
    const outcome = await run(`
      test("status", function () { expect(res.getStatus()).to.equal(200); expect(res.status).to.equal(200); });
      test("body", function () {
        expect(res.getBody().user.name).to.equal("Ada");
        expect(res.body.items).to.eql([1, 2, 3]);
        expect(res("user.roles[1]")).to.equal("dev");
      });
      test("headers and time", function () {
        expect(res.getHeader("x-trace")).to.equal("abc");
        expect(res.headers["content-type"]).to.match(/json/);
        expect(res.getResponseTime()).to.be.below(1000);
      });
      test("fails", function () { expect(res.getStatus()).to.equal(201); });
      bru.setVar("token", res.body.token);
      bru.setEnvVar("who", bru.getEnvVar("base") + "/me");
      console.log(bru.interpolate("page {{page}}"));`);
    expect(outcome.error).toBeNull();
    expect(outcome.tests.map((t) => [t.name, t.outcome, t.message])).toEqual([
      ['status', 'passed', undefined],
      ['body', 'passed', undefined],
      ['headers and time', 'passed', undefined],
      ['fails', 'failed', 'expected 200 to equal 201'],
    ]);
    expect(outcome.writes).toEqual([
      { scope: 'collection', op: 'set', key: 'token', value: 't-1' },
      { scope: 'environment', op: 'set', key: 'who', value: 'https://api.example.test/me' },
    ]);
    expect(outcome.console.map((line) => line.text)).toEqual(['page 1']);
  });

  it('changes the request through req in a pre-request script, where res is undefined', async () => {
    const outcome = await pre(`
      req.setHeader("X-Id", "42");
      req.setUrl(req.getUrl() + "&y=2");
      req.setBody({ user: "bob" });
      if (typeof res !== "undefined") throw new Error("res exists before the response");`);
    expect(outcome.error).toBeNull();
    expect(outcome.request?.url).toBe('https://api.example.test/login?x=1&y=2');
    expect(outcome.request?.headers).toContainEqual({ key: 'X-Id', value: '42' });
    expect(outcome.request?.body?.raw).toBe('{"user":"bob"}');
  });

  it('refuses by name what it cannot do, and lets a script use the names for its own variables', async () => {
    expect((await run('bru.getProcessEnv("HOME")')).error).toMatch(/bru\.getProcessEnv\(\) is not supported in Courier scripts/);
    expect((await run('bru.cookies.jar()')).error).toMatch(/bru\.cookies is not supported/);
    const own = await run('var res = 1; test = function () {}; pm.test("mine", function () { pm.expect(res).to.equal(1); });');
    expect(own.error).toBeNull();
    expect(own.tests.map((t) => t.outcome)).toEqual(['passed']);
    // an assignment lasts for its own run only
    expect((await run('test("again", function () { expect(res.status).to.equal(200); })')).tests.map((t) => t.outcome)).toEqual(['passed']);
  });
});

describe('btoa and atob, as Postman scripts use them', () => {
  it('encode and decode like a browser, refusing what a browser refuses', async () => {
    const outcome = await run(`
      console.log(btoa("ann:s3cret"), btoa(""), btoa("a"), btoa("ab"), btoa("\\u00ff\\u00fe"));
      console.log(atob("YW5uOnMzY3JldA=="), atob("YQ"), atob(" Y W I = "));
      try { btoa("€"); } catch (e) { console.log(e.name); }
      try { atob("*"); } catch (e) { console.log(e.name); }`);
    expect(outcome.error).toBeNull();
    expect(outcome.console.map((line) => line.text)).toEqual([
      `${Buffer.from('ann:s3cret').toString('base64')}  YQ== YWI= ${Buffer.from([255, 254]).toString('base64')}`,
      'ann:s3cret a ab',
      'InvalidCharacterError',
      'InvalidCharacterError',
    ]);
  });
});

describe('Insomnia scripts run unchanged', () => {
  it('insomnia is pm under another name', async () => {
    const outcome = await run(`
      insomnia.test("ok", function () { insomnia.expect(insomnia.response.code).to.equal(200); });
      insomnia.environment.set("t", insomnia.response.json().token);`);
    expect(outcome.tests.map((t) => [t.name, t.outcome])).toEqual([['ok', 'passed']]);
    expect(outcome.writes).toEqual([{ scope: 'environment', op: 'set', key: 't', value: 't-1' }]);
  });
});
