import type { ReactNode } from 'react';
import { type ExecutionState } from '../../lib/execution-state';
import { ExchangeView } from './exchange-view';
import { RequestFailure } from './request-failure';
import { SendingProgress } from './sending-progress';
import { LiveSseEvents } from './live-sse-events';
import styles from './response-viewer.module.css';

interface ResponseViewerProps {
  state: ExecutionState;
  /** the response section chosen for this request tab, kept across its sends */
  section?: string | null;
  onSectionChange?: (section: string) => void;
  /** what the user can do about a failure (unlock the vault and send again, say) */
  failureAction?: ReactNode;
  /** how the viewer sits in its container (history's entry view makes it fill the space under its bar) */
  className?: string;
  /** said at the top of the viewer, above the status line it qualifies (the response shown is an older one) */
  notice?: ReactNode;
}

/** The response side of the window, for whatever state the current request is in. */
export function ResponseViewer({ state, section, onSectionChange, failureAction = null, className, notice = null }: ResponseViewerProps) {
  return (
    <section className={className ? `${styles.viewer} ${className}` : styles.viewer} aria-label="Response">
      {notice}
      {state.kind === 'idle' && <p className={styles.empty}>Send a request to see its response here.</p>}
      {state.kind === 'sending' && <SendingProgress startedAt={state.startedAt} progress={state.progress} />}
      {state.kind === 'sending' && <LiveSseEvents key={state.requestId} requestId={state.requestId} />}
      {state.kind === 'cancelled' && (
        <p className={styles.notice} role="status">
          Request cancelled
        </p>
      )}
      {state.kind === 'failed' && <RequestFailure error={state.error} action={failureAction} />}
      {state.kind === 'done' && (
        <ExchangeView
          key={state.requestId}
          exchange={state.exchange}
          graphql={state.request.body.kind === 'graphql'}
          section={section}
          onSectionChange={onSectionChange}
        />
      )}
    </section>
  );
}
