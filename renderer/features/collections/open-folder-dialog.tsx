import { useState, type FormEvent } from 'react';
import { useHostCapabilities } from '../../lib/app-info';
import { call } from '../../lib/bridge';
import { Button, Dialog, Field } from '../../ui';

interface OpenFolderDialogProps {
  open: boolean;
  currentRoot: string;
  onClose: () => void;
}

/**
 * Opens another folder as the workspace. Web mode cannot show the system's folder dialog, so the path is typed;
 * the desktop app offers "Browse…" as well. The main process checks the folder exists.
 */
export function OpenFolderDialog({ open, currentRoot, onClose }: OpenFolderDialogProps) {
  return open ? <OpenFolderForm currentRoot={currentRoot} onClose={onClose} /> : null;
}

function OpenFolderForm({ currentRoot, onClose }: { currentRoot: string; onClose: () => void }) {
  const [folder, setFolder] = useState(currentRoot);
  const [error, setError] = useState<string | null>(null);
  const openPath = async (target: string | null) => {
    try {
      await call('workspace.open', { path: target });
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (folder.trim() !== '') void openPath(folder.trim());
  };
  // Browse… only where a native folder dialog exists (the desktop app); in web mode the path is typed
  const { folderDialog } = useHostCapabilities();
  const browse = async () => {
    const picked = await call('workspace.pickFolder', {});
    if (!picked.supported) setError('This window cannot show a folder dialog. Type the folder’s full path instead.');
    else if (picked.path) void openPath(picked.path);
  };
  return (
    <Dialog
      open
      title="Open workspace folder"
      onClose={onClose}
      description="Collections are files in this folder (a git repository works well). Courier reloads what changes there."
      onSubmit={submit}
      error={error}
      actions={
        <>
          <Button onClick={() => void openPath(null)}>Default workspace</Button>
          {folderDialog ? <Button onClick={() => void browse()}>Browse…</Button> : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Open
          </Button>
        </>
      }
    >
      <Field label="Folder path">
        {(control) => <input {...control} value={folder} onChange={(event) => setFolder(event.target.value)} spellCheck={false} data-autofocus />}
      </Field>
    </Dialog>
  );
}
