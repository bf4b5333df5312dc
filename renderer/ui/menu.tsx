import { useEffect, useRef, type KeyboardEvent } from 'react';
import styles from './menu.module.css';

export interface MenuItem {
  label: string;
  /** React key when labels can repeat (two "Untitled request" tabs) */
  id?: string;
  /** marks the current choice (the active tab in the list of open tabs); the menu opens on it */
  current?: boolean;
  onSelect: () => void;
  disabled?: boolean;
  /** removes something */
  danger?: boolean;
}

export interface MenuProps {
  /** the menu's accessible name ("Actions for Users") */
  label: string;
  items: readonly MenuItem[];
  /** a pick, Escape or a click outside: the owner unmounts the menu (and may put the focus somewhere of its own) */
  onClose: () => void;
  /** where it sits: the owner positions it */
  className?: string;
}

const ITEMS = '[role="menuitem"]:not([disabled])';

/**
 * A context or overflow menu (role=menu of menuitems), open while mounted. Focus goes to the current item or the
 * first; ↑/↓ move (round the ends), Home/End go to the ends, Enter or a click picks, Escape closes and gives the
 * focus back to the control that had it when the menu opened, unless the owner has put it somewhere already.
 */
export function Menu({ label, items, onClose, className }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  // The owner passes a new onClose on every render; the menu must not take the focus back each time.
  const closeRef = useRef(onClose);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('[role="menuitem"][aria-current="true"]') ?? ref.current?.querySelector<HTMLElement>(ITEMS);
    first?.focus();
    const onDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) closeRef.current();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  const focusItem = (pick: (items: HTMLElement[], index: number) => HTMLElement | undefined) => {
    const enabled = [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    pick(enabled, enabled.indexOf(document.activeElement as HTMLElement))?.focus();
  };
  const close = () => {
    const menu = ref.current;
    onClose();
    // still in the menu (or lost to the page): the owner did not move it, so it goes back where it came from
    const active = document.activeElement;
    if ((!active || active === document.body || menu?.contains(active)) && returnTo.current?.isConnected) returnTo.current.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowDown') focusItem((all, index) => all[(index + 1) % all.length]);
    else if (event.key === 'ArrowUp') focusItem((all, index) => all[(index - 1 + all.length) % all.length]);
    else if (event.key === 'Home') focusItem((all) => all[0]);
    else if (event.key === 'End') focusItem((all) => all.at(-1));
    else if (event.key === 'Escape') close();
    else return;
    // the keys are the menu's: not the list's, the tree's or the dialog's around it
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={ref} role="menu" aria-label={label} className={className ? `${styles.menu} ${className}` : styles.menu} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.id ?? item.label}
          type="button"
          role="menuitem"
          aria-current={item.current ? 'true' : undefined}
          className={[styles.item, item.danger ? styles.danger : undefined, item.current ? styles.current : undefined].filter(Boolean).join(' ')}
          disabled={item.disabled}
          onClick={() => {
            onClose();
            item.onSelect();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
