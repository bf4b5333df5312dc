export function buildSpoolWorker(root: string, dir: string): Promise<void>;
