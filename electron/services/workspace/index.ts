export { createWorkspaceService } from './workspace-service';
export type { WorkspaceChange, WorkspaceService } from './workspace-service';
export { readWorkspaceFile, readFailure } from './safe-read';
