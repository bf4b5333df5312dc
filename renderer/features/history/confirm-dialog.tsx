import { Button, Dialog } from '../../ui';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/** A modal question before something that cannot be undone; role=alertdialog says it needs an answer. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  if (!request) return null;
  return (
    <Dialog
      open
      role="alertdialog"
      title={request.title}
      description={request.message}
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        request.onConfirm();
        onClose();
      }}
      actions={
        <>
          <Button onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button type="submit" variant="danger">
            {request.confirmLabel}
          </Button>
        </>
      }
    />
  );
}
