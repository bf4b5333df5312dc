import { CourierError, type ContainerSettings } from '../../../shared/contract';
import { NEWER_FORMAT_WORDS } from '../../../shared/workspace';

/** The workspace's errors, worded for users; the code is what callers match on. */
export const notFound = (rel: string) =>
  new CourierError('WORKSPACE_NOT_FOUND', 'That item is no longer in the workspace. It may have been moved or deleted outside Courier.', rel);
// A file from a newer Courier is not broken: editing it by hand is the wrong advice, updating Courier the right one.
export const invalid = (rel: string, why: string) =>
  new CourierError(
    'WORKSPACE_FILE_INVALID',
    why.includes(NEWER_FORMAT_WORDS)
      ? `Courier will not change this file: ${why}`
      : `Courier cannot read this file, so it will not change it. Fix it in an editor: ${why}`,
    rel,
  );
export const conflict = (message: string, detail?: string) => new CourierError('WORKSPACE_CONFLICT', message, detail);

export const emptySettings = (name: string): ContainerSettings => ({ name, variables: [], headers: [], auth: { kind: 'none' } });
