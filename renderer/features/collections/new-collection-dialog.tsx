import { useState, type FormEvent } from 'react';
import { Button, Dialog, Field } from '../../ui';

/** The created collection's path, or why it could not be made (a name already taken) to show in the dialog. */
export type CreateOutcome = { path: string } | { error: string };

interface NewCollectionDialogProps {
  open: boolean;
  onCreate: (name: string) => Promise<CreateOutcome>;
  /** after the dialog closed on success: the new row takes the focus */
  onCreated: (path: string) => void;
  onClose: () => void;
}

/**
 * Asks for a new collection's name before anything is written: creating it first and renaming it in place left a
 * folder called "New collection" on disk whenever the rename was abandoned with Escape. The dialog stays open until
 * the collection exists, so a refusal (a name already taken) is said beside the typed name instead of losing it.
 */
export function NewCollectionDialog(props: NewCollectionDialogProps) {
  // mounted while open, so every opening starts empty
  return props.open ? <NewCollectionForm {...props} /> : null;
}

function NewCollectionForm({ onCreate, onCreated, onClose }: Omit<NewCollectionDialogProps, 'open'>) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setError('Give the collection a name.');
      return;
    }
    setBusy(true);
    const outcome = await onCreate(name.trim());
    if ('error' in outcome) {
      setBusy(false);
      setError(outcome.error);
      return;
    }
    // closed in the same update as the row is asked to take focus: the dialog hands focus back first
    onClose();
    onCreated(outcome.path);
  };
  return (
    <Dialog
      open
      title="New collection"
      onClose={onClose}
      description="A collection is a folder of requests in the workspace."
      onSubmit={(event) => void submit(event)}
      error={error}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Create
          </Button>
        </>
      }
    >
      <Field label="Collection name">
        {(control) => (
          <input
            {...control}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
            spellCheck={false}
            data-autofocus
          />
        )}
      </Field>
    </Dialog>
  );
}
