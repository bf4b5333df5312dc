import { VARIABLE_NAME } from '../contract/values';
import { isBlankVariableRow, type VariableRow } from './variable-rows';

const MAX_VARIABLE_NAME_LENGTH = 256;
const MAX_VARIABLE_VALUE_LENGTH = 1_000_000;

/** Why this name cannot be saved, or null. The rule is the contract's VARIABLE_NAME. */
export function variableNameProblem(name: string): string | null {
  if (name === '') return 'Give this variable a name.';
  if (name.length > MAX_VARIABLE_NAME_LENGTH) return `Names are at most ${MAX_VARIABLE_NAME_LENGTH} characters.`;
  if (name.startsWith('$')) return 'Names starting with “$” are reserved for dynamic values such as {{$uuid}} and {{$env.NAME}}.';
  if (/\s/.test(name)) return 'Names cannot contain spaces. Start with a letter or _ and use letters, digits, _ . -';
  if (!VARIABLE_NAME.test(name)) return 'Names start with a letter or _ and use letters, digits, _ . -';
  return null;
}

/**
 * Problems that would make saving fail or lose data, by row key: bad or duplicate names, values too long, and a
 * secret turned plain whose stored value cannot be read right now.
 */
export function validateVariableRows(rows: readonly VariableRow[]): Map<string, string> {
  const problems = new Map<string, string>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (isBlankVariableRow(row)) continue;
    const nameProblem = variableNameProblem(row.name);
    if (nameProblem) {
      problems.set(row.key, nameProblem);
      continue;
    }
    if (seen.has(row.name)) {
      problems.set(row.key, `“${row.name}” is already defined above in this scope; names must be unique.`);
      continue;
    }
    seen.add(row.name);
    if (row.value.length > MAX_VARIABLE_VALUE_LENGTH) {
      problems.set(row.key, 'Values are at most 1,000,000 characters.');
      continue;
    }
    if (!row.secret && row.id !== null && !row.valueEdited) {
      if (row.storedState === 'locked') problems.set(row.key, 'Unlock the vault to turn this secret into a plain value, or type a new value.');
      else if (row.storedState === 'unreadable') problems.set(row.key, 'This value can’t be decrypted, so it cannot become plain text; type a new value.');
    }
  }
  return problems;
}
