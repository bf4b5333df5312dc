export { createWorkspaceService } from './workspace-service';
export type { WorkspaceChange, WorkspaceService, WorkspaceServiceOptions } from './workspace-service';
export { readWorkspaceFile, readFailure, MAX_WORKSPACE_FILE_BYTES } from './safe-read';
