import type { Metafile } from 'esbuild';

export function buildSandboxWorker(root: string, dir: string): Promise<Metafile>;
