import type { ErrorCode } from '../../../shared/contract';
import { BridgeCallError } from '../../lib/bridge';

export interface ErrorView {
  code: ErrorCode | null;
  /** the bridge's message (written for users), with its detail when that adds something */
  message: string;
}

export function toErrorView(error: unknown): ErrorView {
  if (error instanceof BridgeCallError) {
    const { code, message, detail } = error.error;
    return { code, message: detail && !message.includes(detail) ? `${message} (${detail})` : message };
  }
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}
