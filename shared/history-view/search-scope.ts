/**
 * How much of each body the history search looks at. The history service indexes this much of every text body
 * (request and response); the panel says so in the search box's hint, so a match that is not found deeper in a big
 * body is not a surprise. One number, used by both.
 */
export const SEARCHED_BODY_BYTES = 64 * 1024;

/** "Searches URLs, headers and the first 64 KB of each text body." */
export function searchScopeHint(bytes: number = SEARCHED_BODY_BYTES): string {
  const size = bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
  return `Searches URLs, headers and the first ${size} of each text body.`;
}
