import type { BuildOptions } from 'esbuild';

export const webCliOptions: BuildOptions & { entryPoints: string[] };
