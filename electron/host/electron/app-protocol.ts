import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../core';
import { resolveStaticFile } from '../../services/static-files';

/**
 * The renderer is served from courier://app/, never from file:// or a remote URL: a standard, secure scheme gives the
 * page a real origin (so CSP 'self' and the sender check mean something) without granting file:// powers.
 */
const APP_SCHEME = 'courier';
const APP_HOST = 'app';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(raw: string | null | undefined): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Must run before the app is ready: Chromium fixes the set of privileged schemes at start-up. corsEnabled because
 * Vite emits `<script type="module" crossorigin>` and module workers, which Chromium fetches in CORS mode; same-origin
 * loads then succeed, and cross-origin ones still need CORS headers that nothing here sends.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function notFound(): Response {
  return new Response('Not found.\n', { status: 404, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers courier://app/<path> from the built renderer, with the same traversal rules as the web host. */
function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    const file = await resolveStaticFile(rendererRoot, url.pathname);
    if (!file) return notFound();
    const body = request.method === 'HEAD' ? null : await readFile(file.filePath);
    return new Response(body, {
      status: 200,
      headers: {
        ...BASE_HEADERS,
        'Content-Type': file.contentType,
        'Cache-Control': file.isDocument ? 'no-store' : 'no-cache',
      },
    });
  };
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}
