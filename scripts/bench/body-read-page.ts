// Bundled for the browser by scripts/bench.mjs and evaluated in the Courier page: the renderer's own bridge client
// and range reader, so the figure is what the response viewer gets, not a hand-written protocol client.
import './jitless-zod';
import { call } from '../../renderer/lib/bridge';
import { readBodyRanges } from '../../renderer/features/response-viewer/read-body-ranges';

interface BodyReadBench {
  /** http.send through the bridge; the body stays in the main process, as for any response */
  send(url: string): Promise<{ id: string; size: number }>;
  /** every range of the body read into the window; ms as the page measures it */
  read(bodyId: string, size: number): Promise<{ ms: number; bytes: number }>;
}

declare global {
  interface Window {
    __bodyReadBench?: BodyReadBench;
  }
}

let sent = 0;
window.__bodyReadBench = {
  async send(url) {
    const exchange = await call('http.send', { requestId: `body-read-bench-${++sent}`, request: { method: 'GET', url } });
    return { id: exchange.body.id, size: exchange.body.size };
  },
  async read(bodyId, size) {
    let bytes = 0;
    const started = performance.now();
    await readBodyRanges(bodyId, size, (range) => {
      bytes += range.length;
      return true;
    });
    return { ms: performance.now() - started, bytes };
  },
};
