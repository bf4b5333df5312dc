import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_ARGS } from './browser';

/**
 * A Chromium page driven over the DevTools protocol with only `Runtime` in use. Playwright (and Puppeteer) enable
 * CDP's Network domain on every page, and then Chromium copies every WebSocket frame to the driver as base64
 * (Network.webSocketFrameReceived): a reading of 1 MiB binary frames measures that copy, not the page. Here nothing
 * but Runtime.evaluate is ever sent, so the page runs as a person's would. Hand-written because it is ~80 lines and
 * every library that drives Chromium turns the Network domain on.
 */
export interface BarePage {
  /** evaluates an expression in the page; a promise is awaited; the value comes back as JSON */
  evaluate<T>(expression: string): Promise<T>;
  /** polls an expression until it is truthy */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
}

export interface BareBrowser {
  newPage(url: string): Promise<BarePage>;
  close(): Promise<void>;
}

export async function launchBareChromium(): Promise<BareBrowser> {
  const executable = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file));
  if (!executable) throw new Error('No Chromium at /usr/bin/chromium');
  const profile = await mkdtemp(path.join(tmpdir(), 'courier-bare-cdp-'));
  const child = spawn(executable, ['--headless=new', ...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const endpoint = await devtoolsEndpoint(child);
    const socket = new WebSocket(endpoint, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    let nextId = 0;
    const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
    });
    const send = (method: string, params: object, sessionId?: string) =>
      new Promise<unknown>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    const newPage = async (url: string): Promise<BarePage> => {
      const { targetId } = (await send('Target.createTarget', { url })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const evaluate = async <T>(expression: string): Promise<T> => {
        const reply = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
          result: { value?: unknown };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        };
        if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
        return reply.result.value as T;
      };
      return {
        evaluate,
        async waitFor(expression, timeoutMs = 15_000) {
          const until = Date.now() + timeoutMs;
          while (!(await evaluate<boolean>(`Boolean(${expression})`).catch(() => false))) {
            if (Date.now() > until) throw new Error(`Timed out waiting for ${expression}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        },
      };
    };
    return {
      newPage,
      async close() {
        socket.close();
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill();
          await exited;
        }
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Chromium prints its browser endpoint on stderr once it listens. */
function devtoolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen.slice(-500)}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (!found) return;
      clearTimeout(timer);
      resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen.slice(-500)}`)));
  });
}
