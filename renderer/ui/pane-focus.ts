/**
 * F6 / Shift+F6 move the focus between the window's main regions, as in VS Code and browsers. A region is any
 * element marked `data-pane` (the side panels, the request line, the request and response tab lists); within it,
 * the focus goes to the first focusable element of its `data-pane-focus` part (the tree's current row, the URL
 * field), else to its own first focusable element. Regions not on screen are skipped, so the cycle follows what is
 * shown: a closed panel, the WebSocket view, a response not there yet.
 */

// in the Tab order only: a roving tab index (the tree, tab lists) leaves its current item at 0 and the rest at -1
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]',
]
  .map((selector) => `${selector}:not([tabindex^="-"])`)
  .join(', ');

const shown = (element: Element) => element.getClientRects().length > 0;

function firstFocusable(root: Element): HTMLElement | null {
  if (root.matches(FOCUSABLE) && shown(root)) return root as HTMLElement;
  for (const element of root.querySelectorAll<HTMLElement>(FOCUSABLE)) if (shown(element)) return element;
  return null;
}

function target(pane: Element): HTMLElement | null {
  const part = pane.querySelector('[data-pane-focus]');
  return (part && firstFocusable(part)) ?? firstFocusable(pane);
}

/** Whether the focus is in this region or after it in the document (the region it was last moved past). */
function reached(pane: Element, active: Element): boolean {
  return pane.contains(active) || (pane.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** Moves the focus to the next (or previous) region from where it is; false when there is no region to go to. */
export function focusNextPane(root: ParentNode, active: Element | null, backwards: boolean): boolean {
  const panes = [...root.querySelectorAll('[data-pane]')].filter(shown);
  const targets = panes.map(target);
  // the region the focus is in, or the last one before it; -1 before the first (the top bar, the page itself)
  let current = -1;
  if (active && active !== document.body) panes.forEach((pane, index) => (reached(pane, active) ? (current = index) : undefined));
  const inside = current >= 0 && panes[current]!.contains(active);
  for (let step = 1; step <= panes.length; step += 1) {
    // backwards from a place between regions, the region before it comes first
    const offset = backwards ? (inside || current < 0 ? -step : -step + 1) : step;
    const index = (((current + offset) % panes.length) + panes.length) % panes.length;
    const next = targets[index];
    if (next && next !== active) {
      next.focus();
      return true;
    }
  }
  return false;
}
