// @vitest-environment happy-dom
import { useReducer } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { httpRequestSpecSchema } from '../../../shared/contract';
import { buildRequestSpec, createDraft, draftReducer } from '../../../shared/request';
import { replaceDraft } from './replace-draft';
import { useCurlPaste } from './use-curl-paste';
import { loadCurlParser } from './curl-parser';

afterEach(cleanup);
// as after a first pasted command; use-curl-paste-unloaded.test.tsx pastes before it
beforeAll(async () => void (await loadCurlParser()));

function useBuilderWithPaste() {
  const [draft, dispatch] = useReducer(draftReducer, undefined, () => createDraft({ method: 'DELETE', url: 'https://old.example/x' }));
  const paste = useCurlPaste('tab-1', (_tabId, request) => replaceDraft(dispatch, request));
  return { draft, paste };
}

describe('useCurlPaste', () => {
  it('replaces the whole draft with a pasted curl command and undoes it', () => {
    const { result } = renderHook(() => useBuilderWithPaste());
    const before = buildRequestSpec(result.current.draft);
    let taken = false;
    act(() => {
      taken = result.current.paste.onPasteText(
        `curl 'https://api.example.com/a?x=1' -H 'X-A: b' --data-raw '{"k":1}' -H 'content-type: application/json' -u ann:pw --proxy http://p:1`,
        before,
      );
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

  it('keeps the notice and its Undo with the tab the paste happened in', () => {
    const drafts = { a: createDraft({ url: 'https://a.example/' }), b: createDraft({ url: 'https://b.example/' }) };
    const replaced: { tabId: string; url: string }[] = [];
    const { result, rerender } = renderHook(
      ({ tabId }: { tabId: 'a' | 'b' }) => useCurlPaste(tabId, (id, request) => replaced.push({ tabId: id, url: request.url })),
      {
        initialProps: { tabId: 'b' },
      },
    );
    act(() => void result.current.onPasteText(`curl 'https://pasted.example/x'`, buildRequestSpec(drafts.b)));
    expect(replaced).toEqual([{ tabId: 'b', url: 'https://pasted.example/x' }]);
    expect(result.current.notice).not.toBeNull();

    // In tab A there is nothing to undo.
    rerender({ tabId: 'a' });
    expect(result.current.notice).toBeNull();
    act(() => result.current.undo());
    expect(replaced).toHaveLength(1);

    // Back in B, Undo restores B's own request.
    rerender({ tabId: 'b' });
    expect(result.current.notice).not.toBeNull();
    act(() => result.current.undo());
    expect(replaced).toEqual([
      { tabId: 'b', url: 'https://pasted.example/x' },
      { tabId: 'b', url: 'https://b.example/' },
    ]);
    expect(result.current.notice).toBeNull();
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

  it('a paste of several commands fills the first, says how many there are, offers them all, and Undo still works', () => {
    const { result } = renderHook(() => useBuilderWithPaste());
    const before = buildRequestSpec(result.current.draft);
    const text = "curl -X PUT https://h/a -H 'X-A: 1'\ncurl https://h/b -d x=1";
    act(() => void result.current.paste.onPasteText(text, before));
    const after = buildRequestSpec(result.current.draft);
    expect(after).toMatchObject({ method: 'PUT', url: 'https://h/a', body: { kind: 'none' } });
    expect(after.headers.map((h) => h.name)).toEqual(['X-A']);
    expect(result.current.paste.notice?.message).toMatch(/2 requests/);
    expect(result.current.paste.notice?.several).toEqual({ count: 2, text });
    act(() => result.current.paste.undo());
    expect(buildRequestSpec(result.current.draft)).toEqual(httpRequestSpecSchema.parse(before));
  });
});
