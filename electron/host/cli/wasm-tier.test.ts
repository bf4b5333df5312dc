import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isShortRun, SHORT_RUN_MAX_BYTES, sourceFileBytes } from './wasm-tier';

describe('isShortRun', () => {
  it('takes a small collection file run once or a few times as short', () => {
    expect(isShortRun({}, 700)).toBe(true);
    expect(isShortRun({ iterations: 10 }, 700)).toBe(true);
    expect(isShortRun({}, SHORT_RUN_MAX_BYTES)).toBe(true);
  });

  it('keeps the optimizing tier for a large file, many iterations, a data file or a folder', () => {
    expect(isShortRun({}, SHORT_RUN_MAX_BYTES + 1)).toBe(false);
    expect(isShortRun({ iterations: 1000 }, 700)).toBe(false);
    expect(isShortRun({ data: 'rows.csv' }, 700)).toBe(false);
    expect(isShortRun({}, null)).toBe(false);
  });

  it("reads a file's size, and none for a folder or a missing path", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'courier-wasm-tier-'));
    try {
      await writeFile(path.join(dir, 'a.json'), '{"item":[]}');
      expect(sourceFileBytes(path.join(dir, 'a.json'))).toBe(11);
      expect(sourceFileBytes(dir)).toBeNull();
      expect(sourceFileBytes(path.join(dir, 'missing.json'))).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
