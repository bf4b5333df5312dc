import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { WorkspaceNode } from '../../../shared/contract';
import { siblingsOf, visibleNodes } from '../../../shared/workspace';
import { Button } from '../../ui';
import { ContainerSettingsDialog } from './container-settings-dialog';
import { ExportBrunoDialog } from './export-bruno-dialog';
import { OpenFolderDialog } from './open-folder-dialog';
import { RowMenu, type RowMenuItem } from './row-menu';
import { SaveAsDialog } from './save-as-dialog';
import { TreeRow } from './tree-row';
import type { RequestTabs } from './use-request-tabs';
import type { TreeReveal } from './use-reveal-in-tree';
import { useTreeActions } from './use-tree-actions';
import { useWorkspaceTree } from './workspace-queries';
import './collections.css';
import { TreeNoticeMessage, UndoToast } from './tree-notices';

const ROW_HEIGHT = 26;

/**
 * The workspace's collections as a tree: virtualized (a 10,000-request workspace scrolls like a small one), with
 * a menu per row, drag and drop to move and reorder, and keys for all of it (arrows, Enter, F2, Delete,
 * Alt+↑/↓ to reorder, Shift+F10 for the menu).
 */
export function CollectionsPanel({
  tabs,
  reveal = null,
  onOpenWebSocket,
  onMoved,
  onOpenVault,
  onRun,
}: {
  tabs: RequestTabs;
  reveal?: TreeReveal | null;
  /** a WebSocket request file was picked: the window shows it in the WebSocket view */
  onOpenWebSocket?: (path: string) => void;
  /** an item was renamed or moved (open WebSocket requests follow it) */
  onMoved?: (from: string, to: string, name?: string) => void;
  /** the vault dialog, opened over Collection settings when a typed credential needs it */
  onOpenVault?: () => void;
  /** "Run…" on a collection or folder: the window opens the collection runner for it */
  onRun?: (node: WorkspaceNode) => void;
}) {
  const tree = useWorkspaceTree();
  const nodes = useMemo(() => tree.data?.nodes ?? [], [tree.data]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => visibleNodes(nodes, collapsed), [nodes, collapsed]);
  const actions = useTreeActions(tabs, nodes, onMoved);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [menuPath, setMenuPath] = useState<string | null>(null);
  const [renamePath, setRenamePath] = useState<string | null>(null);
  const [moveNode, setMoveNode] = useState<WorkspaceNode | null>(null);
  const [openFolder, setOpenFolder] = useState(false);
  const [settingsNode, setSettingsNode] = useState<WorkspaceNode | null>(null);
  const [brunoNode, setBrunoNode] = useState<WorkspaceNode | null>(null);
  const [dropPath, setDropPath] = useState<string | null>(null);
  const dragging = useRef<WorkspaceNode | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  // a row that keyboard focus returns to after an inline rename; `final` once the rename is done (its path may change)
  const [refocus, setRefocus] = useState<{ path: string; final: boolean } | null>(null);
  useEffect(() => {
    if (!refocus) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(refocus.path)}"]`);
    if (!row) return;
    if (document.activeElement !== row) row.focus();
    if (refocus.final) setRefocus(null);
  }, [refocus, rows]);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  // A row asked for from outside (an import): its folders open and it takes the focus, then it scrolls into view.
  const [revealed, setRevealed] = useState<TreeReveal | null>(null);
  const scrolledFor = useRef<number | null>(null);
  if (reveal !== revealed) {
    setRevealed(reveal);
    if (reveal) {
      const target = reveal.path;
      setCollapsed((current) => new Set([...current].filter((p) => p !== target && !target.startsWith(`${p}/`))));
      setFocusPath(target);
    }
  }
  useEffect(() => {
    if (!reveal || scrolledFor.current === reveal.seq) return;
    const index = rows.findIndex((row) => row.path === reveal.path);
    if (index < 0) return;
    scrolledFor.current = reveal.seq;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [reveal, rows, virtualizer]);

  const activePath = tabs.active.path;
  const focused = rows.find((row) => row.path === focusPath) ?? rows.find((row) => row.path === activePath) ?? rows[0];

  const toggle = (path: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setFocusPath(row.path);
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(row.path)}"]`)?.focus());
  };
  const open = (node: WorkspaceNode) => {
    if (node.kind !== 'request' || node.error) return;
    if (node.protocol === 'websocket') onOpenWebSocket?.(node.path);
    else void tabs.openSaved(node.path).catch(() => undefined);
  };
  // A new request's next step is its URL: the tree lets go of focus, so the new tab's URL field takes it as it does
  // for the + button (the tree otherwise keeps focus, see useFocusOnAppear). Rename stays on F2.
  const releaseFocus = () => {
    const current = document.activeElement;
    if (current instanceof HTMLElement && current.closest('[data-keep-focus]')) current.blur();
  };
  const startNew = async (create: () => Promise<{ path: string } | undefined>, parent: string | null) => {
    if (parent) setCollapsed((current) => new Set([...current].filter((p) => p !== parent)));
    const created = await create();
    if (created) {
      setFocusPath(created.path);
      setRenamePath(created.path);
    }
  };

  const menuItems = (node: WorkspaceNode): RowMenuItem[] => {
    const siblings = siblingsOf(nodes, node);
    const index = siblings.findIndex((s) => s.path === node.path);
    const container = node.kind !== 'request';
    return [
      ...(container
        ? [
            { label: 'New request', onSelect: () => void actions.newRequest(node.path, releaseFocus), disabled: !!node.error },
            ...(onOpenWebSocket
              ? [
                  {
                    label: 'New WebSocket request',
                    onSelect: () => void actions.newWebSocket(node.path).then((created) => created && onOpenWebSocket(created.path)),
                    disabled: !!node.error,
                  },
                ]
              : []),
            ...(onRun ? [{ label: 'Run…', onSelect: () => onRun(node), disabled: !!node.error }] : []),
            { label: 'New folder', onSelect: () => void startNew(() => actions.newFolder(node.path, 'New folder'), node.path), disabled: !!node.error },
            { label: 'Settings…', onSelect: () => setSettingsNode(node), disabled: !!node.error },
            { label: 'Export as Postman collection', onSelect: () => void actions.exportPostman(node) },
            { label: 'Export as Bruno collection…', onSelect: () => setBrunoNode(node) },
            { label: 'Export as OpenAPI 3.1', onSelect: () => void actions.exportOpenApi(node) },
            { label: 'Export as k6 script', onSelect: () => void actions.exportK6(node) },
          ]
        : [{ label: 'Open', onSelect: () => open(node), disabled: !!node.error }]),
      { label: 'Rename', onSelect: () => setRenamePath(node.path), disabled: !!node.error },
      { label: 'Duplicate', onSelect: () => void actions.duplicate(node), disabled: !!node.error },
      { label: 'Move up', onSelect: () => void actions.shift(node, -1), disabled: index <= 0 },
      { label: 'Move down', onSelect: () => void actions.shift(node, 1), disabled: index >= siblings.length - 1 },
      { label: 'Move to…', onSelect: () => setMoveNode(node), disabled: node.kind === 'collection' },
      { label: 'Delete', onSelect: () => void actions.remove(node), danger: true },
    ];
  };

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, node: WorkspaceNode, index: number) => {
    const container = node.kind !== 'request';
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) void actions.shift(node, event.key === 'ArrowUp' ? -1 : 1);
    else if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(rows.length - 1);
    else if (event.key === 'ArrowRight' && container) {
      if (collapsed.has(node.path)) toggle(node.path);
      else focusRow(index + 1);
    } else if (event.key === 'ArrowLeft') {
      if (container && !collapsed.has(node.path)) toggle(node.path);
      else focusRow(rows.findIndex((row) => row.path === node.parent));
    } else if (event.key === 'Enter') {
      if (container) toggle(node.path);
      else open(node);
    } else if (event.key === 'F2') setRenamePath(node.path);
    else if (event.key === 'Delete') void actions.remove(node);
    else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) setMenuPath(node.path);
    else return;
    event.preventDefault();
  };

  const dragHandlers = (node: WorkspaceNode) => ({
    onDragStart: (event: DragEvent) => {
      dragging.current = node;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', node.path);
    },
    onDragOver: (event: DragEvent) => {
      const from = dragging.current;
      if (!from || from.path === node.path || node.path.startsWith(`${from.path}/`)) return;
      event.preventDefault();
      setDropPath(node.path);
    },
    onDragLeave: () => setDropPath((current) => (current === node.path ? null : current)),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDropPath(null);
      const from = dragging.current;
      dragging.current = null;
      if (!from || from.path === node.path) return;
      // Onto a request: take its place. Onto a folder: go inside, last. A collection onto a collection: reorder.
      if (node.kind === 'request' || (from.kind === 'collection' && node.kind === 'collection')) {
        const index = siblingsOf(nodes, node).findIndex((s) => s.path === node.path);
        void actions.move(from, node.parent, index);
      } else {
        void actions.move(from, node.path, Number.MAX_SAFE_INTEGER);
      }
    },
  });

  const workspaceName = tree.data?.isDefault ? 'Default workspace' : (tree.data?.name ?? 'Workspace');
  return (
    <section className="ws" aria-label="Collections">
      <header className="ws-head">
        <h2 className="ws-head__title" title={tree.data ? `${workspaceName}\n${tree.data.root}` : undefined}>
          {workspaceName}
        </h2>
        <Button onClick={() => void startNew(() => actions.newCollection('New collection'), null)}>New collection</Button>
        <Button onClick={() => setOpenFolder(true)}>Open folder…</Button>
      </header>
      {actions.error ? (
        <p className="ws-message ws-message--error" role="alert">
          {actions.error}
          <button type="button" className="ws-link" onClick={actions.clearError}>
            Dismiss
          </button>
        </p>
      ) : null}
      {actions.notice ? <TreeNoticeMessage notice={actions.notice} onDismiss={actions.dismissNotice} /> : null}
      {tree.isError ? <p className="ws-message ws-message--error">{tree.error.message}</p> : null}
      {tree.data && nodes.length === 0 ? (
        <p className="ws-message">No collections yet. Save a request (Ctrl+S) or create a collection to start one.</p>
      ) : null}
      {/* the tree keeps the focus when a click in it opens a request (the URL field would take it otherwise) */}
      <div ref={scrollRef} className="ws-scroll" data-keep-focus="">
        <div role="tree" aria-label="Collections" className="ws-tree" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const node = rows[item.index]!;
            return (
              <div
                key={node.path}
                className="ws-slot"
                // Each slot is its own stacking context (transform): the one with an open menu goes above the rows below.
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, zIndex: menuPath === node.path ? 2 : undefined }}
              >
                <TreeRow
                  node={node}
                  expanded={!collapsed.has(node.path)}
                  active={node.path === activePath}
                  focused={node.path === focused?.path}
                  renaming={node.path === renamePath}
                  dropTarget={node.path === dropPath}
                  onActivate={() => open(node)}
                  onToggle={() => toggle(node.path)}
                  onMenu={() => setMenuPath(node.path)}
                  onFocus={() => setFocusPath(node.path)}
                  onKeyDown={(event) => onRowKey(event, node, item.index)}
                  onRename={(name, byKey) => {
                    setRenamePath(null);
                    // The input goes away with Enter or Escape: focus returns to the row (found by the new-user pass:
                    // it fell to the page body), and follows it to its new path once the rename is done.
                    if (byKey) setRefocus({ path: node.path, final: !name });
                    if (name)
                      void actions.rename(node, name).then((path) => {
                        if (byKey) setRefocus({ path: path ?? node.path, final: true });
                      });
                  }}
                  dragHandlers={dragHandlers(node)}
                />
                {menuPath === node.path ? (
                  <RowMenu
                    label={`Actions for ${node.name}`}
                    items={menuItems(node)}
                    onClose={() => {
                      setMenuPath(null);
                      scrollRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(node.path)}"]`)?.focus();
                    }}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
      {actions.undo ? <UndoToast offer={actions.undo} onUndo={() => void actions.undoRemove()} onDismiss={actions.dismissUndo} /> : null}
      <ContainerSettingsDialog node={settingsNode} onClose={() => setSettingsNode(null)} onWarnings={actions.showWarnings} onOpenVault={onOpenVault} />
      <ExportBrunoDialog node={brunoNode} onExport={actions.exportBruno} onClose={() => setBrunoNode(null)} />
      <OpenFolderDialog open={openFolder} currentRoot={tree.data?.root ?? ''} onClose={() => setOpenFolder(false)} />
      <SaveAsDialog
        open={moveNode !== null}
        title={`Move “${moveNode?.name ?? ''}”`}
        submitLabel="Move"
        askName={false}
        initialName={moveNode?.name ?? ''}
        nodes={nodes.filter((n) => !moveNode || (n.path !== moveNode.path && !n.path.startsWith(`${moveNode.path}/`)))}
        onClose={() => setMoveNode(null)}
        onSave={async ({ parent, newCollection }) => {
          if (!moveNode) return;
          const target = parent ?? (await actions.newCollection(newCollection ?? 'New collection'))?.path;
          if (target) await actions.move(moveNode, target, Number.MAX_SAFE_INTEGER);
        }}
      />
    </section>
  );
}
