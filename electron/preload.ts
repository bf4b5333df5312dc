import { contextBridge, ipcRenderer } from 'electron';
// Deep import on purpose: the host's index.ts would pull the main-process code (and zod) into this sandboxed bundle.
import { exposeCourierBridge } from './host/electron/preload-bridge';

exposeCourierBridge(contextBridge, ipcRenderer);
