import { DYNAMIC_LABEL, DYNAMIC_NAMES } from './dynamic';
import { SECRET_MASK } from './needles';
import type { VariableLayer } from './types';

/** One entry of the {{ completion list: what a person needs to pick the right variable. */
export interface VariableSuggestion {
  name: string;
  /** where it is defined, as the scope is named on screen: 'Request', the environment's name, 'Globals', … */
  scope: string;
  /** the value to show: secrets masked, a locked or unreadable secret said so, long values cut */
  value: string;
  secret: boolean;
}

const MAX_VALUE_CHARS = 60;
/** What may follow "{{" while the list stays open: the characters of a name, no braces or spaces. */
const NAME_CHAR = /[^{}\s]/;

function shownValue(value: string | null, secret: boolean, unavailable: 'locked' | 'unreadable' | undefined): string {
  if (unavailable === 'locked') return 'locked in the vault';
  if (unavailable === 'unreadable') return 'cannot be decrypted';
  if (secret) return SECRET_MASK;
  if (value === null) return '';
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS - 1)}…` : value;
}

/**
 * The variables in scope, nearest first (the definition that wins hides the others of that name), then the dynamic
 * values. `layers` are in precedence order, as the resolver takes them.
 */
export function variableSuggestions(layers: readonly VariableLayer[]): VariableSuggestion[] {
  const seen = new Set<string>();
  const out: VariableSuggestion[] = [];
  for (const layer of layers) {
    for (const variable of layer.variables) {
      if (variable.name === '' || seen.has(variable.name)) continue;
      seen.add(variable.name);
      out.push({ name: variable.name, scope: layer.label, value: shownValue(variable.value, variable.secret, variable.unavailable), secret: variable.secret });
    }
  }
  for (const name of DYNAMIC_NAMES) out.push({ name, scope: DYNAMIC_LABEL, value: 'a new value on every send', secret: false });
  return out;
}

/** The "{{name-so-far" the caret is in, if any: where its braces start and what has been typed after them. */
export interface CompletionQuery {
  /** index of the first "{" of the "{{" */
  start: number;
  query: string;
}

export function completionQuery(text: string, caret: number): CompletionQuery | null {
  let position = caret;
  while (position > 0 && NAME_CHAR.test(text[position - 1]!)) position -= 1;
  if (position < 2 || text[position - 1] !== '{' || text[position - 2] !== '{') return null;
  return { start: position - 2, query: text.slice(position, caret) };
}

/** Names that start with the query first, then names that contain it; case does not matter. */
export function filterSuggestions(suggestions: readonly VariableSuggestion[], query: string): VariableSuggestion[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...suggestions];
  const starts: VariableSuggestion[] = [];
  const contains: VariableSuggestion[] = [];
  for (const suggestion of suggestions) {
    const name = suggestion.name.toLowerCase();
    // "{{uu" finds $uuid too: the dollar only marks a dynamic value
    if (name.startsWith(needle) || (name.startsWith('$') && name.startsWith(needle, 1))) starts.push(suggestion);
    else if (name.includes(needle)) contains.push(suggestion);
  }
  return [...starts, ...contains];
}

/**
 * The text after picking `name` for the query at `at`: "{{query" becomes "{{name}}", reusing closing braces already
 * typed after the caret, and the caret goes after them.
 */
export function applyCompletion(text: string, caret: number, at: CompletionQuery, name: string): { text: string; caret: number } {
  let end = caret;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end += 1;
  const closing = text.startsWith('}}', end) ? 2 : 0;
  const inserted = `{{${name}}}`;
  return { text: text.slice(0, at.start) + inserted + text.slice(end + closing), caret: at.start + inserted.length };
}
