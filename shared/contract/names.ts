import type { EventName, MethodName } from './methods';

/**
 * The contract's names as plain strings, with no schema library behind them. The Electron preload is bundled into a
 * sandboxed script and needs only these lists to refuse unknown channels; importing methods.ts would pull zod in.
 * names.test.ts keeps these lists equal to the schema keys.
 */
export const METHOD_NAME_LIST = [
  'app.info',
  'http.send',
  'http.cancel',
  'body.read',
  'body.release',
  'shell.openExternal',
  'history.list',
  'history.get',
  'history.delete',
  'history.clear',
  'history.pin',
  'history.usage',
  'history.setRetention',
  'history.exportHar',
  'history.importHar',
  'cookies.list',
  'cookies.delete',
  'cookies.clear',
  'variables.state',
  'variables.saveScope',
  'variables.reveal',
  'variables.processEnv',
  'variables.allowEnv',
  'variables.allowedEnv',
  'variables.revokeEnv',
  'credentials.reveal',
  'environments.create',
  'environments.rename',
  'environments.delete',
  'environments.setActive',
  'vault.status',
  'vault.unlock',
  'vault.lock',
  'vault.changePassphrase',
  'auth.oauth2.status',
  'auth.oauth2.fetchToken',
  'auth.oauth2.begin',
  'auth.oauth2.complete',
  'auth.oauth2.cancel',
  'auth.oauth2.refresh',
  'auth.oauth2.clear',
  // WebSocket
  'ws.connect',
  'ws.send',
  'ws.ping',
  'ws.close',
  'ws.log',
  'ws.attach',
  'ws.exportLog',
  // GraphQL
  'graphql.introspect',
  'graphql.subscribe',
  'graphql.unsubscribe',
  // workspace, import and export
  'workspace.tree',
  'workspace.open',
  'workspace.pickFolder',
  'workspace.readRequest',
  'workspace.saveRequest',
  'workspace.createRequest',
  'workspace.readWebSocket',
  'workspace.saveWebSocket',
  'workspace.createWebSocket',
  'workspace.createContainer',
  'workspace.readContainer',
  'workspace.saveContainer',
  'workspace.rename',
  'workspace.duplicate',
  'workspace.move',
  'workspace.delete',
  'workspace.undoDelete',
  'workspace.session',
  'workspace.saveSession',
  'workspace.wsSession',
  'workspace.saveWsSession',
  'workspace.importCollections',
  'workspace.exportCollection',
  'import.parse',
  'import.cancel',
  'import.parseFolder',
  'export.brunoFolder',
  'export.snippet',
  'runner.start',
  'runner.cancel',
  'runner.list',
  'runner.get',
  'runner.compare',
  'runner.export',
] as const satisfies readonly MethodName[];

export const EVENT_NAME_LIST = [
  'http.progress',
  'history.changed',
  'variables.changed',
  // WebSocket and SSE
  'ws.events',
  'http.sse',
  // GraphQL
  'graphql.subscription',
  // workspace
  'workspace.changed',
  'import.progress',
  'runner.events',
] as const satisfies readonly EventName[];

const methodNameSet: ReadonlySet<string> = new Set(METHOD_NAME_LIST);
const eventNameSet: ReadonlySet<string> = new Set(EVENT_NAME_LIST);

export function isContractMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && methodNameSet.has(value);
}

export function isContractEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventNameSet.has(value);
}

// Compile-time completeness: adding a method or event to the schemas without listing it here fails type-checking.
type ListsAll<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const _contractNameListsComplete: ListsAll<MethodName, (typeof METHOD_NAME_LIST)[number]> & ListsAll<EventName, (typeof EVENT_NAME_LIST)[number]> = true;
