/**
 * After entries are deleted the keyboard focus has nowhere to go back to: the button that asked is gone (the entry's
 * own Delete) or disabled (Clear all, with nothing left), and the focus fell to the page. The panel's search field
 * takes it, so Tab goes on inside the panel (new-user pass). Nothing happens while the panel is closed.
 */
export function focusHistorySearch(): void {
  document.querySelector<HTMLInputElement>('#history-panel input[type="search"]')?.focus();
}
