import { z } from 'zod';
import { requestAuthSchema } from './auth';
import { httpRequestSpecSchema, keyValueSchema } from './http';
import { savedScriptsSchema } from './scripts';

/**
 * Workspaces: a folder of plain files (see electron/services/workspace/README.md). Items are named by their path
 * relative to the workspace folder, '/'-separated; that path is their identity, so no id churns in the files.
 */
export const workspacePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.split('/').some((part) => part === '' || part === '.' || part === '..') && !value.includes('\\'), {
    message: 'Not a path inside the workspace',
  });

const WORKSPACE_NODE_KINDS = ['collection', 'folder', 'request'] as const;
const workspaceNodeKindSchema = z.enum(WORKSPACE_NODE_KINDS);

/** One row of the tree, in display order (depth first), so a virtualized list can show it as it comes. */
export const workspaceNodeSchema = z.object({
  path: z.string(),
  kind: workspaceNodeKindSchema,
  name: z.string(),
  depth: z.number().int().min(0),
  parent: z.string().nullable(),
  /** requests only */
  method: z.string().optional(),
  /** requests only: what the file composes; absent for HTTP (files without a kind) */
  protocol: z.enum(['websocket']).optional(),
  /** the file could not be read or parsed; it is shown with this message and never overwritten */
  error: z.string().optional(),
});
export type WorkspaceNode = z.infer<typeof workspaceNodeSchema>;

export const workspaceTreeSchema = z.object({
  /** absolute folder on disk */
  root: z.string(),
  name: z.string(),
  /** the workspace in the app's data folder */
  isDefault: z.boolean(),
  nodes: z.array(workspaceNodeSchema),
});
export type WorkspaceTree = z.infer<typeof workspaceTreeSchema>;

/** What a collection or folder gives every request under it. */
export const containerSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  variables: z.array(keyValueSchema).default([]),
  headers: z.array(keyValueSchema).default([]),
  /** kind 'none' means "nothing to inherit": requests with no auth of their own then send none */
  auth: requestAuthSchema.default({ kind: 'none' }),
  /** run around every request under it, outermost first; absent in files written before them */
  scripts: savedScriptsSchema.optional(),
});
export type ContainerSettings = z.infer<typeof containerSettingsSchema>;

export const itemNameSchema = z.string().trim().min(1).max(200);

export const savedRequestSchema = z.object({
  path: z.string(),
  name: z.string(),
  request: httpRequestSpecSchema,
});
export type SavedRequest = z.infer<typeof savedRequestSchema>;

/** Open tabs as they were; unsaved drafts included (credentials masked as in history). */
const sessionTabSchema = z.object({
  id: z.string().min(1).max(128),
  /** the request file the tab edits; null for a request never saved */
  path: z.string().max(4096).nullable(),
  name: z.string().max(200),
  request: httpRequestSpecSchema,
  dirty: z.boolean(),
  /** the history entry whose response the tab showed: read back from history after a reload (bodies never sit here) */
  responseEntryId: z.number().int().optional(),
});

export const workspaceSessionSchema = z.object({
  tabs: z.array(sessionTabSchema).max(100),
  activeId: z.string().nullable(),
});
export type WorkspaceSession = z.infer<typeof workspaceSessionSchema>;

export const workspaceChangedSchema = z.object({
  /** external: edited outside Courier (git pull, an editor); opened: another folder; changed: by Courier itself */
  reason: z.enum(['external', 'opened', 'changed']),
  /** paths known to have changed; empty when unknown (reload everything) */
  paths: z.array(z.string()),
});
