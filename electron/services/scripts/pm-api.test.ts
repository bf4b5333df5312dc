import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner } from './script-runner';
import { scriptRun } from './test-support';
import type { ScriptRun } from './script-types';

const runner = createScriptRunner();
afterAll(() => runner.close());
beforeAll(() => runner.run(scriptRun('')), 60_000);

const run = (source: string, overrides: Partial<ScriptRun> = {}) => runner.run(scriptRun(source, overrides));
const pre = (source: string) => run(source, { kind: 'pre-request', response: undefined });
const results = async (source: string) => (await run(source)).tests.map((test) => [test.name, test.outcome, test.message]);

describe('pm.test', () => {
  it("passes, fails with chai's message, and skips (Postman: a test fails when its function throws)", async () => {
    const outcome = await run(`
      pm.test("passes", function () { pm.expect(1).to.equal(1); });
      pm.test("fails", function () { pm.expect(pm.response.code).to.equal(404); });
      pm.test.skip("skipped", function () { throw new Error("never runs"); });
      pm.test("throws", function () { null.x; });`);
    expect(outcome.tests).toEqual([
      { name: 'passes', outcome: 'passed', source: 'script', origin: 'Post-response script of "Login"' },
      { name: 'fails', outcome: 'failed', message: 'expected 200 to equal 404', source: 'script', origin: 'Post-response script of "Login"' },
      { name: 'skipped', outcome: 'skipped', source: 'script', origin: 'Post-response script of "Login"' },
      { name: 'throws', outcome: 'failed', message: expect.stringMatching(/^TypeError: /), source: 'script', origin: 'Post-response script of "Login"' },
    ]);
    expect(outcome.error).toBeNull();
  });

  it('waits for async tests and done() callbacks, and fails one that never settles', async () => {
    expect(
      await results(`
      pm.test("async", async () => { await Promise.resolve(); pm.expect(1).to.equal(2); });
      pm.test("done", (done) => { setTimeout(() => done(), 50); });
      pm.test("never", (done) => {});`),
    ).toEqual([
      ['async', 'failed', 'expected 1 to equal 2'],
      ['done', 'passed', undefined],
      ['never', 'failed', expect.stringMatching(/did not finish/)],
    ]);
  });

  it('a script error after some tests keeps them and names the script and line', async () => {
    const outcome = await run('pm.test("first", () => {});\nundefinedFunction();');
    expect(outcome.tests.map((test) => test.outcome)).toEqual(['passed']);
    expect(outcome.error).toBe('Post-response script of "Login" failed: ReferenceError: \'undefinedFunction\' is not defined (line 2)');
  });
});

describe('pm.expect (chai BDD semantics)', () => {
  const cases: [string, string | null][] = [
    ['pm.expect(2).to.equal(2)', null],
    ['pm.expect("a").to.equal("b")', "expected 'a' to equal 'b'"],
    ['pm.expect({ a: [1] }).to.eql({ a: [1] })', null],
    ['pm.expect({ a: 1 }).to.equal({ a: 1 })', 'expected { a: 1 } to equal { a: 1 }'],
    ['pm.expect({ a: 1 }).to.deep.equal({ a: 1 })', null],
    ['pm.expect([1, 2]).to.eql([2, 1])', 'expected [ 1, 2 ] to deeply equal [ 2, 1 ]'],
    ['pm.expect("hello world").to.include("world")', null],
    ['pm.expect([1, 2, 3]).to.include(4)', 'expected [ 1, 2, 3 ] to include 4'],
    ['pm.expect({ a: 1, b: 2 }).to.include({ a: 1 })', null],
    ['pm.expect([{ a: 1 }]).to.deep.include({ a: 1 })', null],
    ['pm.expect({ a: 1 }).to.have.property("a")', null],
    ['pm.expect({ a: 1 }).to.have.property("a", 2)', "expected { a: 1 } to have property 'a' of 2, but got 1"],
    ['pm.expect({ a: { b: 1 } }).to.have.property("a").that.has.property("b", 1)', null],
    ['pm.expect({ a: 1 }).to.not.have.property("b")', null],
    ['pm.expect(5).to.be.below(10)', null],
    ['pm.expect(15).to.be.below(10)', 'expected 15 to be below 10'],
    ['pm.expect(15).to.be.above(10).and.at.most(15)', null],
    ['pm.expect(5).to.be.above(10)', 'expected 5 to be above 10'],
    ['pm.expect(3).to.be.within(1, 5)', null],
    ['pm.expect("b").to.be.oneOf(["a", "b"])', null],
    ['pm.expect("c").to.be.oneOf(["a", "b"])', "expected 'c' to be one of [ 'a', 'b' ]"],
    ['pm.expect("x").to.be.a("string")', null],
    ['pm.expect([]).to.be.an("array").that.is.empty', null],
    ['pm.expect({}).to.be.an("array")', 'expected {} to be an array'],
    ['pm.expect(null).to.be.null', null],
    ['pm.expect(undefined).to.be.undefined', null],
    ['pm.expect(1).to.be.ok', null],
    ['pm.expect(0).to.be.ok', 'expected 0 to be truthy'],
    ['pm.expect(true).to.be.true', null],
    ['pm.expect(false).to.be.true', 'expected false to be true'],
    ['pm.expect(false).to.be.false', null],
    ['pm.expect([1, 2, 3]).to.have.lengthOf(3)', null],
    ['pm.expect("abc").to.have.lengthOf(2)', "expected 'abc' to have a length of 2 but got 3"],
    ['pm.expect([1, 2, 3]).to.have.length.above(2)', null],
    ['pm.expect(1).to.not.equal(2)', null],
    ['pm.expect(1).to.not.equal(1)', 'expected 1 to not equal 1'],
    ['pm.expect("abc").to.match(/b/)', null],
    ['pm.expect({ a: 1, b: 2 }).to.have.all.keys("a", "b")', null],
    ['pm.expect({ a: 1, b: 2 }).to.have.any.keys("a", "z")', null],
    ['pm.expect([1, 2]).to.have.members([2, 1])', null],
    ['pm.expect(() => { throw new TypeError("no") }).to.throw(TypeError)', null],
    ['pm.expect(1, "custom").to.equal(2)', 'custom: expected 1 to equal 2'],
    ['pm.expect({ id: 1, name: "Ada", email: "ada@example.test" }).to.have.property("x")', "expected { Object (id, name, ...) } to have property 'x'"],
  ];
  it.each(cases)('%s', async (assertion, message) => {
    const [result] = await results(`pm.test("t", () => { ${assertion}; });`);
    expect(result).toEqual(message === null ? ['t', 'passed', undefined] : ['t', 'failed', message]);
  });
});

