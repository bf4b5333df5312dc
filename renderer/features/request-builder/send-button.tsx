import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { UrlBarButton } from '../../ui';

interface SendButtonProps {
  sending: boolean;
  onCancel: () => void;
}

/**
 * Send and Cancel share one spot, so the control that stops a request is exactly where the user just clicked.
 * The second click of a double-click on Send must not cancel what the first click started. Distinct keys make
 * React create a fresh element for each, so a click on Cancel can never turn into a submit when the same <button>
 * becomes type=submit mid-click.
 */
export function SendButton({ sending, onCancel }: SendButtonProps) {
  // Swapping elements drops keyboard focus to the page body; the new one takes it when the old one had it.
  const button = useRef<HTMLButtonElement>(null);
  const hadFocus = useRef(false);
  useLayoutEffect(() => {
    if (hadFocus.current && button.current && button.current !== document.activeElement) button.current.focus();
  }, [sending]);
  const track = { ref: button, onFocus: () => (hadFocus.current = true), onBlur: () => (hadFocus.current = false) };
  if (sending) {
    const cancel = (event: MouseEvent<HTMLButtonElement>) => {
      // The Send button takes this spot during this very click; no default action may carry over to it.
      event.preventDefault();
      if (event.detail > 1) return;
      onCancel();
    };
    return (
      <UrlBarButton key="cancel" {...track} stop onClick={cancel}>
        Cancel
      </UrlBarButton>
    );
  }
  return (
    <UrlBarButton key="send" {...track} type="submit" title="Send (Ctrl+Enter / ⌘+Enter)" aria-keyshortcuts="Control+Enter Meta+Enter">
      Send
    </UrlBarButton>
  );
}
