import type { ReactNode } from 'react';

interface InlineMessageProps {
  /** error: something blocks the user; warning: allowed but probably unintended; info: for their attention */
  tone: 'error' | 'warning' | 'info';
  id?: string;
  children: ReactNode;
}

/**
 * A short message shown right next to the control it is about. Errors are announced (role=alert) because they
 * usually appear in answer to pressing Send; warnings and notes are polite status updates.
 */
export function InlineMessage({ tone, id, children }: InlineMessageProps) {
  return (
    <p id={id} role={tone === 'error' ? 'alert' : 'status'} className={`ui-inline-message ui-inline-message--${tone}`}>
      {children}
    </p>
  );
}
