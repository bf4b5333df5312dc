import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoHandler, startHttpServer, trapUnhandledErrors, type EchoReply, type TestServer } from '../../test-support';
import { createTestEngine, nextId, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

let server: TestServer;
let t: TestEngine;

beforeAll(async () => {
  server = await startHttpServer(echoHandler);
  t = await createTestEngine();
});

afterAll(async () => {
  await t.dispose();
  await server.close();
});

async function targetOf(url: string, params: { name: string; value: string }[] = []) {
  const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url, params }));
  const echoed = JSON.parse(await t.bodyText(exchange)) as EchoReply;
  return { target: echoed.url, shown: exchange.request.url };
}

describe('characters a URL cannot carry as typed', () => {
  it('encodes spaces in the path and query as %20, as browsers and curl do, and shows the encoded URL as sent', async () => {
    const { target, shown } = await targetOf(`${server.origin}/files/my report.pdf?msg=hello world`);
    expect(target).toBe('/files/my%20report.pdf?msg=hello%20world');
    expect(shown).toBe(`${server.origin}/files/my%20report.pdf?msg=hello%20world`);
  });

  it('leaves what is already percent-encoded alone (no double encoding)', async () => {
    const { target } = await targetOf(`${server.origin}/a%20b?q=x%2Fy%20z&plus=a+b`);
    expect(target).toBe('/a%20b?q=x%2Fy%20z&plus=a+b');
  });

  it('encodes quotes, angle brackets, backticks, braces and non-ASCII as a browser would', async () => {
    const { target } = await targetOf(`${server.origin}/p"<>\`{}é?q="<>é`);
    expect(target).toBe('/p%22%3C%3E%60%7B%7D%C3%A9?q=%22%3C%3E%C3%A9');
  });

  it('encodes a tab or line break rather than dropping it silently (the URL parser would remove them)', async () => {
    const { target } = await targetOf(`${server.origin}/a\tb?q=1\n2`);
    expect(target).toBe('/a%09b?q=1%0A2');
  });

  it('keeps the typed query as typed when the params table adds more', async () => {
    const { target } = await targetOf(`${server.origin}/get?msg=hello world`, [{ name: 'extra', value: 'a b' }]);
    expect(target).toBe('/get?msg=hello%20world&extra=a+b');
  });
});
