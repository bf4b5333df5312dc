// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { buildRequestSpec, createDraft } from '../../../shared/request';
import type { HttpRequestSpec } from '../../../shared/contract';
import { loadedCurlParser } from './curl-parser';
import { useCurlPaste } from './use-curl-paste';

afterEach(cleanup);

// A file of its own: the parser, once loaded, stays loaded for every later test of a file.
describe('useCurlPaste before the curl parser is loaded', () => {
  it('takes the paste at once and fills the request when the parser arrives', async () => {
    expect(loadedCurlParser()).toBeNull();
    const replaced: HttpRequestSpec[] = [];
    const { result } = renderHook(() => useCurlPaste('tab-1', (_tabId, request) => replaced.push(request)));
    let taken = false;
    act(() => {
      taken = result.current.onPasteText(`curl -X PUT 'https://api.example.com/items/7'`, buildRequestSpec(createDraft({ url: 'https://old.example/' })));
    });
    // the ordinary paste of text is refused synchronously, so the URL field never shows the command
    expect(taken).toBe(true);
    // the first import of the parser (and the schemas it fills requests in with) is slow on a loaded machine
    await waitFor(() => expect(replaced).toHaveLength(1), { timeout: 15_000 });
    expect(replaced[0]).toMatchObject({ method: 'PUT', url: 'https://api.example.com/items/7' });
    expect(result.current.notice?.message).toMatch(/Replaced the request/);
    expect(loadedCurlParser()).not.toBeNull();
  });

  it('leaves text that is not a curl command to the ordinary paste', () => {
    const { result } = renderHook(() => useCurlPaste('tab-1', () => undefined));
    expect(result.current.onPasteText('https://example.com/curl', buildRequestSpec(createDraft({})))).toBe(false);
  });
});
