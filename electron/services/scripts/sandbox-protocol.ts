import type { EngineResult } from './sandbox-engine';
import type { SandboxLimits } from './script-types';

/** fixed for a worker's life: the memory limit is its WebAssembly memory's maximum */
export interface SandboxWorkerData {
  memoryBytes: number;
}

/** host → worker: one run; the worker answers runs one at a time, in order */
export interface SandboxJob {
  id: number;
  inputJson: string;
  /** the response body apart from the JSON, so a large body is not escaped and copied twice */
  body: string;
  source: string;
  fileName: string;
  limits: Pick<SandboxLimits, 'cpuMs'>;
}

export type SandboxWorkerMessage = { type: 'ready' } | { type: 'result'; id: number; result: EngineResult };
