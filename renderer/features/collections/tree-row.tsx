import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { WorkspaceNode } from '../../../shared/contract';
import { methodClassName } from './request-tab-strip';
import styles from './collections.module.css';

interface TreeRowProps {
  node: WorkspaceNode;
  expanded: boolean;
  active: boolean;
  focused: boolean;
  renaming: boolean;
  dropTarget: boolean;
  onActivate: () => void;
  onToggle: () => void;
  onMenu: () => void;
  /** `byKey`: ended with Enter or Escape, so keyboard focus goes back to the row (not on a click elsewhere) */
  onRename: (name: string | null, byKey: boolean) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: () => void;
  dragHandlers: {
    onDragStart: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: () => void;
    onDrop: (event: DragEvent) => void;
  };
}

/** One row of the collections tree: a collection, folder or request; a file Courier cannot read says why. */
export function TreeRow(props: TreeRowProps) {
  const { node, expanded, active, focused, renaming, dropTarget } = props;
  const container = node.kind !== 'request';
  return (
    <div
      role="treeitem"
      aria-level={node.depth + 1}
      aria-expanded={container ? expanded : undefined}
      aria-selected={active}
      aria-label={`${node.name}${node.error ? ' (cannot be read)' : ''}`}
      aria-describedby={node.error ? `ws-err-${node.path}` : undefined}
      tabIndex={focused ? 0 : -1}
      data-path={node.path}
      className={[styles.row, active ? styles.rowActive : '', dropTarget ? styles.rowDrop : '', node.error ? styles.rowError : ''].join(' ')}
      style={{ paddingLeft: 8 + node.depth * 14 }}
      draggable={!renaming && !node.error}
      onClick={() => (container ? props.onToggle() : props.onActivate())}
      onKeyDown={props.onKeyDown}
      onFocus={props.onFocus}
      onContextMenu={(event) => {
        event.preventDefault();
        props.onMenu();
      }}
      {...props.dragHandlers}
    >
      {container ? (
        <span className={expanded ? `${styles.caret} ${styles.caretOpen}` : styles.caret} aria-hidden="true" />
      ) : node.method ? (
        <span className={methodClassName(node.method)}>{node.method.slice(0, 6)}</span>
      ) : (
        <span className={styles.method}>?</span>
      )}
      {renaming ? (
        <RenameInput initial={node.name} onDone={props.onRename} />
      ) : (
        <span className={node.kind === 'collection' ? `${styles.rowName} ${styles.rowNameCollection}` : styles.rowName} title={node.error ?? node.path}>
          {node.name}
        </span>
      )}
      {node.error ? (
        <span className={styles.rowErrorMark} id={`ws-err-${node.path}`} title={node.error}>
          {node.error}
        </span>
      ) : null}
      <button
        type="button"
        className={styles.rowMore}
        aria-label={`Actions for ${node.name}`}
        aria-haspopup="menu"
        tabIndex={-1}
        onClick={(event) => {
          event.stopPropagation();
          props.onMenu();
        }}
      >
        ⋯
      </button>
    </div>
  );
}

function RenameInput({ initial, onDone }: { initial: string; onDone: (name: string | null, byKey: boolean) => void }) {
  const [value, setValue] = useState(initial);
  // Enter, then the blur that unmounting causes: answer once.
  const done = useRef(false);
  const finish = (name: string | null, byKey = false) => {
    if (done.current) return;
    done.current = true;
    onDone(name, byKey);
  };
  return (
    <input
      className={styles.rowRename}
      aria-label="New name"
      value={value}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onClick={(event) => event.stopPropagation()}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => finish(value.trim() === '' || value === initial ? null : value.trim())}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(value.trim() === '' || value === initial ? null : value.trim(), true);
        if (event.key === 'Escape') finish(null, true);
      }}
    />
  );
}
