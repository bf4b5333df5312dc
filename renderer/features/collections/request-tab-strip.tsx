import { useRef, type KeyboardEvent } from 'react';
import type { RequestTab } from '../../../shared/workspace';

interface RequestTabStripProps {
  tabs: readonly RequestTab[];
  activeId: string;
  onSelect: (id: string) => void;
  onClose: (id: string) => void;
  onNew: () => void;
}

const tabId = (id: string) => `req-tab-${id}`;

/**
 * The open requests. A WAI-ARIA tab list: arrows, Home and End move, Delete closes the focused tab; a middle click
 * closes too. An edited tab shows • and says "unsaved" to screen readers.
 */
export function RequestTabStrip({ tabs, activeId, onSelect, onClose, onNew }: RequestTabStripProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const focus = (id: string) => listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(id))}`)?.focus();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === activeId);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else if (event.key === 'Delete') {
      event.preventDefault();
      onClose(activeId);
      return;
    }
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    focus(tab.id);
  };
  return (
    <div className="rt">
      <div ref={listRef} role="tablist" aria-label="Open requests" className="rt-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.id === activeId;
          return (
            <div
              key={tab.id}
              role="presentation"
              className={selected ? 'rt-tab rt-tab--active' : 'rt-tab'}
              onAuxClick={(event) => {
                if (event.button === 1) {
                  event.preventDefault();
                  onClose(tab.id);
                }
              }}
              onMouseDown={(event) => {
                // Middle click would start autoscroll on some platforms.
                if (event.button === 1) event.preventDefault();
              }}
            >
              <button
                type="button"
                role="tab"
                id={tabId(tab.id)}
                aria-selected={selected}
                aria-label={`${tab.name}${tab.dirty ? ' (unsaved)' : ''}`}
                tabIndex={selected ? 0 : -1}
                className="rt-tab__label"
                title={tab.path ?? 'Not saved yet'}
                onClick={() => onSelect(tab.id)}
              >
                <span className={`rt-method rt-method--${methodClass(tab.draft.method)}`}>{tab.draft.method.slice(0, 6)}</span>
                <span className="rt-tab__name">{tab.name}</span>
                {tab.dirty ? (
                  <span className="rt-tab__dirty" aria-hidden="true">
                    •
                  </span>
                ) : null}
              </button>
              <button type="button" className="rt-tab__close" aria-label={`Close ${tab.name}`} tabIndex={-1} onClick={() => onClose(tab.id)}>
                ×
              </button>
            </div>
          );
        })}
      </div>
      <button type="button" className="rt-new" aria-label="New request tab" title="New request" onClick={onNew}>
        +
      </button>
    </div>
  );
}

export function methodClass(method: string): string {
  const known = ['get', 'post', 'put', 'patch', 'delete'];
  const lower = method.toLowerCase();
  return known.includes(lower) ? lower : 'other';
}
