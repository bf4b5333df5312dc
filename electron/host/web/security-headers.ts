import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../core';

/** Sent with every response, errors included: a 401 page is still a page a browser renders. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function applySecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}

/** A short plain-text answer; never an HTML page and never a stack trace. */
export function sendText(response: ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  applySecurityHeaders(response);
  const body = Buffer.from(`${text}\n`, 'utf8');
  response.writeHead(status, {
    ...extraHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
