export { ensureDataDir, resolveDataDir } from './data-dir';
export { LOCK_FILE_NAME, DataDirLockedError, acquireDataDirLock, type DataDirLock } from './data-dir-lock';
