import type { MouseEvent } from 'react';

interface SendButtonProps {
  sending: boolean;
  onCancel: () => void;
}

/**
 * Send and Cancel share one spot, so the control that stops a request is exactly where the user just clicked.
 * The second click of a double-click on Send must not cancel what the first click started.
 */
export function SendButton({ sending, onCancel }: SendButtonProps) {
  if (sending) {
    const cancel = (event: MouseEvent<HTMLButtonElement>) => {
      if (event.detail > 1) return;
      onCancel();
    };
    return (
      <button type="button" className="rb-send rb-send--cancel" onClick={cancel}>
        Cancel
      </button>
    );
  }
  return (
    <button type="submit" className="rb-send" title="Send (Ctrl+Enter / ⌘+Enter)" aria-keyshortcuts="Control+Enter Meta+Enter">
      Send
    </button>
  );
}
