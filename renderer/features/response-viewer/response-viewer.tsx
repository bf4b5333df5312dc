import { Suspense, type ReactNode } from 'react';
import { type ExecutionState } from '../../lib/execution-state';
import { RequestFailure } from './request-failure';
import { SendingProgress } from './sending-progress';
import { PartialResponseView } from './partial-response';
import { lazyNamed } from '../../ui';
import styles from './response-viewer.module.css';

// A window opens with no response: the views of one (body, headers, timing, tests, the event stream) load with the
// first, or at idle before it (preloadResponseViews), and are not run before the URL bar is painted.
const ExchangeView = lazyNamed(() => import('./exchange-view'), 'ExchangeView');
const LiveSseEvents = lazyNamed(() => import('./live-sse-events'), 'LiveSseEvents');

/** Fetches the response views ahead of the first response, so it is not kept waiting for them. */
export function preloadResponseViews(): Promise<unknown> {
  return Promise.all([ExchangeView.preload(), LiveSseEvents.preload()]);
}

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
      {state.kind === 'sending' &&
        (state.partial ? (
          <PartialResponseView partial={state.partial} progress={<SendingProgress startedAt={state.startedAt} progress={state.progress} inline />} />
        ) : (
          <SendingProgress startedAt={state.startedAt} progress={state.progress} />
        ))}
      {state.kind === 'sending' && (
        <Suspense fallback={null}>
          <LiveSseEvents key={state.requestId} requestId={state.requestId} />
        </Suspense>
      )}
      {state.kind === 'cancelled' &&
        (state.partial ? (
          <PartialResponseView partial={state.partial} ended="cancelled" />
        ) : (
          <p className={styles.notice} role="status">
            Request cancelled
          </p>
        ))}
      {state.kind === 'failed' && <RequestFailure error={state.error} action={failureAction} />}
      {state.kind === 'failed' && state.partial && <PartialResponseView partial={state.partial} ended="failed" />}
      {state.kind === 'done' && (
        <Suspense fallback={null}>
          <ExchangeView
            key={state.requestId}
            exchange={state.exchange}
            graphql={state.request.body.kind === 'graphql'}
            section={section}
            onSectionChange={onSectionChange}
          />
        </Suspense>
      )}
    </section>
  );
}
