export { openSettingsStore } from './settings-store';
export { createMemoryConf } from './memory-conf';
export type { ConfFactory, SettingsConfOptions, SettingsStore } from './settings-store';
