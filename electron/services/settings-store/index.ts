export { openSettingsStore } from './settings-store';
export type { ConfFactory, ConfLike, SettingsConfOptions, SettingsStore, SettingsStoreOptions } from './settings-store';
