import { Modal } from './modal';

interface UnsavedDialogProps {
  name: string | null;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

/** Closing a tab with unsaved changes asks first: Save, Don't save, or Cancel (the default, and Escape). */
export function UnsavedDialog({ name, onSave, onDiscard, onCancel }: UnsavedDialogProps) {
  return (
    <Modal open={name !== null} title="Save changes?" onClose={onCancel} role="alertdialog">
      {({ describedBy }) => (
        <>
          <p id={describedBy} className="ws-dialog__message">
            “{name}” has changes that are not saved. They will be lost if you close it without saving.
          </p>
          <div className="ws-dialog__actions">
            <button type="button" className="ws-button" onClick={onDiscard}>
              Don’t save
            </button>
            <button type="button" className="ws-button" onClick={onCancel} data-autofocus>
              Cancel
            </button>
            <button type="button" className="ws-button ws-button--primary" onClick={onSave}>
              Save
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
