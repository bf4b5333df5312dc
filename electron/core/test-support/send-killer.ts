// Child process for the send kill-loop test: sends requests through the real pipeline (createCourier, http.send,
// the engine, the history recorder) as fast as it can and prints "ack <n>" for each answer it got, the moment it got
// it. The parent SIGKILLs it at a random moment. stdout to a pipe is synchronous on POSIX, so a number printed is an
// answer the window could have shown.
import { dispatch } from '../../../shared/contract';
import { createCourier } from '../create-courier';

async function main(): Promise<void> {
  const [dataDir, origin] = process.argv.slice(2) as [string, string];
  const courier = createCourier({ dataDir, mode: 'web', version: '0.0.0-kill', openExternal: () => false, onInternalError: () => undefined });
  process.stdout.write('ready\n');
  for (let n = 1; ; n++) {
    const result = await dispatch(courier.handlers, 'http.send', {
      requestId: `kill-${process.pid}-${n}`,
      request: { method: 'GET', url: `${origin}/${process.pid}/${n}` },
    });
    if (result.ok) process.stdout.write(`ack ${process.pid}/${n}\n`);
  }
}

void main();
