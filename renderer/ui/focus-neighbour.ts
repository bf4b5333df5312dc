const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function shown(element: HTMLElement): boolean {
  if (element.closest('[hidden], [inert], [aria-hidden="true"]')) return false;
  // the browser also knows what CSS hides (display: none, visibility); test DOMs without layout may not
  return typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true;
}

/**
 * Moves focus to the control before or after `container` in tab order (document order; positive tabindex is not
 * used in this app), skipping everything inside it. Returns whether something took focus. Used to leave a widget
 * that keeps Tab for itself (the Monaco editors), so it is never a keyboard trap.
 */
export function focusNeighbour(container: HTMLElement, direction: 'next' | 'previous'): boolean {
  const root = container.ownerDocument;
  const candidates = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !container.contains(element) && shown(element));
  const ordered = direction === 'next' ? candidates : candidates.reverse();
  const target = ordered.find((element) => {
    const position = container.compareDocumentPosition(element);
    return direction === 'next' ? (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 : (position & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  });
  if (!target) return false;
  target.focus();
  return root.activeElement === target;
}

/**
 * Leaves a widget for its neighbour in `direction`, or, when it is the last (or first) control of the page, for the
 * one on the other side: the read-only response editor is last on the page, and its Esc must land on a visible
 * control (its toolbar's Copy), not on <body> with the next Tab going to the browser's own chrome.
 */
export function leaveWidget(container: HTMLElement, direction: 'next' | 'previous'): boolean {
  return focusNeighbour(container, direction) || focusNeighbour(container, direction === 'next' ? 'previous' : 'next');
}
