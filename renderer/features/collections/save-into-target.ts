import { call } from '../../lib/bridge';

/**
 * Saves into `parent`, or into a collection created for the purpose. When the save itself is refused (a typed
 * credential with the vault locked, say), the collection made for it is removed again: a failed save leaves nothing
 * behind (found by the new-user UI pass: an empty "Demo" collection stayed after the refusal).
 */
export async function saveIntoTarget<T>(
  target: { parent: string | null; newCollection: string | null },
  fallbackName: string,
  save: (parent: string) => Promise<T>,
): Promise<T> {
  if (target.parent !== null) return save(target.parent);
  const created = (await call('workspace.createContainer', { parent: null, name: target.newCollection ?? fallbackName })).path;
  try {
    return await save(created);
  } catch (error) {
    await call('workspace.delete', { path: created }).catch(() => undefined);
    throw error;
  }
}
