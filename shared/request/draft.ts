import type { RequestAuth } from '../contract/auth';
import type { FileRef, RequestSettings, SettingTemplates } from '../contract';
import { DEFAULT_SETTINGS } from '../contract/values';
import type { GraphqlBody } from '../contract/graphql-body';
import type { RequestTests } from '../contract/testing';
import type { SavedScripts } from '../contract/scripts';
import { createRow, type KeyValueRow } from './rows';
import type { ParamRow } from './url-params';

/** What the body editor offers; XML is text with an XML content type on the wire. */
export const BODY_EDITOR_KINDS = ['none', 'json', 'text', 'xml', 'form', 'multipart', 'binary', 'graphql'] as const;
export type BodyEditorKind = (typeof BODY_EDITOR_KINDS)[number];

export const BODY_KIND_LABELS: Record<BodyEditorKind, string> = {
  none: 'None',
  json: 'JSON',
  text: 'Text',
  xml: 'XML',
  form: 'Form URL-encoded',
  multipart: 'Multipart form',
  binary: 'Binary file',
  graphql: 'GraphQL',
};

/** The GraphQL body: query, variables (JSON text, checked on send) and operation name, sent by POST or GET. */
export type GraphqlDraft = Omit<GraphqlBody, 'kind'>;

export const EMPTY_GRAPHQL_DRAFT: GraphqlDraft = { query: '', variables: '', operationName: '', method: 'POST' };

export interface MultipartRow {
  id: string;
  kind: 'text' | 'file';
  name: string;
  value: string;
  file: FileRef | null;
  enabled: boolean;
}

/**
 * Every body kind keeps its own content, so switching from JSON to XML and back loses nothing; only the selected
 * kind is sent.
 */
export interface BodyDraft {
  kind: BodyEditorKind;
  json: string;
  text: string;
  xml: string;
  form: KeyValueRow[];
  multipart: MultipartRow[];
  binary: FileRef | null;
  graphql: GraphqlDraft;
}

/** The request builder's form state: view state only, turned into an HttpRequestSpec on send. */
export interface RequestDraft {
  method: string;
  url: string;
  params: ParamRow[];
  headers: KeyValueRow[];
  body: BodyDraft;
  settings: RequestSettings;
  /** settings typed as {{variables}} (resolved when sending); the number in `settings` is kept for when it is cleared */
  settingTemplates: SettingTemplates;
  auth: RequestAuth;
  /** request-scope variables, the highest precedence */
  variables: KeyValueRow[];
  /** the Tests tab: assertion rows and captures, sent and saved as they are */
  tests: RequestTests;
  /** pre-request and post-response scripts, carried so that editing and saving never drops them */
  scripts?: SavedScripts;
}

export function createMultipartRow(partial: Partial<Omit<MultipartRow, 'id'>> = {}): MultipartRow {
  return { ...createRow(), kind: 'text', file: null, ...partial };
}

export function createDraft(partial: Partial<RequestDraft> = {}): RequestDraft {
  return {
    method: 'GET',
    url: '',
    params: [],
    headers: [],
    body: { kind: 'none', json: '', text: '', xml: '', form: [], multipart: [], binary: null, graphql: EMPTY_GRAPHQL_DRAFT },
    settings: { ...DEFAULT_SETTINGS },
    settingTemplates: {},
    auth: { kind: 'inherit' },
    variables: [],
    tests: { assertions: [], captures: [] },
    ...partial,
  };
}
