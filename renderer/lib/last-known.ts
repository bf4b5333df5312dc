/**
 * What a control said the last time the window had it, kept in localStorage: shown (hidden, taking its room) while
 * the real value loads, so the controls around it are painted where they will stay. A first start gets `fallback`,
 * the first-run value (the default workspace, a vault not set up yet).
 */
export function lastKnown(key: string, value: string | undefined, fallback: string): string {
  try {
    if (value === undefined) return localStorage.getItem(key) ?? fallback;
    if (localStorage.getItem(key) !== value) localStorage.setItem(key, value);
  } catch {
    // storage refused (private mode): the placeholder is the first-run value, right for most first paints
    if (value === undefined) return fallback;
  }
  return value;
}
