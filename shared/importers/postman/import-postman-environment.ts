import type { ImportResult } from '../../contract';
import { arr, isRecord, str } from '../common/warnings';

/**
 * A Postman environment export ({ name, values: [{ key, value, enabled, type }] }): one environment, no requests.
 * A "secret" entry stays a secret here: its value travels to the vault, never into the environment file.
 */
export function importPostmanEnvironment(json: Record<string, unknown>): ImportResult {
  const values = arr(json.values).filter(isRecord);
  const secrets = values.filter((entry) => str(entry.type) === 'secret').map((entry) => str(entry.key));
  const one = secrets.length === 1;
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
    warnings:
      secrets.length > 0
        ? [
            {
              item: str(json.name, 'Postman environment'),
              message: `${secrets.length} secret variable${one ? '' : 's'} (${secrets.join(', ')}) imported as ${one ? 'a Courier secret' : 'Courier secrets'}: ${one ? 'its value goes' : 'their values go'} into the vault, never into the environment file.`,
            },
          ]
        : [],
  };
}
