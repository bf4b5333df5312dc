import type { BuildOptions, BuildResult } from 'esbuild';

export function buildNodeWorker<T extends BuildOptions>(root: string, entry: string, dir: string, name: string, options?: T): Promise<BuildResult<T>>;
export function buildSpoolWorker(root: string, dir: string): Promise<void>;
