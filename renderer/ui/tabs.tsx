import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<Id extends string> {
  id: Id;
  label: ReactNode;
  /** the tab's accessible name when the label is not plain text (e.g. has a count badge) */
  ariaLabel?: string;
}

interface TabsProps<Id extends string> {
  /** accessible name of the tab list */
  label: string;
  /** prefix for element ids; tab panels use `${idPrefix}-panel-${id}` (see TabPanel) */
  idPrefix: string;
  tabs: readonly TabItem<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  /** the tab list is one of the window's main regions: F6 moves the focus to its selected tab (pane-focus.ts) */
  pane?: boolean;
}

/**
 * A WAI-ARIA tab list with automatic activation: arrows, Home and End move between tabs, and only the selected
 * tab is in the Tab order so keyboard users are not made to walk through every tab.
 */
export function Tabs<Id extends string>({ label, idPrefix, tabs, selected, onSelect, pane = false }: TabsProps<Id>) {
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-tab-${tab.id}`)}`)?.focus();
  };

  return (
    <div ref={listRef} role="tablist" aria-label={label} className="ui-tabs" onKeyDown={onKeyDown} data-pane={pane ? '' : undefined}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          // only the selected tab's panel is rendered; pointing at a missing element is an ARIA error
          aria-controls={tab.id === selected ? `${idPrefix}-panel-${tab.id}` : undefined}
          aria-selected={tab.id === selected}
          aria-label={tab.ariaLabel}
          tabIndex={tab.id === selected ? 0 : -1}
          className="ui-tabs__tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
