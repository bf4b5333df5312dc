import { Button, Dialog } from '../../ui';

interface UnsavedDialogProps {
  /** the unsaved tabs' names; null when nothing is asked */
  names: readonly string[] | null;
  /** false when a tab has no file yet and several are asked about ("Save as" goes one tab at a time) */
  canSave?: boolean;
  onSave: () => void;
  /**
   * When some asked tabs were never saved: how many have a file and how many not, and the action that saves the
   * former and keeps the latter open while the rest close (nothing is lost, and no "Save as" queue of dialogs)
   */
  partial?: { withFile: number; unsaved: number; onSaveWithFile: () => void } | null;
  onDiscard: () => void;
  onCancel: () => void;
}

function quoted(names: readonly string[]): string {
  const all = names.map((name) => `“${name}”`);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/**
 * Closing tabs with unsaved changes asks first: Save, Don't save, or Cancel (the default, and Escape). One question
 * for "Close others" and "Close all", naming every unsaved tab.
 */
export function UnsavedDialog({ names, canSave = true, onSave, partial = null, onDiscard, onCancel }: UnsavedDialogProps) {
  const many = names !== null && names.length > 1;
  if (names === null || names.length === 0) return null;
  return (
    <Dialog
      open
      role="alertdialog"
      title="Save changes?"
      onClose={onCancel}
      description={
        <>
          {many
            ? `${quoted(names)} have changes that are not saved. They will be lost if you close them without saving.`
            : `${quoted(names)} has changes that are not saved. They will be lost if you close it without saving.`}
          {canSave
            ? null
            : partial
              ? ` ${partial.unsaved === 1 ? 'One has never been saved: it stays' : `${partial.unsaved} have never been saved: they stay`} open to be saved with Ctrl+S.`
              : ' Some have never been saved: save those one at a time, or close without saving.'}
        </>
      }
      actions={
        <>
          <Button onClick={onDiscard}>Don’t save</Button>
          <Button onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          {canSave ? (
            <Button variant="primary" onClick={onSave}>
              {many ? 'Save all' : 'Save'}
            </Button>
          ) : partial ? (
            // only never-saved drafts asked about: close what is clean, keep the drafts (nothing lost, nothing asked)
            <Button variant="primary" onClick={partial.onSaveWithFile}>
              {partial.withFile > 0
                ? `Save ${partial.withFile}, keep ${partial.unsaved} open`
                : `Keep ${partial.unsaved === 1 ? 'it' : `the ${partial.unsaved}`} open`}
            </Button>
          ) : null}
        </>
      }
    />
  );
}
