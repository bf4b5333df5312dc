/** What the spool thread (spool-thread.ts) and its worker (spool-worker.ts) say to each other. */
export interface SpoolWorkerData {
  key: Buffer;
  algorithm: string;
  fileMode: number;
}

/** Each request names its file by number; the worker answers each with one SpoolReply, in order. */
export type SpoolRequest =
  | [op: 'open', no: number, path: string, iv: Buffer]
  /** the batch's memory (transferred) and how much of it is filled */
  | [op: 'write', no: number, memory: ArrayBuffer, length: number]
  | [op: 'end' | 'destroy', no: number];

/** The file's number, an error code or null, and for a write the batch's memory, handed back to be filled again. */
export type SpoolReply = [no: number, code: string | null, memory?: ArrayBuffer];
