/** A tab's place in the strip's scrolled content, in pixels from its start. */
export interface TabSpan {
  left: number;
  width: number;
}

/**
 * Where to scroll the strip so it starts at a whole tab: a position inside a tab moves on to that tab's end, so the
 * tab goes out of view wholly instead of showing "t?x=1 •" cut mid-label. Moving on only ever shows more on the
 * right, where the active tab was revealed. `slack`: the room to add after the last tab for that position to exist.
 */
export function wholeTabScroll(tabs: readonly TabSpan[], viewport: number, wanted: number): { scrollLeft: number; slack: number } {
  const content = tabs.reduce((end, tab) => Math.max(end, tab.left + tab.width), 0);
  let scrollLeft = Math.max(0, wanted);
  const cut = tabs.find((tab) => tab.left < scrollLeft - 0.5 && tab.left + tab.width > scrollLeft + 0.5);
  if (cut) scrollLeft = cut.left + cut.width;
  return { scrollLeft, slack: Math.max(0, Math.ceil(scrollLeft + viewport - content)) };
}

/** How many tabs are out of view (wholly or partly) on each side. */
export function hiddenTabs(tabs: readonly TabSpan[], scrollLeft: number, viewport: number): { left: number; right: number } {
  let left = 0;
  let right = 0;
  for (const tab of tabs) {
    if (tab.left < scrollLeft - 0.5) left += 1;
    else if (tab.left + tab.width > scrollLeft + viewport + 0.5) right += 1;
  }
  return { left, right };
}
