import * as electron from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startElectronHost } from './host/electron';

// Built to dist/electron/main.js: the preload sits beside it, the renderer in dist/renderer, package.json at the root.
const here = path.dirname(fileURLToPath(import.meta.url));

startElectronHost(electron, {
  preloadPath: path.join(here, 'preload.cjs'),
  rendererRoot: path.join(here, '../renderer'),
  packageJsonPath: path.join(here, '../../package.json'),
  argv: process.argv,
  // electron-store is conf with Electron's defaults; the settings store passes both `name` and `configName`.
  createConf: (options) => new ElectronStore(options),
});
