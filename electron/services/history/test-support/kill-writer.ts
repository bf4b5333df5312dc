// Child process for the kill-loop test: appends entries as fast as it can and prints "ack <id>" for each one whose
// record() resolved. The parent SIGKILLs it at a random moment. stdout to a pipe is synchronous on POSIX, so an id
// printed is an id the store had already acknowledged.
import { randomBytes } from 'node:crypto';
import { createHistoryService } from '../index';
import { fakeRecord } from './fixtures';

async function main(): Promise<void> {
  const dir = process.argv[2] as string;
  const service = createHistoryService({ dir, orphanSweepDelayMs: 60_000 });
  process.stdout.write('ready\n');
  let n = 0;
  for (;;) {
    n++;
    // A mix of sizes so kills land in file writes, compression and commits alike.
    const size = n % 7 === 0 ? 300_000 : n % 3 === 0 ? 20_000 : 200;
    const body = n % 2 === 0 ? randomBytes(size) : Buffer.from(`{"n":${n},"pad":"${'x'.repeat(size)}"}`);
    const summary = await service.record(
      fakeRecord({ url: `http://kill.test/${process.pid}/${n}`, body, contentType: n % 2 === 0 ? 'application/octet-stream' : 'application/json' }),
    );
    process.stdout.write(`ack ${summary.id}\n`);
  }
}

void main();
