import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner } from './script-runner';
import type { ScriptSendRequest, ScriptSendResult } from './script-types';
import { scriptRun } from './test-support';

/**
 * pm.sendRequest inside the sandbox: what the harness makes of Postman's request shapes, and what a script sees of the
 * answer. The sending itself (engine, origins, cancel, timing) is tested against real servers in
 * core/script-send-request.test.ts; here the host's handler is the script's whole world, so it records what crossed.
 */
const runner = createScriptRunner();
afterAll(() => runner.close());
beforeAll(() => runner.run(scriptRun('')), 60_000);

const answer = (request: ScriptSendRequest): ScriptSendResult => ({
  ok: true,
  response: {
    code: 200,
    status: 'OK',
    headers: [{ key: 'Content-Type', value: 'application/json' }],
    body: JSON.stringify(request),
    responseTime: 5,
    size: 10,
    headerSize: 20,
  },
});

async function sending(source: string) {
  const received: ScriptSendRequest[] = [];
  const outcome = await runner.run(scriptRun(source), {
    sendRequest: async (request) => {
      received.push(request);
      return answer(request);
    },
  });
  return { received, outcome };
}

describe('pm.sendRequest in the sandbox', () => {
  it("takes Postman's request shapes: a URL, { url: { raw } }, header lists and objects, raw, urlencoded, formdata and graphql bodies", async () => {
    const { received, outcome } = await sending(`
      pm.variables.set("id", "42");
      pm.sendRequest("{{base}}/a/{{id}}", () => {});
      pm.sendRequest({ url: { raw: "{{base}}/b" }, method: "put", header: [{ key: "X-A", value: 1 }, { key: "X-Off", value: "no", disabled: true }, "X-B: two"], body: { mode: "raw", raw: { id: "{{id}}" }, options: { raw: { language: "json" } } } }, () => {});
      pm.sendRequest({ url: "{{base}}/c", method: "POST", header: { "X-C": "{{id}}" }, body: { mode: "urlencoded", urlencoded: [{ key: "a", value: "{{id}}" }, { key: "b", value: "x", disabled: true }] } }, () => {});
      pm.sendRequest({ url: "{{base}}/d", method: "POST", body: { mode: "formdata", formdata: [{ key: "f", value: "v", type: "text" }] } }, () => {});
      pm.sendRequest({ url: "{{base}}/e", method: "POST", body: { mode: "graphql", graphql: { query: "{ me }", variables: '{"n":1}' } } }, () => {});`);
    expect(outcome.error).toBeNull();
    expect(received).toEqual([
      { url: 'https://api.example.test/a/42', method: 'GET', headers: [], body: null },
      {
        url: 'https://api.example.test/b',
        method: 'PUT',
        headers: [
          { key: 'X-A', value: '1' },
          { key: 'X-B', value: 'two' },
        ],
        body: { mode: 'raw', raw: '{"id":"42"}', language: 'json' },
      },
      {
        url: 'https://api.example.test/c',
        method: 'POST',
        headers: [{ key: 'X-C', value: '42' }],
        body: { mode: 'urlencoded', fields: [{ key: 'a', value: '42' }] },
      },
      { url: 'https://api.example.test/d', method: 'POST', headers: [], body: { mode: 'formdata', fields: [{ key: 'f', value: 'v' }] } },
      {
        url: 'https://api.example.test/e',
        method: 'POST',
        headers: [],
        body: { mode: 'raw', raw: '{"query":"{ me }","variables":{"n":1}}', language: 'json' },
      },
    ]);
  });

  it('answers callbacks and awaits before the run ends, and their results count like any other', async () => {
    const { outcome } = await sending(`
      pm.sendRequest("https://api.example.test/one", (err, res) => {
        pm.test("callback", () => { pm.expect(err).to.equal(null); pm.expect(res.json().url).to.equal("https://api.example.test/one"); });
        pm.collectionVariables.set("from", res.headers.get("content-type"));
      });
      const res = await pm.sendRequest("https://api.example.test/two");
      pm.test("awaited", () => pm.expect(res).to.have.status(200));
      res.headers.add({ key: "x", value: "y" });`);
    expect(outcome.tests.map((test) => [test.name, test.outcome])).toEqual([
      ['callback', 'passed'],
      ['awaited', 'passed'],
    ]);
    expect(outcome.writes).toEqual([{ scope: 'collection', op: 'set', key: 'from', value: 'application/json' }]);
    // the answer is read-only, like pm.response
    expect(outcome.error).toMatch(/^Post-response script of "Login" failed: TypeError: response\.headers\.add\(\) cannot change the response/);
  });

  it('a callback that throws fails the script, naming it; a file field or an unknown body mode is refused', async () => {
    expect((await sending('pm.sendRequest("https://api.example.test/", () => { null.x; });')).outcome.error).toMatch(
      /^Post-response script of "Login" failed: TypeError: /,
    );
    expect(
      (await sending('pm.sendRequest({ url: "https://x.test", body: { mode: "formdata", formdata: [{ key: "f", type: "file", src: "/etc/passwd" }] } })'))
        .outcome.error,
    ).toMatch(/pm\.sendRequest\(\): a formdata file field cannot be sent from a script/);
    expect((await sending('pm.sendRequest({ url: "https://x.test", body: { mode: "file" } })')).outcome.error).toMatch(
      /body mode "file" cannot be sent from a script/,
    );
  });

  it("the host's watchdog (wall-clock backstop + grace) does not end a worker that is waiting for an answer", async () => {
    const strict = createScriptRunner({ limits: { cpuMs: 300 }, graceMs: 100 });
    try {
      const outcome = await strict.run(
        scriptRun('pm.sendRequest("https://x.test/slow", (err, res) => pm.test("answered", () => pm.expect(res.code).to.equal(200)));'),
        {
          sendRequest: async (request) => {
            await new Promise((resolve) => setTimeout(resolve, 1000));
            return answer(request);
          },
        },
      );
      expect(outcome.error).toBeNull();
      expect(outcome.tests.map((test) => [test.name, test.outcome])).toEqual([['answered', 'passed']]);
      // and the limit still holds after the wait
      expect((await strict.run(scriptRun('for (;;) {}'))).error).toMatch(/used up its CPU time limit of 300 ms/);
    } finally {
      await strict.close();
    }
  }, 60_000);

  it("Bruno's bru.sendRequest: axios's request and response shapes, awaited or with a callback", async () => {
    const { received, outcome } = await sending(`
      const res = await bru.sendRequest({ method: "POST", url: "https://api.example.test/b", headers: { "X-B": "1" }, data: { a: 1 } });
      test("bruno answer", () => { expect(res.status).to.equal(200); expect(res.headers["content-type"]).to.equal("application/json"); expect(res.data.method).to.equal("POST"); });
      bru.sendRequest({ url: "https://api.example.test/c" }, (err, r) => bru.setVar("c", r.data.url));`);
    expect(outcome.error).toBeNull();
    expect(received).toEqual([
      { url: 'https://api.example.test/b', method: 'POST', headers: [{ key: 'X-B', value: '1' }], body: { mode: 'raw', raw: '{"a":1}', language: 'json' } },
      { url: 'https://api.example.test/c', method: 'GET', headers: [], body: null },
    ]);
    expect(outcome.tests.map((test) => [test.name, test.outcome])).toEqual([['bruno answer', 'passed']]);
    expect(outcome.writes).toEqual([{ scope: 'collection', op: 'set', key: 'c', value: 'https://api.example.test/c' }]);
  });

  it('without a handler (no engine) a call fails with a message, in the callback and as a rejection', async () => {
    const outcome = await runner.run(
      scriptRun(
        'pm.sendRequest("https://x.test", (err, res) => console.log(err.message, res)); try { await pm.sendRequest("https://x.test"); } catch (e) { console.log(e.name); }',
      ),
    );
    expect(outcome.console.map((line) => line.text)).toEqual(['pm.sendRequest() is not available here. null', 'SendRequestError']);
  });
});
