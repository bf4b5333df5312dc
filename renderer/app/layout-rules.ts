/**
 * What the request line takes besides the URL field: the method picker (88) with a custom method field (80), Send
 * (76), Export (60 and its gap), the bar's border and the pane's padding, and the split's rounding (328 measured, 4
 * to spare). The CSS keeps these widths.
 */
export const REQUEST_LINE_CHROME = 332;
/**
 * What the request pane needs across to keep its URL field usable (≥ 480 px). With the response beside (380) this
 * is 1193 px, so a 1440 px window fits the collections panel at its usual 240 px (1199 left) beside both.
 */
export const REQUEST_MIN_WIDTH = REQUEST_LINE_CHROME + 480;
/**
 * How narrow the user may drag the request pane beside the response: a URL field of 240 px still shows a host and a
 * path. The 480 px above is where the divider starts and what the panels give way for; a wider response is the
 * user's own choice (a split locked at the request's 812 px left a 1440 px window's response at 387 px, unmovable).
 */
export const REQUEST_DRAG_MIN_WIDTH = REQUEST_LINE_CHROME + 240;
/**
 * The narrowest response pane worth showing beside the request (its status line wraps, its section tabs fit);
 * below that it goes underneath at full width rather than being squeezed.
 */
export const RESPONSE_MIN_WIDTH = 380;
/** A side panel's usual minimum; in a small window (about 1100 px and less) panels go below it… */
export const PANEL_MIN_WIDTH = 200;
/** …down to this, so the request line keeps its room; only below this does the URL field give way. */
export const PANEL_FLOOR_WIDTH = 120;
const PANEL_MAX_WIDTH = 600;
/** A divider's width beside each panel. */
const DIVIDER_WIDTH = 1;

/** The work area's width for the request and the response beside it, at their minimums, with the divider. */
export const BESIDE_MIN_WIDTH = REQUEST_MIN_WIDTH + RESPONSE_MIN_WIDTH + 1;

/** Whether the response sits beside the request: the user did not ask for below, and both fit at their minimum. */
export function responseBeside(userWantsBelow: boolean, workWidth: number): boolean {
  if (userWantsBelow) return false;
  // before the first measurement (0) assume room, as the window usually has it
  return workWidth === 0 || workWidth >= BESIDE_MIN_WIDTH;
}

/** How many pixels more the work area needs for the response to go beside (0 when it fits or is not measured). */
export function besideShortfall(workWidth: number): number {
  return workWidth === 0 ? 0 : Math.max(0, BESIDE_MIN_WIDTH - workWidth);
}

/** Room the open side panels may take together in a window area `mainWidth` wide, the request line's share kept. */
export function panelRoom(mainWidth: number, panelCount: number): number {
  return Math.max(0, mainWidth - panelCount * DIVIDER_WIDTH - REQUEST_MIN_WIDTH);
}

/**
 * The widths the open side panels get, in order, from the widths the users chose. They keep their choice when it
 * fits; otherwise all give way towards PANEL_MIN_WIDTH, in proportion to what each has above it, and in a small
 * window further towards PANEL_FLOOR_WIDTH; below the floors they stay at the floor and the work area gives.
 * Before the first measurement (mainWidth 0) the choices stand.
 */
export function panelWidths(mainWidth: number, wanted: readonly number[]): number[] {
  const chosen = wanted.map((width) => Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, width)));
  if (mainWidth === 0) return chosen;
  const room = panelRoom(mainWidth, chosen.length);
  const total = chosen.reduce((sum, width) => sum + width, 0);
  if (total <= room) return chosen;
  const shrinkBetween = (low: number, highs: number[]) => {
    const lows = highs.length * low;
    const spare = highs.reduce((sum, high) => sum + (high - low), 0);
    const share = spare === 0 ? 0 : (room - lows) / spare;
    return highs.map((high) => Math.floor(low + (high - low) * share));
  };
  if (room >= chosen.length * PANEL_MIN_WIDTH) return shrinkBetween(PANEL_MIN_WIDTH, chosen);
  if (room >= chosen.length * PANEL_FLOOR_WIDTH)
    return shrinkBetween(
      PANEL_FLOOR_WIDTH,
      chosen.map(() => PANEL_MIN_WIDTH),
    );
  return chosen.map(() => PANEL_FLOOR_WIDTH);
}

/**
 * How far panel `index` may be resized while the others keep the widths they are shown at: its divider's range, so
 * the divider moves its own panel only and reports a width that is really applied.
 */
export function panelRange(mainWidth: number, shown: readonly number[], index: number): { min: number; max: number } {
  const own = shown[index] ?? PANEL_MIN_WIDTH;
  const min = Math.min(PANEL_MIN_WIDTH, own);
  if (mainWidth === 0) return { min, max: PANEL_MAX_WIDTH };
  const others = shown.reduce((sum, width, i) => (i === index ? sum : sum + width), 0);
  const max = Math.min(PANEL_MAX_WIDTH, panelRoom(mainWidth, shown.length) - others);
  return { min, max: Math.max(own, min, max) };
}
