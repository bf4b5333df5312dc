import type { RequestAuth } from '../contract/auth';
import type { RequestSettings, SettingTemplates } from '../contract/http';
import type { RequestTests } from '../contract/testing';
import type { KeyValueRow } from './rows';
import type { SavedScripts } from '../contract/scripts';
import type { BodyDraft, RequestDraft } from './draft';
import { buildUrlFromParams, syncParamsFromUrl, type ParamRow } from './url-params';
import { syncGraphqlMethod } from './graphql-draft';

export type DraftAction =
  | { type: 'method'; method: string }
  | { type: 'url'; url: string }
  | { type: 'params'; params: ParamRow[] }
  | { type: 'headers'; headers: KeyValueRow[] }
  | { type: 'body'; body: Partial<BodyDraft> }
  | { type: 'settings'; settings: RequestSettings }
  | { type: 'settingTemplates'; settingTemplates: SettingTemplates }
  | { type: 'scripts'; scripts: SavedScripts }
  | { type: 'auth'; auth: RequestAuth }
  | { type: 'variables'; variables: KeyValueRow[] }
  | { type: 'tests'; tests: RequestTests };

/**
 * Every edit to the builder. The URL and the params table are kept in step here, in one place: whichever the user
 * edited is taken as it is and the other is derived from it.
 */
export function draftReducer(draft: RequestDraft, action: DraftAction): RequestDraft {
  switch (action.type) {
    case 'method':
      return { ...draft, method: action.method };
    case 'url':
      return { ...draft, url: action.url, params: syncParamsFromUrl(action.url, draft.params) };
    case 'params':
      return { ...draft, params: action.params, url: buildUrlFromParams(draft.url, action.params) };
    case 'headers':
      return { ...draft, headers: action.headers };
    case 'body':
      return syncGraphqlMethod(draft, { ...draft, body: { ...draft.body, ...action.body } });
    case 'settings':
      return { ...draft, settings: action.settings };
    case 'settingTemplates':
      return { ...draft, settingTemplates: action.settingTemplates };
    case 'scripts':
      return { ...draft, scripts: action.scripts };
    case 'auth':
      return { ...draft, auth: action.auth };
    case 'variables':
      return { ...draft, variables: action.variables };
    case 'tests':
      return { ...draft, tests: action.tests };
  }
}
