import { CourierError, type ContainerSettings } from '../../../shared/contract';

/** The workspace's errors, worded for users; the code is what callers match on. */
export const notFound = (rel: string) => new CourierError('WORKSPACE_NOT_FOUND', 'That item is no longer in the workspace. It may have been moved or deleted outside Courier.', rel);
export const invalid = (rel: string, why: string) =>
  new CourierError('WORKSPACE_FILE_INVALID', `Courier cannot read this file, so it will not change it. Fix it in an editor: ${why}`, rel);
export const conflict = (message: string, detail?: string) => new CourierError('WORKSPACE_CONFLICT', message, detail);

export const emptySettings = (name: string): ContainerSettings => ({ name, variables: [], headers: [], auth: { kind: 'none' } });
