import { useCallback, useState } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import type { CurlParseResult } from '../../../shared/importers/curl';
import { looksLikeCurl } from '../../../shared/importers/curl/looks-like-curl';
import { loadCurlParser, loadedCurlParser } from './curl-parser';

export interface CurlPasteNotice {
  message: string;
  warnings: string[];
  /** the request as it was before the paste replaced it */
  previous: HttpRequestSpec;
  /** whether the tab had unsaved edits before the paste: Undo of a paste over a clean tab leaves it clean */
  wasDirty: boolean;
  /** a paste of several commands: how many requests it holds and its text, for "Import all" */
  several: { count: number; text: string } | null;
}

/**
 * A curl command pasted into the URL field replaces the whole request. Whether the paste is one is decided here,
 * synchronously, so it either becomes a request or falls through to an ordinary paste of text; the parse itself is
 * synchronous too once the parser is loaded (by the first such paste), and follows its loading otherwise. The notice and its Undo belong to
 * the request tab the paste happened in (`tabId`): another tab shows none, and Undo only ever restores that tab.
 */
export function useCurlPaste(
  tabId: string,
  replace: (tabId: string, request: HttpRequestSpec) => void,
  tab: { dirty: boolean; markClean(tabId: string): void } = { dirty: true, markClean: () => undefined },
) {
  const [notices, setNotices] = useState<ReadonlyMap<string, CurlPasteNotice>>(() => new Map());
  const setNotice = useCallback((id: string, notice: CurlPasteNotice | null) => {
    setNotices((current) => {
      if (!notice && !current.has(id)) return current;
      const next = new Map(current);
      if (notice) next.set(id, notice);
      else next.delete(id);
      return next;
    });
  }, []);
  const onPasteText = useCallback(
    (text: string, current: HttpRequestSpec): boolean => {
      if (!looksLikeCurl(text)) return false;
      const apply = (parsed: CurlParseResult) => {
        if (!parsed.ok) {
          setNotice(tabId, { message: parsed.message, warnings: [], previous: current, wasDirty: tab.dirty, several: null });
          return;
        }
        // several commands: the tab takes the first (Undo restores it as ever), the others wait for "Import all"
        replace(tabId, parsed.request);
        const count = parsed.requests.length;
        const flavour = parsed.flavour === 'cmd' ? 'Windows cmd' : 'bash';
        setNotice(tabId, {
          message:
            count === 1
              ? `Replaced the request with the pasted curl command (${flavour}).`
              : `The paste holds ${count} requests (${flavour}); the first replaced this request. Import all of them to keep the others, in a new collection or one you have.`,
          warnings: parsed.warnings,
          previous: current,
          wasDirty: tab.dirty,
          several: count > 1 ? { count, text } : null,
        });
      };
      const parser = loadedCurlParser();
      if (parser) apply(parser(text));
      else
        void loadCurlParser().then(
          (parse) => apply(parse(text)),
          () =>
            setNotice(tabId, {
              message: 'Could not read the pasted curl command just now. Paste it again.',
              warnings: [],
              previous: current,
              wasDirty: tab.dirty,
              several: null,
            }),
        );
      return true;
    },
    [replace, setNotice, tabId, tab.dirty],
  );
  const notice = notices.get(tabId) ?? null;
  const undo = useCallback(() => {
    if (notice) {
      replace(tabId, notice.previous);
      if (!notice.wasDirty) tab.markClean(tabId);
    }
    setNotice(tabId, null);
  }, [notice, replace, setNotice, tabId, tab]);
  const dismiss = useCallback(() => setNotice(tabId, null), [setNotice, tabId]);
  return { onPasteText, notice, undo, dismiss };
}
