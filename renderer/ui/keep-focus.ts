const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where focus was, told in terms that survive a re-render: the control's kind and name, and the group it sat in. */
interface FocusMark {
  element: HTMLElement;
  tag: string;
  name: string;
  group: Element | null;
}

const nameOf = (element: HTMLElement): string => element.getAttribute('aria-label') ?? element.textContent.trim();

function mark(element: HTMLElement): FocusMark {
  return { element, tag: element.tagName, name: nameOf(element), group: element.closest('[role="group"], tr, fieldset') };
}

function usable(element: HTMLElement): boolean {
  return element.isConnected && !element.matches(':disabled') && !element.closest('[hidden], [inert]');
}

function lost(container: HTMLElement): boolean {
  const active = container.ownerDocument.activeElement;
  return active === null || active === container.ownerDocument.body || (active instanceof HTMLElement && !usable(active));
}

/**
 * The control that stands for the lost one: the same control re-rendered, else the first of its group, else the
 * dialog's autofocus control; null when the dialog itself should hold focus.
 */
function replacement(container: HTMLElement, last: FocusMark): HTMLElement | null {
  const candidates = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(usable);
  const same = candidates.find((element) => element.tagName === last.tag && nameOf(element) === last.name);
  if (same) return same;
  if (last.group?.isConnected && container.contains(last.group)) {
    const inGroup = candidates.find((element) => last.group!.contains(element));
    if (inGroup) return inGroup;
  }
  // Still there but disabled while it works ("Setting…"): the dialog holds focus, not a neighbour such as "Not now"
  // that a second Enter would press, and the control gets it back when it is enabled again (see keepFocusIn).
  if (last.element.isConnected && container.contains(last.element)) return null;
  return candidates.find((element) => element.matches('[data-autofocus]')) ?? null;
}

/**
 * Keeps keyboard focus inside an open modal dialog when React replaces or removes the control that had it (a table
 * remounted after Ctrl+S, a "Make active" button that goes away once the environment is active, a button disabled
 * while it works): without this the browser drops focus to the page body and the next key press goes nowhere.
 * Focus goes to the same control re-rendered (same kind and accessible name; a text field keeps its caret), else to
 * a control of the same group, else to the dialog's autofocus control; a control merely disabled for a while leaves
 * focus on the dialog itself until it is enabled again. Returns the function that stops watching.
 */
export function keepFocusIn(dialog: HTMLDialogElement): () => void {
  let last: FocusMark | null = null;
  // true while the dialog holds focus on behalf of a disabled control (not when the user clicked its background)
  let parked = false;
  const onFocusIn = (event: FocusEvent) => {
    if (event.target === dialog) return;
    parked = false;
    if (event.target instanceof HTMLElement) last = mark(event.target);
  };
  const restore = () => {
    if (!dialog.open || !last) return;
    if (parked && dialog.ownerDocument.activeElement === dialog) {
      // holding focus for a control that was disabled while it worked: it has it back once enabled
      if (usable(last.element) && dialog.contains(last.element)) last.element.focus();
      return;
    }
    if (!lost(dialog)) return;
    // a dialog opened over this one (the vault over the editor) has focus then, not the body
    const target = replacement(dialog, last) ?? dialog;
    // the dialog itself, as a last resort, keeps keys (Escape, Ctrl+S) in the dialog and Tab starting from its top
    if (target === dialog && !dialog.hasAttribute('tabindex')) dialog.tabIndex = -1;
    const previous = last.element;
    target.focus();
    parked = target === dialog;
    if (target instanceof HTMLInputElement && previous instanceof HTMLInputElement && target.type === previous.type && target.value === previous.value) {
      try {
        target.setSelectionRange(previous.selectionStart, previous.selectionEnd);
      } catch {
        // types without a caret (checkbox) have nothing to restore
      }
    }
  };
  const observer = new MutationObserver(restore);
  observer.observe(dialog, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
  dialog.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    dialog.removeEventListener('focusin', onFocusIn);
  };
}
