import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../contract/http';
import { containerSettingsSchema } from '../contract/workspace';
import { referenceHoverText } from '../request';
import { createResolver } from '../variables';
import { applyInheritance, inheritedAuth, inheritedLayers, withInheritedLayers } from './inheritance';

const collection = containerSettingsSchema.parse({
  name: 'API',
  variables: [
    { name: 'host', value: 'collection.test' },
    { name: 'who', value: 'collection' },
  ],
  headers: [
    { name: 'X-Team', value: 'core' },
    { name: 'Accept', value: 'text/plain' },
  ],
  auth: { kind: 'bearer', token: '{{token}}' },
});
const folder = containerSettingsSchema.parse({
  name: 'Users',
  variables: [{ name: 'who', value: 'folder' }],
  headers: [{ name: 'accept', value: 'application/json' }],
});

describe('inheritance', () => {
  it('merges headers collection → folder → request and takes the nearest auth when the request inherits', () => {
    const spec = httpRequestSpecSchema.parse({ method: 'GET', url: '/', headers: [{ name: 'X-Team', value: 'mine' }], auth: { kind: 'inherit' } });
    const merged = applyInheritance(spec, [collection, folder]);
    expect(merged.headers.map((h) => `${h.name}: ${h.value}`)).toEqual(['accept: application/json', 'X-Team: mine']);
    expect(merged.auth).toEqual(collection.auth);
    const own = httpRequestSpecSchema.parse({ method: 'GET', url: '/', auth: { kind: 'basic', username: 'a', password: '{{p}}' } });
    expect(applyInheritance(own, [collection]).auth.kind).toBe('basic');
  });

  it('"No auth" sends none even when the collection has auth; "Inherit" names the container it takes auth from', () => {
    const none = httpRequestSpecSchema.parse({ method: 'GET', url: '/', auth: { kind: 'none' } });
    expect(applyInheritance(none, [collection, folder]).auth).toEqual({ kind: 'none' });
    expect(inheritedAuth({ kind: 'inherit' }, [collection, folder])).toEqual({ auth: collection.auth, source: 'API' });
    const folderAuth = { ...folder, auth: { kind: 'basic' as const, username: 'u', password: '{{p}}' } };
    expect(inheritedAuth({ kind: 'inherit' }, [collection, folderAuth]).source).toBe('Users');
    // nothing to inherit from: none
    expect(inheritedAuth({ kind: 'inherit' }, [])).toEqual({ auth: { kind: 'none' }, source: null });
    expect(applyInheritance(httpRequestSpecSchema.parse({ method: 'GET', url: '/', auth: { kind: 'inherit' } }), []).auth).toEqual({ kind: 'none' });
  });

  it('puts folder and collection variables below request and environment, above global, nearest first', () => {
    const layers = withInheritedLayers(
      [
        { scope: 'request', label: 'Request', variables: [] },
        { scope: 'environment', label: 'Dev', variables: [{ name: 'host', value: 'env.test', secret: false }] },
        {
          scope: 'global',
          label: 'Global',
          variables: [
            { name: 'who', value: 'global' },
            { name: 'g', value: '1' },
          ].map((v) => ({ ...v, secret: false })),
        },
      ],
      inheritedLayers([collection, folder]),
    );
    const resolver = createResolver(layers);
    expect(resolver.resolve('{{host}} {{who}} {{g}}')).toBe('env.test folder 1');
  });

  // findings 16 and 25: a collection variable was said to come "from Workspace", sending the user to the wrong place
  it('names the collection or folder a value comes from, and what it shadows', () => {
    const layers = withInheritedLayers(
      [
        { scope: 'request', label: 'Request', variables: [] },
        { scope: 'collection', label: 'Workspace', variables: [{ name: 'who', value: 'workspace', secret: false }] },
      ],
      inheritedLayers([collection, folder]),
    );
    const resolver = createResolver(layers);
    expect(referenceHoverText(resolver.describe('host'))).toBe('host = collection.test · from Collection “API”');
    expect(referenceHoverText(resolver.describe('who'))).toBe('who = folder · from Folder “Users” (shadows Collection “API”, Workspace)');
  });
});
