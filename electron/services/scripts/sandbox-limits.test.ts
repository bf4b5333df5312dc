import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner } from './script-runner';
import { scriptRun } from './test-support';

const runner = createScriptRunner();
afterAll(() => runner.close());
// the worker's start (WebAssembly compile, harness, warm-up) is not part of any limit or timing below
beforeAll(() => runner.run(scriptRun('')), 60_000);

const run = (source: string) => runner.run(scriptRun(source));

describe('the script sandbox refuses what would touch the machine', () => {
  it('stops an endless loop at the CPU limit, naming the script, and runs the next script normally', async () => {
    const started = Date.now();
    const outcome = await run('for (;;) {}');
    // 1 s of CPU: about 1 s of wall time on a quiet machine; a loaded one stretches it, up to the 10 s backstop
    expect(outcome.error).toMatch(
      /^Post-response script of "Login" (used up its CPU time limit of 1 s and was stopped\.|was stopped after 10 s: the machine was too busy to give it its CPU time limit of 1 s\.)$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await run('pm.test("after", () => {})')).tests).toMatchObject([{ name: 'after', outcome: 'passed' }]);
  });

  it('stops an endless promise chain and an endless timer chain too', async () => {
    expect((await run('function again() { return Promise.resolve().then(again); } again();')).error).toBe(
      'Post-response script of "Login" queued more than 100000 promise jobs (an endless promise chain?) and was stopped.',
    );
    expect((await run('pm.test("after", () => {})')).tests).toMatchObject([{ name: 'after', outcome: 'passed' }]);
    expect((await run('function again() { setTimeout(again, 10); } again();')).error).toMatch(/used up its CPU time limit of 1 s/);
  });

  it('stops a huge allocation at the memory limit, naming the script', async () => {
    const outcome = await run('var keep = []; for (;;) keep.push(new ArrayBuffer(8 * 1024 * 1024));');
    expect(outcome.error).toBe('Post-response script of "Login" used more than 64 MB of memory and was stopped.');
    expect((await run('new Uint8Array(1e9)')).error).toMatch(/used more than 64 MB of memory/);
    expect((await run('"x".repeat(5e8).length')).error).toMatch(/used more than 64 MB of memory/);
    expect((await run('pm.test("after", () => {})')).error).toBeNull();
  });

  it('applies the limits given to the runner', async () => {
    const strict = createScriptRunner({ limits: { cpuMs: 200, memoryBytes: 16 * 1024 * 1024 } });
    try {
      expect((await strict.run(scriptRun('for (;;) {}'))).error).toMatch(/used up its CPU time limit of 200 ms/);
      expect((await strict.run(scriptRun('var keep = []; for (;;) keep.push(new Uint8Array(1024 * 1024));'))).error).toMatch(/more than 16 MB/);
    } finally {
      await strict.close();
    }
  });

  it.each([
    ['require', 'require("fs")', /require\('fs'\) is not supported in Courier scripts/],
    ['require of a library', 'require("lodash")', /require\('lodash'\) is not supported/],
    ['process', 'process.exit(1)', /'process' is not defined/],
    ['the Function constructor', 'globalThis.constructor.constructor("return process")()', /'process' is not defined/],
    ["a function's constructor", '(function () {}).constructor("return process.mainModule")()', /'process' is not defined/],
    ['fetch', 'fetch("http://127.0.0.1/")', /'fetch' is not defined/],
    ['XMLHttpRequest', 'new XMLHttpRequest()', /'XMLHttpRequest' is not defined/],
  ])('refuses %s with an error naming the script', async (_name, source, message) => {
    const outcome = await run(source);
    expect(outcome.error).toMatch(/^Post-response script of "Login" failed: /);
    expect(outcome.error).toMatch(message);
  });

  it('has no module loader: import() is refused', async () => {
    const outcome = await run('import("fs").then(() => console.log("loaded"), (e) => console.log("refused: " + e.message));');
    expect(outcome.console.map((line) => line.text)).toEqual([expect.stringMatching(/^refused: could not load module 'fs'/)]);
  });

  it('has no host globals at all', async () => {
    const outcome = await run(
      'console.log([typeof process, typeof require("x") === "undefined", typeof Buffer, typeof global, typeof std, typeof os, typeof WebAssembly].join(","))'.replace(
        'typeof require("x") === "undefined", ',
        '',
      ),
    );
    expect(outcome.console[0]?.text).toBe('undefined,undefined,undefined,undefined,undefined,undefined');
  });

  it("cannot pollute the host's prototypes, nor the next script's", async () => {
    const polluting = await run(`
      try { Object.prototype.polluted = 'yes'; } catch (e) {}
      try { Array.prototype.push = function () { return 'hijacked'; }; } catch (e) {}
      var body = pm.response.json(); body.__proto__.polluted = 'yes';
      leaked = 'from the first script';
      pm.environment.set('__proto__', 'x');
      pm.test('ran', () => {});`);
    expect(polluting.tests).toMatchObject([{ name: 'ran', outcome: 'passed' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const next = await run('var a = []; a.push(1); console.log(typeof leaked, ({}).polluted, a.length)');
    expect(next.console[0]?.text).toBe('undefined undefined 1');
    // a variable named __proto__ is data like any other, for the host to store or refuse
    expect(polluting.writes).toEqual([{ scope: 'environment', op: 'set', key: '__proto__', value: 'x' }]);
  });

  it('still lets a script override a method on its own objects (the frozen built-ins do not get in the way)', async () => {
    const outcome = await run(
      'var o = {}; o.toString = function () { return "mine"; }; var e = new Error("x"); e.name = "Custom"; console.log(String(o), e.name)',
    );
    expect(outcome.console[0]?.text).toBe('mine Custom');
  });

  it('caps very large console output and says so', async () => {
    const outcome = await run('for (var i = 0; i < 20000; i++) console.log("line " + i + " " + "x".repeat(100));');
    expect(outcome.error).toBeNull();
    expect(outcome.console.length).toBeLessThanOrEqual(1001);
    expect(outcome.console.reduce((sum, line) => sum + line.text.length, 0)).toBeLessThan(300 * 1024);
    expect(outcome.console.at(-1)?.text).toMatch(/console output cut: \d+ more line\(s\) not kept/);
  });

  it('cuts one huge console line', async () => {
    const outcome = await run('console.log("y".repeat(5e6))');
    expect(outcome.console[0]?.text.length).toBeLessThan(11_000);
  });

  it("reports deep recursion as the script's error", async () => {
    const outcome = await run('function f() { return f() + 1; } f();');
    expect(outcome.error).toMatch(/^Post-response script of "Login" (failed: .*stack overflow|could not run)/i);
    expect((await run('pm.test("after", () => {})')).error).toBeNull();
  });

  it('reports a syntax error naming the script and the line', async () => {
    const outcome = await run('pm.test("x", () => {});\nlet = = 2;');
    expect(outcome.error).toMatch(/^Post-response script of "Login" has a syntax error: SyntaxError/);
  });

  it('a normal script is fast on the warm sandbox', async () => {
    const source =
      'pm.test("status", () => pm.response.to.have.status(200)); pm.test("id", () => pm.expect(pm.response.json().user.id).to.eql(7)); pm.test("token", () => pm.expect(pm.response.json()).to.have.property("token"));';
    for (let i = 0; i < 100; i++) await run(source);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      const outcome = await run(source);
      times.push(performance.now() - started);
      expect(outcome.tests.every((test) => test.outcome === 'passed')).toBe(true);
    }
    times.sort((a, b) => a - b);
    const p50us = Math.round(times[100]! * 1000);
    console.log(`script run with 3 pm.test, p50 ${p50us} µs (worker round trip included)`);
    // generous for a loaded CI machine; the measured figure is reported above
    expect(p50us).toBeLessThan(5000);
  });
});
