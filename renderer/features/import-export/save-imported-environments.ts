import type { ImportResult, KeyValue } from '../../../shared/contract';
import { VARIABLE_NAME } from '../../../shared/contract/values';
import { call } from '../../lib/bridge';

/**
 * The environments an import brings (OpenAPI servers, Insomnia sub-environments, Postman environment files) become
 * Courier environments. A collection's own variables are not among them: they go into its collection.json with the
 * collection (workspace.importCollections), where the collection's requests inherit them.
 * Returns the names created and the variables skipped because their names are not valid here.
 */
export async function saveImportedEnvironments(result: ImportResult): Promise<{ created: string[]; skipped: string[] }> {
  const wanted: { name: string; variables: (KeyValue & { secret?: boolean })[] }[] = result.environments;
  if (wanted.length === 0) return { created: [], skipped: [] };
  const created: string[] = [];
  const skipped: string[] = [];
  let firstId: string | null = null;
  let state = await call('variables.state', {});
  for (const environment of wanted) {
    const before = new Set(state.environments.map((scope) => scope.id));
    state = await call('environments.create', { name: environment.name.slice(0, 200) || 'Imported' });
    const scope = state.environments.find((candidate) => !before.has(candidate.id));
    if (!scope) continue;
    firstId ??= scope.id;
    const valid = environment.variables.filter((variable) => VARIABLE_NAME.test(variable.name));
    skipped.push(...environment.variables.filter((variable) => !VARIABLE_NAME.test(variable.name)).map((variable) => variable.name));
    // a secret the source marked comes without a value: it is created as an empty secret, to be set in the vault
    state = await call('variables.saveScope', {
      scopeId: scope.id,
      variables: valid.map((variable) => (variable.secret ? { name: variable.name, enabled: variable.enabled, secret: true } : { name: variable.name, value: variable.value, enabled: variable.enabled, secret: false })),
    });
    created.push(scope.name);
  }
  if (firstId !== null && state.activeEnvironmentId === null) await call('environments.setActive', { id: firstId });
  return { created, skipped };
}
