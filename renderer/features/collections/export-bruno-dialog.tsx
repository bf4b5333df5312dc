import { useState, type FormEvent } from 'react';
import type { WorkspaceNode } from '../../../shared/contract';
import { useHostCapabilities } from '../../lib/app-info';
import { call } from '../../lib/bridge';
import { Button, Dialog, Field } from '../../ui';

interface ExportBrunoDialogProps {
  node: WorkspaceNode | null;
  onExport: (node: WorkspaceNode, destination: string) => Promise<void>;
  onClose: () => void;
}

/**
 * A Bruno collection is a folder of files, which a browser download cannot make: the main process writes it into a
 * new folder inside the destination (typed in web mode; the desktop app offers "Browse…" too).
 */
export function ExportBrunoDialog({ node, onExport, onClose }: ExportBrunoDialogProps) {
  return node ? <ExportBrunoForm node={node} onExport={onExport} onClose={onClose} /> : null;
}

function ExportBrunoForm({ node, onExport, onClose }: { node: WorkspaceNode; onExport: ExportBrunoDialogProps['onExport']; onClose: () => void }) {
  const [destination, setDestination] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const write = async (target: string) => {
    setBusy(true);
    try {
      await onExport(node, target);
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (destination.trim() !== '') void write(destination.trim());
  };
  // Browse… only where a native folder dialog exists (the desktop app); in web mode the path is typed
  const { folderDialog } = useHostCapabilities();
  const browse = async () => {
    const picked = await call('workspace.pickFolder', {});
    if (!picked.supported) setError('This window cannot show a folder dialog. Type the folder’s full path instead.');
    else if (picked.path) setDestination(picked.path);
  };
  return (
    <Dialog
      open
      title="Export as Bruno collection"
      onClose={onClose}
      description={
        <>
          “{node.name}” is written as a new folder of .bru files inside this folder; Bruno opens it with “Open collection”. Nothing existing is overwritten, and
          credentials are written as {'{{references}}'}, never as values.
        </>
      }
      onSubmit={submit}
      error={error}
      actions={
        <>
          {folderDialog ? <Button onClick={() => void browse()}>Browse…</Button> : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || destination.trim() === ''}>
            Export
          </Button>
        </>
      }
    >
      <Field label="Destination folder">
        {(control) => <input {...control} value={destination} onChange={(event) => setDestination(event.target.value)} spellCheck={false} data-autofocus />}
      </Field>
    </Dialog>
  );
}
