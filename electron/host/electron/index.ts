export { startElectronHost, type ElectronApi, type ElectronHostHandle, type ElectronHostOptions } from './start-electron-host';
export { exposeCourierBridge, createPreloadBridge, BRIDGE_GLOBAL_NAME } from './preload-bridge';
export { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-protocol';
