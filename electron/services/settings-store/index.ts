export { openSettingsStore } from './settings-store';
export type { ConfFactory, SettingsConfOptions, SettingsStore } from './settings-store';
