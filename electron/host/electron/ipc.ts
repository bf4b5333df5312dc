import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE_CHANNEL, dispatch, fail, type MethodHandlers, type Result } from '../../../shared/contract';
import type { SenderFrame } from './trusted-sender';

/**
 * One IPC channel carries every contract call. The sender is checked first, then the shared dispatch() validates
 * the name and input exactly as the web host does. Results (never thrown errors) cross IPC, because Electron keeps
 * only an error's message.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: MethodHandlers,
  isTrusted: (frame: SenderFrame | null) => boolean,
  onInternalError: (error: unknown) => void,
): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrusted(event.senderFrame)) {
      return fail('UNAUTHORIZED_CALLER', 'This part of the window is not allowed to call Courier.');
    }
    return dispatch(handlers, method, input, onInternalError);
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}
