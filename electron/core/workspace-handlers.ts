import { type MethodHandlers } from '../../shared/contract';
import { type WorkspaceService } from '../services/workspace';

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
  | 'workspace.importCollections'
  | 'workspace.exportCollection'
>;

/** The workspace methods of the contract: collections as files in a folder, and the open tabs. */
export function workspaceHandlers(workspace: WorkspaceService): WorkspaceMethods {
  return {
    'workspace.tree': () => workspace.tree(),
    'workspace.open': ({ path }) => workspace.open(path),
    'workspace.pickFolder': () => workspace.pickFolder(),
    'workspace.readRequest': ({ path }) => workspace.readRequest(path),
    'workspace.saveRequest': ({ path, request }) => workspace.saveRequest(path, request),
    'workspace.createRequest': ({ parent, name, request }) => workspace.createRequest(parent, name, request),
    'workspace.readWebSocket': ({ path }) => workspace.readWebSocket(path),
    'workspace.saveWebSocket': ({ path, request, messages }) => workspace.saveWebSocket(path, request, messages),
    'workspace.createWebSocket': ({ parent, name, request, messages }) => workspace.createWebSocket(parent, name, request, messages),
    'workspace.createContainer': ({ parent, name }) => workspace.createContainer(parent, name),
    'workspace.readContainer': ({ path }) => workspace.readContainer(path),
    'workspace.saveContainer': ({ path, settings }) => workspace.saveContainer(path, settings),
    'workspace.rename': ({ path, name }) => workspace.rename(path, name),
    'workspace.duplicate': ({ path }) => workspace.duplicate(path),
    'workspace.move': ({ path, parent, index }) => workspace.move(path, parent, index),
    'workspace.delete': ({ path }) => workspace.delete(path),
    'workspace.undoDelete': ({ undoToken }) => workspace.undoDelete(undoToken),
    'workspace.session': async () => workspace.session(),
    'workspace.saveSession': async (session) => {
      workspace.saveSession(session);
      return {};
    },
    'workspace.importCollections': ({ collections }) => workspace.importCollections(collections),
    'workspace.exportCollection': ({ path }) => workspace.exportCollection(path),
  };
}
