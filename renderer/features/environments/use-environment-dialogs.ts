import { useCallback, useState } from 'react';

/** Which of the feature's dialogs are open; both can be (the vault dialog opens over the editor to unlock). */
export function useEnvironmentDialogs() {
  const [editorOpen, setEditorOpen] = useState(false);
  const [vaultOpen, setVaultOpen] = useState(false);
  return {
    editorOpen,
    vaultOpen,
    openEditor: useCallback(() => setEditorOpen(true), []),
    closeEditor: useCallback(() => setEditorOpen(false), []),
    openVault: useCallback(() => setVaultOpen(true), []),
    closeVault: useCallback(() => setVaultOpen(false), []),
  };
}
