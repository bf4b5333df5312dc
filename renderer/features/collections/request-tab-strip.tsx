import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { TAB_SHORTCUT_KEYS as KEYS, repeatSuffixes, tabLabel, tabName, tabTooltip, type RequestTab } from '../../../shared/workspace';
import { Menu } from '../../ui';
import { OpenTabsMenu } from './open-tabs-menu';
import styles from './collections.module.css';
import { hiddenTabs, wholeTabScroll, type TabSpan } from './tab-strip-scroll';

interface RequestTabStripProps {
  tabs: readonly RequestTab[];
  activeId: string;
  onSelect: (id: string) => void;
  onClose: (id: string) => void;
  /** closes every tab but this one ("Close others") */
  onCloseOthers: (id: string) => void;
  onCloseAll: () => void;
  onNew: () => void;
  /** a mark shown in a tab (the app puts the in-flight spinner there; this feature does not know about sending) */
  renderMark?: (id: string) => ReactNode;
}

const tabId = (id: string) => `req-tab-${id}`;

// The tab keys, where a mouse user looks for them (and, as aria-keyshortcuts, where a screen reader does)
const TAB_KEYS_HINT = `${KEYS.next} / ${KEYS.previous}: next / previous tab · ${KEYS.close}: close · ${KEYS.new}: new tab`;
const ARIA_TAB_KEYS = 'Control+Alt+PageDown Control+Alt+PageUp Alt+W';

/** Where a tab's menu opens: under the tab, in the strip's coordinates (the list scrolls and would clip it). */
interface TabMenu {
  id: string;
  left: number;
}

/**
 * The open requests. A WAI-ARIA tab list: arrows, Home and End move, Delete closes the focused tab; a middle click
 * closes too. An edited tab shows • and says "unsaved" to screen readers. A tab's menu (right click, Shift+F10)
 * closes it, the others or all; the active tab is kept in view, and when the tabs do not fit a button lists them
 * all. The strip keeps the focus when a tab opens (data-keep-focus): the URL field does not take it.
 */
