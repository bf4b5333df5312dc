import { findVariableReferences } from '../variables';

/**
 * The unresolved references among the URL's scheme and host (and port), in order, each once. Without their values
 * there is no server to send to, so they are not "sent as written" like a reference in the path or a header.
 */
export function hostReferences(url: string, unresolved: readonly string[]): string[] {
  const text = url.trim();
  const schemeEnd = text.indexOf('://');
  const start = schemeEnd === -1 ? 0 : schemeEnd + 3;
  // the authority ends at the first / ? # outside a reference ({{a/b}} is not a path)
  let end = text.length;
  let index = start;
  while (index < text.length) {
    if (text.startsWith('{{', index)) {
      const close = text.indexOf('}}', index + 2);
      if (close === -1) break;
      index = close + 2;
      continue;
    }
    if ('/?#'.includes(text[index]!)) {
      end = index;
      break;
    }
    index += 1;
  }
  const names = findVariableReferences(text.slice(0, end)).map((reference) => reference.name);
  return [...new Set(names.filter((name) => unresolved.includes(name)))];
}

const braces = (names: readonly string[]) => names.map((name) => `{{${name}}}`);
const list = (items: readonly string[], last: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`);

/**
 * Why the URL cannot be sent when its host is an unresolved reference, naming the variables and the environments
 * that would define them; null when the host resolves. `definedIn` lists the environments defining a name.
 */
export function hostReferenceProblem(url: string, unresolved: readonly string[], definedIn: (name: string) => readonly string[]): string | null {
  const names = hostReferences(url, unresolved);
  if (names.length === 0) return null;
  const one = names.length === 1;
  const environments = [...new Set(names.flatMap((name) => definedIn(name)))];
  const what = `${list(braces(names), 'and')} ${one ? 'is' : 'are'} not defined in any active scope, so the URL has no host and the request is not sent.`;
  const it = one ? 'it' : 'them';
  if (environments.length > 0) return `${what} Choose an environment that defines ${it} (${list(environments, 'or')}), or add ${it} in Vars.`;
  return `${what} Define ${it} in an environment, or add ${it} in Vars.`;
}
