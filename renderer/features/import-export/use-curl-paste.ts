import { useCallback, useState } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import { looksLikeCurl, parseCurl } from '../../../shared/importers/curl';

export interface CurlPasteNotice {
  message: string;
  warnings: string[];
  /** the request as it was before the paste replaced it */
  previous: HttpRequestSpec;
}

/**
 * A curl command pasted into the URL field replaces the whole request. The parse runs here, synchronously, so the
 * paste either becomes a request or falls through to an ordinary paste of text.
 */
export function useCurlPaste(replace: (request: HttpRequestSpec) => void) {
  const [notice, setNotice] = useState<CurlPasteNotice | null>(null);
  const onPasteText = useCallback(
    (text: string, current: HttpRequestSpec): boolean => {
      if (!looksLikeCurl(text)) return false;
      const parsed = parseCurl(text);
      if (!parsed.ok) {
        setNotice({ message: parsed.message, warnings: [], previous: current });
        return true;
      }
      replace(parsed.request);
      setNotice({ message: `Replaced the request with the pasted curl command (${parsed.flavour === 'cmd' ? 'Windows cmd' : 'bash'}).`, warnings: parsed.warnings, previous: current });
      return true;
    },
    [replace],
  );
  const undo = useCallback(() => {
    if (notice) replace(notice.previous);
    setNotice(null);
  }, [notice, replace]);
  const dismiss = useCallback(() => setNotice(null), []);
  return { onPasteText, notice, undo, dismiss };
}
