import { useState, type FormEvent } from 'react';
import { Button, Dialog, Field } from '../../ui';

interface NewCollectionDialogProps {
  open: boolean;
  /** creates it (the tree says it if that fails) */
  onCreate: (name: string) => void;
  onClose: () => void;
}

/**
 * Asks for a new collection's name before anything is written: creating it first and renaming it in place left a
 * folder called "New collection" on disk whenever the rename was abandoned with Escape.
 */
export function NewCollectionDialog(props: NewCollectionDialogProps) {
  // mounted while open, so every opening starts empty
  return props.open ? <NewCollectionForm {...props} /> : null;
}

function NewCollectionForm({ onCreate, onClose }: Omit<NewCollectionDialogProps, 'open'>) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Give the collection a name.');
      return;
    }
    // closed first, so focus is back in the window when the new row comes to take it
    onClose();
    onCreate(name.trim());
  };
  return (
    <Dialog
      open
      title="New collection"
      onClose={onClose}
      description="A collection is a folder of requests in the workspace."
      onSubmit={submit}
      error={error}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
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