describe('pm.response (chai-postman assertions)', () => {
  const cases: [string, string | null][] = [
    ['pm.response.to.have.status(200)', null],
    ['pm.response.to.have.status(201)', 'expected response to have status code 201 but got 200'],
    ['pm.response.to.have.status("OK")', null],
    ['pm.expect(pm.response).to.have.status(200)', null],
    ['pm.response.to.be.ok', null],
    ['pm.response.to.be.success', null],
    ['pm.response.to.not.be.error', null],
    ['pm.response.to.be.notFound', 'expected response code to be 404 but found 200'],
    ['pm.response.to.have.header("content-type")', null],
    ['pm.response.to.have.header("X-Trace", "abc")', null],
    ['pm.response.to.have.header("X-Missing")', "expected response to have header with key 'X-Missing'"],
    ['pm.response.to.have.jsonBody()', null],
    ['pm.response.to.have.jsonBody("user.name")', null],
    ['pm.response.to.have.jsonBody("user.name", "Ada")', null],
    ['pm.response.to.have.jsonBody("user.roles[0]", "admin")', null],
    ['pm.response.to.have.jsonBody("user.name", "Bob")', "expected response body json at 'user.name' to contain 'Bob' but got 'Ada'"],
    ['pm.response.to.be.json', null],
    ['pm.response.to.be.withBody', null],
    ['pm.expect(pm.response.json().user.roles).to.include("admin")', null],
    ['pm.expect(pm.response.text()).to.include("t-1")', null],
    ['pm.expect(pm.response.code).to.equal(200)', null],
    ['pm.expect(pm.response.status).to.equal("OK")', null],
    ['pm.expect(pm.response.headers.get("Content-Type")).to.include("application/json")', null],
    ['pm.expect(pm.response.responseTime).to.be.below(200)', null],
    ['pm.expect(pm.response.size().total).to.equal(140)', null],
  ];
  it.each(cases)('%s', async (assertion, message) => {
    const [result] = await results(`pm.test("t", () => { ${assertion}; });`);
    expect(result).toEqual(message === null ? ['t', 'passed', undefined] : ['t', 'failed', message]);
  });

  it('json() gives a copy each time and says when the body is not JSON', async () => {
    const outcome = await run('var a = pm.response.json(); a.token = "changed"; console.log(pm.response.json().token); pm.response.json();', {
      response: { ...scriptRun('').response!, body: 'not json' },
    });
    expect(outcome.error).toMatch(/pm\.response\.json\(\): the response body is not JSON/);
    const ok = await run('var a = pm.response.json(); a.token = "changed"; console.log(pm.response.json().token);');
    expect(ok.console.map((line) => line.text)).toEqual(['t-1']);
  });

  it('pm.response is refused in a pre-request script', async () => {
    expect((await pre('pm.response.code')).error).toMatch(/pm\.response is not available in a pre-request script/);
  });
});