export function RequestTabStrip({ tabs, activeId, onSelect, onClose, onCloseOthers, onCloseAll, onNew, renderMark }: RequestTabStripProps) {
  const stripRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<TabMenu | null>(null);
  const [overflowing, setOverflowing] = useState(false);
  // tabs out of view on each side (shown as "‹ N" and a fade), and room after the last tab so the strip can start at
  // a whole tab
  const [hidden, setHidden] = useState({ left: 0, right: 0 });
  const [slack, setSlack] = useState(0);
  const spans = (): TabSpan[] => {
    const list = listRef.current;
    if (!list) return [];
    const origin = list.getBoundingClientRect().left - list.scrollLeft;
    return [...list.querySelectorAll<HTMLElement>(':scope > [data-tab]')].map((tab) => {
      const rect = tab.getBoundingClientRect();
      return { left: rect.left - origin, width: rect.width };
    });
  };
  const countHidden = () => {
    const list = listRef.current;
    if (!list) return;
    const next = hiddenTabs(spans(), list.scrollLeft, list.clientWidth);
    setHidden((current) => (current.left === next.left && current.right === next.right ? current : next));
  };
  const tabElement = (id: string) => listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(id))}`) ?? null;
  const focus = (id: string) => tabElement(id)?.focus();

  // The active tab (opened from the tree, chosen from the list) is scrolled wholly into view, × included. Done by hand
  // on the list alone: scrollIntoView also scrolls the page's other scroll boxes, and runs before the "⌄ N" button
  // appears and narrows the list, leaving the tab cut under it (hence `overflowing` as a dependency).
  const revealActive = () => {
    const list = listRef.current;
    const tab = tabElement(activeId)?.parentElement;
    if (!list || !tab) return;
    const box = list.getBoundingClientRect();
    const rect = tab.getBoundingClientRect();
    if (rect.left < box.left) list.scrollLeft -= box.left - rect.left;
    else if (rect.right > box.left + list.clientWidth) {
      // the strip then starts at a whole tab, not one cut mid-label
      const wanted = list.scrollLeft + rect.right - (box.left + list.clientWidth);
      const whole = wholeTabScroll(spans(), list.clientWidth, wanted);
      if (whole.slack !== slackRef.current) {
        slackRef.current = whole.slack;
        setSlack(whole.slack);
        const spacer = list.querySelector<HTMLElement>(':scope > [data-slack]');
        if (spacer) spacer.style.width = `${whole.slack}px`;
      }
      list.scrollLeft = whole.scrollLeft;
    }
    countHidden();
  };
  const slackRef = useRef(0);
  const reveal = useRef(revealActive);
  const recount = useRef(countHidden);
  useLayoutEffect(() => {
    reveal.current = revealActive;
    recount.current = countHidden;
  });
  // Set when the person scrolls the strip themselves (wheel, "‹ N"): a resize then leaves their scroll alone — the
  // "‹ N" button coming and going resizes the list, which otherwise snapped a wheel scroll back to the active tab.
  const scrolledByHand = useRef(false);
  useLayoutEffect(() => {
    scrolledByHand.current = false;
    reveal.current();
  }, [activeId, tabs.length, overflowing]);

  // Sizes change after that: the window narrows, or the active tab grows (its spinner while a request is in flight, its
  // unsaved dot), which left it cut under the "⌄ N" button (new-user pass): measured again, and shown again.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      setOverflowing(list.scrollWidth > list.clientWidth + 1);
      if (scrolledByHand.current) recount.current();
      else reveal.current();
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    const active = tabElement(activeId)?.parentElement;
    if (active) observer.observe(active);
    return () => observer.disconnect();
  }, [tabs, activeId]);

  const openMenu = (id: string) => {
    const strip = stripRef.current?.getBoundingClientRect();
    const tab = tabElement(id)?.parentElement?.getBoundingClientRect();
    setMenu({ id, left: strip && tab ? Math.max(0, tab.left - strip.left) : 0 });
  };
  const closeMenu = () => {
    const id = menu?.id;
    setMenu(null);
    if (id) requestAnimationFrame(() => focus(tabs.some((tab) => tab.id === id) ? id : activeId));
  };

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
    } else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      openMenu(activeId);
      return;
    }
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    focus(tab.id);
  };
  const menuTab = menu ? tabs.find((tab) => tab.id === menu.id) : undefined;
  const suffixes = repeatSuffixes(tabs);
  return (
    <div ref={stripRef} className={styles.strip}>
      {hidden.left > 0 ? (
        <button
          type="button"
          className={styles.moreLeft}
          aria-label={`${hidden.left} ${hidden.left === 1 ? 'tab' : 'tabs'} hidden to the left: show the previous one`}
          title={`${hidden.left} more ${hidden.left === 1 ? 'tab' : 'tabs'} to the left`}
          tabIndex={-1}
          onClick={() => {
            const list = listRef.current;
            const previous = spans()[hidden.left - 1];
            if (list && previous) list.scrollLeft = previous.left;
            scrolledByHand.current = true;
          }}
        >
          ‹ {hidden.left}
        </button>
      ) : null}
      <div
        ref={listRef}
        role="tablist"
        aria-label="Open requests"
        className={styles.tabList}
        data-keep-focus=""
        onKeyDown={onKeyDown}
        onScroll={countHidden}
        // the strip has no scrollbar (the "⌄ N" list reaches every tab): an ordinary wheel scrolls it sideways
        onWheel={(event) => {
          if (event.deltaX === 0 && event.deltaY !== 0) event.currentTarget.scrollLeft += event.deltaY;
          scrolledByHand.current = true;
        }}
      >
        {tabs.map((tab) => {
          const selected = tab.id === activeId;
          const repeat = suffixes.get(tab.id) ?? '';
          const label = tabLabel(tab) + repeat;
          return (
            <div
              key={tab.id}
              role="presentation"
              data-tab=""
              className={selected ? `${styles.tab} ${styles.tabActive}` : styles.tab}
              onAuxClick={(event) => {
                if (event.button === 1) {
                  event.preventDefault();
                  // Closed after this click is handled: closing moves focus to the next tab's URL field, and on Linux
                  // the middle button's default action then pasted the primary selection into it (new-user finding).
                  window.setTimeout(() => onClose(tab.id), 0);
                }
              }}
              onMouseDown={(event) => {
                // Middle click would start autoscroll on some platforms.
                if (event.button === 1) event.preventDefault();
              }}
              onMouseUp={(event) => {
                // …and paste the primary selection (X11) where the focus is
                if (event.button === 1) event.preventDefault();
              }}
              onContextMenu={(event) => {
                event.preventDefault();
                openMenu(tab.id);
              }}
            >
              <button
                type="button"
                role="tab"
                id={tabId(tab.id)}
                aria-selected={selected}
                aria-label={`${label}${tab.dirty ? ' (unsaved)' : ''}`}
                aria-haspopup="menu"
                tabIndex={selected ? 0 : -1}
                className={styles.tabLabel}
                title={`${tab.deleted ? `Its file (${tab.deleted.from}) was deleted: save to keep this request.\n` : ''}${tabTooltip(tab)}\n${TAB_KEYS_HINT}`}
                aria-keyshortcuts={ARIA_TAB_KEYS}
                onClick={() => onSelect(tab.id)}
              >
                <span className={methodClassName(tab.draft.method)}>{tab.draft.method.slice(0, 6)}</span>
                <span className={styles.tabName}>{tabName(tab) + repeat}</span>
                {tab.dirty ? (
                  <span className={styles.tabDirty} aria-hidden="true">
                    •
                  </span>
                ) : null}
              </button>
              {/* over the × (shown again on hover or focus), so a tab does not widen and shift the strip while it sends */}
              <span className={styles.tabMark}>{renderMark?.(tab.id)}</span>
              <button
                type="button"
                className={styles.tabClose}
                aria-label={`Close ${label}`}
                title={`Close (${KEYS.close})`}
                tabIndex={-1}
                onClick={() => onClose(tab.id)}
              >
                ×
              </button>
            </div>
          );
        })}
        <span className={styles.slack} data-slack="" aria-hidden="true" style={{ width: slack }} />
      </div>
      {menu && menuTab ? (
        <div className={styles.tabMenu} style={{ left: menu.left }}>
          <Menu
            label={`Actions for tab ${tabLabel(menuTab)}${suffixes.get(menuTab.id) ?? ''}`}
            onClose={closeMenu}
            items={[
              { label: 'Close', onSelect: () => onClose(menuTab.id) },
              { label: 'Close others', onSelect: () => onCloseOthers(menuTab.id), disabled: tabs.length < 2 },
              { label: 'Close all', onSelect: onCloseAll },
            ]}
          />
        </div>
      ) : null}
      {overflowing ? <OpenTabsMenu tabs={tabs} activeId={activeId} onSelect={onSelect} /> : null}
      <button
        type="button"
        className={styles.newTab}
        aria-label="New request tab"
        title={`New request (${KEYS.new})`}
        aria-keyshortcuts="Alt+T"
        onClick={onNew}
      >
        +
      </button>
    </div>
  );
}

const METHOD_CLASS: Record<string, string | undefined> = {
  get: styles.methodGet,
  post: styles.methodPost,
  put: styles.methodPut,
  patch: styles.methodPatch,
  delete: styles.methodDelete,
};

/** A method badge's classes: its colour for the common methods, the plain badge for any other. */
export function methodClassName(method: string): string | undefined {
  const colour = METHOD_CLASS[method.toLowerCase()];
  return colour ? `${styles.method} ${colour}` : styles.method;
}
