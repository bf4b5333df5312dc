import { expect, it, vi } from 'vitest';
import { createImportExportService } from './index';

// Every host creates this service at start, and `courier run` of a workspace never imports nor exports: the
// importers, their YAML parsers and httpsnippet must load when first used, not with the service.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('yaml', async (original) => {
  loaded.add('yaml');
  return await original();
});
vi.mock('js-yaml', async (original) => {
  loaded.add('js-yaml');
  return await original();
});
vi.mock('@readme/httpsnippet', async (original) => {
  loaded.add('@readme/httpsnippet');
  return await original();
});

it('loads the importers and httpsnippet on first use, not with the service', async () => {
  const service = createImportExportService();
  expect([...loaded]).toEqual([]);
  const imported = await service.parse('curl https://api.example.com/items -H "Accept: application/json"');
  expect(imported.format).toBe('curl');
  expect(loaded.has('yaml')).toBe(true);
  expect(loaded.has('@readme/httpsnippet')).toBe(false);
  const request = {
    method: 'GET',
    url: 'https://api.example.com/items',
    headers: [],
    body: { kind: 'none' as const },
    auth: null,
    insecure: false,
    envNames: [],
    envHints: {},
  };
  const snippet = await service.snippet(request, 'shell:httpie');
  expect(snippet.code).toContain('api.example.com');
  expect(loaded.has('@readme/httpsnippet')).toBe(true);
});
