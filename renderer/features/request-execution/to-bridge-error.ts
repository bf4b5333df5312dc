import type { BridgeError } from '../../../shared/contract';
import { BridgeCallError } from '../../lib/bridge';

/** Anything a send can reject with, as the typed error the response pane knows how to show. */
export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeCallError) return error.error;
  return { code: 'INTERNAL', message: 'Something went wrong while sending. The request may not have completed.' };
}
