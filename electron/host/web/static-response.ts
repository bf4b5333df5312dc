import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolveStaticFile } from '../../services/static-files';
import { applySecurityHeaders, sendText } from './security-headers';

/** Serves one built renderer file, or a 404; the path rules live in the static-files service. */
export async function sendStaticFile(response: ServerResponse, staticRoot: string, pathname: string): Promise<void> {
  const file = await resolveStaticFile(staticRoot, pathname);
  if (!file) {
    // Browsers ask for /favicon.ico on their own; an empty answer keeps a 404 out of the page's console.
    if (pathname === '/favicon.ico') {
      applySecurityHeaders(response);
      response.writeHead(204, { 'Cache-Control': 'private, max-age=86400' });
      response.end();
      return;
    }
    sendText(response, 404, 'Not found.');
    return;
  }
  applySecurityHeaders(response);
  response.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
    // The document names the current build's hashed assets, so it is fetched fresh every time.
    'Cache-Control': file.isDocument ? 'no-store' : 'private, no-cache',
  });
  if (response.req.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file.filePath);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
