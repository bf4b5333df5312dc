export { startElectronHost } from './start-electron-host';
