import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's entry chunk starts with V8's explicit compile hint (see vite.config.ts): without it, the functions the
 * first render calls are compiled on the main thread as they are first called. Built here by the project's own
 * vite.config.ts from the small page the cold-load benchmark compares against, so the test runs in seconds.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

describe("the renderer's entry chunk", () => {
  it('opens with the compile hint on its first line, and lazy chunks do not', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'courier-compile-hint-'));
    try {
      const result = await build({
        configFile: path.join(root, 'vite.config.ts'),
        root: path.join(root, 'scripts/bench/blank-page'),
        logLevel: 'silent',
        build: { outDir, write: false },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
      const chunks = outputs.flatMap((output) => output.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
      const entries = chunks.filter((chunk) => chunk.isEntry);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect(entry.code.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
      for (const chunk of chunks.filter((item) => !item.isEntry)) expect(chunk.code).not.toContain('allFunctionsCalledOnLoad');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
