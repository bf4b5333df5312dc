import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, events, type EventName } from '../../shared/contract';
import { largeOpenApiYaml } from '../services/import-export/test-support/large-openapi';
import { createCourier, type Courier } from './create-courier';

let dataDir: string;
let courier: Courier;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-import-progress-'));
  courier = createCourier({
    dataDir,
    mode: 'web',
    version: '0',
    openExternal: () => false,
    scrypt: { N: 1024, r: 8, p: 1 },
    onInternalError: (e) => console.error(e),
  });
});

afterAll(async () => {
  await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('import.parse progress and import.cancel through the contract', () => {
  it('emits import.progress for its importId, valid against the contract', async () => {
    const seen: unknown[] = [];
    const stop = courier.onEvent((event, payload) => {
      if (event !== 'import.progress') return;
      events[event as EventName].parse(payload);
      seen.push(payload);
    });
    const { text } = largeOpenApiYaml(200_000);
    const parsed = await dispatch(courier.handlers, 'import.parse', { text, importId: 'imp-1', sourceUrl: 'https://graph.example.com/openapi.yaml' });
    stop();
    expect(parsed.ok).toBe(true);
    expect(seen).toEqual([
      { importId: 'imp-1', phase: 'parsing' },
      { importId: 'imp-1', phase: 'resolving' },
      { importId: 'imp-1', phase: 'converting' },
    ]);
  }, 60_000);

  it('import.cancel stops a running import, which fails with CANCELLED', async () => {
    const { text } = largeOpenApiYaml(3 * 1024 * 1024);
    const pending = dispatch(courier.handlers, 'import.parse', { text, importId: 'imp-2' });
    const stop = courier.onEvent((event) => {
      if (event === 'import.progress') void dispatch(courier.handlers, 'import.cancel', { importId: 'imp-2' });
    });
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    stop();
    expect(await dispatch(courier.handlers, 'import.cancel', { importId: 'imp-2' })).toEqual({ ok: true, value: { cancelled: false } });
  }, 60_000);
});
