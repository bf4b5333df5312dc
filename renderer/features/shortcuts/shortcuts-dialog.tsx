import { Fragment } from 'react';
import { Dialog } from '../../ui';
import { shortcutGroups } from './shortcut-list';
import styles from './shortcuts-dialog.module.css';

// navigator.platform is deprecated but still the most reliable synchronous signal; a wrong guess only changes labels.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The keyboard shortcuts, by where they work: opened by F1, Ctrl/⌘+/ or the top bar's "?" button. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} size="wide" layout="panel">
      <div className={styles.shortcuts}>
        {shortcutGroups(isMac).map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3 className={styles.title}>{group.title}</h3>
            <dl className={styles.list}>
              {group.shortcuts.map((shortcut) => (
                <Fragment key={`${shortcut.keys} ${shortcut.what}`}>
                  <dt className={styles.keys}>
                    {shortcut.keys.split(/\s+/).map((chord, index) => (
                      <kbd key={index}>{chord}</kbd>
                    ))}
                  </dt>
                  <dd className={styles.what}>{shortcut.what}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
