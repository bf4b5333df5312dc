// `npm run web [-- --port 4000 --data-dir /tmp/x]`: Courier in your browser, served on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild, root, runForwardingSignals } from './ensure-build.mjs';

await ensureBuild();
const child = spawn(process.execPath, [path.join(root, 'dist', 'web', 'cli.js'), ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit' });
runForwardingSignals(child);
