import type { ImportResult } from '../../contract';
import { arr, isRecord, str } from '../common/warnings';

/**
 * A Postman environment export ({ name, values: [{ key, value, enabled, type }] }): one environment, no requests.
 * A "secret" entry stays a secret here: its value travels to the vault, never into the environment file. That is the
 * variable carried over whole, so it is no warning: the preview says where its value goes beside its name.
 */
export function importPostmanEnvironment(json: Record<string, unknown>): ImportResult {
  const values = arr(json.values).filter(isRecord);
  return {
    format: 'postman',
    formatLabel: 'Postman environment',
    collections: [],
    environments: [
      {
        name: str(json.name, 'Postman environment'),
        variables: values.map((entry) => ({
          name: str(entry.key),
          value: str(entry.value),
          enabled: entry.enabled !== false,
          ...(str(entry.type) === 'secret' ? { secret: true } : {}),
        })),
      },
    ],
    warnings: [],
  };
}
