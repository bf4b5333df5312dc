import { useRef, useState, type FormEvent } from 'react';
import type { WorkspaceNode } from '../../../shared/contract';
import { containerChoices } from '../../../shared/workspace';
import { Button, Dialog, Field } from '../../ui';
import { saveFailureOf, useVaultSave, VaultSaveMessage, type SaveFailure } from './vault-save-message';

interface SaveAsDialogProps {
  open: boolean;
  initialName: string;
  nodes: readonly WorkspaceNode[];
  /** `parent` null with `newCollection`: create that collection first */
  onSave: (target: { parent: string | null; newCollection: string | null; name: string }) => Promise<void>;
  onClose: () => void;
  title?: string;
  submitLabel?: string;
  /** false for "Move to…": only the target is asked */
  askName?: boolean;
  /**
   * opens the vault dialog (over this one): a save refused because a typed credential needs the vault offers it in
   * place, and what was typed here stays for the Save that follows
   */
  onOpenVault?: () => void;
}

const NEW = '\u0000new';

/** Choose a collection or folder and a name for a request that has no file yet (or a target for "Move to…"). */
export function SaveAsDialog(props: SaveAsDialogProps) {
  // mounted while open, so every opening starts from the suggested name
  return props.open ? <SaveAsForm {...props} /> : null;
}

function SaveAsForm({ initialName, nodes, onSave, onClose, title = 'Save request', submitLabel = 'Save', askName = true, onOpenVault }: SaveAsDialogProps) {
  const choices = containerChoices(nodes);
  const [parent, setParent] = useState(choices[0]?.path ?? NEW);
  const [collection, setCollection] = useState('My collection');
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<SaveFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);
  // The refusal no longer holds once the vault is ready (set up or unlocked here, or from elsewhere): Save is the way on.
  const vaultReady = useVaultSave(error, submitRef).ready;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || (parent === NEW && collection.trim() === '')) return;
    setBusy(true);
    try {
      await onSave({ parent: parent === NEW ? null : parent, newCollection: parent === NEW ? collection.trim() : null, name: name.trim() });
      onClose();
    } catch (failure) {
      setError(saveFailureOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      description={
        askName ? 'Requests are saved as files in the workspace folder, so they can be shared through git.' : 'Choose the collection or folder to move it into.'
      }
      onSubmit={(event) => void submit(event)}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button ref={submitRef} type="submit" variant="primary" disabled={busy} data-autofocus={vaultReady ? true : undefined}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {askName ? (
        <Field label="Request name">
          {(control) => (
            <input {...control} value={name} onChange={(event) => setName(event.target.value)} required data-autofocus={vaultReady ? undefined : true} />
          )}
        </Field>
      ) : null}
      <Field label={askName ? 'Save to' : 'Move to'}>
        {(control) => (
          <select {...control} value={parent} onChange={(event) => setParent(event.target.value)} data-autofocus={askName ? undefined : true}>
            {choices.map((choice) => (
              <option key={choice.path} value={choice.path}>
                {choice.label}
              </option>
            ))}
            <option value={NEW}>New collection…</option>
          </select>
        )}
      </Field>
      {parent === NEW ? (
        <Field label="Collection name">
          {(control) => <input {...control} value={collection} onChange={(event) => setCollection(event.target.value)} required />}
        </Field>
      ) : null}
      <VaultSaveMessage failure={error} submitRef={submitRef} onOpenVault={onOpenVault} />
    </Dialog>
  );
}
