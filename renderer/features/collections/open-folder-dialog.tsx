import { useState, type FormEvent } from 'react';
import { useHostCapabilities } from '../../lib/app-info';
import { call } from '../../lib/bridge';
import { Modal } from './modal';

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
  return (
    <Modal open={open} title="Open workspace folder" onClose={onClose}>
      {({ describedBy }) => <OpenFolderForm describedBy={describedBy} currentRoot={currentRoot} onClose={onClose} />}
    </Modal>
  );
}

function OpenFolderForm({ describedBy, currentRoot, onClose }: { describedBy: string; currentRoot: string; onClose: () => void }) {
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
    <form onSubmit={submit} className="ws-form">
      <p id={describedBy} className="ws-dialog__message">
        Collections are files in this folder (a git repository works well). Courier reloads what changes there.
      </p>
      <label className="ws-field">
        <span>Folder path</span>
        <input value={folder} onChange={(event) => setFolder(event.target.value)} spellCheck={false} data-autofocus />
      </label>
      {error ? (
        <p className="ws-dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="ws-dialog__actions">
        <button type="button" className="ws-button" onClick={() => void openPath(null)}>
          Default workspace
        </button>
        {folderDialog ? (
          <button type="button" className="ws-button" onClick={() => void browse()}>
            Browse…
          </button>
        ) : null}
        <button type="button" className="ws-button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="ws-button ws-button--primary">
          Open
        </button>
      </div>
    </form>
  );
}
