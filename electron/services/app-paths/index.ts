export {
  APP_FOLDER_NAME,
  DATA_DIR_ENV,
  DATA_DIR_FLAG,
  dataDirFromArgs,
  defaultDataDir,
  ensureDataDir,
  resolveDataDir,
  type PlatformContext,
  type ResolveDataDirOptions,
} from './data-dir';
export { LOCK_FILE_NAME, DataDirLockedError, acquireDataDirLock, type DataDirLock } from './data-dir-lock';
