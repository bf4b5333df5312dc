import { describe, expect, it } from 'vitest';
import { hiddenTabs, wholeTabScroll } from './tab-strip-scroll';

const tabs = [0, 1, 2, 3, 4].map((i) => ({ left: i * 100, width: 100 }));

describe('wholeTabScroll', () => {
  it('moves a position inside a tab on to its end, so no tab is shown cut at the left', () => {
    // 500 px of tabs in 330 px: revealing the last one wants 170, inside the second tab
    expect(wholeTabScroll(tabs, 330, 170)).toEqual({ scrollLeft: 200, slack: 30 });
  });

  it('keeps a position already at a tab boundary, with no slack', () => {
    expect(wholeTabScroll(tabs, 300, 200)).toEqual({ scrollLeft: 200, slack: 0 });
    expect(wholeTabScroll(tabs, 300, 0)).toEqual({ scrollLeft: 0, slack: 0 });
  });
});

describe('hiddenTabs', () => {
  it('counts the tabs out of view on each side', () => {
    expect(hiddenTabs(tabs, 200, 230)).toEqual({ left: 2, right: 1 });
    expect(hiddenTabs(tabs, 0, 500)).toEqual({ left: 0, right: 0 });
  });
});
