#!/usr/bin/env node
// `courier` (package.json bin): starts the CLI that `npm run build` bundles to dist/cli/courier.js.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/courier.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('courier: the CLI is not built yet. Run "npm run build" in the Courier folder first.\n');
  process.exit(2);
}
await import(entry.href);
