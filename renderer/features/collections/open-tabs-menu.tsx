import { useState } from 'react';
import { repeatSuffixes, tabName, type RequestTab } from '../../../shared/workspace';
import { Menu } from '../../ui';
import styles from './collections.module.css';

interface OpenTabsMenuProps {
  tabs: readonly RequestTab[];
  activeId: string;
  onSelect: (id: string) => void;
}

/** The button shown when the tabs do not fit: it lists every open request, the active one marked, to pick from. */
export function OpenTabsMenu({ tabs, activeId, onSelect }: OpenTabsMenuProps) {
  const [open, setOpen] = useState(false);
  const suffixes = repeatSuffixes(tabs);
  return (
    <div className={styles.overflow}>
      <button
        type="button"
        className={styles.overflowButton}
        aria-label={`All open tabs (${tabs.length})`}
        title="All open tabs"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        ⌄ {tabs.length}
      </button>
      {open ? (
        <Menu
          label="Open tabs"
          className={styles.overflowMenu}
          onClose={() => setOpen(false)}
          items={tabs.map((tab) => ({
            id: tab.id,
            label: `${tab.draft.method} ${tabName(tab)}${suffixes.get(tab.id) ?? ''}${tab.dirty ? ' •' : ''}`,
            current: tab.id === activeId,
            onSelect: () => onSelect(tab.id),
          }))}
        />
      ) : null}
    </div>
  );
}
