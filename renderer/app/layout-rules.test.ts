import { describe, expect, it } from 'vitest';
import {
  PANEL_FLOOR_WIDTH,
  PANEL_MIN_WIDTH,
  REQUEST_LINE_CHROME,
  REQUEST_MIN_WIDTH,
  RESPONSE_MIN_WIDTH,
  besideShortfall,
  panelRange,
  panelRoom,
  panelWidths,
  responseBeside,
} from './layout-rules';

describe('responseBeside', () => {
  it('puts the response beside the request only when both fit at their minimum', () => {
    expect(responseBeside(false, REQUEST_MIN_WIDTH + RESPONSE_MIN_WIDTH + 40)).toBe(true);
    // a 1280 px window with the collections panel open leaves about 1039 px: the response goes below, not squeezed
    expect(responseBeside(false, 1039)).toBe(false);
  });

  it('fits beside at 1440 px with the collections panel at its usual 240 px, and at its 200 px minimum', () => {
    expect(responseBeside(false, 1440 - 240 - 1)).toBe(true);
    expect(responseBeside(false, 1440 - PANEL_MIN_WIDTH - 1)).toBe(true);
  });

  it('says how much room beside is short of, for the note under the switch', () => {
    expect(besideShortfall(1039)).toBe(REQUEST_MIN_WIDTH + RESPONSE_MIN_WIDTH + 1 - 1039);
    expect(besideShortfall(1300)).toBe(0);
    expect(besideShortfall(0)).toBe(0);
  });

  it('keeps the response below when the user asked for that, however wide the window', () => {
    expect(responseBeside(true, 3000)).toBe(false);
  });

  it('reserves at least 480 px for the URL field beside the method, Send and Export', () => {
    expect(REQUEST_MIN_WIDTH - REQUEST_LINE_CHROME).toBeGreaterThanOrEqual(480);
  });
});

describe('panelWidths', () => {
  it('keeps the chosen widths when they fit beside the request line', () => {
    expect(panelWidths(1440, [240, 280])).toEqual([240, 280]);
  });

  it('gives way towards the minimum, in proportion, so the request line keeps its room (1280 px, both open)', () => {
    const shown = panelWidths(1280, [240, 280]);
    expect(shown.every((width) => width >= PANEL_MIN_WIDTH)).toBe(true);
    expect(shown[0]! + shown[1]!).toBeLessThanOrEqual(panelRoom(1280, 2));
    expect(shown[1]! - PANEL_MIN_WIDTH).toBeGreaterThan(shown[0]! - PANEL_MIN_WIDTH);
  });

  it('in a small window goes below the usual minimum, down to the floor, before the URL gives (1100 px)', () => {
    const shown = panelWidths(1100, [240, 280]);
    expect(shown.every((width) => width >= PANEL_FLOOR_WIDTH && width < PANEL_MIN_WIDTH)).toBe(true);
    expect(1100 - 2 - shown[0]! - shown[1]!).toBeGreaterThanOrEqual(REQUEST_MIN_WIDTH);
    expect(panelWidths(900, [240, 280])).toEqual([PANEL_FLOOR_WIDTH, PANEL_FLOOR_WIDTH]);
  });
});

describe('panelRange', () => {
  it('lets a panel grow only into room no other panel is shown in', () => {
    const shown = panelWidths(1280, [240, 280]);
    const range = panelRange(1280, shown, 1);
    expect(range.max).toBe(panelRoom(1280, 2) - shown[0]!);
    expect(range.min).toBe(PANEL_MIN_WIDTH);
    // a resize within the range, the other panel kept as shown, is applied exactly
    expect(panelWidths(1280, [shown[0]!, range.max])).toEqual([shown[0], range.max]);
  });

  it('never reports a range that leaves out the width on screen', () => {
    const shown = panelWidths(1000, [240, 280]);
    const range = panelRange(1000, shown, 0);
    expect(range.min).toBeLessThanOrEqual(shown[0]!);
    expect(range.max).toBeGreaterThanOrEqual(shown[0]!);
  });
});
