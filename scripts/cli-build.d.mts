import type { BuildOptions } from 'esbuild';

export const cliEntryOptions: BuildOptions & { entryPoints: string[] };
export const cliRunCommandOptions: BuildOptions & { entryPoints: string[] };
