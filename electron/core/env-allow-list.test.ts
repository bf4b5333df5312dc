import { describe, expect, it } from 'vitest';
import { createEnvAllowList } from './env-allow-list';

function memorySettings() {
  const values = new Map<string, unknown>();
  return { get: (key: string) => values.get(key), set: (key: string, value: unknown) => void values.set(key, value) };
}

describe('the {{$env.NAME}} allow-list', () => {
  it('takes back what was allowed, and only that', () => {
    const list = createEnvAllowList(memorySettings(), 'linux');
    list.allow(['API_HOST', 'DEPLOY_KEY']);
    expect(list.revoke(['DEPLOY_KEY', 'NEVER_ALLOWED'])).toEqual(['API_HOST']);
    expect(list.isAllowed('DEPLOY_KEY')).toBe(false);
    expect(list.isAllowed('API_HOST')).toBe(true);
    expect(list.list()).toEqual(['API_HOST']);
  });

  it('matches names as the platform does: case-blind on Windows only', () => {
    const windows = createEnvAllowList(memorySettings(), 'win32');
    windows.allow(['Path_Extra']);
    expect(windows.revoke(['PATH_EXTRA'])).toEqual([]);
    const linux = createEnvAllowList(memorySettings(), 'linux');
    linux.allow(['Path_Extra']);
    expect(linux.revoke(['PATH_EXTRA'])).toEqual(['Path_Extra']);
  });
});
