import type { ImportResult } from '../../../shared/contract';
import { importedEnvironmentEdits } from '../../../shared/importers/environment-edits';
import { call } from '../../lib/bridge';

/**
 * The environments an import brings (OpenAPI servers, Insomnia sub-environments, Postman environment files) become
 * Courier environments. A collection's own variables are not among them: they go into its collection.json with the
 * collection (workspace.importCollections), where the collection's requests inherit them.
 * Returns the names created, the variables skipped because their names are not valid here, and the secrets created
 * without their value because the vault was locked (the value is never written in plain text instead).
 */
export async function saveImportedEnvironments(result: ImportResult): Promise<{ created: string[]; skipped: string[]; needValue: string[] }> {
  const wanted = result.environments;
  if (wanted.length === 0) return { created: [], skipped: [], needValue: [] };
  const created: string[] = [];
  const skipped: string[] = [];
  const needValue: string[] = [];
  let firstId: string | null = null;
  let state = await call('variables.state', {});
  for (const environment of wanted) {
    const before = new Set(state.environments.map((scope) => scope.id));
    state = await call('environments.create', { name: environment.name.slice(0, 200) || 'Imported' });
    const scope = state.environments.find((candidate) => !before.has(candidate.id));
    if (!scope) continue;
    firstId ??= scope.id;
    const { edits, skipped: invalid, needValue: missing } = importedEnvironmentEdits(environment, { vaultUnlocked: state.vault.state === 'unlocked' });
    skipped.push(...invalid);
    needValue.push(...missing.map((name) => `${scope.name} / ${name}`));
    state = await call('variables.saveScope', { scopeId: scope.id, variables: edits });
    created.push(scope.name);
  }
  if (firstId !== null && state.activeEnvironmentId === null) await call('environments.setActive', { id: firstId });
  return { created, skipped, needValue };
}
