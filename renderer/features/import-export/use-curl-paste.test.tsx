// @vitest-environment happy-dom
import { useReducer } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { httpRequestSpecSchema } from '../../../shared/contract';
import { buildRequestSpec, createDraft, draftReducer } from '../../../shared/request';
import { replaceDraft } from './replace-draft';
import { useCurlPaste } from './use-curl-paste';

afterEach(cleanup);

function useBuilderWithPaste() {
  const [draft, dispatch] = useReducer(draftReducer, undefined, () => createDraft({ method: 'DELETE', url: 'https://old.example/x' }));
  const paste = useCurlPaste((request) => replaceDraft(dispatch, request));
  return { draft, paste };
}

describe('useCurlPaste', () => {
  it('replaces the whole draft with a pasted curl command and undoes it', () => {
    const { result } = renderHook(() => useBuilderWithPaste());
    const before = buildRequestSpec(result.current.draft);
    let taken = false;
    act(() => {
      taken = result.current.paste.onPasteText(`curl 'https://api.example.com/a?x=1' -H 'X-A: b' --data-raw '{"k":1}' -H 'content-type: application/json' -u ann:pw --proxy http://p:1`, before);
    });
    expect(taken).toBe(true);
    const after = buildRequestSpec(result.current.draft);
    expect(after).toMatchObject({
      method: 'POST',
      url: 'https://api.example.com/a?x=1',
      body: { kind: 'json', text: '{"k":1}' },
      auth: { kind: 'basic', username: 'ann', password: 'pw' },
    });
    expect(after.headers.map((h) => h.name)).toEqual(['X-A', 'content-type']);
    expect(result.current.paste.notice?.warnings.join(' ')).toMatch(/--proxy/);
    act(() => result.current.paste.undo());
    expect(buildRequestSpec(result.current.draft)).toEqual(httpRequestSpecSchema.parse(before));
    expect(result.current.paste.notice).toBeNull();
  });

  it('leaves ordinary text to the browser', () => {
    const { result } = renderHook(() => useBuilderWithPaste());
    let taken = true;
    act(() => {
      taken = result.current.paste.onPasteText('https://example.com/curl is not a command', buildRequestSpec(result.current.draft));
    });
    expect(taken).toBe(false);
    expect(result.current.draft.url).toBe('https://old.example/x');
  });
});
