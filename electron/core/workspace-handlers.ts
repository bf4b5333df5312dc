import { type ImportedCollection, type ImportedItem, type MethodHandlers, type RequestAuth } from '../../shared/contract';
import { type CredentialStore } from '../services/credentials';
import { type WorkspaceService } from '../services/workspace';

type Credentials = Pick<CredentialStore, 'stash' | 'stashSpec' | 'canStash'>;

/** An import's typed credentials moved to the vault, so the imported requests work and no file holds them. */
function stashImported(collection: ImportedCollection, credentials: Credentials): ImportedCollection {
  const items = (list: readonly ImportedItem[]): ImportedItem[] =>
    list.map((item) => (item.type === 'request' ? { ...item, request: credentials.stashSpec(item.request) } : { ...item, items: items(item.items) }));
  return { ...collection, auth: credentials.stash(collection.auth), items: items(collection.items) };
}

type WorkspaceMethods = Pick<
  MethodHandlers,
  | 'workspace.tree'
  | 'workspace.open'
  | 'workspace.pickFolder'
  | 'workspace.readRequest'
  | 'workspace.saveRequest'
  | 'workspace.createRequest'
  | 'workspace.readWebSocket'
  | 'workspace.saveWebSocket'
  | 'workspace.createWebSocket'
  | 'workspace.createContainer'
  | 'workspace.readContainer'
  | 'workspace.saveContainer'
  | 'workspace.rename'
  | 'workspace.duplicate'
  | 'workspace.move'
  | 'workspace.delete'
  | 'workspace.undoDelete'
  | 'workspace.session'
  | 'workspace.saveSession'
  | 'workspace.wsSession'
  | 'workspace.saveWsSession'
  | 'workspace.importCollections'
  | 'workspace.exportCollection'
>;

function stashOrKeep<T extends Parameters<Credentials['stashSpec']>[0]>(request: T, credentials: Credentials): T {
  try {
    return credentials.stashSpec(request) as T;
  } catch {
    return request;
  }
}

/**
 * The workspace methods of the contract: collections as files in a folder, and the open tabs. Whatever is written
 * first has its Auth tab credentials moved to the vault (a reference goes in the file); with the vault locked,
 * saving is refused with VAULT_LOCKED rather than write the value or a placeholder.
 */
export function workspaceHandlers(
  workspace: WorkspaceService,
  credentials: Credentials,
  /** what is kept elsewhere by workspace path (the runner's kept runs) follows a renamed or moved item */
  onRelocated: (from: string, to: string) => Promise<void> = async () => {},
): WorkspaceMethods {
  const relocating = async ({ path }: { path: string }, done: Promise<{ path: string }>) => {
    const result = await done;
    if (result.path !== path) await onRelocated(path, result.path);
    return result;
  };
  return {
    'workspace.tree': () => workspace.tree(),
    'workspace.open': ({ path }) => workspace.open(path),
    'workspace.pickFolder': () => workspace.pickFolder(),
    'workspace.readRequest': ({ path }) => workspace.readRequest(path),
    'workspace.saveRequest': async ({ path, request }) => workspace.saveRequest(path, credentials.stashSpec(request)),
    'workspace.createRequest': async ({ parent, name, request }) => workspace.createRequest(parent, name, credentials.stashSpec(request)),
    'workspace.readWebSocket': ({ path }) => workspace.readWebSocket(path),
    // A typed handshake credential goes to the vault like an HTTP request's (see credentials.stash).
    'workspace.saveWebSocket': async ({ path, request, messages }) =>
      workspace.saveWebSocket(path, { ...request, auth: credentials.stash(request.auth) }, messages),
    'workspace.createWebSocket': async ({ parent, name, request, messages }) =>
      workspace.createWebSocket(parent, name, { ...request, auth: credentials.stash(request.auth) }, messages),
    'workspace.createContainer': ({ parent, name }) => workspace.createContainer(parent, name),
    'workspace.readContainer': ({ path }) => workspace.readContainer(path),
    'workspace.saveContainer': async ({ path, settings }) => workspace.saveContainer(path, { ...settings, auth: credentials.stash(settings.auth) }),
    'workspace.rename': (input) => relocating(input, workspace.rename(input.path, input.name)),
    'workspace.duplicate': ({ path }) => workspace.duplicate(path),
    'workspace.move': (input) => relocating(input, workspace.move(input.path, input.parent, input.index)),
    'workspace.delete': ({ path }) => workspace.delete(path),
    'workspace.undoDelete': ({ undoToken }) => workspace.undoDelete(undoToken),
    'workspace.session': async () => workspace.session(),
    'workspace.saveSession': async (session) => {
      // unsaved drafts: kept as references when the vault is open, masked by the service otherwise
      const tabs = credentials.canStash() ? session.tabs.map((tab) => ({ ...tab, request: stashOrKeep(tab.request, credentials) })) : session.tabs;
      workspace.saveSession({ ...session, tabs });
      return {};
    },
    'workspace.wsSession': async () => workspace.wsSession(),
    'workspace.saveWsSession': async (session) => {
      // as for HTTP tabs: a reference to the vault when it is open, masked by the service otherwise
      const stash = (auth: RequestAuth): RequestAuth => {
        try {
          return credentials.stash(auth);
        } catch {
          return auth;
        }
      };
      const tabs = credentials.canStash() ? session.tabs.map((tab) => ({ ...tab, request: { ...tab.request, auth: stash(tab.request.auth) } })) : session.tabs;
      workspace.saveWsSession({ ...session, tabs });
      return {};
    },
    'workspace.importCollections': async ({ collections, into }) =>
      workspace.importCollections(
        collections.map((collection) => stashImported(collection, credentials)),
        into,
      ),
    'workspace.exportCollection': ({ path }) => workspace.exportCollection(path),
  };
}
