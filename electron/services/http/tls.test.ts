import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  echoHandler,
  generateTestCertificates,
  startHttpsServer,
  trapUnhandledErrors,
  type KeyPair,
  type TestCertificates,
  type TestServer,
} from '../../test-support';
import { createTestEngine, nextId, settle, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

let certs: TestCertificates;
let t: TestEngine;
const servers: TestServer[] = [];

async function serve(pair: KeyPair): Promise<TestServer> {
  const server = await startHttpsServer(pair, echoHandler);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  certs = await generateTestCertificates();
  t = await createTestEngine({ extraCaCertificates: [certs.ca] });
});
afterAll(async () => {
  await t.dispose();
  await Promise.all(servers.map((server) => server.close()));
});

describe('https', () => {
  it('verifies a trusted certificate and records TLS details and timings', async () => {
    const server = await serve(certs.valid);
    const exchange = await t.engine.send(nextId(), spec({ method: 'POST', url: `https://localhost:${server.port}/x`, body: { kind: 'json', text: '{}' } }));
    expect(exchange.response.status).toBe(200);
    expect(exchange.tls).toMatchObject({ verified: true, subject: 'CN=localhost', issuer: 'CN=courier-test-ca' });
    expect(exchange.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(exchange.tls?.cipher).toBeTruthy();
    expect(exchange.tls?.validTo).toBeTruthy();
    expect(exchange.timings.tls).toBeGreaterThan(0);
    expect(exchange.timings.reusedConnection).toBe(false);
    expect(exchange.warnings).toEqual([]);
    const again = await t.engine.send(nextId(), spec({ method: 'GET', url: `https://localhost:${server.port}/x` }));
    expect(again.timings).toMatchObject({ reusedConnection: true, tls: 0, connect: 0, dns: 0 });
    expect(again.tls?.verified).toBe(true);
  });

  const failures: [keyof TestCertificates, string, RegExp][] = [
    ['selfSigned', 'TLS_CERT_SELF_SIGNED', /self-signed certificate.*Turn off TLS verification/],
    ['expired', 'TLS_CERT_EXPIRED', /certificate has expired \(valid until .*2021.*\)/],
    ['wrongHost', 'TLS_CERT_HOSTNAME_MISMATCH', /not valid for 127\.0\.0\.1/],
    ['untrusted', 'TLS_CERT_UNTRUSTED', /not signed by an authority Courier trusts/],
  ];
  for (const [which, code, message] of failures) {
    it(`refuses a ${which} certificate with ${code}`, async () => {
      const server = await serve(certs[which] as KeyPair);
      const { error } = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: server.origin })));
      expect(error?.code).toBe(code);
      expect(error?.message).toMatch(message);
    });
  }

  it('with verification off, talks to a self-signed server and says so', async () => {
    const server = await serve(certs.selfSigned);
    const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url: server.origin, settings: { verifyTls: false } }));
    expect(exchange.response.status).toBe(200);
    expect(exchange.tls?.verified).toBe(false);
    expect(exchange.tls?.subject).toBe('CN=localhost');
    expect(exchange.warnings.join(' ')).toMatch(/TLS verification was turned off/);
    // A verified request to the same origin must not ride on the unverified connection.
    const { error } = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: server.origin })));
    expect(error?.code).toBe('TLS_CERT_SELF_SIGNED');
  });

  it('every body kind and generous settings work over https', async () => {
    const server = await serve(certs.valid);
    const settings = {
      connectTimeoutMs: 5_000,
      deadlineMs: 10_000,
      idleTimeoutMs: 5_000,
      maxRedirects: 2,
      maxResponseBytes: 1_000_000,
      maxDecodedBytes: 1_000_000,
    };
    const bodies = [
      { kind: 'none' as const },
      { kind: 'json' as const, text: '{"a":1}' },
      { kind: 'text' as const, text: 'plain', contentType: 'text/plain' },
      { kind: 'form' as const, fields: [{ name: 'a', value: 'b', enabled: true }] },
      { kind: 'multipart' as const, parts: [{ kind: 'text' as const, name: 'a', value: 'b', enabled: true }] },
      { kind: 'binary' as const, file: { fileName: 'f', contentType: 'application/octet-stream', dataBase64: 'AAEC' } },
    ];
    for (const body of bodies) {
      const exchange = await t.engine.send(nextId(), spec({ method: 'POST', url: `https://localhost:${server.port}/`, body, settings }));
      const reply = JSON.parse((await t.bodyText(exchange)) || '{}') as { bodyBase64: string };
      expect(Buffer.from(reply.bodyBase64, 'base64').length, body.kind).toBe(exchange.request.bodyBytes);
      expect(exchange.tls?.verified).toBe(true);
    }
  });

  it('fails the handshake against a server that does not speak TLS', async () => {
    const { startHttpServer } = await import('../../test-support');
    const plain = await startHttpServer(echoHandler);
    servers.push(plain);
    const { error } = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: `https://127.0.0.1:${plain.port}/` })));
    expect(error?.code).toBe('TLS_HANDSHAKE_FAILED');
    expect(error?.message).toMatch(/secure connection to 127\.0\.0\.1:\d+ could not be set up/);
  });
});
