import type { Dispatch } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import { draftFromSpec } from '../../../shared/history-view';
import type { DraftAction } from '../../../shared/request';

/**
 * Replaces every part of a draft through the ordinary edit actions, so it works with whoever owns the draft (the
 * builder itself or a request tab) and the URL and params stay in step as they do for typed edits.
 */
export function replaceDraft(dispatch: Dispatch<DraftAction>, request: HttpRequestSpec): void {
  const draft = draftFromSpec(request);
  dispatch({ type: 'method', method: draft.method });
  dispatch({ type: 'url', url: draft.url });
  dispatch({ type: 'headers', headers: draft.headers });
  dispatch({ type: 'body', body: draft.body });
  dispatch({ type: 'settings', settings: draft.settings });
  dispatch({ type: 'auth', auth: draft.auth });
  dispatch({ type: 'variables', variables: draft.variables });
}
