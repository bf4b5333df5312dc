import { describe, expect, it } from 'vitest';
import { draftFromSpec } from '../history-view/draft-from-spec';
import { buildRequestSpec } from './build-spec';
import { defaultContentType } from './content-type-note';
import { createDraft, EMPTY_GRAPHQL_DRAFT } from './draft';
import { draftReducer } from './draft-reducer';

describe('GraphQL body in the draft', () => {
  it('switching to GraphQL makes the method follow the body (POST), and GET follows too', () => {
    let draft = createDraft({ url: 'http://x/graphql' });
    draft = draftReducer(draft, { type: 'body', body: { kind: 'graphql' } });
    expect(draft.method).toBe('POST');
    draft = draftReducer(draft, { type: 'body', body: { graphql: { ...draft.body.graphql, method: 'GET' } } });
    expect(draft.method).toBe('GET');
    expect(defaultContentType(draft.body)).toBeNull();
    // editing the query alone leaves a method the user chose by hand
    draft = draftReducer(draft, { type: 'method', method: 'PUT' });
    draft = draftReducer(draft, { type: 'body', body: { graphql: { ...draft.body.graphql, query: '{ a }' } } });
    expect(draft.method).toBe('PUT');
  });

  it('builds a graphql body and restores it from history unchanged', () => {
    const draft = createDraft({
      method: 'POST',
      url: 'http://x/graphql',
      body: { ...createDraft().body, kind: 'graphql', graphql: { ...EMPTY_GRAPHQL_DRAFT, query: 'query Q { a }', variables: '{"a":1}', operationName: 'Q' } },
    });
    const spec = buildRequestSpec(draft);
    expect(spec.body).toEqual({ kind: 'graphql', query: 'query Q { a }', variables: '{"a":1}', operationName: 'Q', method: 'POST' });
    const restored = draftFromSpec(spec);
    expect(restored.body.kind).toBe('graphql');
    expect(restored.body.graphql).toEqual(draft.body.graphql);
  });
});
