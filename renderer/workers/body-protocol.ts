import { type BodyKind, type JsonSequenceSummary } from '../../shared/response';

/** Messages between the response viewer and the body worker. Jobs are numbered so a late answer for a response the
 * user has already left is ignored. */
export type BodyWorkerRequest =
  | { type: 'begin'; job: number; contentType: string | null; total: number }
  /** the next range read through body.read, its buffer transferred */
  | { type: 'chunk'; job: number; bytes: Uint8Array }
  /** all bytes (or the preview's bytes) are in: decide the kind and produce the text */
  | { type: 'finish'; job: number; partial: boolean }
  /** the body as received, for the "Raw" toggle (pretty-printing is the default for JSON) */
  | { type: 'raw-text'; job: number }
  /** the bytes as a Blob, for Save and Copy */
  | { type: 'blob'; job: number }
  | { type: 'drop'; job: number };

export type BodyWorkerReply =
  /** first lines, pretty where possible, as soon as the first range is in: shown while the rest is processed */
  | { type: 'preview'; job: number; kind: BodyKind; text: string }
  | {
      type: 'text';
      job: number;
      kind: BodyKind;
      /** UTF-8 pieces, transferred */
      chunks: ArrayBuffer[];
      pretty: boolean;
      /** why pretty-printing was not possible (invalid JSON) */
      prettyError: string | null;
      variant: 'pretty' | 'raw';
      byteLength: number;
      /** a JSON Lines body or JSON text sequence, formatted record by record: how many, and which do not parse */
      records: JsonSequenceSummary | null;
    }
  /** image and binary bodies: the bytes themselves, transferred */
  | { type: 'bytes'; job: number; kind: BodyKind; bytes: ArrayBuffer }
  | { type: 'blob'; job: number; blob: Blob }
  | { type: 'error'; job: number; message: string };
