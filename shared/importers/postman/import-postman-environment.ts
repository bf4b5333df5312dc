import type { ImportResult } from '../../contract';
import { arr, isRecord, str } from '../common/warnings';

/** A Postman environment export ({ name, values: [{ key, value, enabled, type }] }): one environment, no requests. */
export function importPostmanEnvironment(json: Record<string, unknown>): ImportResult {
  const values = arr(json.values).filter(isRecord);
  const secrets = values.filter((entry) => str(entry.type) === 'secret').length;
  return {
    format: 'postman',
    formatLabel: 'Postman environment',
    collections: [],
    environments: [{ name: str(json.name, 'Postman environment'), variables: values.map((entry) => ({ name: str(entry.key), value: str(entry.value), enabled: entry.enabled !== false })) }],
    warnings: secrets > 0 ? [{ item: str(json.name, 'Postman environment'), message: `${secrets} secret value${secrets === 1 ? '' : 's'} imported as plain text; mark ${secrets === 1 ? 'it' : 'them'} secret to keep ${secrets === 1 ? 'it' : 'them'} in the vault.` }] : [],
  };
}
