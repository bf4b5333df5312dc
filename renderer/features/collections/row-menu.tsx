import { useEffect, useRef } from 'react';

export interface RowMenuItem {
  label: string;
  /** React key when labels can repeat (two "Untitled request" tabs) */
  id?: string;
  /** marks the current choice (the active tab in the list of open tabs) */
  current?: boolean;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/** A small action menu (role=menu): arrows move, Enter picks, Escape closes and returns focus to the opener. */
export function RowMenu({ label, items, onClose }: { label: string; items: readonly RowMenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // The owner passes a new onClose on every render; the menu must not take the focus back each time.
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const first =
      ref.current?.querySelector<HTMLElement>('[role="menuitem"][aria-current="true"]') ?? ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])');
    first?.focus();
    const onDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) closeRef.current();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);
  const move = (delta: number) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    buttons[(index + delta + buttons.length) % buttons.length]?.focus();
  };
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="ws-menu"
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') move(1);
        else if (event.key === 'ArrowUp') move(-1);
        else if (event.key === 'Escape') onClose();
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {items.map((item) => (
        <button
          key={item.id ?? item.label}
          type="button"
          role="menuitem"
          aria-current={item.current ? 'true' : undefined}
          className={['ws-menu__item', item.danger ? 'ws-menu__item--danger' : '', item.current ? 'ws-menu__item--current' : ''].filter(Boolean).join(' ')}
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
