import { z } from 'zod';

/**
 * Pre-request and post-response JavaScript of a request, a folder or a collection. They run in the
 * main process's QuickJS sandbox, outermost first (collection → folders → request).
 */
export const savedScriptsSchema = z.object({
  preRequest: z.string().max(1_000_000).optional(),
  postResponse: z.string().max(1_000_000).optional(),
});
export type SavedScripts = z.infer<typeof savedScriptsSchema>;

/** One console.log/warn/error of a script, masked like every shown value, for the Console panel. */
export const scriptConsoleLineSchema = z.object({
  level: z.enum(['log', 'info', 'warn', 'error', 'debug']),
  text: z.string(),
  /** which script printed it ("Pre-request script of collection "API"") */
  origin: z.string().max(300),
});
export type ScriptConsoleLine = z.infer<typeof scriptConsoleLineSchema>;
