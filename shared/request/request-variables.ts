import { VARIABLE_NAME } from '../contract/values';
import { isBlankRow, type KeyValueRow } from './rows';

/**
 * Problems with the request-scope variables table, by row id: a name the resolver would never match, or a name
 * defined twice (only one of the two can win, which is rarely what was meant).
 */
export function validateVariableRows(rows: readonly KeyValueRow[]): Map<string, string> {
  const problems = new Map<string, string>();
  const firstByName = new Map<string, string>();
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const name = row.name.trim();
    if (name === '') {
      problems.set(row.id, 'Give this variable a name.');
      continue;
    }
    if (name.startsWith('$')) {
      problems.set(row.id, 'Names starting with $ are reserved for dynamic values such as {{$uuid}}.');
      continue;
    }
    if (!VARIABLE_NAME.test(name)) {
      problems.set(row.id, 'Variable names start with a letter or _ and use letters, digits, _ . -');
      continue;
    }
    if (!row.enabled) continue;
    if (firstByName.has(name)) problems.set(row.id, `“${name}” is already defined above; only one of them can be used.`);
    else firstByName.set(name, row.id);
  }
  return problems;
}
