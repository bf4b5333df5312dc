/**
 * What the request pane needs across to keep its URL field usable (≥ 480 px) next to the method picker (with a
 * custom method field), Send and Export, plus the pane's padding. Mirrored by --request-min-width in app.css.
 */
export const REQUEST_MIN_WIDTH = 844;
/** The narrowest response pane worth showing beside the request; below that it goes underneath. */
export const RESPONSE_MIN_WIDTH = 300;

/** Whether the response sits beside the request: the user did not ask for below, and both fit at their minimum. */
export function responseBeside(userWantsBelow: boolean, workWidth: number): boolean {
  if (userWantsBelow) return false;
  // before the first measurement (0) assume room, as the window usually has it
  return workWidth === 0 || workWidth >= REQUEST_MIN_WIDTH + RESPONSE_MIN_WIDTH + 1;
}
