import { UNTITLED, type RequestTab } from './tabs';

// Past this length a host crowds out the path, which is what tells two tabs apart (127.0.0.1:54321, long domains).
const MAX_HOST = 16;

/**
 * What a tab shows as its name: a saved request's name; a request never saved is named by its URL as typed (scheme
 * left out, a long host or one with a port too), so two new tabs are told apart; "Untitled request" while it is empty.
 * Cheap on purpose: it runs on every render of the strip, so on every keystroke in the URL field.
 */
export function tabName(tab: RequestTab): string {
  if (tab.path !== null || tab.name !== UNTITLED) return tab.name;
  return nameOfUrl(tab.draft.url);
}

/** An unsaved request's name, from its URL as typed (see tabName); also what its scripts' errors call it. */
export function nameOfUrl(typed: string): string {
  const url = typed.trim();
  if (url === '') return UNTITLED;
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  // only a scheme so far ("http://"): named as typed rather than not at all
  if (rest === '') return url;
  const slash = rest.search(/[/?#]/);
  const host = slash === -1 ? rest : rest.slice(0, slash);
  // a {{variable}} host says nothing the path does not: "{{host}}/x" is named "/x"
  if (slash === -1 || (host.length <= MAX_HOST && !host.includes(':') && !host.includes('{{'))) return rest;
  const path = rest.slice(slash);
  return path.startsWith('/') ? path : `/${path}`;
}

/** The tab's name as said and listed (screen readers, "⌄ N", the close prompts): an unsaved one with its method. */
export function tabLabel(tab: RequestTab): string {
  const name = tabName(tab);
  return tab.path === null && tab.name === UNTITLED && name !== UNTITLED ? `${tab.draft.method} ${name}` : name;
}

/** The tooltip: the file of a saved request, the full URL of one never saved. */
export function tabTooltip(tab: RequestTab): string {
  if (tab.path !== null) return tab.path;
  const url = tab.draft.url.trim();
  return url === '' ? 'Not saved yet' : `${url} (not saved yet)`;
}

/**
 * " (2)", " (3)"… for tabs whose label an earlier tab in the strip already has (two new tabs on the same URL, two saved
 * requests of the same name in different folders), so the strip, the "⌄ N" list and screen readers tell them apart, as
 * the WebSocket connection tabs do. Keyed by tab id; the first of each label has no suffix.
 */
export function repeatSuffixes(tabs: readonly RequestTab[]): ReadonlyMap<string, string> {
  const seen = new Map<string, number>();
  const suffixes = new Map<string, string>();
  for (const tab of tabs) {
    const label = tabLabel(tab);
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    if (count > 1) suffixes.set(tab.id, ` (${count})`);
  }
  return suffixes;
}
