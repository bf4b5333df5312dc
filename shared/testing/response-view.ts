import type { HeaderList } from '../contract';

/**
 * The part of a response the checks read. The main process builds it from the exchange and at most
 * `TEST_BODY_CAP_BYTES` of the body: bodies above the engine's spool threshold live in a temporary file and may be
 * gigabytes, and parsing one whole to test `$.id` would stall the send path.
 */
export interface TestResponse {
  status: number;
  headers: HeaderList;
  /** whole exchange, milliseconds */
  timeMs: number;
  /** decoded body bytes, all of them (not only what was read) */
  bodySize: number;
  /** the body decoded as UTF-8, or its first TEST_BODY_CAP_BYTES when `bodyTruncated` */
  bodyText: string;
  bodyTruncated: boolean;
}

/** How much of a body checks and captures read: enough for any API answer, small enough to parse on every send. */
export const TEST_BODY_CAP_BYTES = 8 * 1024 * 1024;
