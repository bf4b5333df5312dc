export { createWorkspaceService } from './workspace-service';
export type { WorkspaceChange, WorkspaceService, WorkspaceServiceOptions } from './workspace-service';
