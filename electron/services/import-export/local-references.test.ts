import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { externalReferences, importOpenApi } from '../../../shared/importers';
import { parseLargeYaml } from './fast-yaml';
import { resolveLocalReferences } from './local-references';
import { largeOpenApiYaml } from './test-support/large-openapi';

type Doc = Record<string, unknown>;

/** what dereferenceOpenApi asked of the library before this pass existed */
const byLibrary = async (document: Doc): Promise<Doc> =>
  (await new SwaggerParser().dereference(
    document as never,
    { resolve: { external: false }, dereference: { circular: true }, validate: { schema: false, spec: false } } as never,
  )) as unknown as Doc;

/** both ways from two copies of the same text; the graphs (shared objects, cycles) and the imports must be the same */
async function expectSameAsLibrary(text: string, parse: (text: string) => unknown): Promise<Doc> {
  const expected = await byLibrary(parse(text) as Doc);
  const resolved = resolveLocalReferences(parse(text) as Doc)?.document;
  expect(resolved).toBeDefined();
  expect(resolved).toEqual(expected);
  expect(importOpenApi(resolved!)).toEqual(importOpenApi(expected));
  return resolved!;
}

const base = { openapi: '3.0.3', info: { title: 't', version: '1' } };

describe('local $ref resolution without swagger-parser', () => {
  it('gives what swagger-parser gives for the GitHub REST API description', async () => {
    const text = readFileSync(createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8');
    await expectSameAsLibrary(text, JSON.parse);
  }, 60_000);

  it('gives what swagger-parser gives for a Graph-shaped description, $refs with a description beside them included', async () => {
    const { text } = largeOpenApiYaml(400 * 1024);
    expect(text).toMatch(/\$ref: '[^']+'\n\s+description:/);
    await expectSameAsLibrary(text, parseLargeYaml);
  }, 60_000);

  it('shares one object per target, keeps cycles as object cycles and follows a chain of references', async () => {
    const text = JSON.stringify({
      ...base,
      paths: {
        '/a': {
          post: {
            requestBody: { $ref: '#/components/requestBodies/Node' },
            responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Alias' } } } } },
          },
        },
      },
      components: {
        requestBodies: { Node: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
        schemas: {
          Alias: { $ref: '#/components/schemas/Node' },
          Node: {
            type: 'object',
            properties: { next: { $ref: '#/components/schemas/Node' }, tag: { $ref: '#/components/schemas/Tag', description: 'beside' } },
          },
          Tag: { type: 'string', description: 'own' },
          Other: { properties: { tag: { $ref: '#/components/schemas/Tag', example: 'x' } } },
        },
      },
    });
    const doc = (await expectSameAsLibrary(text, JSON.parse)) as { paths: Record<string, Record<string, Doc>>; components: { schemas: Record<string, Doc> } };
    const node = doc.components.schemas.Node as { properties: { next: unknown; tag: Doc } };
    expect(node.properties.next).toBe(node);
    expect(doc.components.schemas.Alias).toBe(node);
    expect(node.properties.tag).toEqual({ type: 'string', description: 'beside' });
  });

  it('names the external references it leaves as they are, as the walk of the unresolved document does', () => {
    const document: Doc = {
      ...base,
      paths: { '/a': { get: { parameters: [{ $ref: 'other.yaml#/p' }, { $ref: '#/components/parameters/q' }, { $ref: '/etc/passwd#/x' }], responses: {} } } },
      components: {
        parameters: { q: { name: 'q', in: 'query' } },
        schemas: { S: { properties: { $ref: { type: 'string' }, again: { $ref: 'other.yaml#/p' } } }, E: { $ref: '' } },
      },
    };
    const expected = externalReferences(structuredClone(document));
    expect(expected).toHaveLength(3);
    expect(new Set(resolveLocalReferences(document)?.external)).toEqual(new Set(expected));
    expect(resolveLocalReferences({ ...base, paths: {} })?.external).toEqual([]);
  });

  it('changes nothing and leaves to swagger-parser what it resolves with more machinery', () => {
    const cases: Doc[] = [
      { ...base, paths: {}, components: { schemas: { A: { $ref: '#/components/schemas/A' } } }, x: { $ref: '#/components/schemas/A' } },
      { ...base, paths: {}, x: { $ref: '#/components/schemas/Missing' } },
      { ...base, paths: {}, components: { schemas: { A: { $id: 'https://example.com/a', type: 'string' } } }, x: { $ref: '#/components/schemas/A' } },
      {
        ...base,
        paths: {},
        components: { schemas: { A: { properties: { p: { type: 'string' } } } } },
        x: { $ref: '#/components/schemas/A', properties: { q: { type: 'string' } } },
      },
      { ...base, paths: {}, components: { schemas: { 'a b': { type: 'string' } } }, x: { $ref: '#/components/schemas/a%20b' } },
      {
        ...base,
        paths: {},
        components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { type: 'object', properties: { c: { type: 'string' } } } } },
        x: { $ref: '#/components/schemas/A/properties/c' },
      },
      { ...base, paths: {}, x: { $ref: '#' } },
    ];
    for (const document of cases) {
      const before = structuredClone(document);
      expect(resolveLocalReferences(document)).toBeNull();
      expect(document).toEqual(before);
    }
  });
});
