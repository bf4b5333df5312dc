import { ConfirmDialog } from '../../ui';

export type SecretBodyAction = 'save' | 'copy';

const WORDING: Record<SecretBodyAction, { title: string; effect: string; confirm: string }> = {
  save: { title: 'Save a body that contains a secret?', effect: 'Saving writes it to a file in plain text.', confirm: 'Save anyway' },
  copy: { title: 'Copy a body that contains a secret?', effect: 'Copying puts it on the clipboard, where other apps can read it.', confirm: 'Copy anyway' },
};

/**
 * Asked before a body that echoes one of the request's secret values leaves Courier: the window shows the real
 * bytes, but writing them out is the user's decision, made knowing why.
 */
export function SecretBodyConfirm({ action, onConfirm, onClose }: { action: SecretBodyAction | null; onConfirm: () => void; onClose: () => void }) {
  if (!action) return null;
  const wording = WORDING[action];
  return (
    <ConfirmDialog
      title={wording.title}
      description={<>The response repeats a secret value this request sent (a secret variable, a vault value or a credential). {wording.effect}</>}
      confirmLabel={wording.confirm}
      onConfirm={() => {
        onConfirm();
        onClose();
      }}
      onCancel={onClose}
    />
  );
}