describe('variables', () => {
  it('pm.environment / collectionVariables / globals: get, set, unset, has, with the writes reported in order', async () => {
    const outcome = await run(`
      console.log(pm.environment.get("base"), pm.collectionVariables.get("page"), pm.globals.get("g"), pm.environment.has("nope"));
      pm.environment.set("token", pm.response.json().token);
      pm.collectionVariables.set("page", 2);
      pm.globals.unset("g");
      console.log(pm.environment.get("token"), pm.collectionVariables.get("page"), pm.globals.has("g"));
      pm.environment.set("obj", { a: 1 });`);
    expect(outcome.console.map((line) => line.text)).toEqual(['https://api.example.test 1 global false', 't-1 2 false']);
    expect(outcome.writes).toEqual([
      { scope: 'environment', op: 'set', key: 'token', value: 't-1' },
      { scope: 'collection', op: 'set', key: 'page', value: '2' },
      { scope: 'globals', op: 'unset', key: 'g' },
      { scope: 'environment', op: 'set', key: 'obj', value: '{"a":1}' },
    ]);
  });

  it('pm.variables reads the narrowest scope (local > data > environment > collection > globals) and sets local ones', async () => {
    const outcome = await run(
      `console.log(pm.variables.get("a"), pm.variables.get("b"), pm.variables.get("c"), pm.variables.get("d"), pm.variables.get("e"));
       pm.variables.set("a", "new local"); console.log(pm.variables.get("a"), pm.variables.replaceIn("{{b}}/{{missing}}"));`,
      {
        variables: {
          local: { a: 'local' },
          data: { a: 'data', b: 'data' },
          environment: { b: 'env', c: 'env' },
          collection: { c: 'col', d: 'col' },
          globals: { d: 'glob', e: 'glob' },
        },
      },
    );
    expect(outcome.console.map((line) => line.text)).toEqual(['local data env col glob', 'new local data/{{missing}}']);
    expect(outcome.writes).toEqual([{ scope: 'local', op: 'set', key: 'a', value: 'new local' }]);
  });

  it('pm.iterationData is read-only', async () => {
    const outcome = await run('console.log(pm.iterationData.get("row")); pm.iterationData.set("row", 2);', {
      variables: { ...scriptRun('').variables, data: { row: '1' } },
    });
    expect(outcome.console[0]?.text).toBe('1');
    expect(outcome.error).toMatch(/pm\.iterationData is read-only/);
  });
});

describe('pm.request, pm.info, console', () => {
  it('a pre-request script edits the url, method, headers and raw body', async () => {
    const outcome = await pre(`
      pm.request.url = pm.request.url.toString().replace("x=1", "x=2");
      pm.request.headers.add({ key: "X-Signed", value: "sig" });
      pm.request.headers.upsert({ key: "accept", value: "text/plain" });
      pm.request.headers.remove("Nope");
      var body = JSON.parse(pm.request.body.raw); body.at = 1; pm.request.body.raw = JSON.stringify(body);
      pm.request.method = "put";`);
    expect(outcome.error).toBeNull();
    expect(outcome.request).toEqual({
      url: 'https://api.example.test/login?x=2',
      method: 'PUT',
      headers: [
        { key: 'Accept', value: 'text/plain' },
        { key: 'X-Signed', value: 'sig' },
      ],
      body: { mode: 'raw', raw: '{"user":"ada","at":1}', editable: true },
    });
  });

  it('the request cannot be changed after it was sent', async () => {
    expect((await run('pm.request.headers.add({ key: "a", value: "b" })')).error).toMatch(/cannot change the response|only be changed in a pre-request/);
    expect((await run('pm.request.url = "http://other/"')).error).toMatch(/only be changed in a pre-request script/);
    expect((await run('console.log(pm.request.url.getHost(), pm.request.url.getPath(), pm.request.headers.get("accept"))')).console[0]?.text).toBe(
      'api.example.test /login application/json',
    );
  });

  it('pm.info names the request, iteration and event', async () => {
    const outcome = await run('console.log(pm.info.requestName, pm.info.iteration, pm.info.eventName)');
    expect(outcome.console[0]?.text).toBe('Login 0 test');
  });

  it('console.log/warn/error are captured with their level and the script that printed them', async () => {
    const outcome = await run('console.log("a", 1, { b: [2] }); console.warn("w"); console.error(new Error("boom"))');
    expect(outcome.console).toEqual([
      { level: 'log', text: 'a 1 { b: [ 2 ] }', origin: 'Post-response script of "Login"' },
      { level: 'warn', text: 'w', origin: 'Post-response script of "Login"' },
      { level: 'error', text: '[Error: boom]', origin: 'Post-response script of "Login"' },
    ]);
  });
});

describe('what is not supported is refused by name', () => {
  it.each([
    ['pm.cookies.get("a")', /^Post-response script of "Login" failed: UnsupportedError: pm\.cookies is not supported in Courier scripts/],
    ['pm.vault.get("a")', /pm\.vault is not supported/],
    ['pm.visualizer.set("<b/>")', /pm\.visualizer is not supported/],
    ['require("lodash")', /require\('lodash'\) is not supported in Courier scripts/],
    ['setInterval(() => {}, 10)', /setInterval\(\) is not supported/],
    ['pm.response.to.have.jsonSchema({})', null],
  ])('%s', async (source, message) => {
    const outcome = await run(source);
    if (message) expect(outcome.error).toMatch(message);
    else expect(outcome.error).toMatch(/jsonSchema\(\) is not supported/);
  });
});
