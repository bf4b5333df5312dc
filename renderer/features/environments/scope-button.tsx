import styles from './scope-sidebar.module.css';
import editor from './environment-editor.module.css';

interface ScopeButtonProps {
  title: string;
  count: number;
  selected: boolean;
  active?: boolean;
  dirty: boolean;
  onSelect: () => void;
}

/** One scope in the editor's sidebar: its name, how many variables, and whether it is active or has unsaved edits. */
export function ScopeButton({ title, count, selected, active = false, dirty, onSelect }: ScopeButtonProps) {
  const name = [title, active ? 'active' : null, `${count} ${count === 1 ? 'variable' : 'variables'}`, dirty ? 'unsaved changes' : null]
    .filter(Boolean)
    .join(', ');
  return (
    <button
      type="button"
      className={styles.scope}
      aria-current={selected ? 'true' : undefined}
      aria-label={name}
      data-autofocus={selected ? '' : undefined}
      onClick={onSelect}
    >
      <span className={styles.scopeName}>{title}</span>
      {dirty ? <span className={editor.dirtyDot} title="Unsaved changes" /> : null}
      {active ? <span className={`${editor.pill} ${editor.pillActive}`}>active</span> : null}
      <span className={styles.scopeCount}>{count}</span>
    </button>
  );
}
