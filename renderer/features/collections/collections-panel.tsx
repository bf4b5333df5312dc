import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkspaceNode } from '../../../shared/contract';
import { visibleNodes } from '../../../shared/workspace';
import { Button, Menu, type MenuItem } from '../../ui';
import { useVirtualRows } from '../../ui/virtual-list';
import { ContainerSettingsDialog } from './container-settings-dialog';
import { ExportBrunoDialog } from './export-bruno-dialog';
import { NewCollectionDialog } from './new-collection-dialog';
import { OpenFolderDialog } from './open-folder-dialog';
import { SaveAsDialog } from './save-as-dialog';
import { treeKeyCommand } from './tree-keys';
import { treeMenuModel, type TreeCommand } from './tree-menu-model';
import { TreeRow } from './tree-row';
import type { RequestTabs } from './use-request-tabs';
import type { TreeReveal } from './use-reveal-in-tree';
import { useTreeActions } from './use-tree-actions';
import { useTreeDrag } from './use-tree-drag';
import { useWorkspaceTree } from './workspace-queries';
import { TreeNoticeMessage, UndoToast } from './tree-notices';
import { lastKnown } from '../../lib/last-known';
import styles from './collections.module.css';

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
  const [naming, setNaming] = useState(false);
  const [settingsNode, setSettingsNode] = useState<WorkspaceNode | null>(null);
  const [brunoNode, setBrunoNode] = useState<WorkspaceNode | null>(null);
  const drag = useTreeDrag(nodes, (from, place) => void actions.move(from, place.parent, place.index));
  const scrollRef = useRef<HTMLDivElement>(null);
  // a row that keyboard focus returns to after an inline rename; `final` once the rename is done (its path may change)
  const [refocus, setRefocus] = useState<{ path: string; final: boolean } | null>(null);
  useEffect(() => {
    if (!refocus) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(refocus.path)}"]`);
    if (!row) return;
    if (document.activeElement !== row) row.focus();
    // the row exists only once rendered; the request is done when it has the focus
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (refocus.final) setRefocus(null);
  }, [refocus, rows]);
  const { rows: slots, totalSize, scrollToIndex } = useVirtualRows({ count: rows.length, scrollRef, estimateSize: ROW_HEIGHT });

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
    scrollToIndex(index, { align: 'auto' });
  }, [reveal, rows, scrollToIndex]);

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
    scrollToIndex(index);
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

  const menuHandlers = (node: WorkspaceNode): Record<TreeCommand, () => void> => ({
    'new-request': () => void actions.newRequest(node.path, releaseFocus),
    'new-websocket': () => void actions.newWebSocket(node.path).then((created) => created && onOpenWebSocket?.(created.path)),
    run: () => onRun?.(node),
    'new-folder': () => void startNew(() => actions.newFolder(node.path, 'New folder'), node.path),
    settings: () => setSettingsNode(node),
    'export-postman': () => void actions.exportPostman(node),
    'export-bruno': () => setBrunoNode(node),
    'export-openapi': () => void actions.exportOpenApi(node),
    'export-k6': () => void actions.exportK6(node),
    open: () => open(node),
    rename: () => setRenamePath(node.path),
    duplicate: () => void actions.duplicate(node),
    'move-up': () => void actions.shift(node, -1),
    'move-down': () => void actions.shift(node, 1),
    'move-to': () => setMoveNode(node),
    delete: () => void actions.remove(node),
  });
  const menuItems = (node: WorkspaceNode): MenuItem[] => {
    const handlers = menuHandlers(node);
    return treeMenuModel(node, nodes, { webSocket: !!onOpenWebSocket, runner: !!onRun }).map(({ command, label, disabled, danger }) => ({
      label,
      disabled,
      ...(danger ? { danger } : {}),
      onSelect: handlers[command],
    }));
  };

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, node: WorkspaceNode, index: number) => {
    const command = treeKeyCommand(event, node, index, rows, collapsed);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'focus') focusRow(command.index);
    else if (command.kind === 'toggle') toggle(node.path);
    else if (command.kind === 'open') open(node);
    else if (command.kind === 'rename') setRenamePath(node.path);
    else if (command.kind === 'delete') void actions.remove(node);
    else if (command.kind === 'menu') setMenuPath(node.path);
    else void actions.shift(node, command.by);
  };

  const loadedName = tree.data ? (tree.data.isDefault ? 'Default workspace' : tree.data.name) : undefined;
  // Until the tree arrives, the name it had last time (a first start's is the default workspace), not shown: a
  // placeholder of another length ("Workspace") made the buttons beside it wrap anew when the real name came.
  const workspaceName = lastKnown('courier.workspaceName', loadedName, 'Default workspace');
  return (
    <section className={styles.panel} aria-label="Collections">
      <header className={styles.head}>
        <h2
          className={tree.data ? styles.headTitle : `${styles.headTitle} ${styles.headTitleLoading}`}
          title={tree.data ? `${workspaceName}\n${tree.data.root}` : undefined}
        >
          {workspaceName}
        </h2>
        <Button onClick={() => setNaming(true)}>New collection</Button>
        <Button onClick={() => setOpenFolder(true)}>Open folder…</Button>
      </header>
      {actions.error ? (
        <p className={`${styles.message} ${styles.messageError}`} role="alert">
          {actions.error}
          <button type="button" className={styles.link} onClick={actions.clearError}>
            Dismiss
          </button>
        </p>
      ) : null}
      {actions.notice ? <TreeNoticeMessage notice={actions.notice} onDismiss={actions.dismissNotice} /> : null}
      {tree.isError ? <p className={`${styles.message} ${styles.messageError}`}>{tree.error.message}</p> : null}
      {tree.data && nodes.length === 0 ? (
        <p className={styles.message}>No collections yet. Save a request (Ctrl+S) or create a collection to start one.</p>
      ) : null}
      {/* the tree keeps the focus when a click in it opens a request (the URL field would take it otherwise) */}
      <div ref={scrollRef} className={styles.scroll} data-keep-focus="">
        <div role="tree" aria-label="Collections" data-pane-focus="" className={styles.tree} style={{ height: totalSize }}>
          {slots.map((item) => {
            const node = rows[item.index]!;
            return (
              <div
                key={node.path}
                className={styles.slot}
                // Each slot is its own stacking context (transform): the one with an open menu goes above the rows below.
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, zIndex: menuPath === node.path ? 2 : undefined }}
              >
                <TreeRow
                  node={node}
                  expanded={!collapsed.has(node.path)}
                  active={node.path === activePath}
                  focused={node.path === focused?.path}
                  renaming={node.path === renamePath}
                  dropTarget={node.path === drag.dropPath}
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
                  dragHandlers={drag.handlers(node)}
                />
                {menuPath === node.path ? (
                  <Menu
                    label={`Actions for ${node.name}`}
                    className={styles.rowMenu}
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
      <NewCollectionDialog
        open={naming}
        onClose={() => setNaming(false)}
        onCreate={actions.createCollection}
        // named already: the new row takes the focus, as after a rename
        onCreated={(path) => setRefocus({ path, final: true })}
      />
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
