import { useState } from 'react';
import type { WorkspaceNode } from '../../../shared/contract';
import { createDraft, buildRequestSpec } from '../../../shared/request';
import { siblingsOf } from '../../../shared/workspace';
import { call } from '../../lib/bridge';
import { exportK6Collection, exportOpenApiCollection, exportPostmanCollection } from './export-collection';
import type { RequestTabs } from './use-request-tabs';

/** A finished action's news (an export and what it left out): not an error, so not shown as one. */
export interface TreeNotice {
  text: string;
  /** something was left out: it stays until dismissed; otherwise it goes by itself */
  warns: boolean;
}

export interface UndoOffer {
  token: string;
  name: string;
  /** what was deleted: its open tabs, left as unsaved drafts, are linked back on Undo */
  path: string;
}

/**
 * What the tree's menu, keys and drops do. Each action is one contract call; the tree refreshes on the
 * 'workspace.changed' event that follows, and open tabs follow renamed or moved files.
 */
export function useTreeActions(tabs: RequestTabs, nodes: readonly WorkspaceNode[], onMoved?: (from: string, to: string, name?: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const [notice, setNotice] = useState<TreeNotice | null>(null);
  const exported = (name: string, warnings: readonly string[], where = '') =>
    setNotice({ text: `Exported “${name}”${where}.${warnings.length > 0 ? ` ${warnings.join(' ')}` : ''}`, warns: warnings.length > 0 });
  const run = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setError(null);
    // the next action replaces the news of the last one
    setNotice(null);
    try {
      return await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return undefined;
    }
  };
  const followed = (from: string, to: string | undefined, name?: string) => {
    // Views other than the HTTP tabs (open WebSocket requests) follow too.
    if (to !== undefined && (to !== from || name)) onMoved?.(from, to, name);
    if (to !== undefined && to !== from) tabs.dispatch({ type: 'moved', from, to, name });
    else if (to !== undefined && name) tabs.dispatch({ type: 'moved', from, to, name });
  };

  return {
    error,
    clearError: () => setError(null),
    /** what a save left out of the file (a typed credential), said where the error would be */
    showWarnings: (warnings: readonly string[]) => setError(warnings.length > 0 ? warnings.join(' ') : null),
    notice,
    dismissNotice: () => setNotice(null),
    undo,
    dismissUndo: () => setUndo(null),
    newCollection: (name: string) => run(() => call('workspace.createContainer', { parent: null, name })),
    /** for the New collection dialog, which shows a refusal itself and keeps the typed name */
    createCollection: async (name: string): Promise<{ path: string } | { error: string }> => {
      setError(null);
      setNotice(null);
      try {
        return { path: (await call('workspace.createContainer', { parent: null, name })).path };
      } catch (failure) {
        return { error: failure instanceof Error ? failure.message : String(failure) };
      }
    },
    newFolder: (parent: string, name: string) => run(() => call('workspace.createContainer', { parent, name })),
    /** `beforeOpen`: runs once the file exists, just before its tab opens (the panel lets go of focus there) */
    newRequest: async (parent: string, beforeOpen?: () => void) => {
      const created = await run(() => call('workspace.createRequest', { parent, name: 'New request', request: buildRequestSpec(createDraft()) }));
      if (created) {
        beforeOpen?.();
        await tabs.openSaved(created.path);
      }
      return created;
    },
    /**
     * an empty WebSocket request file (kind "websocket"), opened by the caller in the WebSocket view; the host fills
     * in the defaults as it validates the call, so the schema (and zod) need not load with the tree, which is shown
     * at start
     */
    newWebSocket: (parent: string) =>
      run(() => call('workspace.createWebSocket', { parent, name: 'New WebSocket request', request: { url: '' }, messages: [] })),
    /** resolves to the item's path after the rename (undefined when it failed) */
    rename: async (node: WorkspaceNode, name: string): Promise<string | undefined> => {
      const result = await run(() => call('workspace.rename', { path: node.path, name }));
      followed(node.path, result?.path, node.kind === 'request' ? name : undefined);
      return result?.path;
    },
    duplicate: (node: WorkspaceNode) => run(() => call('workspace.duplicate', { path: node.path })),
    move: async (node: WorkspaceNode, parent: string | null, index: number) => {
      const result = await run(() => call('workspace.move', { path: node.path, parent, index }));
      followed(node.path, result?.path);
    },
    /** keyboard reorder: one place up or down among its siblings */
    shift: async (node: WorkspaceNode, delta: -1 | 1) => {
      const siblings = siblingsOf(nodes, node);
      const index = siblings.findIndex((s) => s.path === node.path) + delta;
      if (index < 0 || index >= siblings.length) return;
      await run(() => call('workspace.move', { path: node.path, parent: node.parent, index }));
    },
    remove: async (node: WorkspaceNode) => {
      const result = await run(() => call('workspace.delete', { path: node.path }));
      if (!result) return;
      // Its open tabs stay, as unsaved drafts: nothing typed is lost, and Save asks where instead of looking saved.
      tabs.dispatch({ type: 'deleted', path: node.path });
      setUndo({ token: result.undoToken, name: node.name, path: node.path });
    },
    /** downloads "<name>.postman_collection.json"; what was left out is shown where errors are */
    exportPostman: async (node: WorkspaceNode) => {
      const warnings = await run(() => exportPostmanCollection(node.path));
      if (warnings) exported(node.name, warnings);
    },
    /** downloads "<name>.openapi.yaml" */
    exportOpenApi: async (node: WorkspaceNode) => {
      const warnings = await run(() => exportOpenApiCollection(node.path));
      if (warnings) exported(node.name, warnings);
    },
    exportK6: async (node: WorkspaceNode) => {
      const warnings = await run(() => exportK6Collection(node.path));
      if (warnings) exported(node.name, warnings);
    },
    /** writes a Bruno collection folder into `destination` (the main process writes the files); throws to the dialog */
    exportBruno: async (node: WorkspaceNode, destination: string) => {
      const result = await call('export.brunoFolder', { path: node.path, destination });
      exported(node.name, result.warnings, ` as a Bruno collection to ${result.folder}`);
    },
    undoRemove: async () => {
      if (!undo) return;
      setUndo(null);
      const restored = await run(() => call('workspace.undoDelete', { undoToken: undo.token }));
      if (restored !== undefined) tabs.dispatch({ type: 'undeleted', path: undo.path });
    },
  };
}
